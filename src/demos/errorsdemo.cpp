#include <demos/errorsdemo.h>
#include <httpserver/embeddedserver.h>
#include <engine/fetchjob.h>
#include <engine/threadlabel.h>
#include <common/units.h>
#include <demokit/signalordestruction.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QSemaphore>
#include <QTimer>
#include <QUuid>
#include <QtConcurrentRun>
#include <cmath>
#include <numeric>
#include <stdexcept>

using namespace Qt::StringLiterals;

namespace {

QByteArray chunkText(int chunk)
{
    return "chunk " + QByteArray::number(chunk) + ": " + QByteArray(1000, 'x') + '\n';
}

void failWith(QPromise<int> &promise, const QString &why)
{
    promise.setException(std::make_exception_ptr(std::runtime_error(why.toStdString())));
}

// Step 1 writes the chunks into a temporary file beside `path`, step 2 renames it to `path`.
// Each written chunk is reported as a result; after `pauseAfterChunk` the writer waits for the
// demo's go-ahead, so that the cancel lands half-way every time.
void writeInTwoSteps(QPromise<int> &promise, const QString &path, int pauseAfterChunk,
                     const std::shared_ptr<QSemaphore> &resume)
{
    //! [errors-cancel-chain]
    QSaveFile file(path); // writes into a temporary file in the same folder
    if (!file.open(QIODevice::WriteOnly))
        return failWith(promise, file.errorString());
    for (int chunk = 1; chunk <= ErrorsDemo::FileChunks; ++chunk) {
        if (promise.isCanceled())
            return; // QSaveFile's destructor deletes the temporary file: `path` never appears
        file.write(chunkText(chunk));
        promise.addResult(chunk);
        if (chunk == pauseAfterChunk)
            resume->tryAcquire(1, 5000);
    }
    if (!file.commit()) // step 2, the rename: `path` appears complete or not at all
        failWith(promise, file.errorString());
    //! [errors-cancel-chain]
}

} // namespace

ErrorsDemo::ErrorsDemo(const DemoContext &context, QObject *parent)
    : Demo(context,
           { u"errors-exception"_s, u"errors-timeout"_s, u"errors-retry"_s,
             u"errors-cancel-chain"_s },
           parent)
{
    setExplanationArguments({ SlowRequestMs, DeadlineMs, FlakyFailures, FirstBackoffMs,
                              FirstBackoffMs * 2, FirstBackoffMs * 4, FlakyFailures + 1,
                              CancelAfterChunk, FileChunks });
    connect(&m_writer, &QFutureWatcherBase::resultReadyAt, this, &ErrorsDemo::chunkWritten);
    connect(&m_writer, &QFutureWatcherBase::finished, this, &ErrorsDemo::fileWriteDone);
    m_backoff.setSingleShot(true);
    m_backoff.setTimerType(Qt::PreciseTimer); // a coarse one may end 5% early: 669 ms of 700
}

QString ErrorsDemo::canceledSummary() const
{
    return tr("Canceled before all four steps ran.");
}

ErrorsDemo::~ErrorsDemo()
{
    teardown(); // cancels the job and the writer, and deletes the job before its manager
}

QString ErrorsDemo::completeFilePath() const
{
    const QDir dir(context().workDir.isEmpty() ? QDir::tempPath() : context().workDir);
    return dir.filePath(u"errors-demo-complete.txt"_s);
}

QString ErrorsDemo::canceledFilePath() const
{
    const QDir dir(context().workDir.isEmpty() ? QDir::tempPath() : context().workDir);
    return dir.filePath(u"errors-demo-canceled.txt"_s);
}

void ErrorsDemo::run()
{
    if (!beginRun())
        return;
    m_exceptionDelivered = m_deadlineDetected = m_retrySucceeded = m_partialFileExists = false;
    m_exceptionMessage.clear();
    m_exceptionCaughtOn.clear();
    m_deadlineError.clear();
    m_deadlineAfterMs = m_retryTotalMs = 0;
    m_attempts = m_chunksBeforeCancel = 0;
    m_backoffMs.clear();
    m_completeFileBytes = -1;
    m_leftoverFiles.clear();
    m_error.clear();
    QTimer::singleShot(0, this, [this, generation = currentGeneration()] {
        if (isCurrent(generation))
            advance(&ErrorsDemo::throwInTask);
    });
}

void ErrorsDemo::cancelRun()
{
    emit progress(tr("canceling"));
    if (m_job)
        m_job->cancel(); // finished() comes back synchronously and ends the step
    if (m_writer.isRunning()) {
        m_writer.cancel();
        m_resumeWriter->release();
    }
    // A backoff wait or the exception step ends on its own within a few hundred ms.
}

void ErrorsDemo::throwInTask()
{
    emit progress(tr("1. a task on a worker thread throws an exception"));
    //! [errors-exception]
    QtConcurrent::run(pool(),
                      [] {
                          bool ok = false;
                          const int quantity = u"12,5"_s.toInt(&ok);
                          if (!ok)
                              throw std::invalid_argument("\"12,5\" is not a whole number");
                          return quantity;
                      })
            .then(this,
                  [this](int quantity) {
                      exceptionStepDone(false, tr("no exception: %1").arg(quantity));
                  })
            .onFailed(this, [this](const QUnhandledException &wrapped) {
                // QtConcurrent wraps exceptions that are not QExceptions; the original is inside.
                try {
                    std::rethrow_exception(wrapped.exception());
                } catch (const std::exception &e) {
                    exceptionStepDone(true, QString::fromUtf8(e.what()));
                } catch (...) {
                    exceptionStepDone(true, tr("an exception of unknown type"));
                }
            });
    //! [errors-exception]
}

void ErrorsDemo::exceptionStepDone(bool thrown, const QString &what)
{
    m_exceptionDelivered = thrown;
    m_exceptionMessage = what;
    m_exceptionCaughtOn = currentThreadLabel();
    emit progress(thrown ? tr("   the exception reached the %1 through the future: %2")
                                   .arg(m_exceptionCaughtOn, what)
                         : u"   %1"_s.arg(what));
    advance(&ErrorsDemo::fetchWithDeadline);
}

void ErrorsDemo::fetchWithDeadline()
{
    emit progress(
            tr("2. fetch /delay/%1 with a %2 ms deadline").arg(SlowRequestMs).arg(DeadlineMs));
    const QUrl url = context().server->url(u"/delay/%1"_s.arg(SlowRequestMs));
    QElapsedTimer clock;
    clock.start();
    //! [errors-timeout]
    FetchOptions options;
    options.deadlineMs = DeadlineMs; // for the whole request, not just a pause between bytes
    auto *job = new FetchJob(network(), url, options, this);
    connect(job, &FetchJob::finished, this, [this, job, clock](const FetchResult &result) {
        job->deleteLater();
        deadlineDone(result, elapsedMs(clock)); // result.error: "timed out after 300 ms"
    });
    job->start();
    //! [errors-timeout]
    m_job = deleteBeforeNetwork(job);
}

void ErrorsDemo::deadlineDone(const FetchResult &result, double ms)
{
    m_deadlineDetected =
            !result.ok() && !result.canceled && result.httpStatus == 0 && ms < SlowRequestMs;
    m_deadlineAfterMs = ms;
    m_deadlineError = result.error;
    if (!result.canceled) {
        emit progress(
                m_deadlineDetected
                        ? tr("   stopped after %1 ms: %2").arg(ms, 0, 'f', 0).arg(result.error)
                        : tr("   not stopped by the deadline: HTTP %1 after %2 ms")
                                  .arg(result.httpStatus)
                                  .arg(ms, 0, 'f', 0));
    }
    advance(&ErrorsDemo::startRetries);
}

void ErrorsDemo::startRetries()
{
    // A key of its own, so the server counts this run's failures from zero.
    m_retryUrl = u"/flaky/%1?fail=%2"_s.arg(QUuid::createUuid().toString(QUuid::Id128))
                         .arg(FlakyFailures);
    emit progress(tr("3. fetch a flaky endpoint that answers 503 %1 times, then 200; retry with "
                     "exponential backoff, at most %2 attempts")
                          .arg(FlakyFailures)
                          .arg(MaxAttempts));
    m_clock.start();
    retryWithBackoff();
}

//! [errors-retry]
QCoro::Task<> ErrorsDemo::retryWithBackoff()
{
    for (int number = 1;; ++number) {
        m_attempts = number;
        auto *job = new FetchJob(network(), context().server->url(m_retryUrl), {}, this);
        m_job = deleteBeforeNetwork(job);
        job->start();
        if (!job->isFinished() && !co_await SignalOrDestruction(job, &FetchJob::finished))
            co_return; // the demo is being torn down
        const FetchResult result = job->result();
        job->deleteLater();
        // No answer or a server error may pass; a 4xx answer will not change by asking again.
        const bool worthRetrying = result.httpStatus == 0 || result.httpStatus >= 500;
        if (result.ok() || result.canceled || !worthRetrying || number == MaxAttempts) {
            retriesDone(result);
            co_return;
        }

        const int backoffMs = FirstBackoffMs << (number - 1); // 100, 200, 400 ms, ...
        m_backoffMs.append(backoffMs);
        emit progress(tr("   attempt %1 at %2 ms: %3; next attempt in %4 ms")
                              .arg(number)
                              .arg(m_clock.elapsed())
                              .arg(result.error)
                              .arg(backoffMs));
        m_backoff.start(backoffMs);
        if (!co_await SignalOrDestruction(&m_backoff, &QTimer::timeout))
            co_return;
        if (isCanceled()) { // canceled during the backoff: no more attempts
            finishCanceled(canceledSummary());
            co_return;
        }
    }
}
//! [errors-retry]

void ErrorsDemo::retriesDone(const FetchResult &result)
{
    m_retrySucceeded = result.ok();
    m_retryTotalMs = double(m_clock.elapsed());
    if (!result.canceled) {
        emit progress(result.ok() ? tr("   attempt %1 at %2 ms: HTTP %3, success")
                                            .arg(m_attempts)
                                            .arg(m_clock.elapsed())
                                            .arg(result.httpStatus)
                                  : tr("   attempt %1 at %2 ms: %3; giving up")
                                            .arg(m_attempts)
                                            .arg(m_clock.elapsed())
                                            .arg(result.error));
    }
    advance(&ErrorsDemo::writeCompleteFile);
}

void ErrorsDemo::writeCompleteFile()
{
    emit progress(tr("4. write %1 chunks to a temporary file, then rename it to %2")
                          .arg(FileChunks)
                          .arg(QFileInfo(completeFilePath()).fileName()));
    writeFile(completeFilePath(), false);
}

void ErrorsDemo::writeCanceledFile()
{
    emit progress(tr("   again, to %1, canceled after chunk %2")
                          .arg(QFileInfo(canceledFilePath()).fileName())
                          .arg(CancelAfterChunk));
    writeFile(canceledFilePath(), true);
}

void ErrorsDemo::writeFile(const QString &path, bool cancelMidway)
{
    QFile::remove(path); // left by an earlier run
    m_writingPath = path;
    m_cancelMidway = cancelMidway;
    m_chunksBeforeCancel = 0;
    m_resumeWriter = std::make_shared<QSemaphore>();
    m_writer.setFuture(QtConcurrent::run(pool(), writeInTwoSteps, path,
                                         cancelMidway ? CancelAfterChunk : 0, m_resumeWriter));
}

void ErrorsDemo::chunkWritten(int resultIndex)
{
    const int chunk = m_writer.resultAt(resultIndex);
    m_chunksBeforeCancel = chunk;
    emit progress(tr("   chunk %1 of %2 written to the temporary file").arg(chunk).arg(FileChunks));
    if (m_cancelMidway && chunk == CancelAfterChunk) {
        emit progress(tr("   cancel!"));
        m_writer.cancel();
        m_resumeWriter->release();
    }
}

void ErrorsDemo::fileWriteDone()
{
    try {
        m_writer.future().waitForFinished(); // finished already; rethrows a stored exception
    } catch (const std::exception &e) {
        m_error = tr("writing %1 failed: %2").arg(m_writingPath, QString::fromUtf8(e.what()));
        emit progress(u"   "_s + m_error);
    }
    const QFileInfo target(m_writingPath);
    const bool exists = target.exists();
    if (!m_cancelMidway) {
        m_completeFileBytes = exists ? target.size() : -1;
        emit progress(
                exists ? tr("   %1 is there, %2 bytes").arg(target.fileName()).arg(target.size())
                       : tr("   %1 is missing").arg(target.fileName()));
        advance(&ErrorsDemo::writeCanceledFile);
        return;
    }
    m_partialFileExists = exists;
    // QSaveFile's temporary files are named after the target: anything else starting with the
    // target's name was left behind.
    m_leftoverFiles =
            target.dir().entryList({ target.fileName() + u"*"_s }, QDir::Files | QDir::Hidden);
    m_leftoverFiles.removeAll(target.fileName());
    emit progress(
            tr("   canceled after %1 chunks: %2 %3; temporary files left: %4")
                    .arg(m_chunksBeforeCancel)
                    .arg(target.fileName(), exists ? tr("EXISTS") : tr("does not exist"))
                    .arg(m_leftoverFiles.isEmpty() ? tr("none") : m_leftoverFiles.join(u", "_s)));
    if (isCanceled())
        finishCanceled(canceledSummary());
    else
        finish(outcome());
}

DemoOutcome ErrorsDemo::outcome() const
{
    DemoOutcome o;
    o.setFigure(DemoFigure::englishKey("exception"), DemoFigure::englishKey("delivered"),
                m_exceptionDelivered);
    o.setFigure(DemoFigure::englishKey("exception"), DemoFigure::englishKey("message"),
                m_exceptionMessage);
    o.setFigure(DemoFigure::englishKey("exception"), DemoFigure::englishKey("caught on"),
                m_exceptionCaughtOn);
    o.setFigure(DemoFigure::englishKey("timeout"), DemoFigure::englishKey("request"), SlowRequestMs,
                DemoFigure::englishKey("ms"));
    o.setFigure(DemoFigure::englishKey("timeout"), DemoFigure::englishKey("deadline"), DeadlineMs,
                DemoFigure::englishKey("ms"));
    o.setFigure(DemoFigure::englishKey("timeout"), DemoFigure::englishKey("detected"),
                m_deadlineDetected);
    o.setFigure(DemoFigure::englishKey("timeout"), DemoFigure::englishKey("stopped after"),
                std::round(m_deadlineAfterMs), DemoFigure::englishKey("ms"));
    o.setFigure(DemoFigure::englishKey("timeout"), DemoFigure::englishKey("error"),
                m_deadlineError);
    o.setFigure(DemoFigure::englishKey("retry"), DemoFigure::englishKey("attempts"), m_attempts);
    o.setFigure(DemoFigure::englishKey("retry"), DemoFigure::englishKey("succeeded"),
                m_retrySucceeded);
    QStringList backoff;
    for (int ms : m_backoffMs)
        backoff.append(QString::number(ms));
    o.setFigure(DemoFigure::englishKey("retry"), DemoFigure::englishKey("backoff"),
                backoff.join(u", "_s), DemoFigure::englishKey("ms"));
    o.setFigure(DemoFigure::englishKey("retry"), DemoFigure::englishKey("total"), m_retryTotalMs,
                DemoFigure::englishKey("ms"));
    o.setFigure(DemoFigure::englishKey("file written"), DemoFigure::englishKey("bytes"),
                double(m_completeFileBytes));
    o.setFigure(DemoFigure::englishKey("file"), DemoFigure::englishKey("chunks"), FileChunks);
    o.setFigure(DemoFigure::englishKey("file canceled"), DemoFigure::englishKey("after chunk"),
                m_chunksBeforeCancel);
    o.setFigure(DemoFigure::englishKey("file canceled"), DemoFigure::englishKey("target exists"),
                m_partialFileExists);
    o.setFigure(DemoFigure::englishKey("file canceled"),
                DemoFigure::englishKey("temporary files left"), int(m_leftoverFiles.size()));
    for (int i = 0; i < m_backoffMs.size(); ++i)
        o.bars.append({ DemoFigure::englishKey("before attempt %1").arg(i + 2),
                        double(m_backoffMs.at(i)) });
    o.barsUnit = DemoFigure::englishKey("ms of backoff");
    o.barsCategory = DemoFigure::englishKey("retry");

    const QString exception = m_exceptionDelivered
            ? tr("The exception thrown in a worker task reached the %1 through its future (%2).")
                      .arg(m_exceptionCaughtOn, m_exceptionMessage)
            : tr("No exception reached the caller.");
    const QString deadline = m_deadlineDetected
            ? tr("The %1 ms request was stopped after %2 ms.")
                      .arg(SlowRequestMs)
                      .arg(m_deadlineAfterMs, 0, 'f', 0)
            : tr("The %1 ms request was NOT stopped by the deadline.").arg(SlowRequestMs);
    const QString retry = m_retrySucceeded
            ? tr("The flaky request succeeded on attempt %1 after %2 ms of backoff.")
                      .arg(m_attempts)
                      .arg(std::accumulate(m_backoffMs.begin(), m_backoffMs.end(), 0))
            : tr("The flaky request failed after %n attempt(s).", nullptr, m_attempts);
    const QString file = m_partialFileExists
            ? tr("The write canceled after %1 of %2 chunks left a partial target file and %n "
                 "temporary file(s).",
                 nullptr, int(m_leftoverFiles.size()))
                      .arg(m_chunksBeforeCancel)
                      .arg(FileChunks)
            : tr("The write canceled after %1 of %2 chunks left no target file and %n temporary "
                 "file(s).",
                 nullptr, int(m_leftoverFiles.size()))
                      .arg(m_chunksBeforeCancel)
                      .arg(FileChunks);
    o.summary = QStringList { exception, deadline, retry, file }.join(u' ');
    if (!m_error.isEmpty()) {
        o.status = DemoOutcome::Status::Failed;
        o.error = m_error;
    }
    return o;
}

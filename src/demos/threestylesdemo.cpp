#include <demos/threestylesdemo.h>
#include <httpserver/embeddedserver.h>
#include <common/labclock.h>
#include "pipelineerror.h"
#include "pipelinesteps.h"
#include <common/units.h>

#include <QCoroFuture>
#include <QCoroNetworkReply>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QNetworkReply>
#include <QPointer>
#include <QtConcurrentRun>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
QString caseRoute(ThreeStylesDemo::Case c)
{
    switch (c) {
    case ThreeStylesDemo::Good:
        return u"/json?items=%1"_s.arg(ThreeStylesDemo::Items);
    case ThreeStylesDemo::HttpError:
        return u"/status/500"_s;
    default:
        return u"/badjson"_s;
    }
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

ThreeStylesDemo::ThreeStylesDemo(const DemoContext &context, QObject *parent)
    : Demo(context, { u"pipeline-callbacks"_s, u"pipeline-futures"_s, u"pipeline-coroutines"_s },
           parent)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(TimeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] { cancel(); });
}

ThreeStylesDemo::~ThreeStylesDemo()
{
    teardown();
}

QString ThreeStylesDemo::styleName(Style style)
{
    static const QString names[] = { DemoFigure::englishKey("callbacks"),
                                     DemoFigure::englishKey("futures"),
                                     DemoFigure::englishKey("coroutines") };
    return names[style];
}

QString ThreeStylesDemo::outputPath(Style style, Case c) const
{
    static const QString cases[] = { u"summary"_s, u"http-error"_s, u"bad-json"_s };
    return QDir(context().workDir).filePath(u"%1-%2.txt"_s.arg(cases[c], styleName(style)));
}

void ThreeStylesDemo::run()
{
    if (!beginRun())
        return;
    for (int s = 0; s < StyleCount; ++s) {
        m_goodMs[s].clear();
        for (int c = 0; c < CaseCount; ++c) {
            m_errors[c][s].clear();
            QFile::remove(outputPath(Style(s), Case(c)));
        }
    }
    // An untimed pass first opens the connection and starts the worker threads, so the first
    // style timed does not pay for them; the good case is then timed a few times per style.
    m_plan = { { Callbacks, Good } };
    for (int i = 0; i < TimedRuns; ++i) {
        // Each round starts with another style, so none always runs first or last.
        for (int s = 0; s < StyleCount; ++s)
            m_plan.append({ Style((s + i) % StyleCount), Good });
    }
    for (Case c : { HttpError, BadJson }) {
        for (int s = 0; s < StyleCount; ++s)
            m_plan.append({ Style(s), c });
    }
    m_next = 0;
    m_timeout.start();
    ++m_currentJob; // results of a canceled run still in flight now report to nobody
    QTimer::singleShot(0, this, [this, generation = currentGeneration()] {
        if (isCurrent(generation)) // not canceled and run again in the meantime
            runNext();
    });
}

void ThreeStylesDemo::runNext()
{
    if (!isRunning())
        return;
    if (m_next == m_plan.size())
        return finish(outcome());
    const Step step = m_plan.at(m_next);
    const QString path = m_next == 0 ? QDir(context().workDir).filePath(u"warm-up.txt"_s)
                                     : outputPath(step.style, step.c);
    ++m_next;
    const Job job { ++m_currentJob, context().server->url(caseRoute(step.c)), path };
    m_jobStartMs = labNowMs();
    switch (step.style) {
    case Callbacks:
        runWithCallbacks(job);
        break;
    case Futures:
        runWithFutures(job);
        break;
    default:
        runWithCoroutines(job);
        break;
    }
}

//! [pipeline-callbacks]
void ThreeStylesDemo::runWithCallbacks(const Job &job)
{
    QNetworkReply *reply = network()->get(PipelineSteps::request(job.url));
    connect(reply, &QNetworkReply::finished, this, [this, job, reply] {
        reply->deleteLater();
        if (const QString error = PipelineSteps::replyError(reply); !error.isEmpty())
            return done(job, error);
        auto *parsing = new QFutureWatcher<ParseResult>(this);
        connect(parsing, &QFutureWatcherBase::finished, this, [this, job, parsing] {
            parsing->deleteLater();
            const ParseResult parsed = parsing->result();
            if (!parsed.error.isEmpty())
                return done(job, parsed.error);
            auto *writing = new QFutureWatcher<QString>(this);
            connect(writing, &QFutureWatcherBase::finished, this, [this, job, writing] {
                writing->deleteLater();
                done(job, writing->result());
            });
            writing->setFuture(
                    QtConcurrent::run(pool(), PipelineSteps::write, job.path, parsed.summary));
        });
        parsing->setFuture(QtConcurrent::run(pool(), PipelineSteps::parse, reply->readAll()));
    });
}
//! [pipeline-callbacks]

//! [pipeline-futures]
void ThreeStylesDemo::runWithFutures(const Job &job)
{
    QNetworkReply *reply = network()->get(PipelineSteps::request(job.url));
    QtFuture::connect(reply, &QNetworkReply::finished)
            .then(this,
                  [reply] {
                      reply->deleteLater();
                      if (const QString error = PipelineSteps::replyError(reply); !error.isEmpty())
                          throw PipelineError(error);
                      return reply->readAll();
                  })
            .then(pool(),
                  [](const QByteArray &json) {
                      const ParseResult parsed = PipelineSteps::parse(json);
                      if (!parsed.error.isEmpty())
                          throw PipelineError(parsed.error);
                      return parsed.summary;
                  })
            .then(pool(),
                  [path = job.path](const ItemsSummary &summary) {
                      if (const QString error = PipelineSteps::write(path, summary);
                          !error.isEmpty())
                          throw PipelineError(error);
                  })
            .then(this, [this, job] { done(job, {}); })
            .onFailed(this, [this, job](const PipelineError &e) { done(job, e.message()); });
}
//! [pipeline-futures]

//! [pipeline-coroutines]
QCoro::Task<> ThreeStylesDemo::runWithCoroutines(Job job)
{
    QPointer<ThreeStylesDemo> self(this); // QCoro 0.8 resumes us even if this object died
    try {
        QNetworkReply *reply = co_await network()->get(PipelineSteps::request(job.url));
        if (!self)
            co_return;
        reply->deleteLater();
        if (const QString error = PipelineSteps::replyError(reply); !error.isEmpty())
            throw PipelineError(error);
        const ParseResult parsed =
                co_await QtConcurrent::run(pool(), PipelineSteps::parse, reply->readAll());
        if (!self)
            co_return;
        if (!parsed.error.isEmpty())
            throw PipelineError(parsed.error);
        const QString error =
                co_await QtConcurrent::run(pool(), PipelineSteps::write, job.path, parsed.summary);
        if (!self)
            co_return;
        if (!error.isEmpty())
            throw PipelineError(error);
        done(job, {});
    } catch (const PipelineError &e) {
        done(job, e.message());
    }
}
//! [pipeline-coroutines]

void ThreeStylesDemo::done(const Job &job, const QString &error)
{
    if (!isRunning() || job.id != m_currentJob)
        return; // a canceled run's pipeline
    const double ms = labNowMs() - m_jobStartMs;
    if (m_next == 1) { // the warm-up pass
        if (!error.isEmpty())
            return fail(error);
        QFile::remove(job.path);
        return queueNext(job);
    }
    const auto [style, c] = m_plan.at(m_next - 1);
    if (c != Good || m_errors[c][style].isEmpty())
        m_errors[c][style] = error;
    if (c == Good)
        m_goodMs[style].append(ms);
    emit progress(u"%1, %2: %3 (%4)"_s.arg(
            styleName(style), caseRoute(c),
            error.isEmpty() ? tr("wrote %1").arg(QDir(context().workDir).relativeFilePath(job.path))
                            : error,
            formatDuration(ms)));
    queueNext(job);
}

void ThreeStylesDemo::queueNext(const Job &job)
{
    // Queued: the next pipeline starts from a clean stack, not inside this one's last handler.
    QMetaObject::invokeMethod(
            this,
            [this, id = job.id] {
                if (id == m_currentJob)
                    runNext();
            },
            Qt::QueuedConnection);
}

DemoOutcome ThreeStylesDemo::outcome() const
{
    DemoOutcome outcome;
    for (int s = 0; s < StyleCount; ++s) {
        if (!m_errors[Good][s].isEmpty()) {
            outcome.status = DemoOutcome::Status::Failed;
            outcome.error = tr("the %1 pipeline failed: %2")
                                    .arg(DemoOutcome::translatedKey(styleName(Style(s))),
                                         m_errors[Good][s]);
            return outcome;
        }
    }
    const QByteArray reference = readFile(outputPath(Callbacks, Good));
    bool filesIdentical = !reference.isEmpty();
    bool errorsIdentical = true;
    bool errorFilesAbsent = true;
    QStringList medians;
    double spread = 0; // the widest range of one style's times
    for (int s = 0; s < StyleCount; ++s) {
        const auto style = Style(s);
        const QString name = styleName(style);
        filesIdentical = filesIdentical && readFile(outputPath(style, Good)) == reference;
        QList<double> times = m_goodMs[s];
        std::sort(times.begin(), times.end());
        // rounded once, as the text shows it: the figure, the bar and the summary agree
        const double median = roundedMs(times.value(times.size() / 2));
        medians.append(u"%1 %2"_s.arg(DemoOutcome::translatedKey(name), formatDuration(median)));
        spread = std::max(spread, times.isEmpty() ? 0.0 : roundedMs(times.last() - times.first()));
        outcome.setFigure(name, DemoFigure::englishKey("time"), median,
                          DemoFigure::englishKey("ms"));
        outcome.setFigure(name, DemoFigure::englishKey("HTTP %1").arg(500), m_errors[HttpError][s]);
        outcome.setFigure(name, DemoFigure::englishKey("bad JSON"), m_errors[BadJson][s]);
        for (int c = HttpError; c < CaseCount; ++c) {
            errorsIdentical = errorsIdentical && !m_errors[c][s].isEmpty()
                    && m_errors[c][s] == m_errors[c][Callbacks];
            errorFilesAbsent = errorFilesAbsent && !QFile::exists(outputPath(style, Case(c)));
        }
        outcome.bars.append({ name, median });
    }
    outcome.setRunFigure(DemoFigure::englishKey("files identical"), filesIdentical);
    outcome.setRunFigure(DemoFigure::englishKey("errors identical"), errorsIdentical);
    outcome.setRunFigure(DemoFigure::englishKey("no file after an error"), errorFilesAbsent);
    outcome.setRunFigure(DemoFigure::englishKey("summary"), reference.size(),
                         DemoFigure::englishKey("bytes"));
    outcome.barsUnit = DemoFigure::englishKey("ms per pipeline (median of %1)").arg(TimedRuns);
    outcome.barsCategory = DemoFigure::englishKey("style");
    const QString &httpError = m_errors[HttpError][Callbacks];
    const QString &jsonError = m_errors[BadJson][Callbacks];
    QStringList sentences;
    sentences << (filesIdentical ? tr("All three styles wrote the same %1-byte summary file.")
                                           .arg(reference.size())
                                 : tr("The three summary files differ."));
    sentences << (errorsIdentical
                          ? tr("The HTTP 500 ended every style with \"%1\" and the broken JSON "
                               "with \"%2\".")
                          : tr("The HTTP 500 ended the styles differently, callbacks with \"%1\" "
                               "and the broken JSON with \"%2\"."))
                         .arg(httpError, jsonError);
    sentences << (errorFilesAbsent ? tr("No style wrote a file after an error.")
                                   : tr("A file was written after an error."));
    sentences << tr("Median of %1 runs: %2; the runs of one style varied by up to %3.")
                         .arg(QString::number(TimedRuns), medians.join(u", "_s),
                              formatDuration(spread));
    outcome.summary = sentences.join(u' ');
    if (!filesIdentical || !errorsIdentical || !errorFilesAbsent) {
        outcome.status = DemoOutcome::Status::Failed;
        outcome.error = tr("the three styles did not agree");
    }
    return outcome;
}

void ThreeStylesDemo::cancelRun()
{
    if (m_timeout.isActive())
        finishCanceled();
    else
        fail(tr("timed out after %1").arg(formatDuration(TimeoutMs)));
    ++m_currentJob; // whatever is still in flight reports to nobody
    abortReplies();
}

void ThreeStylesDemo::stopRun()
{
    m_timeout.stop();
}

#include <engine/jobrunner.h>
#include <common/labclock.h>
#include <engine/operationlog.h>
#include <engine/runhere.h>
#include <stalls/responsivenessmonitor.h>
#include <engine/threadlabel.h>
#include <engine/threadpriority.h>

#include <QFutureWatcher>
#include <QtConcurrentRun>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
// What fetch and file-load results have in common.
template<typename Result>
void applyResult(OperationRecord &record, const Result &result)
{
    record.status = result.canceled ? OperationStatus::Canceled
            : result.ok()           ? OperationStatus::Succeeded
                                    : OperationStatus::Failed;
    record.bytes = result.bytes;
    record.sha256 = result.sha256;
    record.error = result.error;
}
} // namespace

JobRunner::JobRunner(OperationLog *log, ResponsivenessMonitor *monitor, QObject *parent)
    : QObject(parent), m_log(log), m_monitor(monitor)
{
    m_nextSlice.setSingleShot(true);
    m_nextSlice.setInterval(0);
    connect(&m_nextSlice, &QTimer::timeout, this, [this] {
        m_slice.invalidate();
        if (m_queuedFetches.empty())
            return;
        startQueuedFetches();
        if (m_queuedFetches.empty())
            emit queuedFetchesStarted();
    });
}

JobRunner::~JobRunner()
{
    // Pool tasks would otherwise keep running past the application's end, and QCoreApplication
    // waits for the global pool on exit. Cancelled loads stop within one chunk.
    m_shuttingDown = true;
    const QList<Running> running = m_running.values();
    for (const Running &r : running)
        r.cancel();
    for (const Running &r : running) {
        if (r.waitForFinished)
            r.waitForFinished();
    }
}

OperationRecord JobRunner::begin(OperationKind kind, RunMode mode, const QString &target)
{
    OperationRecord record;
    record.kind = kind;
    record.mode = mode;
    record.target = target;
    record.startMs = labNowMs();
    record.id = m_log->add(record);
    emit started(record.id);
    return record;
}

void JobRunner::complete(OperationRecord record)
{
    m_running.remove(record.id);
    if (m_shuttingDown)
        return;
    record.endMs = labNowMs();
    if (record.mode == RunMode::Blocking)
        m_monitor->checkpoint(); // the freeze just ended: measure it now, not at the next tick
    record.maxStallMs = m_monitor->maxStallBetween(record.startMs, record.endMs);
    m_log->update(record);
    emit finished(record.id);
}

void JobRunner::cancel(int id)
{
    if (auto it = m_running.constFind(id); it != m_running.cend())
        it->cancel();
}

void JobRunner::cancelAll()
{
    const QList<int> ids = m_running.keys();
    for (int id : ids)
        cancel(id);
}

int JobRunner::fetch(const QUrl &url, RunMode mode)
{
    OperationRecord record = begin(OperationKind::Fetch, mode, url.toDisplayString());
    if (mode == RunMode::Blocking) {
        record.workerThread = m_blockingFetcher.threadLabel();
        const FetchResult result = m_blockingFetcher.fetch(url, m_fetchOptions);
        const double end = labNowMs();
        record.spans = {
            { currentThreadLane(), SpanKind::BlockedWaiting, record.startMs, end },
            { { ThreadLane::NetworkThread, 0 }, SpanKind::Work, record.startMs, end },
        };
        applyFetchResult(record, result);
        return record.id;
    }
    record.workerThread = currentThreadLabel();
    const int id = record.id;
    m_queuedFetches.push_back({ record, url });
    m_running.insert(id, { [this, id] { cancelQueuedFetch(id); }, {} });
    startQueuedFetches();
    return id;
}

// Starts queued fetches in order until this turn's slice is spent; the zero timer ends the turn,
// after the event loop has painted, ticked the monitor and delivered replies.
void JobRunner::startQueuedFetches()
{
    if (!m_slice.isValid()) {
        m_slice.start();
        m_nextSlice.start();
    }
    while (!m_queuedFetches.empty() && m_slice.nsecsElapsed() < StartSliceNs) {
        const QueuedFetch next = std::move(m_queuedFetches.front());
        m_queuedFetches.pop_front();
        startFetch(next.record, next.url);
    }
    if (!m_queuedFetches.empty() && !m_nextSlice.isActive())
        m_nextSlice.start();
}

void JobRunner::cancelQueuedFetch(int id)
{
    const auto it = std::find_if(m_queuedFetches.begin(), m_queuedFetches.end(),
                                 [id](const QueuedFetch &q) { return q.record.id == id; });
    if (it == m_queuedFetches.end())
        return;
    OperationRecord record = it->record;
    m_queuedFetches.erase(it);
    record.status = OperationStatus::Canceled; // never sent: no spans
    complete(record);
}

void JobRunner::startFetch(OperationRecord record, const QUrl &url)
{
    // No thread does the waiting: the reply's signals arrive through this thread's event loop.
    const int id = record.id;
    auto *job = new FetchJob(&m_manager, url, m_fetchOptions, this);
    connect(job, &FetchJob::progress, this,
            [this, id](qint64 received, qint64 total) { emit progress(id, received, total); });
    connect(job, &FetchJob::finished, this, [this, job, record](const FetchResult &result) mutable {
        job->deleteLater();
        if (!m_networkThreadLowered && ThreadPriority::isEnabled()) {
            // Qt starts its network thread inside the manager; by the first answer it has named
            // itself and can be found (a bad URL fails before the thread exists: look again).
            m_networkThreadLowered = ThreadPriority::lowerQtNetworkThreads() > 0;
        }
        record.spans = {
            { { ThreadLane::EventLoop, 0 }, SpanKind::EventLoopWait, record.startMs, labNowMs() }
        };
        applyFetchResult(record, result);
    });
    m_running[id] = { [job] { job->cancel(); }, {} };
    job->start();
}

void JobRunner::applyFetchResult(OperationRecord record, const FetchResult &result)
{
    applyResult(record, result);
    record.httpStatus = result.httpStatus;
    complete(record);
}

int JobRunner::loadFile(const QString &path, RunMode mode)
{
    const FileLoadOptions options = m_fileOptions;
    OperationRecord record = begin(OperationKind::FileLoad, mode, path);
    runPromiseJob<FileLoadResult>(
            record,
            [path, options](QPromise<FileLoadResult> &promise) {
                ::loadFile(promise, path, options);
            },
            [](OperationRecord &r, const FileLoadResult &result) {
                applyResult(r, result);
                r.lines = result.lines;
            });
    return record.id;
}

int JobRunner::generateFile(const QString &path, qint64 bytes, RunMode mode)
{
    OperationRecord record = begin(OperationKind::GenerateFile, mode, path);
    record.totalBytes = bytes;
    runPromiseJob<QString>(
            record,
            [path, bytes](QPromise<QString> &promise) { generateSampleFile(promise, path, bytes); },
            [bytes](OperationRecord &r, const QString &error) {
                r.status = error.isEmpty() ? OperationStatus::Succeeded : OperationStatus::Failed;
                r.bytes = error.isEmpty() ? bytes : 0;
                r.error = error;
            });
    return record.id;
}

// The one place where a QPromise-based job is run: called right here on the GUI thread in Blocking
// mode, handed to the thread pool in Async mode. The job function is the same either way.
template<typename T>
void JobRunner::runPromiseJob(OperationRecord record, std::function<void(QPromise<T> &)> work,
                              std::function<void(OperationRecord &, const T &)> apply)
{
    if (record.mode == RunMode::Blocking) {
        record.workerThread = currentThreadLabel();
        const T result = runHere<T>(work);
        record.spans = { { currentThreadLane(), SpanKind::Work, record.startMs, labNowMs() } };
        apply(record, result);
        complete(record);
        return;
    }
    const int id = record.id;
    auto span = std::make_shared<ThreadSpan>(); // written by the task before it reports its end
    auto *watcher = new QFutureWatcher<T>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this, [this, watcher, id](int kib) {
        const int maximum = watcher->progressMaximum();
        emit progress(id, qint64(kib) * 1024, maximum > 0 ? qint64(maximum) * 1024 : -1);
    });
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, record, span, apply]() mutable {
                watcher->deleteLater();
                const QFuture<T> future = watcher->future();
                if (span->endMs > 0) { // not when cancelled before it started
                    record.workerThread = span->lane.name();
                    record.spans = { *span };
                }
                // A cancelled promise drops results added after the cancel.
                if (future.resultCount() > 0)
                    apply(record, future.result());
                else
                    record.status = OperationStatus::Canceled;
                complete(record);
            });
    m_running.insert(
            id, { [watcher] { watcher->cancel(); }, [watcher] { watcher->waitForFinished(); } });
    watcher->setFuture(QtConcurrent::run(&m_pool, [work, span](QPromise<T> &promise) {
        const double start = labNowMs();
        work(promise);
        *span = { currentThreadLane(), SpanKind::Work, start, labNowMs() };
    }));
}

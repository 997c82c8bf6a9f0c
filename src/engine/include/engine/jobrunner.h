#pragma once

#include <engine/blockingfetcher.h>
#include <engine/fetchjob.h>
#include <engine/fileload.h>
#include <engine/operationrecord.h>

#include <QElapsedTimer>
#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QThreadPool>
#include <QTimer>
#include <deque>
#include <functional>

class OperationLog;
class ResponsivenessMonitor;

// Starts fetches, file loads and sample-file generation in either mode, records each one in the
// operation log with the longest GUI freeze it caused, and cancels them. Lives on the GUI thread.
// In Blocking mode every call returns only when the operation is over (finished() has been
// emitted); in Async mode it returns at once. Async fetches are handed to the network a few
// milliseconds' worth per event-loop turn: a thousand asked for in one loop start over several
// turns, queued in start order, so the loop asking for them does not freeze the window.
class JobRunner : public QObject
{
    Q_OBJECT
public:
    JobRunner(OperationLog *log, ResponsivenessMonitor *monitor, QObject *parent = nullptr);
    ~JobRunner() override;

    void setFetchOptions(const FetchOptions &options) { m_fetchOptions = options; }
    void setFileLoadOptions(const FileLoadOptions &options) { m_fileOptions = options; }

    int fetch(const QUrl &url, RunMode mode);
    int loadFile(const QString &path, RunMode mode);
    int generateFile(const QString &path, qint64 bytes, RunMode mode);

    void cancel(int id);
    void cancelAll();
    bool isRunning(int id) const { return m_running.contains(id); } // queued ones included
    int runningCount() const { return int(m_running.size()); }
    // Async fetches asked for but not yet handed to the network.
    int queuedFetchCount() const { return int(m_queuedFetches.size()); }

    // How much of one event-loop turn starting queued fetches may take.
    static constexpr qint64 StartSliceNs = 3'000'000;

signals:
    // An operation is in the log: emitted before a Blocking one runs, so a caller can follow it.
    void started(int id);
    void progress(int id, qint64 done, qint64 total); // total < 0: unknown
    void finished(int id);
    // Fetches that had to wait for a later turn have all been handed to the network.
    void queuedFetchesStarted();

private:
    OperationRecord begin(OperationKind kind, RunMode mode, const QString &target);
    void complete(OperationRecord record);
    void startQueuedFetches();
    void startFetch(OperationRecord record, const QUrl &url);
    void cancelQueuedFetch(int id);
    void applyFetchResult(OperationRecord record, const FetchResult &result);
    template<typename T>
    void runPromiseJob(OperationRecord record, std::function<void(QPromise<T> &)> work,
                       std::function<void(OperationRecord &, const T &)> apply);

    OperationLog *m_log;
    ResponsivenessMonitor *m_monitor;
    // Not the global pool: Qt 6.4 splits smooth image scaling and some conversions across the
    // global pool and waits for them on the GUI thread, so long loads there would freeze painting.
    // Its threads keep the GUI thread's priority, unlike the server's and Qt's network thread:
    // niced, they made the GUI thread's stalls longer under twenty loads and 1000 fetches (median
    // 95 ms against 44 ms), probably because the GUI thread takes their futures' locks for every
    // progress report and result, and a pool thread waiting for a core holds it up.
    QThreadPool m_pool;
    QNetworkAccessManager m_manager;
    BlockingFetcher m_blockingFetcher;
    FetchOptions m_fetchOptions;
    FileLoadOptions m_fileOptions;
    struct Running
    {
        std::function<void()> cancel;
        std::function<void()> waitForFinished; // pool tasks only
    };
    QHash<int, Running> m_running; // async operations in flight
    struct QueuedFetch
    {
        OperationRecord record;
        QUrl url;
    };
    std::deque<QueuedFetch> m_queuedFetches;
    QElapsedTimer m_slice; // valid from the first start of an event-loop turn to the turn's end
    QTimer m_nextSlice; // zero interval: fires once the event loop has run the turn's other events
    bool m_networkThreadLowered = false;
    bool m_shuttingDown = false;
};

#pragma once

#include <demokit/demo.h>

#include <QList>
#include <QThreadPool>
#include <QTimer>
#include <atomic>

class QNetworkAccessManager;

// The same slow fetches waited for in three places: on the GUI thread, on worker threads that
// each block in one call, and on the event loop, where no thread waits for any one of them.
class WhereTheWaitDemo : public Demo
{
    Q_OBJECT
public:
    static constexpr int Fetches = 20;
    static constexpr int GuiFetches = 4; // on the GUI thread they run one after another: ~2 s
    static constexpr int DelayMs = 500;

    explicit WhereTheWaitDemo(const DemoContext &context, QObject *parent = nullptr);
    ~WhereTheWaitDemo() override;

    void run() override;

private:
    void cancelRun() override;
    void stopRun() override;
    void waitOnGuiThread();
    void waitOnWorkers();
    void onWorkerFetched(bool ok);
    void waitOnEventLoop();
    void onReplyFinished(bool ok);
    void reportLiveThreads();
    void endWay(const QString &key, int fetches, double startMs, int threadsBlocked);

    QTimer m_liveThreads;
    QObject *m_managers = nullptr; // parent of the event-loop way's network managers
    std::atomic<bool> m_cancel = false;
    std::atomic<int> m_blockedNow = 0;
    std::atomic<int> m_blockedPeak = 0;
    DemoOutcome m_outcome;
    int m_done = 0;
    int m_failed = 0;
    int m_threadsBefore = 0;
    double m_startMs = 0;
};

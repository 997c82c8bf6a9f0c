#pragma once

#include <demokit/demo.h>

#include <QFutureWatcher>
#include <QList>
#include <QNetworkAccessManager>
#include <QThreadPool>
#include <QTimer>
#include <algorithm>

// What the GUI thread's event loop dispatches, and how late: a 10 ms timer, network replies and
// results posted by worker threads, each logged with the time it was due and the time it ran.
// Half way through, one handler blocks the thread for 300 ms, and everything due meanwhile waits.
class EventLoopDemo : public Demo
{
    Q_OBJECT
public:
    static constexpr int TickMs = 10;
    static constexpr int BlockAtMs = 500;
    static constexpr int BlockMs = 300;
    static constexpr int RunMs = 1100;
    static constexpr int QuietFetchMs = 200; // answered while the loop is free
    static constexpr int QuietResultMs = 300;
    static constexpr int BlockedFetchMs = BlockAtMs + 10; // due while the handler blocks
    static constexpr int BlockedResultMs = BlockAtMs + 20;

    // One dispatched event; times in ms since the run started.
    struct Event
    {
        QString what;
        double dueMs = 0;
        double ranMs = 0;
        double delayMs() const { return std::max(0.0, ranMs - dueMs); }
    };

    explicit EventLoopDemo(const DemoContext &context, QObject *parent = nullptr);
    ~EventLoopDemo() override;

    void run() override;

    const QList<Event> &events() const { return m_events; } // of the last run

private:
    void cancelRun() override;
    void stopRun() override;
    void startTimeline();
    void fetch(int delayMs);
    void postResult(QFutureWatcher<double> *watcher, int readyAtMs);
    void record(const QString &what, double dueMs);
    void onTick();
    void longHandler();
    void summarise();
    double now() const;

    QTimer m_ticker;
    QTimer m_blocker;
    QTimer m_end;
    QFutureWatcher<double> m_quietResult;
    QFutureWatcher<double> m_blockedResult;
    QList<Event> m_events;
    double m_startMs = 0;
    double m_nextTickDueMs = 0; // since start
    int m_ticks = 0;
};

#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <functional>
#include <map>

class QTimer;

// Every timed wait of the server (the delay of /delay, the ticks of /drip, idle timeouts) in one
// deadline-ordered queue behind one precise QTimer armed for the earliest deadline. Qt's own timer
// list grows costly with thousands of timers; here adding and cancelling costs O(log n) and a
// wake-up handles every deadline that has passed. Lives on the server thread.
class DeadlineQueue : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void()>;
    class Handle;
    struct Entry
    {
        Handle *handle;
        Callback callback;
    };
    using Queue = std::multimap<qint64, Entry>; // keyed by deadline in ns of m_clock
    // A scheduled deadline; default-constructed or fired ones are inactive.
    class Handle
    {
    public:
        bool isActive() const { return m_active; }

    private:
        friend class DeadlineQueue;
        Queue::iterator m_it;
        bool m_active = false;
    };

    explicit DeadlineQueue(QObject *parent = nullptr);

    // Runs callback once, delayMs from now, unless cancelled first. handle must outlive the wait
    // or be cancelled; scheduling an active handle moves its deadline.
    void schedule(Handle &handle, qint64 delayMs, Callback callback);
    void cancel(Handle &handle);
    qsizetype size() const { return qsizetype(m_queue.size()); }
    qint64 nowMs() const { return nowNs() / 1000000; }

    // At most this many callbacks run in one event-loop turn, so that ten thousand answers due at
    // the same moment do not hold the thread in one long turn.
    static constexpr int SliceSize = 256;

    // Runs what is due (up to SliceSize); called by the timer. Returns how many ran.
    int runDue();
    // For running the server without waiting: fires the earliest deadline as if its time had come,
    // moving nowMs() ahead to it.
    bool fireNext();

private:
    qint64 nowNs() const { return m_clock.nsecsElapsed() + m_skewNs; }
    void rearm();

    Queue m_queue;
    QElapsedTimer m_clock;
    QTimer *m_timer;
    qint64 m_armedFor = -1;
    qint64 m_skewNs = 0; // how far fireNext() moved the clock ahead
};

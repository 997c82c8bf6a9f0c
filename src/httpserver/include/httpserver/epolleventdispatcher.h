#pragma once

#include <QAbstractEventDispatcher>
#include <QAtomicInt>
#include <memory>
#include <vector>

class QSocketNotifier;
class QTimerInfoList;

// An event dispatcher for one thread that waits with epoll instead of poll. Qt's own Unix
// dispatcher rebuilds and scans a pollfd array of every socket on each turn, so a thread holding
// ten thousand idle keep-alive connections spends its time scanning them; epoll reports only the
// descriptors that are ready. Timers keep Qt's own bookkeeping (QTimerInfoList), so they behave
// exactly as under Qt's dispatcher. Install with QThread::setEventDispatcher() before the thread
// starts; it has no GUI integration and suits threads without windows.
class EpollEventDispatcher : public QAbstractEventDispatcher
{
    Q_OBJECT
public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                       QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

    // Descriptors whose interest changed and that the kernel has not been told of yet: changes
    // are applied once per turn, so a socket that enables and disables its write notifier within
    // one turn (a write that went out at once) costs no system call.
    qsizetype pendingInterestChanges() const { return qsizetype(m_dirty.size()); }

private:
    struct Watch
    {
        QSocketNotifier *notifiers[3] = {}; // Read, Write, Exception
        quint32 kernelEvents = 0; // what epoll was last told
        bool inKernel = false;
        bool dirty = false;
    };
    struct Ready
    {
        int fd;
        quint32 events;
    };

    Watch *watchFor(int fd, bool create);
    void markDirty(int fd, Watch &watch);
    void applyInterestChanges();
    int waitForWakeUpOnly(int timeoutMs);
    void drainWakeUp();
    int activateSocketNotifiers(int count);

    int m_epoll = -1;
    int m_wakeFd = -1; // an eventfd, watched by m_epoll too
    QAtomicInt m_wakeUps; // 1 while a wake-up is written and not yet read
    QAtomicInt m_interrupted;
    std::vector<Watch> m_watches; // indexed by descriptor
    std::vector<int> m_dirty;
    std::vector<Ready> m_ready;
    std::unique_ptr<QTimerInfoList> m_timers;
    bool m_haveWait2 = true; // epoll_pwait2 (Linux 5.11) waits with a precise timeout
};

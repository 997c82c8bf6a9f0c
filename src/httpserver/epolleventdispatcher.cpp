#include <httpserver/epolleventdispatcher.h>

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThread>
#include <cerrno>
#include <poll.h>
#include <private/qtimerinfo_unix_p.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace {

constexpr int MaxEventsPerWait = 1024;

quint32 epollEvents(const QSocketNotifier *const notifiers[3])
{
    quint32 events = 0;
    if (notifiers[QSocketNotifier::Read])
        events |= EPOLLIN;
    if (notifiers[QSocketNotifier::Write])
        events |= EPOLLOUT;
    if (notifiers[QSocketNotifier::Exception])
        events |= EPOLLPRI;
    return events;
}

bool onOwnThread(const QObject *dispatcher, const QObject *object, const char *what)
{
    if (object->thread() == dispatcher->thread()
        && dispatcher->thread() == QThread::currentThread())
        return true;
    qWarning("EpollEventDispatcher: %s cannot be used from another thread", what);
    return false;
}

// The socket `notifier` watches, or -1 when it has none or may not be used here (warned).
int socketOf(const QObject *dispatcher, const QSocketNotifier *notifier)
{
    Q_ASSERT(notifier);
    const int fd = int(notifier->socket());
    return fd >= 0 && onOwnThread(dispatcher, notifier, "socket notifiers") ? fd : -1;
}

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent), m_timers(std::make_unique<QTimerInfoList>())
{
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    m_wakeFd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (m_epoll < 0 || m_wakeFd < 0)
        qFatal("EpollEventDispatcher: cannot create an epoll instance or an eventfd: %s",
               qPrintable(qt_error_string(errno)));
    epoll_event event {};
    event.events = EPOLLIN;
    event.data.fd = m_wakeFd;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &event);
    m_ready.reserve(MaxEventsPerWait);
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    qDeleteAll(*m_timers); // the list owns its entries, as in Qt's dispatcher
    ::close(m_wakeFd);
    ::close(m_epoll);
}

EpollEventDispatcher::Watch *EpollEventDispatcher::watchFor(int fd, bool create)
{
    if (fd < 0)
        return nullptr;
    if (size_t(fd) >= m_watches.size()) {
        if (!create)
            return nullptr;
        m_watches.resize(std::max<size_t>(size_t(fd) + 1, m_watches.size() * 2));
    }
    return &m_watches[size_t(fd)];
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = socketOf(this, notifier);
    if (fd < 0)
        return;
    Watch *watch = watchFor(fd, true);
    QSocketNotifier *&slot = watch->notifiers[notifier->type()];
    if (slot && slot != notifier)
        qWarning("EpollEventDispatcher: multiple socket notifiers for the same socket %d and type",
                 fd);
    slot = notifier;
    markDirty(fd, *watch);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = socketOf(this, notifier);
    if (fd < 0)
        return;
    Watch *watch = watchFor(fd, false);
    if (!watch || watch->notifiers[notifier->type()] != notifier)
        return;
    watch->notifiers[notifier->type()] = nullptr;
    if (epollEvents(watch->notifiers) == 0 && watch->inKernel) {
        // Removed now, not at the end of the turn: the socket may be closed next, and a
        // descriptor shared with a forked child would otherwise stay in the set under its number.
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        watch->inKernel = false;
        watch->kernelEvents = 0;
        return;
    }
    markDirty(fd, *watch);
}

void EpollEventDispatcher::markDirty(int fd, Watch &watch)
{
    if (watch.dirty)
        return;
    watch.dirty = true;
    m_dirty.push_back(fd);
}

void EpollEventDispatcher::applyInterestChanges()
{
    for (const int fd : m_dirty) {
        Watch &watch = m_watches[size_t(fd)];
        watch.dirty = false;
        const quint32 wanted = epollEvents(watch.notifiers);
        if (watch.inKernel && wanted == watch.kernelEvents)
            continue;
        epoll_event event {};
        event.events = wanted;
        event.data.fd = fd;
        int rc = 0;
        if (wanted == 0) {
            // A closed descriptor has left the set by itself: ENOENT and EBADF are expected.
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
            watch.inKernel = false;
        } else if (watch.inKernel) {
            rc = epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
            if (rc < 0 && errno == ENOENT) // closed and reused since it was added
                rc = epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
        } else {
            rc = epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
            if (rc < 0 && errno == EEXIST)
                rc = epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
        }
        if (rc < 0) {
            qWarning("EpollEventDispatcher: cannot watch socket %d: %s", fd,
                     qPrintable(qt_error_string(errno)));
            watch.inKernel = false;
            watch.kernelEvents = 0;
            continue;
        }
        watch.inKernel = wanted != 0;
        watch.kernelEvents = wanted;
    }
    m_dirty.clear();
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                         QObject *object)
{
    if (timerId < 1 || interval < 0 || !object) {
        qWarning("EpollEventDispatcher::registerTimer: invalid arguments");
        return;
    }
    if (!onOwnThread(this, object, "timers"))
        return;
    m_timers->registerTimer(timerId, interval, timerType, object);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    if (timerId < 1) {
        qWarning("EpollEventDispatcher::unregisterTimer: invalid argument");
        return false;
    }
    if (thread() != QThread::currentThread()) {
        qWarning("EpollEventDispatcher: timers cannot be stopped from another thread");
        return false;
    }
    return m_timers->unregisterTimer(timerId);
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    if (!object) {
        qWarning("EpollEventDispatcher::unregisterTimers: invalid argument");
        return false;
    }
    if (!onOwnThread(this, object, "timers"))
        return false;
    return m_timers->unregisterTimers(object);
}

QList<QAbstractEventDispatcher::TimerInfo>
EpollEventDispatcher::registeredTimers(QObject *object) const
{
    if (!object) {
        qWarning("EpollEventDispatcher::registeredTimers: invalid argument");
        return {};
    }
    return m_timers->registeredTimers(object);
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    if (timerId < 1) {
        qWarning("EpollEventDispatcher::remainingTime: invalid argument");
        return -1;
    }
    return m_timers->timerRemainingTime(timerId);
}

void EpollEventDispatcher::wakeUp()
{
    // One write per wake-up, however many threads post meanwhile (as Qt's own dispatcher does).
    if (m_wakeUps.testAndSetAcquire(0, 1)) {
        const quint64 one = 1;
        ssize_t n;
        do {
            n = ::write(m_wakeFd, &one, sizeof one);
        } while (n < 0 && errno == EINTR);
    }
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.storeRelaxed(1);
    wakeUp();
}

void EpollEventDispatcher::drainWakeUp()
{
    quint64 value;
    ssize_t n;
    do {
        n = ::read(m_wakeFd, &value, sizeof value);
    } while (n < 0 && errno == EINTR);
    m_wakeUps.storeRelease(0);
}

int EpollEventDispatcher::waitForWakeUpOnly(int timeoutMs)
{
    pollfd wake { m_wakeFd, POLLIN, 0 };
    int rc;
    do {
        rc = ::poll(&wake, 1, timeoutMs);
    } while (rc < 0 && errno == EINTR);
    if (rc > 0) {
        drainWakeUp();
        return 1;
    }
    return 0;
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    // The same steps as Qt's QEventDispatcherUNIX::processEvents: posted events, then one wait,
    // then socket notifiers, then timers.
    m_interrupted.storeRelaxed(0);
    emit awake();
    QCoreApplication::sendPostedEvents();

    const bool includeTimers = !(flags & QEventLoop::X11ExcludeTimers);
    const bool includeNotifiers = !(flags & QEventLoop::ExcludeSocketNotifiers);
    // Qt's dispatcher also asks the thread's private data whether events are still queued; every
    // posted event calls wakeUp(), so the eventfd is readable then and the wait returns at once.
    const bool canWait = (flags & QEventLoop::WaitForMoreEvents) && !m_interrupted.loadRelaxed();
    if (canWait)
        emit aboutToBlock();
    if (m_interrupted.loadRelaxed())
        return false;

    timespec wait { 0, 0 };
    const timespec *timeout = &wait; // null waits without end
    if (canWait && !(includeTimers && m_timers->timerWait(wait)))
        timeout = nullptr;

    int events = 0;
    if (!includeNotifiers) {
        const int ms = timeout ? int(wait.tv_sec * 1000 + (wait.tv_nsec + 999999) / 1000000) : -1;
        events += waitForWakeUpOnly(ms);
    } else {
        applyInterestChanges();
        epoll_event ready[MaxEventsPerWait];
        int n = -1;
        if (m_haveWait2) {
            n = epoll_pwait2(m_epoll, ready, MaxEventsPerWait, timeout, nullptr);
            if (n < 0 && errno == ENOSYS)
                m_haveWait2 = false;
        }
        if (!m_haveWait2) {
            // Rounded up: a precise timer must not wake the loop before it is due.
            const int ms =
                    timeout ? int(wait.tv_sec * 1000 + (wait.tv_nsec + 999999) / 1000000) : -1;
            n = epoll_wait(m_epoll, ready, MaxEventsPerWait, ms);
        }
        if (n < 0 && errno != EINTR)
            qErrnoWarning("EpollEventDispatcher: epoll_wait");
        m_ready.clear();
        for (int i = 0; i < n; ++i) {
            if (ready[i].data.fd == m_wakeFd) {
                drainWakeUp();
                ++events;
            } else {
                m_ready.push_back({ ready[i].data.fd, ready[i].events });
            }
        }
        events += activateSocketNotifiers(int(m_ready.size()));
    }
    if (includeTimers)
        events += m_timers->activateTimers();
    return events > 0;
}

int EpollEventDispatcher::activateSocketNotifiers(int count)
{
    int activated = 0;
    QEvent event(QEvent::SockAct);
    for (int i = 0; i < count; ++i) {
        const Ready ready = m_ready[size_t(i)];
        // An error or hang-up wakes every notifier of the socket, as poll's POLLERR does in Qt.
        const bool failed = ready.events & (EPOLLERR | EPOLLHUP);
        const bool fires[3] = { failed || (ready.events & EPOLLIN),
                                failed || (ready.events & EPOLLOUT),
                                failed || (ready.events & EPOLLPRI) };
        for (int type = 0; type < 3; ++type) {
            if (!fires[type])
                continue;
            // Looked up again for each one: an earlier handler may have disabled or deleted it.
            const Watch *watch = watchFor(ready.fd, false);
            QSocketNotifier *notifier = watch ? watch->notifiers[type] : nullptr;
            if (!notifier)
                continue;
            QCoreApplication::sendEvent(notifier, &event);
            ++activated;
        }
    }
    return activated;
}

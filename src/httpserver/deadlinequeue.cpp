#include <httpserver/deadlinequeue.h>

#include <QTimer>
#include <algorithm>

DeadlineQueue::DeadlineQueue(QObject *parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_clock.start();
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer); // clients measure how late answers are
    connect(m_timer, &QTimer::timeout, this, [this] {
        m_armedFor = -1;
        runDue();
        rearm();
    });
}

void DeadlineQueue::schedule(Handle &handle, qint64 delayMs, Callback callback)
{
    cancel(handle);
    const qint64 deadline = nowNs() + std::max<qint64>(0, delayMs) * 1000000;
    handle.m_it = m_queue.emplace(deadline, Entry { &handle, std::move(callback) });
    handle.m_active = true;
    if (m_armedFor < 0 || deadline < m_armedFor)
        rearm();
}

void DeadlineQueue::cancel(Handle &handle)
{
    if (!handle.m_active)
        return;
    m_queue.erase(handle.m_it);
    handle.m_active = false;
    // The timer stays armed for a deadline that may be gone; it then finds nothing due and re-arms.
}

int DeadlineQueue::runDue()
{
    const qint64 now = nowNs();
    int ran = 0;
    while (ran < SliceSize && !m_queue.empty() && m_queue.begin()->first <= now) {
        auto node = m_queue.extract(m_queue.begin());
        node.mapped().handle->m_active = false;
        ++ran;
        node.mapped().callback(); // may schedule or cancel others, or itself again
    }
    return ran;
}

bool DeadlineQueue::fireNext()
{
    if (m_queue.empty())
        return false;
    // From here on the clock reads at least this deadline, so a callback that checks how much
    // time has passed sees it as passed.
    m_skewNs += std::max<qint64>(0, m_queue.begin()->first - nowNs());
    auto node = m_queue.extract(m_queue.begin());
    node.mapped().handle->m_active = false;
    node.mapped().callback();
    return true;
}

void DeadlineQueue::rearm()
{
    if (m_queue.empty()) {
        m_timer->stop();
        m_armedFor = -1;
        return;
    }
    const qint64 earliest = m_queue.begin()->first;
    m_armedFor = earliest;
    // Rounded up: a timer that fires a fraction of a millisecond early would find nothing due.
    const qint64 waitMs = (earliest - nowNs() + 999999) / 1000000;
    m_timer->start(int(std::clamp<qint64>(waitMs, 0, 24 * 3600 * 1000)));
}

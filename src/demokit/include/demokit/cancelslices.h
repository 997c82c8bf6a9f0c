#pragma once

#include <QDeadlineTimer>
#include <QThread>
#include <algorithm>
#include <atomic>

// Waiting on a worker thread so that a cancel or a quit ends the wait within one short slice
// instead of at the end of its timeout.
namespace CancelSlices {

constexpr qint64 SliceMs = 20;

// Calls tryFor(ms) in slices until it succeeds (true), the timeout passes or `stop` is set.
template<typename TryFor>
bool tryUnlessStopped(const std::atomic_bool &stop, int timeoutMs, TryFor tryFor)
{
    const QDeadlineTimer deadline(timeoutMs, Qt::PreciseTimer);
    while (!stop.load()) {
        if (tryFor(int(std::clamp<qint64>(deadline.remainingTime(), 0, SliceMs))))
            return true;
        if (deadline.hasExpired())
            return false;
    }
    return false;
}

// Sleeps while remainingMs() is above 0, checking stopped() between slices of sliceMs.
template<typename Remaining, typename Stopped>
void sleepUnlessStopped(Remaining remainingMs, Stopped stopped, double sliceMs = 5)
{
    for (double left = remainingMs(); left > 0 && !stopped(); left = remainingMs())
        QThread::usleep(ulong(std::min(left, sliceMs) * 1000));
}

} // namespace CancelSlices

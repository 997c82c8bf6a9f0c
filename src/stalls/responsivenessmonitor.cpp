#include <stalls/responsivenessmonitor.h>
#include <common/labclock.h>

#include <algorithm>
#include <cmath>
#include <vector>

ResponsivenessMonitor::ResponsivenessMonitor(QObject *parent, int intervalMs) : QObject(parent)
{
    // Coarse timers may fire early or late by design; only a precise one measures lateness.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { record(labNowMs()); });
}

void ResponsivenessMonitor::start()
{
    m_lastTickMs = labNowMs();
    m_heartbeatMs.store(m_lastTickMs, std::memory_order_release);
    m_timer.start();
}

void ResponsivenessMonitor::stop()
{
    m_timer.stop();
    m_heartbeatMs.store(-1, std::memory_order_release);
}

void ResponsivenessMonitor::checkpoint()
{
    if (m_timer.isActive())
        record(labNowMs());
}

void ResponsivenessMonitor::record(double now)
{
    const LagSample sample { now, std::max(0.0, now - m_lastTickMs - m_timer.interval()) };
    m_lastTickMs = now;
    m_heartbeatMs.store(now, std::memory_order_release);
    addSample(sample);
}

void ResponsivenessMonitor::addSample(const LagSample &sample)
{
    m_samples.push_back(sample);
    while (!m_samples.empty() && m_samples.front().atMs < sample.atMs - m_historyMs)
        m_samples.pop_front();
    emit sampled(sample);
}

LagStats ResponsivenessMonitor::statsBetween(double fromMs, double toMs) const
{
    LagStats stats;
    std::vector<double> lags;
    for (const LagSample &s : m_samples) {
        if (s.atMs < fromMs || s.atMs - s.lagMs > toMs)
            continue;
        lags.push_back(s.lagMs);
        stats.maxStallMs = std::max(stats.maxStallMs, s.lagMs);
        if (s.lagMs > StallThresholdMs)
            ++stats.stallsOver50Ms;
        stats.currentLagMs = s.lagMs;
    }
    stats.samples = int(lags.size());
    if (!lags.empty()) {
        const auto rank = size_t(std::ceil(0.99 * double(lags.size()))) - 1;
        std::nth_element(lags.begin(), lags.begin() + qsizetype(rank), lags.end());
        stats.p99LagMs = lags[rank];
    }
    return stats;
}

LagStats ResponsivenessMonitor::recentStats(double windowMs) const
{
    const double now = labNowMs();
    return statsBetween(now - windowMs, now);
}

QList<LagSample> ResponsivenessMonitor::stallsDuring(double fromMs, double toMs) const
{
    QList<LagSample> stalls;
    for (const LagSample &s : m_samples) {
        // Most of it inside: a freeze that begins as a run starts is timed from the tick that was
        // due, a few milliseconds before the run's start.
        const double middleMs = s.atMs - s.lagMs / 2;
        if (s.lagMs > StallThresholdMs && middleMs >= fromMs && middleMs < toMs)
            stalls.append(s);
    }
    return stalls;
}

double ResponsivenessMonitor::maxStallBetween(double fromMs, double toMs) const
{
    // The whole freeze, as the heartbeat and the Stalls list show it: one number for one freeze.
    return statsBetween(fromMs, toMs).maxStallMs;
}

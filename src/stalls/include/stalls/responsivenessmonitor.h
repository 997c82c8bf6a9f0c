#pragma once

#include <QList>
#include <QObject>
#include <QTimer>
#include <atomic>
#include <deque>

// One tick of the monitor: at `atMs` (labNowMs time base) the event loop ran `lagMs` later than
// asked, i.e. the GUI thread was busy from atMs - lagMs until atMs.
struct LagSample
{
    double atMs = 0;
    double lagMs = 0;
};

struct LagStats
{
    double currentLagMs = 0;
    double maxStallMs = 0;
    double p99LagMs = 0;
    int stallsOver50Ms = 0;
    int samples = 0;
};

// Measures how late a precise timer on the GUI thread fires. A responsive event loop runs it
// within a millisecond; a blocked one runs it only when the block ends, and the lateness is the
// length of the freeze.
class ResponsivenessMonitor : public QObject
{
    Q_OBJECT
public:
    static constexpr double StallThresholdMs = 50; // a "long task"

    explicit ResponsivenessMonitor(QObject *parent = nullptr, int intervalMs = 5);

    void start();
    void stop();
    int intervalMs() const { return m_timer.interval(); }

    // Measures the lateness of the pending tick right now; Blocking jobs call it as they finish so
    // their freeze is recorded before anyone asks about it.
    void checkpoint();

    // Stats over samples whose busy period overlaps [fromMs, toMs].
    LagStats statsBetween(double fromMs, double toMs) const;
    LagStats recentStats(double windowMs = 10000) const;
    // The stalls mostly within [fromMs, toMs) (their middle in it): samples later than
    // StallThresholdMs. One run's stalls, counted this way wherever they are counted or listed.
    QList<LagSample> stallsDuring(double fromMs, double toMs) const;
    // Longest stall overlapping [fromMs, toMs], the part of it inside: the freeze an operation
    // suffered while it ran, never longer than the operation.
    double maxStallBetween(double fromMs, double toMs) const;

    // The labNowMs() time of the last tick, published for a watchdog on another thread; negative
    // while the monitor is stopped.
    const std::atomic<double> &heartbeat() const { return m_heartbeatMs; }

    // Keeps a sample measured elsewhere (a watched program's) as if this monitor had taken it;
    // for a monitor that is never started.
    void addSample(const LagSample &sample);

    const std::deque<LagSample> &samples() const { return m_samples; }
    // How long samples are kept (2 min by default); 0 keeps none, for a monitor whose samples
    // are streamed away as they are taken.
    void setHistoryMs(double ms) { m_historyMs = ms; }

signals:
    void sampled(const LagSample &sample);

private:
    void record(double now);

    QTimer m_timer;
    double m_lastTickMs = 0;
    double m_historyMs = 120000;
    std::deque<LagSample> m_samples;
    std::atomic<double> m_heartbeatMs { -1 };
};

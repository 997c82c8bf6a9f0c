#pragma once

#include <stalls/stallrecord.h>

#include <QList>
#include <QObject>
#include <QPointer>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

class ResponsivenessMonitor;
class Symbolizer;

// Watches the heartbeat of the thread that creates it (the GUI thread) from a thread of its own,
// as KDToolBox's UiWatchdog and Chromium's HangWatcher do, and recognises a stall while it is still
// going on: when the heartbeat is more than the threshold late. During the stall it samples the
// stalled thread's stack and state about every sampleIntervalMs; when the heartbeat comes back it
// symbolises the samples (on its own thread) and hands one StallRecord to the GUI thread.
//
// The heartbeat is a labNowMs() time the watched thread stores on every tick (the responsiveness
// monitor's), and a negative value while it is not ticking.
class StallWatchdog : public QObject
{
    Q_OBJECT
public:
    static constexpr double DefaultThresholdMs = 50;
    static constexpr int DefaultSampleIntervalMs = 10;
    static constexpr int MaxRecords = 1000; // the oldest are dropped
    static constexpr int MaxSamplesPerStall =
            3000; // thirty seconds of samples; later ones only count

    explicit StallWatchdog(QObject *parent = nullptr);
    ~StallWatchdog() override;

    // tickIntervalMs: how often the heartbeat is due when all is well.
    bool start(const std::atomic<double> *heartbeatMs, int tickIntervalMs);
    void stop();
    bool isRunning() const { return m_thread.joinable(); }
    QString errorString() const { return m_error; }

    void setThresholdMs(double ms) { m_thresholdMs.store(ms); }
    double thresholdMs() const { return m_thresholdMs.load(); }
    void setSampleIntervalMs(int ms) { m_sampleIntervalMs.store(std::max(1, ms)); }
    // Where "own code" lives, for the culprit (see Symbolizer); AsyncLab's source tree unless set.
    // An empty sourceRoot means the main executable. Takes effect at the next start().
    void setOwnCode(const QString &sourceRoot, const QString &buildRoot = {});

    // Whether stop() records a stall that is still going on, up to now. Off by default: AsyncLab
    // stops its watchdog only at exit. The watch probe turns it on, for a program that ends
    // frozen (one that never runs an event loop is frozen from start to end). The record is
    // delivered like any other, through this object's thread's event queue.
    void setRecordsStallAtStop(bool on) { m_recordsStallAtStop.store(on); }

    // The monitor whose heartbeat is watched: a stall then takes its start and length from the
    // monitor's sample of the same freeze, so the list, the log and the heartbeat give one number.
    void setLagSource(const ResponsivenessMonitor *monitor) { m_lagSource = monitor; }

    const QList<StallRecord> &records() const { return m_records; }
    QList<StallRecord> recordsBetween(double fromMs, double toMs) const; // overlapping
    void clear() { m_records.clear(); }

    // Calls `function` (on this thread, with `context` alive) once every stall that has ended so
    // far has been recorded: right away when nothing is going on, otherwise within a sample
    // interval of the end of the current stall. The command line waits for it before it prints.
    void whenSettled(QObject *context, std::function<void()> function);

    // CPU time the watchdog thread has used since start(), in milliseconds.
    double cpuTimeMs() const;

signals:
    void stallRecorded(const StallRecord &record);

private:
    struct RawSample;
    void run();
    SchedReading readSched() const;
    void finishStall(Symbolizer &symbolizer, double startMs, double endMs,
                     const QList<RawSample> &raw, const SchedReading &first,
                     const SchedReading &last);
    void deliver(StallRecord record);
    void settled(quint64 upTo);

    pid_t m_tid;
    const std::atomic<double> *m_heartbeat = nullptr;
    int m_tickIntervalMs = 5;
    std::atomic<double> m_thresholdMs { DefaultThresholdMs };
    std::atomic<int> m_sampleIntervalMs { DefaultSampleIntervalMs };
    std::atomic<bool> m_recordsStallAtStop { false };
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false; // under m_mutex
    std::atomic<quint64> m_settleRequested { 0 };
    std::atomic<clockid_t> m_cpuClock { 0 };
    std::atomic<bool> m_hasCpuClock { false };
    QString m_error;
    QString m_sourceRoot;
    QString m_buildRoot;

    // GUI thread only:
    const ResponsivenessMonitor *m_lagSource = nullptr;
    QList<StallRecord> m_records;
    int m_nextId = 1;
    struct SettleWaiter
    {
        quint64 ticket;
        QPointer<QObject> context;
        std::function<void()> function;
    };
    QList<SettleWaiter> m_waiters;
    quint64 m_nextTicket = 0;
};

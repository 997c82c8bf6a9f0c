#pragma once

#include <stalls/stallrecord.h>

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>
#include <atomic>
#include <mutex>
#include <thread>

class WindowPing;

// `asynclab watch --pid PID`: looks at a program that is already running, without the probe and
// without restarting it. From outside, AsyncLab can know what the kernel and the X server tell:
// every 10 ms the main thread's state from /proc and its stack through ptrace (stopped for
// a fraction of a millisecond, no signal, detached between samples), and for a program with an
// X11 window how long its event loop takes to answer _NET_WM_PING. A stall is a stretch of
// samples in which the main thread was anywhere but idle in its event loop's wait; it gets its
// culprit as a watched program's does. Ends at the end of the duration, on stop(), or when the
// program ends; the program is left running as it was.
class AttachSession : public QObject
{
    Q_OBJECT
public:
    static constexpr int SampleIntervalMs = 10;
    static constexpr int StopTimeoutMs = 50; // a thread that does not stop in this is not sampled

    explicit AttachSession(QObject *parent = nullptr);
    ~AttachSession() override;

    void setPid(qint64 pid) { m_pid = pid; }
    void setThresholdMs(double ms) { m_thresholdMs = ms; }
    // Module or source path globs that are the program's own code (see OwnCode).
    void setOwnGlobs(const QStringList &globs) { m_ownGlobs = globs; }
    void setDurationMs(double ms) { m_durationMs = ms; } // 0: until stop() or the program ends

    // Checks that the process exists and may be traced, then starts; false with one line in
    // errorString().
    bool start();
    void stop(); // detaches; finished() follows
    bool isFinished() const { return m_finished; }
    QString errorString() const { return m_error; }

    qint64 pid() const { return m_pid; }
    QString program() const { return m_program; }
    double startMs() const { return m_startMs; }
    double elapsedMs() const;
    const QList<StallRecord> &stalls() const { return m_stalls; }
    // The window's answers to _NET_WM_PING: when each was asked and how long it took.
    struct Ping
    {
        double sentMs;
        double roundTripMs;
    };
    const QList<Ping> &pings() const { return m_pings; }

    QJsonObject reportJson() const;
    QString reportText() const;
    // What cannot be known from outside the program, for people.
    static QString limitsText();

signals:
    void stallRecorded(const StallRecord &record);
    void finished(int exitStatus);

private:
    struct Counts
    {
        int samples = 0;
        int stacks = 0;
        int busy = 0;
        int waiting = 0;
        int idle = 0;
        double stoppedUs = 0;
        double maxStoppedUs = 0;
    };
    void run();
    void deliver(const StallRecord &record);
    void programEnded();
    void finish();

    qint64 m_pid = 0;
    QString m_program;
    double m_thresholdMs = 50;
    QStringList m_ownGlobs;
    double m_durationMs = 0;
    double m_startMs = 0;
    double m_endMs = 0;
    bool m_programGone = false;
    bool m_finished = false;
    QString m_error;
    QString m_pingNote; // why the window was not pinged
    QTimer m_duration;
    WindowPing *m_ping = nullptr;
    double m_pingUnansweredMs = 0; // how long the last ping waited, when the watch ended
    QList<Ping> m_pings;
    QList<StallRecord> m_stalls;

    std::thread m_thread;
    std::atomic<bool> m_stopping { false };
    mutable std::mutex m_countsMutex;
    Counts m_counts; // under m_countsMutex
};

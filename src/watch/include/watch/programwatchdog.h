#pragma once

#include <stalls/stallrecord.h>

#include <QObject>
#include <QStringList>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <sys/types.h>

// The stall watchdog of another program, run from AsyncLab: it reads the heartbeat the watch
// probe publishes inside the program (a labNowMs() time in the program's memory, read with
// process_vm_readv), and while the heartbeat is late by more than the threshold it samples the
// program's GUI thread from outside: its state from /proc and its stack with a PtraceSampler.
// Nothing runs inside the program for this, so a sleep or a wait there is never cut short.
//
// A stall in progress is reported while it grows (stallUpdated, about every LiveIntervalMs) and
// once it ends (stallRecorded); one still going when the watch stops or the program goes is
// recorded as open.
class ProgramWatchdog : public QObject
{
    Q_OBJECT
public:
    static constexpr int SampleIntervalMs = 10;
    static constexpr int LiveIntervalMs = 250;
    static constexpr int MaxSamplesPerStall = 3000; // thirty seconds; later ones only count

    struct Target
    {
        pid_t pid = 0;
        pid_t tid = 0; // the thread whose heartbeat it is
        quintptr heartbeatAddress = 0; // of a std::atomic<double> in the program
        double startBeat = -1; // its value before the event loop first ran
        int tickIntervalMs = 5;
    };

    explicit ProgramWatchdog(QObject *parent = nullptr);
    ~ProgramWatchdog() override;

    void setThresholdMs(double ms) { m_thresholdMs = ms; }
    // Module or source path globs that are the program's own code (see OwnCode). Before start().
    void setOwnGlobs(const QStringList &globs) { m_ownGlobs = globs; }

    // Notes from the probe inside the program on the freeze that began after the tick `beatMs`:
    // the handlers it froze in, and a Python program's frames at `atMs`. Any thread; joined to
    // the samples of that stall when its record is made.
    void addHandlerNote(double beatMs, const QList<HandlerStep> &steps);
    void addPythonNote(double beatMs, double atMs, const Stack &frames);
    void start(const Target &target);
    // Stops watching; a stall going on is recorded (open) before this returns.
    void stop();
    bool isRunning() const { return m_thread.joinable(); }

    // How long the thread was stopped per stack sample, in microseconds, over all samples.
    struct StopStats
    {
        int samples = 0;
        double totalUs = 0;
        double maxUs = 0;
    };
    StopStats stopStats() const;

signals:
    void stallUpdated(const StallRecord &record); // open, so far
    void stallRecorded(const StallRecord &record);
    void samplingRefused(const QString &reason); // once: stalls are still seen, without stacks
    void programGone(); // the heartbeat can no longer be read

private:
    struct Stall;
    struct Due;
    struct Notes
    {
        double beatMs = -1;
        QList<HandlerStep> steps;
        QList<std::pair<double, Stack>> python; // at, frames
    };
    static constexpr int KeptNotes = 8; // freezes: a record is made after the next one began
    void run();
    void name();
    void post(Due due);
    Notes &notesFor(double beatMs); // under m_notesMutex
    void joinNotes(double beatMs, QList<StallSample> &samples);
    void deliver(StallRecord record, bool final);

    Target m_target;
    double m_thresholdMs = 50;
    QStringList m_ownGlobs;
    std::mutex m_notesMutex;
    QList<Notes> m_notes; // under m_notesMutex: the latest freezes', oldest first
    // The records to make: the sampling thread only samples, and a thread of their own names the
    // frames (the first lookups in a library load its debug information, which can take longer
    // than a freeze) and makes the records, so that no freeze goes unseen meanwhile.
    std::thread m_namer;
    std::mutex m_dueMutex;
    std::condition_variable m_dueWake;
    std::deque<Due> m_due; // under m_dueMutex
    bool m_namerStopping = false; // under m_dueMutex
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false; // under m_mutex
    std::atomic<int> m_stopSamples { 0 };
    std::atomic<double> m_stopTotalUs { 0 };
    std::atomic<double> m_stopMaxUs { 0 };
};

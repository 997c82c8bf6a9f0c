#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>
#include <sys/types.h>

struct Dwfl;

// Takes the call stack of one thread of another process, as `eu-stack -p` does, without running
// anything inside that process: it attaches to the thread with PTRACE_SEIZE, stops it with
// PTRACE_INTERRUPT (no signal is sent, so no handler runs and a sleeping system call resumes as if
// nothing happened), reads its registers and stack with elfutils' libdwfl, and detaches at once.
// Between samples the thread is not traced, so a debugger can attach to it.
//
// The caller must be allowed to trace the process: its parent, or any process of the same user
// when /proc/sys/kernel/yama/ptrace_scope is 0. Not thread-safe: one owner thread.
class PtraceSampler
{
public:
    static constexpr int MaxFrames = 128; // deeper stacks keep their innermost frames

    enum class Outcome {
        Captured,
        NoAnswer, // the thread did not stop in time (uninterruptible sleep): still asked to
        Refused, // the kernel refused to trace it (permissions, ptrace_scope, a debugger)
        Gone, // no such thread any more
    };

    struct Frame
    {
        quintptr pc = 0;
        bool exact = false; // the interrupted instruction; otherwise a return address
    };

    struct Result
    {
        Outcome outcome = Outcome::Gone;
        QList<Frame> frames; // innermost first
        bool truncated = false;
        double stoppedUs = 0; // how long the thread was stopped for this sample
        QString error; // for Refused: why, for a person
    };

    explicit PtraceSampler(pid_t pid);
    ~PtraceSampler(); // releases a thread still asked to stop
    PtraceSampler(const PtraceSampler &) = delete;
    PtraceSampler &operator=(const PtraceSampler &) = delete;

    pid_t pid() const { return m_pid; }

    // One sample of thread `tid` of the process. Waits at most timeoutMs for the thread to stop;
    // a thread that does not stop in time stays asked to, and the next sample() or release()
    // collects and detaches it.
    Result sample(pid_t tid, int timeoutMs);
    // Detaches from a thread still asked to stop, waiting at most timeoutMs for it to stop.
    // True when no thread is traced any more.
    bool release(int timeoutMs);
    // Reads the modules (executable, libraries) of the process again: after it loaded plugins.
    void reloadModules();
    // Loads every module's unwind tables now, so that the first samples do not keep the thread
    // stopped while they load.
    void warmUp();

    // Whether thread `tid` of process `pid` still runs: not exited, not a zombie (which the
    // kernel refuses to trace).
    static bool isAlive(pid_t pid, pid_t tid);
    // Why the kernel refuses PTRACE_SEIZE with `error`, with the setting to change.
    static QString refusalText(int error);

private:
    bool ensureSession();
    bool waitForStop(pid_t tid, int timeoutMs, int *signal);
    void detach(pid_t tid, int signal);
    void unwind(pid_t tid, Result &result);
    bool hasUnknownModule(const Result &result) const;

    pid_t m_pid;
    Dwfl *m_dwfl = nullptr;
    bool m_attachedState = false;
    pid_t m_pending = 0; // a thread seized and interrupted that has not stopped yet
};

#pragma once

#include <QString>
#include <sys/types.h>

// What a thread was doing at one moment, as the kernel tells it in /proc.
enum class ThreadActivity {
    Busy, // running on a CPU: computing
    Waiting, // asleep in the kernel
    CpuWait, // runnable but on a run queue: other programs held the CPUs
    Unknown, // the thread is gone or /proc is not readable
};

// What a waiting thread waits for, from the system call it sleeps in.
enum class WaitReason {
    None, // not waiting
    LockOrFuture, // futex: a mutex, a condition, a future, a semaphore
    SocketOrFile, // poll, select, epoll, read, recv, ...
    Sleep, // nanosleep, clock_nanosleep
    Disk, // uninterruptible sleep, usually disk or page-in
    Other,
};

QString threadActivityName(ThreadActivity activity); // "busy", "waiting", "waiting for a CPU ..."
QString waitReasonName(WaitReason reason); // "a lock or future", "a socket or file", ...
// The same in English whatever the language, for JSON.
QString waitReasonKey(WaitReason reason);
WaitReason waitReasonForSyscall(long number);

struct ThreadSnapshot
{
    ThreadActivity activity = ThreadActivity::Unknown;
    WaitReason reason = WaitReason::None;
    char state = '?'; // the state letter of /proc/<pid>/task/<tid>/stat: R, S, D, ...
    long syscall = -1; // the system call it sleeps in, -1 when running or unknown
};

// Reads /proc/self/task/<tid>/stat and .../syscall with plain system calls, no allocation: cheap
// enough to call before every stack sample, from any thread of this process. With a `process`,
// a thread of that process (one this user may trace: its syscall file needs it).
ThreadSnapshot readThreadState(pid_t tid, pid_t process = 0);

// The scheduler's account of a thread, from /proc/self/task/<tid>/schedstat: the time it ran on a
// CPU, the time it was runnable but waited on a run queue, and its timeslices.
struct SchedStat
{
    bool valid = false; // false: the thread is gone or the kernel keeps no schedstat
    quint64 runNs = 0;
    quint64 waitNs = 0;
    quint64 timeslices = 0;
};

// Like readThreadState(): plain system calls, no allocation, from any thread of this process.
SchedStat readSchedStat(pid_t tid, pid_t process = 0);

// A schedstat reading and when it was taken (labNowMs()).
struct SchedReading
{
    double atMs = 0;
    SchedStat stat;
};
SchedReading readSchedReading(pid_t tid, pid_t process = 0);

// The activity to count for a sample whose state read `activity`, given the scheduler's account
// since the previous look: a runnable thread that sat on a run queue most of that time waited for
// a CPU other programs held; it did not compute.
ThreadActivity schedCorrected(ThreadActivity activity, const SchedReading &before,
                              const SchedReading &after);

#include <stalls/threadstate.h>
#include <common/labclock.h>

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
const char *activitySourceText(ThreadActivity activity)
{
    switch (activity) {
    case ThreadActivity::Busy:
        return QT_TRANSLATE_NOOP("ThreadState", "busy");
    case ThreadActivity::Waiting:
        return QT_TRANSLATE_NOOP("ThreadState", "waiting");
    case ThreadActivity::CpuWait:
        return QT_TRANSLATE_NOOP("ThreadState", "waiting for a CPU (other programs were running)");
    case ThreadActivity::Unknown:
        break;
    }
    return QT_TRANSLATE_NOOP("ThreadState", "unknown");
}

const char *waitReasonSourceText(WaitReason reason)
{
    switch (reason) {
    case WaitReason::None:
        return QT_TRANSLATE_NOOP("ThreadState", "nothing");
    case WaitReason::LockOrFuture:
        return QT_TRANSLATE_NOOP("ThreadState", "a lock or future (futex)");
    case WaitReason::SocketOrFile:
        return QT_TRANSLATE_NOOP("ThreadState", "a socket or file");
    case WaitReason::Sleep:
        return QT_TRANSLATE_NOOP("ThreadState", "a sleep");
    case WaitReason::Disk:
        return QT_TRANSLATE_NOOP("ThreadState", "the disk (uninterruptible)");
    case WaitReason::Other:
        break;
    }
    return QT_TRANSLATE_NOOP("ThreadState", "something else");
}
} // namespace

QString threadActivityName(ThreadActivity activity)
{
    return QCoreApplication::translate("ThreadState", activitySourceText(activity));
}

QString waitReasonName(WaitReason reason)
{
    return QCoreApplication::translate("ThreadState", waitReasonSourceText(reason));
}

QString waitReasonKey(WaitReason reason)
{
    return QString::fromLatin1(waitReasonSourceText(reason));
}

WaitReason waitReasonForSyscall(long number)
{
    switch (number) {
    case SYS_futex:
#ifdef SYS_futex_waitv
    case SYS_futex_waitv:
#endif
        return WaitReason::LockOrFuture;
    case SYS_poll:
    case SYS_ppoll:
    case SYS_select:
    case SYS_pselect6:
    case SYS_epoll_wait:
    case SYS_epoll_pwait:
#ifdef SYS_epoll_pwait2
    case SYS_epoll_pwait2:
#endif
    case SYS_read:
    case SYS_readv:
    case SYS_pread64:
    case SYS_recvfrom:
    case SYS_recvmsg:
    case SYS_accept:
    case SYS_accept4:
    case SYS_connect:
    case SYS_write:
    case SYS_writev:
    case SYS_sendto:
    case SYS_sendmsg:
        return WaitReason::SocketOrFile;
    case SYS_nanosleep:
    case SYS_clock_nanosleep:
        return WaitReason::Sleep;
    default:
        return WaitReason::Other;
    }
}

namespace {
// Reads a small /proc file into buffer; the length read, or -1.
ssize_t readSmallFile(const char *path, char *buffer, size_t size)
{
    const int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    const ssize_t n = read(fd, buffer, size - 1);
    close(fd);
    if (n >= 0)
        buffer[n] = '\0';
    return n;
}
} // namespace

namespace {
// "/proc/self/task/<tid>/<file>", or another process's.
void taskPath(char (&path)[64], pid_t process, pid_t tid, const char *file)
{
    if (process > 0)
        std::snprintf(path, sizeof path, "/proc/%d/task/%d/%s", int(process), int(tid), file);
    else
        std::snprintf(path, sizeof path, "/proc/self/task/%d/%s", int(tid), file);
}
} // namespace

ThreadSnapshot readThreadState(pid_t tid, pid_t process)
{
    ThreadSnapshot snapshot;
    char path[64];
    char text[512];
    taskPath(path, process, tid, "stat");
    if (readSmallFile(path, text, sizeof text) <= 0)
        return snapshot;
    // "tid (name) S ...": the name may hold spaces and parentheses, the state follows the last ')'.
    const char *close = std::strrchr(text, ')');
    if (!close || close[1] != ' ' || close[2] == '\0')
        return snapshot;
    snapshot.state = close[2];
    switch (snapshot.state) {
    case 'R':
        snapshot.activity = ThreadActivity::Busy;
        return snapshot;
    case 'D':
        snapshot.activity = ThreadActivity::Waiting;
        snapshot.reason = WaitReason::Disk;
        break;
    case 'S':
    case 't':
    case 'T':
        snapshot.activity = ThreadActivity::Waiting;
        snapshot.reason = WaitReason::Other;
        break;
    default:
        return snapshot; // zombie or dead
    }
    taskPath(path, process, tid, "syscall");
    if (readSmallFile(path, text, sizeof text) > 0 && text[0] >= '0' && text[0] <= '9') {
        snapshot.syscall = std::strtol(text, nullptr, 10);
        if (snapshot.reason != WaitReason::Disk)
            snapshot.reason = waitReasonForSyscall(snapshot.syscall);
    }
    return snapshot;
}

SchedStat readSchedStat(pid_t tid, pid_t process)
{
    SchedStat stat;
    char path[64];
    char text[128];
    taskPath(path, process, tid, "schedstat");
    if (readSmallFile(path, text, sizeof text) <= 0)
        return stat;
    char *end = nullptr;
    stat.runNs = std::strtoull(text, &end, 10);
    if (end == text)
        return stat;
    const char *next = end;
    stat.waitNs = std::strtoull(next, &end, 10);
    if (end == next)
        return stat;
    next = end;
    stat.timeslices = std::strtoull(next, &end, 10);
    stat.valid = end != next;
    return stat;
}

SchedReading readSchedReading(pid_t tid, pid_t process)
{
    SchedReading reading;
    reading.stat = readSchedStat(tid, process);
    reading.atMs = labNowMs();
    return reading;
}

ThreadActivity schedCorrected(ThreadActivity activity, const SchedReading &before,
                              const SchedReading &after)
{
    // The kernel adds to the wait only when the thread gets a CPU again, so a thread that got none
    // shows as runnable with next to no CPU time: under a quarter of the time counts as none, so a
    // loop that shares a core with a few others still computes. The run time of a running thread
    // advances at scheduler ticks only: over less than a couple of milliseconds (the first sample
    // of a stall) it says nothing.
    constexpr double ShortestJudgedMs = 2;
    const double sinceMs = after.atMs - before.atMs;
    if (activity != ThreadActivity::Busy || !after.stat.valid || !before.stat.valid
        || after.stat.waitNs < before.stat.waitNs || after.stat.runNs < before.stat.runNs
        || sinceMs < ShortestJudgedMs)
        return activity;
    const double waitedMs = double(after.stat.waitNs - before.stat.waitNs) / 1e6;
    const double ranMs = double(after.stat.runNs - before.stat.runNs) / 1e6;
    return waitedMs > sinceMs / 2 || ranMs < sinceMs / 4 ? ThreadActivity::CpuWait : activity;
}

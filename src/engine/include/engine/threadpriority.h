#pragma once

#include <QByteArrayView>
#include <QList>
#include <sys/types.h>

// AsyncLab's own background threads that the GUI thread never waits for (the embedded server's,
// Qt's network thread) run a little behind the GUI thread: with more runnable threads than cores,
// the kernel then gives a waking GUI thread the core first. Lowering is one way: without
// CAP_SYS_NICE a thread cannot be raised again, so it is decided once, when each thread starts.
//
// QThread's own priorities do not do this on Linux: for ordinary threads every priority from
// Lowest to TimeCritical maps to the single static priority 0, and IdlePriority means SCHED_IDLE,
// which starves the thread whenever anything else wants the core.
namespace ThreadPriority {
// How far background threads are niced above the process (0 by default).
constexpr int BackgroundNice = 5;

// On unless the environment sets ASYNCLAB_NO_BACKGROUND_PRIORITY (to anything but 0) or
// setEnabled(false) was called; benchmarks switch it off to measure what it changes.
bool isEnabled();
void setEnabled(bool enabled);

// Nices the calling thread to the process's nice + BackgroundNice, once per thread. Does nothing
// on the main thread, on a real-time thread, or when disabled. True when the thread is (now or
// already) lowered. Not SCHED_BATCH as well: tried, a batch thread (which does not preempt others
// when it wakes) made 1000 fetches with 20 loads take longer in most runs, with no shorter stall.
bool lowerCurrentThread();
// The same for any thread of this process, by its kernel thread id.
bool lowerThread(pid_t tid);

// This process's threads whose kernel name is `name` (threads name themselves; the kernel keeps
// the first 15 bytes).
QList<pid_t> threadsNamed(QByteArrayView name);
// Lowers Qt's network threads: QNetworkAccessManager starts one privately, with no hook, and it
// names itself "QNetworkAccessManager thread". Returns how many it found; a thread started later
// (by a manager's first request) is not lowered until this is called again.
int lowerQtNetworkThreads();
} // namespace ThreadPriority

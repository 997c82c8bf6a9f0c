#include <engine/threadpriority.h>

#include <QDir>
#include <QFile>
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
enum class State { Unknown, Enabled, Disabled };
std::atomic<State> s_state { State::Unknown };
thread_local bool t_lowered = false;
} // namespace

bool ThreadPriority::isEnabled()
{
    State state = s_state.load(std::memory_order_acquire);
    if (state == State::Unknown) {
        const QByteArray off = qgetenv("ASYNCLAB_NO_BACKGROUND_PRIORITY");
        state = off.isEmpty() || off == "0" ? State::Enabled : State::Disabled;
        s_state.store(state, std::memory_order_release);
    }
    return state == State::Enabled;
}

void ThreadPriority::setEnabled(bool enabled)
{
    s_state.store(enabled ? State::Enabled : State::Disabled, std::memory_order_release);
}

bool ThreadPriority::lowerThread(pid_t tid)
{
    if (tid == getpid() || !isEnabled())
        return false; // never the main thread: it is the GUI thread
    const int policy = sched_getscheduler(tid);
    if (policy != SCHED_OTHER && policy != SCHED_BATCH)
        return false; // real-time (or idle) by someone's choice: leave it
    // getpriority() returns -1 for nice -1 too: only errno tells an error.
    errno = 0;
    const int processNice = getpriority(PRIO_PROCESS, id_t(getpid()));
    if (processNice == -1 && errno != 0)
        return false;
    const int target = std::min(processNice + BackgroundNice, 19);
    errno = 0;
    const int current = getpriority(PRIO_PROCESS, id_t(tid));
    if (current == -1 && errno != 0)
        return false;
    // On Linux PRIO_PROCESS with a thread id sets that one thread's nice.
    return current >= target || setpriority(PRIO_PROCESS, id_t(tid), target) == 0;
}

bool ThreadPriority::lowerCurrentThread()
{
    if (!t_lowered)
        t_lowered = lowerThread(gettid());
    return t_lowered;
}

QList<pid_t> ThreadPriority::threadsNamed(QByteArrayView name)
{
    const QByteArray wanted = name.first(std::min<qsizetype>(name.size(), 15)).toByteArray();
    QList<pid_t> tids;
    const QStringList entries =
            QDir(u"/proc/self/task"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        QFile comm(u"/proc/self/task/%1/comm"_s.arg(entry));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == wanted)
            tids.append(pid_t(entry.toInt()));
    }
    return tids;
}

int ThreadPriority::lowerQtNetworkThreads()
{
    const QList<pid_t> tids = threadsNamed("QNetworkAccessManager thread");
    for (pid_t tid : tids)
        lowerThread(tid);
    return int(tids.size());
}

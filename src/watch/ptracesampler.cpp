#include <watch/ptracesampler.h>
#include <stalls/symbolizer.h>

#include <QFile>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <elfutils/libdwfl.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
using Clock = std::chrono::steady_clock;

struct UnwindState
{
    PtraceSampler::Result *result;
};

int onFrame(Dwfl_Frame *state, void *arg)
{
    auto *unwind = static_cast<UnwindState *>(arg);
    Dwarf_Addr pc = 0;
    bool activation = false;
    if (!dwfl_frame_pc(state, &pc, &activation) || pc == 0)
        return DWARF_CB_ABORT;
    if (unwind->result->frames.size() >= PtraceSampler::MaxFrames) {
        unwind->result->truncated = true;
        return DWARF_CB_ABORT;
    }
    unwind->result->frames.append({ quintptr(pc), activation });
    return DWARF_CB_OK;
}
} // namespace

PtraceSampler::PtraceSampler(pid_t pid) : m_pid(pid)
{
    // The wait for a stop polls in steps of 20 us; the kernel's default timer slack (50 us) would
    // make each step 70 us, all of it time the sampled thread stays stopped. Set for the thread
    // that constructs the sampler, which is the one that samples.
    prctl(PR_SET_TIMERSLACK, 1000UL);
}

PtraceSampler::~PtraceSampler()
{
    // A thread that never stopped is released by the kernel when this (tracer) thread ends.
    release(100);
    if (m_dwfl)
        dwfl_end(m_dwfl);
}

QString PtraceSampler::refusalText(int error)
{
    QString text = u"the system does not let AsyncLab trace the program (%1)"_s.arg(
            QString::fromLocal8Bit(std::strerror(error)));
    QFile scope(u"/proc/sys/kernel/yama/ptrace_scope"_s);
    if (scope.open(QIODevice::ReadOnly)) {
        const int level = scope.readAll().trimmed().toInt();
        text += u": /proc/sys/kernel/yama/ptrace_scope is %1"_s.arg(level);
        if (level >= 3)
            text += u", which forbids tracing until the next boot"_s;
        else if (level == 2)
            text += u", which lets only a process with CAP_SYS_PTRACE trace"_s;
        else
            text += u"; another debugger may be attached"_s;
    } else {
        text += u"; another debugger may be attached, or a security module forbids it"_s;
    }
    return text;
}

bool PtraceSampler::isAlive(pid_t pid, pid_t tid)
{
    if (syscall(SYS_tgkill, pid, tid, 0) != 0 && errno == ESRCH)
        return false;
    QFile stat(u"/proc/%1/task/%2/stat"_s.arg(pid).arg(tid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype at = text.lastIndexOf(')') + 2;
    const char state = at > 1 && at < text.size() ? text.at(at) : '?';
    return state != 'Z' && state != 'X';
}

void PtraceSampler::reloadModules()
{
    if (!m_dwfl)
        return;
    // Modules already known keep what was loaded for them; new ones (plugins) are added.
    dwfl_report_begin_add(m_dwfl);
    dwfl_linux_proc_report(m_dwfl, m_pid);
    dwfl_report_end(m_dwfl, nullptr, nullptr);
}

void PtraceSampler::warmUp()
{
    if (!ensureSession())
        return;
    dwfl_getmodules(
            m_dwfl,
            [](Dwfl_Module *module, void **, const char *, Dwarf_Addr, void *) {
                Dwarf_Addr bias = 0;
                dwfl_module_getelf(module, &bias);
                dwfl_module_eh_cfi(module, &bias);
                return int(DWARF_CB_OK);
            },
            nullptr, 0);
}

bool PtraceSampler::ensureSession()
{
    if (m_attachedState)
        return true;
    if (!m_dwfl)
        m_dwfl = Symbolizer::beginSession();
    if (!m_dwfl)
        return false;
    reloadModules();
    // assume_ptrace_stopped: libdwfl neither attaches nor detaches; this class does both, so the
    // thread is stopped exactly while its registers and stack are read.
    m_attachedState = dwfl_linux_proc_attach(m_dwfl, m_pid, true) == 0;
    return m_attachedState;
}

bool PtraceSampler::waitForStop(pid_t tid, int timeoutMs, int *signal)
{
    const auto started = Clock::now();
    const auto deadline = started + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        siginfo_t info {};
        // Only stops (WSTOPPED), never an exit: the program's exit status belongs to QProcess.
        if (waitid(P_PID, id_t(tid), &info, WSTOPPED | __WALL | WNOHANG) == 0
            && info.si_pid == tid) {
            siginfo_t stop {};
            *signal = 0;
            // The stop of PTRACE_INTERRUPT (or a group stop) is an event stop; any other is a
            // signal on its way to the thread, which must be delivered when we let go.
            if (ptrace(PTRACE_GETSIGINFO, tid, nullptr, &stop) == 0
                && (stop.si_code >> 8) != PTRACE_EVENT_STOP)
                *signal = stop.si_signo;
            return true;
        }
        const auto now = Clock::now();
        if (now >= deadline)
            return false;
        // The stop normally comes within microseconds: for the first 100 us give the CPU away
        // (the thread may need this very core to stop) rather than sleep past it.
        if (now - started < std::chrono::microseconds(100)) {
            sched_yield();
            continue;
        }
        const timespec pause { 0, 20000 };
        nanosleep(&pause, nullptr);
    }
}

void PtraceSampler::detach(pid_t tid, int signal)
{
    ptrace(PTRACE_DETACH, tid, nullptr, reinterpret_cast<void *>(quintptr(signal)));
}

void PtraceSampler::unwind(pid_t tid, Result &result)
{
    UnwindState state { &result };
    // Returns -1 when the unwinder stops early (no unwind table for a frame): the frames it found
    // are kept.
    dwfl_getthread_frames(m_dwfl, tid, onFrame, &state);
}

bool PtraceSampler::hasUnknownModule(const Result &result) const
{
    // A return address outside every known module: a library loaded since modules were read.
    return std::any_of(result.frames.cbegin(), result.frames.cend(),
                       [this](const Frame &frame) { return !dwfl_addrmodule(m_dwfl, frame.pc); });
}

PtraceSampler::Result PtraceSampler::sample(pid_t tid, int timeoutMs)
{
    Result result;
    if (!ensureSession()) {
        result.outcome = isAlive(m_pid, tid) ? Outcome::Refused : Outcome::Gone;
        result.error = u"libdwfl cannot read process %1: %2"_s.arg(m_pid).arg(
                QString::fromUtf8(dwfl_errmsg(-1)));
        return result;
    }
    if (m_pending != 0 && m_pending != tid)
        release(timeoutMs);
    const auto asked = Clock::now();
    if (m_pending == 0) {
        if (ptrace(PTRACE_SEIZE, tid, nullptr, nullptr) != 0) {
            const int error = errno;
            result.outcome =
                    error != ESRCH && isAlive(m_pid, tid) ? Outcome::Refused : Outcome::Gone;
            result.error = refusalText(error);
            return result;
        }
        // Stops the thread without a signal: nothing runs in it, and a system call it sleeps in
        // is restarted by the kernel when it goes on.
        if (ptrace(PTRACE_INTERRUPT, tid, nullptr, nullptr) != 0) {
            result.outcome = isAlive(m_pid, tid) ? Outcome::NoAnswer : Outcome::Gone;
            return result;
        }
        m_pending = tid;
    }
    int signal = 0;
    if (!waitForStop(tid, timeoutMs, &signal)) {
        result.outcome = isAlive(m_pid, tid) ? Outcome::NoAnswer : Outcome::Gone;
        if (result.outcome == Outcome::Gone)
            m_pending = 0;
        return result;
    }
    m_pending = 0;
    unwind(tid, result);
    detach(tid, signal);
    result.stoppedUs = std::chrono::duration<double, std::micro>(Clock::now() - asked).count();
    // Reading the modules again takes milliseconds: only once the thread runs again.
    if (hasUnknownModule(result))
        reloadModules();
    result.outcome = result.frames.isEmpty() ? Outcome::NoAnswer : Outcome::Captured;
    return result;
}

bool PtraceSampler::release(int timeoutMs)
{
    if (m_pending == 0)
        return true;
    int signal = 0;
    if (waitForStop(m_pending, timeoutMs, &signal)) {
        detach(m_pending, signal);
        m_pending = 0;
    } else if (!isAlive(m_pid, m_pending)) {
        m_pending = 0;
    }
    return m_pending == 0;
}

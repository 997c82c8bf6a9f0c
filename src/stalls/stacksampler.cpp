#include <stalls/stacksampler.h>

#include <QCoreApplication>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <execinfo.h>
#include <mutex>
#include <semaphore.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

// The unwinder is glibc's backtrace(). On Debian 12 it walks the stack with libgcc's DWARF
// unwinder, which finds each frame's unwind table through _dl_find_object (glibc 2.35+, GCC 12):
// lock-free and allocation-free (libgcc_s imports it instead of dl_iterate_phdr, which locks),
// and the lock for frames registered at run time is skipped while nothing registered any (only
// JIT compilers do), so it may run in a signal handler. Its one unsafe step is the first call,
// which dlopens libgcc_s; install() makes that call before any signal is sent.
// libunwind's unw_backtrace would do as well, but its library exports the _Unwind_* functions the
// C++ runtime throws exceptions through, and linking it would put every exception of the
// program through a second unwinder for no gain.
namespace {
enum SlotState : int {
    Idle,
    Requested, // the sampler sent a signal and waits
    Capturing, // the handler claimed the request and is unwinding
    Captured, // the frames are ready; the sampler reads them
};

// Everything the handler touches, allocated before the first signal (static storage).
struct Slot
{
    std::atomic<int> state { Idle };
    std::atomic<pid_t> target { 0 };
    int depth = 0;
    void *frames[StackSampler::MaxFrames];
    sem_t done;
};
static_assert(std::atomic<int>::is_always_lock_free && std::atomic<pid_t>::is_always_lock_free,
              "the handler may only use lock-free atomics");

Slot slot;
std::mutex samplerMutex; // serialises samplers (threads), never taken by the handler
std::once_flag installOnce;
bool installed = false;
QString installError;

// A real-time signal that neither the sanitizers (SIGSEGV, SIGBUS, SIGUSR1/2 on request), nor
// profilers (SIGPROF), nor glibc (the two below SIGRTMIN) use; real-time signals also queue
// instead of merging, so no request is lost to a signal still pending from an earlier one.
int sampleSignal()
{
    return SIGRTMIN + 6;
}

void onSampleSignal(int, siginfo_t *info, void *)
{
    // The interrupted code may be between a failed call and its read of errno; the calls below
    // may set errno, so it is restored on the way out.
    const int savedErrno = errno;
    // Only tgkill from this process is a request: si_code and si_pid come from the kernel.
    // getpid and the gettid system call are async-signal-safe.
    if (info && info->si_code == SI_TKILL && info->si_pid == getpid()
        && slot.target.load(std::memory_order_acquire) == pid_t(syscall(SYS_gettid))) {
        int expected = Requested;
        // A lock-free compare-and-swap: the sampler may withdraw the request at the same moment,
        // and exactly one of the two wins.
        if (slot.state.compare_exchange_strong(expected, Capturing, std::memory_order_acq_rel)) {
            // backtrace was called once at install, so libgcc_s is loaded: unwinding now only
            // reads this thread's stack and the loaded objects' unwind tables, writes into the
            // preallocated array and stops at MaxFrames, however deep the stack.
            slot.depth = backtrace(slot.frames, StackSampler::MaxFrames);
            slot.state.store(Captured, std::memory_order_release);
            sem_post(&slot.done); // async-signal-safe by POSIX
        }
    }
    errno = savedErrno;
}

void doInstall()
{
    if (sem_init(&slot.done, 0, 0) != 0) {
        installError = u"sem_init: %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno)));
        return;
    }
    void *warmUp[4];
    backtrace(warmUp, 4); // loads libgcc_s now, outside any signal handler

    struct sigaction action
    {
    };
    action.sa_sigaction = onSampleSignal;
    // SA_RESTART: a read or futex wait the signal interrupts carries on. (Sleeps and polls
    // return EINTR whatever the flag says; Qt's and libstdc++'s waits retry on it.)
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&action.sa_mask);
    struct sigaction previous
    {
    };
    if (sigaction(sampleSignal(), nullptr, &previous) == 0 && previous.sa_handler != SIG_DFL
        && previous.sa_handler != SIG_IGN) {
        installError =
                QCoreApplication::translate("StackSampler", "signal %1 already has a handler")
                        .arg(sampleSignal());
        return;
    }
    if (sigaction(sampleSignal(), &action, nullptr) != 0) {
        installError = u"sigaction: %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno)));
        return;
    }
    installed = true;
}

timespec deadlineAfter(int ms)
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    ts.tv_sec += ms / 1000;
    ts.tv_nsec += long(ms % 1000) * 1000000L;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec += 1;
        ts.tv_nsec -= 1000000000L;
    }
    return ts;
}

// Waits for the handler's sem_post; false on timeout.
bool waitDone(int timeoutMs)
{
    const timespec deadline = deadlineAfter(timeoutMs);
    while (sem_clockwait(&slot.done, CLOCK_MONOTONIC, &deadline) != 0) {
        if (errno != EINTR)
            return false;
    }
    return true;
}

// With the mutex held: takes back an unanswered request, or, when the handler has already
// claimed it, waits for it to finish so that the frames are not overwritten under it.
void withdrawLocked()
{
    int expected = Requested;
    if (slot.state.compare_exchange_strong(expected, Idle, std::memory_order_acq_rel)
        || expected == Idle)
        return;
    if (waitDone(1000))
        slot.state.store(Idle, std::memory_order_release);
    // Otherwise the handler is stuck inside the unwinder; the slot stays claimed and no further
    // request is sent, which keeps the target thread safe at the cost of sampling.
}
} // namespace

bool StackSampler::install(QString *error)
{
    std::call_once(installOnce, doInstall);
    if (!installed && error)
        *error = installError;
    return installed;
}

int StackSampler::signalNumber()
{
    return sampleSignal();
}

StackSampler::Result StackSampler::sample(pid_t tid, int timeoutMs)
{
    Result result;
    if (!install())
        return result;
    const std::lock_guard lock(samplerMutex);
    const auto started = std::chrono::steady_clock::now();
    int state = slot.state.load(std::memory_order_acquire);
    if (state == Requested && slot.target.load() != tid) {
        withdrawLocked();
        state = slot.state.load(std::memory_order_acquire);
    }
    if (state == Idle) {
        slot.target.store(tid, std::memory_order_release);
        slot.state.store(Requested, std::memory_order_release);
        if (syscall(SYS_tgkill, getpid(), tid, sampleSignal()) != 0) {
            slot.state.store(Idle, std::memory_order_release);
            return result;
        }
    }
    // Otherwise an earlier request is outstanding: its signal is pending (blocked on the target,
    // or the target sleeps uninterruptibly) or being handled. No second signal: wait for it.
    if (!waitDone(timeoutMs)) {
        result.outcome = Outcome::NoAnswer;
        return result;
    }
    const int depth = slot.depth;
    std::memcpy(result.frames.data(), slot.frames, sizeof(void *) * size_t(depth));
    slot.state.store(Idle, std::memory_order_release);
    result.outcome = Outcome::Captured;
    result.depth = depth;
    result.truncated = depth >= MaxFrames;
    result.latencyUs =
            std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - started)
                    .count();
    return result;
}

void StackSampler::withdraw()
{
    const std::lock_guard lock(samplerMutex);
    withdrawLocked();
}

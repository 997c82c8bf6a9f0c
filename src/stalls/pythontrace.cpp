#include <stalls/pythontrace.h>

#include <QRegularExpression>
#include <atomic>
#include <csetjmp>
#include <csignal>
#include <dlfcn.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype MaxDump = 1 << 20; // 100 threads of 100 frames is far less

// A dump reads frames the running thread may be freeing meanwhile (a busy Python program pops a
// frame chunk): a read of freed memory faults. While a dump runs, a fault on the dumping thread
// ends the dump instead of the program: the handler jumps back out of CPython's dump, which holds
// no lock and allocates nothing, so nothing is left half-done. A fault on any other thread goes
// to the handler that was there before, as if this one were not. Plain globals, read in the
// handler: a lock-free atomic and data written before it is set.
std::atomic<pid_t> guardedThread { 0 };
sigjmp_buf recoverPoint;
struct sigaction previousSegv
{
};
struct sigaction previousBus
{
};

void onFault(int signal, siginfo_t *info, void *context)
{
    if (guardedThread.load() == pid_t(syscall(SYS_gettid)))
        siglongjmp(recoverPoint, 1);
    const struct sigaction &previous = signal == SIGSEGV ? previousSegv : previousBus;
    if ((previous.sa_flags & SA_SIGINFO) && previous.sa_sigaction) {
        previous.sa_sigaction(signal, info, context);
        return;
    }
    if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
        previous.sa_handler(signal);
        return;
    }
    // The default: put it back and return; the faulting instruction runs again and faults as if
    // this handler had never been installed.
    sigaction(signal, &previous, nullptr);
}
} // namespace

PythonTrace::PythonTrace()
{
    m_dump = reinterpret_cast<DumpFunction>(dlsym(RTLD_DEFAULT, "_Py_DumpTracebackThreads"));
    m_isInitialized = reinterpret_cast<int (*)()>(dlsym(RTLD_DEFAULT, "Py_IsInitialized"));
    if (m_dump && m_isInitialized)
        m_fd = memfd_create("asynclab-python", MFD_CLOEXEC);
}

PythonTrace::~PythonTrace()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

QByteArray PythonTrace::dump()
{
    // An interpreter that is being finalised is taking its thread states apart: leave it be.
    if (!isAvailable() || !m_isInitialized() || ftruncate(m_fd, 0) != 0
        || lseek(m_fd, 0, SEEK_SET) != 0)
        return {};
    // No interpreter and no thread state given: CPython takes the main interpreter, as for
    // faulthandler's watchdog thread, which holds no thread state either.
    struct sigaction guard
    {
    };
    guard.sa_sigaction = onFault;
    guard.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&guard.sa_mask);
    sigaction(SIGSEGV, &guard, &previousSegv);
    sigaction(SIGBUS, &guard, &previousBus);
    bool faulted = false;
    if (sigsetjmp(recoverPoint, 1) == 0) {
        guardedThread.store(pid_t(syscall(SYS_gettid)));
        m_dump(m_fd, nullptr, nullptr);
    } else {
        faulted = true; // the frames changed under the dump: this one is not worth having
    }
    guardedThread.store(0);
    sigaction(SIGSEGV, &previousSegv, nullptr);
    sigaction(SIGBUS, &previousBus, nullptr);
    if (faulted)
        return {};
    const off_t size = lseek(m_fd, 0, SEEK_CUR);
    if (size <= 0)
        return {};
    QByteArray text(qsizetype(std::min<off_t>(size, MaxDump)), Qt::Uninitialized);
    const ssize_t n = pread(m_fd, text.data(), size_t(text.size()), 0);
    text.resize(n > 0 ? qsizetype(n) : 0);
    return text;
}

bool PythonTrace::isOwnFile(const QString &path)
{
    static const QRegularExpression library(
            u"^(?:/usr(?:/local)?/lib/python|<)|/(?:site|dist)-packages/"_s);
    return !path.isEmpty() && !library.match(path).hasMatch();
}

Stack PythonTrace::framesOf(const QByteArray &dump, pthread_t thread)
{
    // "Current thread 0x00007f...  (most recent call first):" or "Thread 0x...", then lines
    // '  File "app.py", line 12 in compute', innermost first.
    const QByteArray header =
            "hread 0x" + QByteArray::number(quint64(thread), 16).rightJustified(16, '0');
    static const QRegularExpression frameLine(u"^  File \"(.*)\", line (\\d+) in (.*)$"_s);
    Stack frames;
    bool inThread = false;
    for (const QByteArray &line : dump.split('\n')) {
        if (line.contains("hread 0x")) {
            inThread = line.contains(header);
            continue;
        }
        if (!inThread)
            continue;
        const QRegularExpressionMatch match = frameLine.match(QString::fromLatin1(line));
        if (!match.hasMatch())
            continue;
        StackFrame frame;
        frame.path = match.captured(1);
        frame.file = frame.path;
        frame.line = match.captured(2).toInt();
        frame.function = match.captured(3);
        frame.module = u"python"_s;
        frame.own = isOwnFile(frame.path);
        frames.append(frame);
    }
    return frames;
}

#include <stalls/pythontrace.h>

#include <QRegularExpression>
#include <dlfcn.h>
#include <sys/mman.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype MaxDump = 1 << 20; // 100 threads of 100 frames is far less
}

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
    m_dump(m_fd, nullptr, nullptr);
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

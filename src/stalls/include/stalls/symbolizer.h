#pragma once

#include <stalls/owncode.h>
#include <stalls/stackframe.h>

#include <QHash>
#include <memory>
#include <sys/types.h>

struct Dwfl;

// Turns raw addresses of this process into functions and source lines with elfutils' libdw:
// demangled names from the symbol tables, file:line and inlined calls from the line tables and
// debug information the builds emit (-g1). Not thread-safe: one owner thread (the watchdog's).
class Symbolizer
{
public:
    // With a sourceRoot (AsyncLab itself), a frame with a source line is "own" when its file lies
    // under sourceRoot and not under buildRoot (moc output). Otherwise, and for frames without
    // line tables, own is decided by module (see OwnCode): the program's executable, libraries
    // and plugins, not the system's or the toolkit's; ownGlobs name more modules or sources.
    explicit Symbolizer(const QString &sourceRoot = defaultSourceRoot(),
                        const QString &buildRoot = defaultBuildRoot(),
                        const QStringList &ownGlobs = {});
    ~Symbolizer();
    Symbolizer(const Symbolizer &) = delete;
    Symbolizer &operator=(const Symbolizer &) = delete;

    // Looks up addresses of another process (one this user may read) instead of this one. Call
    // before the first lookup.
    void setProcess(pid_t pid);

    static QString defaultSourceRoot(); // AsyncLab's source tree, as compiled in
    static QString defaultBuildRoot();
    // A new libdw session that finds a live process's modules and their debug information, as
    // the symbolizer and the ptrace sampler read them; nullptr on failure, dwfl_end() it.
    static Dwfl *beginSession();

    // Frames of one address, innermost (inlined) first. `exact` for an interrupted instruction;
    // otherwise a return address, looked up one byte back to land inside the call.
    Stack symbolize(quintptr address, bool exact);

    // A stack captured by StackSampler inside its signal handler: the handler's own frames and
    // the signal trampoline are dropped, the interrupted instruction is looked up exactly.
    Stack symbolizeSample(const void *const *frames, int depth);

private:
    bool ensureReported(quintptr address);
    Stack lookUp(quintptr address, bool exact);
    bool isOwn(const StackFrame &frame, bool ownModule) const;

    Dwfl *m_dwfl = nullptr;
    QString m_sourceRoot;
    QString m_buildRoot;
    QString m_executable;
    pid_t m_pid;
    QStringList m_ownGlobs;
    OwnCode m_ownCode;
    QHash<quintptr, Stack> m_cache; // address * 2 + exact
};

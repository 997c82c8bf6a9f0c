#pragma once

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
    // A frame is "own" when its source file lies under sourceRoot and not under buildRoot (moc
    // output). With an empty sourceRoot, own means: in the main executable, not in a system header.
    explicit Symbolizer(const QString &sourceRoot = defaultSourceRoot(),
                        const QString &buildRoot = defaultBuildRoot());
    ~Symbolizer();
    Symbolizer(const Symbolizer &) = delete;
    Symbolizer &operator=(const Symbolizer &) = delete;

    // Looks up addresses of another process (one this user may read) instead of this one. Call
    // before the first lookup.
    void setProcess(pid_t pid);

    static QString defaultSourceRoot(); // AsyncLab's source tree, as compiled in
    static QString defaultBuildRoot();

    // Frames of one address, innermost (inlined) first. `exact` for an interrupted instruction;
    // otherwise a return address, looked up one byte back to land inside the call.
    Stack symbolize(quintptr address, bool exact);

    // A stack captured by StackSampler inside its signal handler: the handler's own frames and
    // the signal trampoline are dropped, the interrupted instruction is looked up exactly.
    Stack symbolizeSample(const void *const *frames, int depth);

private:
    bool ensureReported(quintptr address);
    Stack lookUp(quintptr address, bool exact);
    bool isOwn(const QString &path, bool mainModule) const;

    Dwfl *m_dwfl = nullptr;
    QString m_sourceRoot;
    QString m_buildRoot;
    QString m_executable;
    pid_t m_pid;
    QHash<quintptr, Stack> m_cache; // address * 2 + exact
};

#pragma once

#include <stalls/stackframe.h>

#include <QByteArray>
#include <pthread.h>

// The Python frames of a thread, in a program that runs CPython (a PyQt program): CPython's
// _Py_DumpTracebackThreads, what faulthandler's watchdog thread calls without holding the GIL,
// writes every thread's traceback as text to a descriptor (async-signal-safe, no allocation, at
// most 100 frames a thread). It reads frames the running thread may be changing, as faulthandler
// does; it is only called while that thread is frozen in one handler.
class PythonTrace
{
public:
    PythonTrace(); // finds CPython in this process, if any
    ~PythonTrace();
    PythonTrace(const PythonTrace &) = delete;
    PythonTrace &operator=(const PythonTrace &) = delete;

    bool isAvailable() const { return m_dump && m_fd >= 0; }
    // The text CPython writes for all threads; empty when there is no CPython.
    QByteArray dump();

    // The frames of `thread` from a dump, innermost first: function, file, line, module "python";
    // own unless the file is the standard library's or an installed package's.
    static Stack framesOf(const QByteArray &dump, pthread_t thread);
    static bool isOwnFile(const QString &path);

private:
    using DumpFunction = const char *(*)(int fd, void *interpreter, void *threadState);
    DumpFunction m_dump = nullptr;
    int (*m_isInitialized)() = nullptr; // Py_IsInitialized: false once finalisation begins
    int m_fd = -1; // an anonymous file: a pipe could fill up and block the dump
};

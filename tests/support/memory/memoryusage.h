#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>

#if defined(__SANITIZE_ADDRESS__)
#include <cstddef>
// From the sanitizers' <sanitizer/allocator_interface.h>, which g++ 12 does not install.
extern "C" size_t __sanitizer_get_current_allocated_bytes();
#else
#include <malloc.h>
#endif

// Resident memory of this process as the kernel reports it, for tests that bound memory growth.
namespace MemoryUsage {

// A "VmRSS"/"VmHWM" line of /proc/self/status in KiB, or -1. readAll(): procfs reports size 0.
inline qint64 statusKib(QByteArrayView field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(field) && line.size() > field.size() && line.at(field.size()) == ':')
            return line.sliced(field.size() + 1).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

inline qint64 rssKib()
{
    return statusKib("VmRSS");
}

inline qint64 peakRssKib()
{
    return statusKib("VmHWM");
}

// Lowers the peak (VmHWM) to the current RSS, so a later peak measures only what follows.
inline bool resetPeak()
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    return clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
}

// What the program's live allocations hold, in KiB: unlike RSS, not what the allocator keeps of
// freed memory (glibc's free lists, AddressSanitizer's quarantine), so it grows only with what is
// still referenced.
inline qint64 heapInUseKib()
{
#if defined(__SANITIZE_ADDRESS__)
    return qint64(__sanitizer_get_current_allocated_bytes() / 1024);
#else
    const struct mallinfo2 heap = mallinfo2(); // all arenas, and the chunks mapped on their own
    return qint64((heap.uordblks + heap.hblkhd) / 1024);
#endif
}

} // namespace MemoryUsage

#pragma once

#include <QByteArrayView>
#include <QtGlobal>

// What this process holds, read from /proc/self: for figures about the servers in it.
namespace ProcessCensus {

// Threads whose name (/proc/self/task/*/comm) starts with prefix. Reads one file per thread:
// with ten thousand threads that takes tens of milliseconds, so not on the GUI thread.
int threadsNamed(QByteArrayView prefix);
int threads(); // all of this process's threads
qint64 residentKib(); // resident memory (RSS) from /proc/self/statm, or -1

} // namespace ProcessCensus

#pragma once

#include <QByteArray>
#include <QByteArrayView>

// The server's whole request path (http-parser, routing, limits, the response writer) run in
// memory: bytes in as a client would send them, the bytes a client would receive out. No socket,
// no waiting: the delays of /delay and /drip fire at once. For fuzzing and its corpus replay.
namespace MemoryExchange {

struct Result
{
    QByteArray output; // the first OutputKept bytes of the answer(s)
    qint64 outputBytes = 0; // all of them, counted
    bool closed = false; // the server ended the connection
};

constexpr qint64 OutputKept = 64 * 1024;

// input is delivered in pieces of at most chunk bytes (0: all at once), as TCP may split it.
Result run(QByteArrayView input, qsizetype chunk = 0);

} // namespace MemoryExchange

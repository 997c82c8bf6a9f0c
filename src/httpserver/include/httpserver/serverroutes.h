#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <atomic>
#include <utility>

// Decides what the embedded server answers to one request head. Pure logic, no sockets, so the
// connection only has to carry the answer out. Lives on the server thread.
class ServerRoutes
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray target; // as sent: path and query
        QByteArray host;
        int hostCount = 0;
        bool http11 = true;
    };

    struct Response
    {
        enum class Kind {
            Complete, // status + body, optionally after delayMs
            Pattern, // length bytes of the i % 251 pattern, streamed
            Drip, // length '*' bytes spread over durationMs
            Truncate, // announces length, sends half of it, closes
            Garbage, // bytes that are not HTTP, then close
            Close, // close without answering
            Hang, // never answer
        };
        Kind kind = Kind::Complete;
        int status = 200;
        QByteArray contentType = "text/plain; charset=utf-8";
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers; // extra headers such as Location
        int delayMs = 0;
        qint64 length = 0;
        int durationMs = 0;
    };

    static constexpr int MaxDelayMs = 60000;
    static constexpr int MaxCpuMs = 1000; // /delay/<ms>?cpu=<ms>: computes this long first
    static constexpr qint64 MaxDelayBytes = 1 << 20; // /delay/<ms>?bytes=<n>: the body's size
    static constexpr qint64 MaxBytes = qint64(1) << 30;
    static constexpr qint64 MaxDripBytes = qint64(64) << 20;
    static constexpr int MaxJsonItems = 10000;
    static constexpr int MaxFlakyKeys = 1000;
    static constexpr int MaxRedirects = 100;

    void setPort(quint16 port) { m_port = port; }
    Response respond(const Request &request);

    static QByteArray reasonPhrase(int status);
    // Byte i of /bytes/ and /truncate/ bodies: 251 is prime, so the pattern never lines up
    // with power-of-two buffer sizes and a misplaced chunk shows in the digest.
    static char patternByte(qint64 index) { return char(index % 251); }
    // Computes for cpuMs of this thread's CPU time; the result goes into the answer. Stops early
    // when the server stops: once *interrupt is set, or without one, once the QThread it runs on
    // is asked to (QThread::requestInterruption()), so that a stop never waits for a backlog of
    // computations.
    quint64 compute(int cpuMs) const;
    void setInterrupt(const std::atomic<bool> *interrupt) { m_interrupt = interrupt; }
    // "value" of /json item id: deterministic so clients can check what they parsed.
    static qint64 jsonValue(int id) { return qint64(id) * 7919 % 10007; }

private:
    struct FlakyKey
    {
        int requests = 0;
        quint64 lastUse = 0;
    };

    bool hostAllowed(const QByteArray &host) const;
    Response route(QByteArrayView path, QByteArrayView query);
    Response flaky(QByteArrayView key, QByteArrayView query);

    quint16 m_port = 0;
    const std::atomic<bool> *m_interrupt = nullptr;
    QHash<QByteArray, FlakyKey> m_flaky;
    quint64 m_flakyClock = 0;
};

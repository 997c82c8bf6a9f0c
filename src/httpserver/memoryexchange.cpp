#include <httpserver/memoryexchange.h>

#include <httpserver/deadlinequeue.h>
#include "httpconnection.h"
#include <httpserver/serverroutes.h>

#include <QCoreApplication>
#include <QIODevice>
#include <QPointer>

namespace {

// A connection's byte stream without a socket: input fed by the caller, output collected.
class MemoryDevice : public QIODevice
{
public:
    explicit MemoryDevice(MemoryExchange::Result *result) : m_result(result)
    {
        open(QIODevice::ReadWrite | QIODevice::Unbuffered);
    }

    void feed(QByteArrayView bytes)
    {
        m_input.append(bytes.data(), bytes.size());
        emit readyRead();
    }

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        return m_input.size() - m_readPos + QIODevice::bytesAvailable();
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min<qint64>(maxSize, m_input.size() - m_readPos);
        std::copy_n(m_input.constData() + m_readPos, n, data);
        m_readPos += n;
        return n;
    }
    qint64 writeData(const char *data, qint64 size) override
    {
        const qint64 room = MemoryExchange::OutputKept - m_result->output.size();
        if (room > 0)
            m_result->output.append(data, std::min(room, size));
        m_result->outputBytes += size;
        return size;
    }

private:
    MemoryExchange::Result *m_result;
    QByteArray m_input;
    qint64 m_readPos = 0;
};

// A drip of 60 s fires its ticks at once here and would never end: stop after this many.
constexpr int MaxDeadlinesFired = 64;

} // namespace

MemoryExchange::Result MemoryExchange::run(QByteArrayView input, qsizetype chunk)
{
    Result result;
    ServerRoutes routes;
    routes.setPort(8080);
    ServerLimits limits;
    ServerCounters counters;
    DeadlineQueue deadlines;
    QObject owner;
    auto *device = new MemoryDevice(&result);
    ++counters.openConnections; // as the engine counts an admitted connection
    QPointer<HttpConnection> connection =
            new HttpConnection(device, &routes, &deadlines, limits, &counters, &owner);
    QObject::connect(connection, &HttpConnection::released, &owner, [&] { result.closed = true; });

    // Queued calls (the next pipelined request) run here, as the event loop would run them, and
    // deadlines fire at once: while an answer waits (mid-input), or all of them at the end, which
    // includes the idle timeout that closes the connection.
    const auto settle = [&](bool atEnd) {
        for (int i = 0; i < MaxDeadlinesFired && connection && !result.closed; ++i) {
            QCoreApplication::sendPostedEvents(connection);
            if (!atEnd && counters.requestsInFlight.load() == 0)
                break;
            if (!deadlines.fireNext())
                break;
        }
        if (connection)
            QCoreApplication::sendPostedEvents(connection);
    };
    const qsizetype step = chunk > 0 ? chunk : std::max<qsizetype>(1, input.size());
    for (qsizetype at = 0; at < input.size() && !result.closed; at += step) {
        device->feed(input.sliced(at, std::min(step, input.size() - at)));
        settle(false);
    }
    settle(true);
    delete connection.data();
    return result;
}

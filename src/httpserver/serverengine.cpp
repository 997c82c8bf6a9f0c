#include "serverengine.h"

#include "httpconnection.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <cerrno>
#include <malloc.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// What a client over the cap learns: sent straight to the descriptor, no socket object made.
constexpr char Unavailable[] = "HTTP/1.1 503 Service Unavailable\r\n"
                               "Content-Type: text/plain; charset=utf-8\r\n"
                               "Content-Length: 37\r\n"
                               "Retry-After: 1\r\n"
                               "Connection: close\r\n"
                               "\r\n"
                               "the server is at its connection cap\r\n";

// After a storm, glibc keeps the freed connections' memory for reuse unless asked to give it back:
// once this many were freed, and no more for TrimDelayMs.
constexpr int TrimAfterFreed = 256;
constexpr int TrimDelayMs = 200;

} // namespace

// Decides per accepted descriptor, before Qt wraps it in a QTcpSocket: over the cap it is shed.
class ServerEngine::Listener : public QTcpServer
{
public:
    explicit Listener(ServerEngine *engine) : QTcpServer(engine), m_engine(engine) { }

protected:
    void incomingConnection(qintptr descriptor) override { m_engine->admit(descriptor); }

private:
    friend class ServerEngine;
    ServerEngine *m_engine;
};

ServerEngine::ServerEngine(const ServerLimits &limits, ServerCounters *counters)
    : m_limits(limits), m_counters(counters), m_deadlines(new DeadlineQueue(this))
{
}

ServerEngine::~ServerEngine()
{
    qDeleteAll(findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly));
    for (const Shed &shed : m_shed)
        ::close(shed.fd);
    m_deadlines->cancel(m_shedSweep);
    m_deadlines->cancel(m_trim);
}

ServerEngine::ListenResult ServerEngine::listen(quint16 port)
{
    Q_ASSERT(thread() == QThread::currentThread());
    m_server = new Listener(this);
    // Hundreds of clients connect at once in the concurrency demos; with the default backlog of
    // 50 the kernel drops their SYNs and they retry only a second later.
    m_server->setListenBacklogSize(4096);
    connect(m_server, &QTcpServer::newConnection, this, &ServerEngine::acceptConnections);

    ListenResult result;
    // Loopback only: the server must not be reachable from other machines.
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        result.error = m_server->serverError() == QAbstractSocket::AddressInUseError
                ? u"port %1 is already in use"_s.arg(port)
                : u"cannot listen on 127.0.0.1:%1: %2"_s.arg(port).arg(m_server->errorString());
        delete m_server;
        m_server = nullptr;
        return result;
    }
    m_routes.setPort(m_server->serverPort());
    result.ok = true;
    result.port = m_server->serverPort();
    result.address = m_server->serverAddress();
    return result;
}

void ServerEngine::admit(qintptr descriptor)
{
    if (m_counters->openConnections.load() >= m_limits.maxConnections) {
        shed(descriptor);
        return;
    }
    // Counted now: the connection object is made when newConnection() is handled.
    ++m_counters->openConnections;
    auto *socket = new QTcpSocket(m_server);
    socket->setSocketDescriptor(descriptor);
    static_cast<Listener *>(m_server)->addPendingConnection(socket);
}

void ServerEngine::acceptConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection =
                new HttpConnection(socket, &m_routes, m_deadlines, m_limits, m_counters, this);
        connect(connection, &HttpConnection::released, this, &ServerEngine::retire);
    }
}

void ServerEngine::shed(qintptr descriptor)
{
    const int fd = int(descriptor);
    ++m_shedTotal;
    // A fresh connection's send buffer takes these bytes whole; if not, the client gets less.
    if (::send(fd, Unavailable, sizeof Unavailable - 1, MSG_DONTWAIT | MSG_NOSIGNAL) < 0) {
        ::close(fd);
        return;
    }
    ::shutdown(fd, SHUT_WR);
    // Closing now, with the client's request unread, would answer it with a reset that can
    // destroy the 503 before it is read: drain the input for a moment first.
    m_shed.push_back({ fd, m_deadlines->nowMs() + LingerMs });
    if (!m_shedSweep.isActive())
        m_deadlines->schedule(m_shedSweep, 20, [this] { sweepShed(); });
}

void ServerEngine::sweepShed()
{
    const qint64 now = m_deadlines->nowMs();
    char sink[512];
    std::erase_if(m_shed, [&](const Shed &shed) {
        for (;;) {
            const ssize_t n = ::recv(shed.fd, sink, sizeof sink, MSG_DONTWAIT);
            if (n > 0)
                continue;
            if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) || now >= shed.until) {
                ::close(shed.fd);
                return true;
            }
            return false;
        }
    });
    if (!m_shed.empty())
        m_deadlines->schedule(m_shedSweep, 20, [this] { sweepShed(); });
}

void ServerEngine::retire(HttpConnection *connection)
{
    m_retired.push_back(connection);
    if (m_cleanupQueued)
        return;
    m_cleanupQueued = true;
    QMetaObject::invokeMethod(this, &ServerEngine::cleanUpSlice, Qt::QueuedConnection);
}

void ServerEngine::cleanUpSlice()
{
    // Thousands of clients leaving at once must not hold the loop in one long turn (as
    // deleteLater() would: all deferred deletions run together), or a new client waits.
    const size_t n = std::min<size_t>(m_retired.size(), CleanupSlice);
    for (size_t i = 0; i < n; ++i)
        delete m_retired[i];
    m_retired.erase(m_retired.begin(), m_retired.begin() + qsizetype(n));
    m_freedSinceTrim += int(n);
    if (!m_retired.empty()) {
        QMetaObject::invokeMethod(this, &ServerEngine::cleanUpSlice, Qt::QueuedConnection);
        return;
    }
    m_cleanupQueued = false;
    m_retired.shrink_to_fit();
    if (m_freedSinceTrim >= TrimAfterFreed) {
        m_deadlines->schedule(m_trim, TrimDelayMs, [this] {
            m_freedSinceTrim = 0;
            malloc_trim(0);
        });
    }
}

#include "serverengine.h"

#include "httpconnection.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

using namespace Qt::StringLiterals;

ServerEngine::ServerEngine(const ServerLimits &limits, ServerCounters *counters)
    : m_limits(limits), m_counters(counters)
{
}

ServerEngine::ListenResult ServerEngine::listen(quint16 port)
{
    Q_ASSERT(thread() == QThread::currentThread());
    m_server = new QTcpServer(this);
    // Hundreds of clients connect at once in the concurrency demos; with the default backlog of
    // 50 the kernel drops their SYNs and they retry only a second later.
    m_server->setListenBacklogSize(1024);
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

void ServerEngine::acceptConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_counters->openConnections.load() >= m_limits.maxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        new HttpConnection(socket, &m_routes, m_limits, m_counters, this);
    }
}

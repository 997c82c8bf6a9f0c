#include <httpserver/embeddedserver.h>

#include <httpserver/epolleventdispatcher.h>
#include <httpserver/openfilelimit.h>
#include "serverengine.h"

#include <QThread>
#include <algorithm>

using namespace Qt::StringLiterals;

EmbeddedServer::EmbeddedServer(QObject *parent) : QObject(parent) { }

EmbeddedServer::~EmbeddedServer()
{
    stop();
}

bool EmbeddedServer::start(quint16 port, const ServerLimits &limits)
{
    if (m_thread) {
        m_error = u"the server is already running on port %1"_s.arg(m_port);
        return false;
    }
    m_counters.requestsServed = 0;
    m_counters.peakRequestsInFlight = 0;

    // Each connection is a descriptor: ten thousand clients need more than the usual soft limit.
    const OpenFileLimit::Change files = OpenFileLimit::raise();
    m_openFileLimitRaised = files.raised();
    m_openFileLimit = files.now;
    ServerLimits effective = limits;
    if (effective.maxConnections <= 0) {
        const quint64 room = m_openFileLimit > 2 * ReservedFiles ? m_openFileLimit - ReservedFiles
                                                                 : m_openFileLimit / 2;
        effective.maxConnections = int(std::clamp<quint64>(room, 1, 1 << 20));
    }
    m_maxConnections = effective.maxConnections;

    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(m_threadName);
    // Qt's own dispatchers scan every open socket on each turn (poll) or search a list on each
    // notifier change (GLib); epoll's cost follows the sockets that are ready.
    m_thread->setEventDispatcher(new EpollEventDispatcher);
    if (m_threadStartHook)
        connect(m_thread.get(), &QThread::started, m_thread.get(), m_threadStartHook,
                Qt::DirectConnection);
    // Owned by the thread from here on: finished() is its last moment, the engine and all its
    // sockets are deleted there, on the thread they belong to.
    m_engine = new ServerEngine(effective, &m_counters);
    m_engine->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_engine, &QObject::deleteLater);
    m_thread->start();

    ServerEngine::ListenResult result;
    QMetaObject::invokeMethod(
            m_engine, [engine = m_engine, port] { return engine->listen(port); },
            Qt::BlockingQueuedConnection, &result);
    if (!result.ok) {
        stop();
        m_error = result.error;
        return false;
    }
    m_error.clear();
    m_port = result.port;
    m_address = result.address;
    return true;
}

void EmbeddedServer::stop()
{
    if (!m_thread)
        return;
    m_thread->requestInterruption(); // a /delay?cpu= computation in progress ends early
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    m_engine = nullptr;
    m_port = 0;
    m_address.clear();
}

QString EmbeddedServer::errorString() const
{
    return m_error;
}

bool EmbeddedServer::isRunning() const
{
    return m_thread != nullptr;
}

quint16 EmbeddedServer::port() const
{
    return m_port;
}

QHostAddress EmbeddedServer::serverAddress() const
{
    return m_address;
}

QUrl EmbeddedServer::baseUrl() const
{
    if (!m_port)
        return {};
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    return url;
}

QUrl EmbeddedServer::url(const QString &pathAndQuery) const
{
    return baseUrl().resolved(QUrl(pathAndQuery));
}

int EmbeddedServer::openConnections() const
{
    return m_counters.openConnections.load();
}

qint64 EmbeddedServer::requestsServed() const
{
    return m_counters.requestsServed.load();
}

int EmbeddedServer::requestsInFlight() const
{
    return m_counters.requestsInFlight.load();
}

int EmbeddedServer::peakRequestsInFlight() const
{
    return m_counters.peakRequestsInFlight.load();
}

void EmbeddedServer::resetPeakRequestsInFlight()
{
    m_counters.peakRequestsInFlight = m_counters.requestsInFlight.load();
}

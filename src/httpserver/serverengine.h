#pragma once

#include <httpserver/deadlinequeue.h>
#include <httpserver/serverlimits.h>
#include <httpserver/serverroutes.h>

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <vector>

class HttpConnection;
class QTcpServer;

// The part of the embedded server that lives on the server thread: the listening socket, the route
// table and, as children, the open connections.
class ServerEngine : public QObject
{
    Q_OBJECT
public:
    struct ListenResult
    {
        bool ok = false;
        quint16 port = 0;
        QHostAddress address;
        QString error;
    };

    ServerEngine(const ServerLimits &limits, ServerCounters *counters);
    ~ServerEngine() override;

    ListenResult listen(quint16 port); // call on the server thread

    // Answered over the cap and closed, removed, not yet deleted: for tests and figures.
    qint64 shedConnections() const { return m_shedTotal; }

    static constexpr int CleanupSlice = 128; // connections deleted per event-loop turn
    static constexpr int LingerMs = 1000; // a shed client's request is read and dropped this long

private:
    class Listener;
    struct Shed
    {
        int fd;
        qint64 until;
    };

    void admit(qintptr descriptor);
    void acceptConnections();
    void shed(qintptr descriptor);
    void sweepShed();
    void retire(HttpConnection *connection);
    void cleanUpSlice();

    const ServerLimits m_limits;
    ServerCounters *m_counters;
    QTcpServer *m_server = nullptr;
    ServerRoutes m_routes;
    std::vector<Shed> m_shed;
    qint64 m_shedTotal = 0;
    DeadlineQueue::Handle m_shedSweep;
    DeadlineQueue::Handle m_trim;
    std::vector<HttpConnection *> m_retired;
    bool m_cleanupQueued = false;
    int m_freedSinceTrim = 0;
    DeadlineQueue *m_deadlines; // connections hold handles into it: they are deleted first
};

#pragma once

#include "serverlimits.h"
#include "serverroutes.h"

#include <QHostAddress>
#include <QObject>
#include <QString>

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

    ListenResult listen(quint16 port); // call on the server thread

private:
    void acceptConnections();

    const ServerLimits m_limits;
    ServerCounters *m_counters;
    QTcpServer *m_server = nullptr;
    ServerRoutes m_routes;
};

#pragma once

#include <QObject>
#include <QString>
#include <QUrl>
#include <atomic>
#include <memory>

class QThread;
class ServerEngine;

// Limits the server holds itself, whatever a client sends.
struct ServerLimits {
    int maxHeadBytes = 16 * 1024; // request line + headers; more -> 431
    int idleTimeoutMs = 30000; // a connection with no complete request for this long is closed
    int maxConnections = 4096; // further connections are closed at once
};

// The loopback HTTP server AsyncLab fetches from. It runs on its own thread: in Blocking mode the
// GUI thread waits for its answers, so it must never share the GUI thread.
class EmbeddedServer : public QObject
{
    Q_OBJECT
public:
    explicit EmbeddedServer(QObject *parent = nullptr);
    ~EmbeddedServer() override;

    // Binds 127.0.0.1 on the port (0 = any free port). Waits only until the bind succeeds or fails.
    bool start(quint16 port = 0, const ServerLimits &limits = {});
    void stop();
    QString errorString() const;

    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:<port>
    QUrl url(const QString &pathAndQuery) const; // baseUrl() + "/delay/100" etc.

    int openConnections() const;
    qint64 requestsServed() const;
    // Answers the next k requests to /status/<code>?failFirst... routes with 503 (retry demos).
    void failNextRequests(int count);

private:
    std::unique_ptr<QThread> m_thread;
    ServerEngine *m_engine = nullptr; // lives on m_thread
    QString m_error;
    quint16 m_port = 0;
};

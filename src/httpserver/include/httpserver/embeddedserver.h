#pragma once

#include <httpserver/serverlimits.h>

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>
#include <memory>

class QThread;
class ServerEngine;

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
    // The name its thread carries (in /proc/self/task/*/comm, up to 15 bytes); before start().
    void setThreadName(const QString &name) { m_threadName = name; }
    // Runs first on the server thread each time it starts (AsyncLab lowers its priority there).
    void setThreadStartHook(std::function<void()> hook) { m_threadStartHook = std::move(hook); }
    void stop();
    QString errorString() const;
    bool isRunning() const;

    // The connection cap in force (after start()) and the open-file limit it was sized from.
    int maxConnections() const { return m_maxConnections; }
    quint64 openFileLimit() const { return m_openFileLimit; }
    bool openFileLimitRaised() const { return m_openFileLimitRaised; }
    static constexpr int ReservedFiles = 256; // the rest of the process: files, clients, the GUI

    quint16 port() const;
    QHostAddress serverAddress() const; // the address actually bound; null when stopped
    QUrl baseUrl() const; // http://127.0.0.1:<port>
    QUrl url(const QString &pathAndQuery) const; // baseUrl() + "/delay/100" etc.

    // Counters kept by the server thread, readable from any thread.
    int openConnections() const;
    qint64 requestsServed() const;
    int requestsInFlight() const; // parsed, answer not yet complete
    int peakRequestsInFlight() const;
    void resetPeakRequestsInFlight();

private:
    std::unique_ptr<QThread> m_thread;
    std::function<void()> m_threadStartHook;
    ServerEngine *m_engine = nullptr; // lives on m_thread
    QString m_error;
    QString m_threadName = QStringLiteral("server thread");
    quint16 m_port = 0;
    QHostAddress m_address;
    ServerCounters m_counters;
    int m_maxConnections = 0;
    quint64 m_openFileLimit = 0;
    bool m_openFileLimitRaised = false;
};

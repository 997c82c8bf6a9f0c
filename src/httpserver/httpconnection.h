#pragma once

#include <httpserver/deadlinequeue.h>
#include <httpserver/serverlimits.h>
#include <httpserver/serverroutes.h>

#include <QElapsedTimer>
#include <QObject>
#include <http_parser.h>

class QAbstractSocket;
class QIODevice;

// One client connection of the embedded server. Requests are parsed by http_parser and answered
// one at a time: the parser is paused after each request until its answer is out, which keeps
// pipelined answers in order and the input buffer bounded. Lives on the server thread and
// deletes itself (later) once its socket is gone.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    // device: a QTcpSocket, or for running the request path in memory any sequential device;
    // closing it ends the connection.
    HttpConnection(QIODevice *device, ServerRoutes *routes, DeadlineQueue *deadlines,
                   const ServerLimits &limits, ServerCounters *counters, QObject *parent);
    ~HttpConnection() override;

signals:
    // The socket is gone; the owner deletes the connection later (it may be inside a signal now).
    void released(HttpConnection *connection);

private:
    enum class State {
        ReadingHead, // waiting for a complete request head; the idle timer runs
        Responding,
        Closing, // last bytes going out, then close
        Closed,
    };

    static const http_parser_settings &parserSettings();
    int onMessageBegin();
    int onUrl(const char *at, size_t length);
    int onHeaderField(const char *at, size_t length);
    int onHeaderValue(const char *at, size_t length);
    int onHeadersComplete();
    int onMessageComplete();
    int countHeadBytes(size_t length);
    void endHeaderLine();

    void onReadyRead();
    void onBytesWritten();
    void onIdleTimeout();
    void onIdleDeadline();
    void restartIdleTimer();
    void stopIdleTimer();

    void processInput();
    void beginResponse();
    void refuse(int status, const QByteArray &reason);
    void answer(ServerRoutes::Response next);
    void sendComplete();
    void dripTick();
    QByteArray head(qint64 contentLength, const QByteArray &body = {}) const;
    void startBody(const QByteArray &fill, qint64 length);
    void pumpBody();
    void finishResponse();
    void closeGracefully();
    void release();
    void settleCounters();

    QIODevice *m_device;
    QAbstractSocket *m_socket; // m_device when it is a socket, else null
    ServerRoutes *m_routes;
    DeadlineQueue *m_deadlines;
    const ServerLimits &m_limits; // the engine's, which outlives its connections
    ServerCounters *m_counters;
    DeadlineQueue::Handle m_idle; // a connection with no complete request is closed
    qint64 m_idleSinceMs = 0; // on the queue's clock
    bool m_idleRunning = false;
    DeadlineQueue::Handle m_wait; // delay of /delay, ticks of /drip
    State m_state = State::ReadingHead;
    http_parser m_parser;

    // Input read from the socket but not yet parsed (the parser paused in the middle of it).
    QByteArray m_input;
    qsizetype m_inputPos = 0;

    // The request being parsed.
    ServerRoutes::Request m_request;
    QByteArray m_field;
    QByteArray m_value;
    bool m_inValue = false;
    qint64 m_headBytes = 0;
    int m_refusal = 0; // 413 or 431 decided inside a parser callback
    bool m_keepAlive = true;
    bool m_headOnly = false;
    bool m_requestActive = false; // counted in requestsInFlight
    bool m_inProcessInput = false;

    // The answer being sent.
    ServerRoutes::Response m_response;
    const QByteArray *m_fill = nullptr; // non-null while a body is streamed
    qint64 m_bodySent = 0;
    qint64 m_bodyAllowed = 0; // /drip raises this over time
    qint64 m_bodyEnd = 0;
    QElapsedTimer m_dripClock;
    qint64 m_dripTickMs = 0;
};

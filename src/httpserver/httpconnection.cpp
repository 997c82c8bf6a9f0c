#include "httpconnection.h"

#include <QAbstractSocket>
#include <QScopeGuard>
#include <QVariant>
#include <algorithm>
#include <sys/socket.h>

namespace {

constexpr qint64 ReadBufferBytes = 64 * 1024; // Qt stops reading the socket beyond this
constexpr qint64 WriteHighWater = 256 * 1024; // refill a streamed body below this

// Whole periods of the pattern, so every full chunk of a body starts at pattern offset 0 and can
// be handed to the socket as the same shared buffer, without copying.
const QByteArray &patternChunk()
{
    static const QByteArray chunk = [] {
        QByteArray bytes(251 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < bytes.size(); ++i)
            bytes[i] = ServerRoutes::patternByte(i);
        return bytes;
    }();
    return chunk;
}

const QByteArray &dripChunk()
{
    static const QByteArray chunk(64 * 1024, '*');
    return chunk;
}

HttpConnection *self(http_parser *parser)
{
    return static_cast<HttpConnection *>(parser->data);
}

bool statusHasBody(int status)
{
    return status != 204 && status != 304;
}

} // namespace

HttpConnection::HttpConnection(QIODevice *device, ServerRoutes *routes, DeadlineQueue *deadlines,
                               const ServerLimits &limits, ServerCounters *counters,
                               QObject *parent)
    : QObject(parent),
      m_device(device),
      m_socket(qobject_cast<QAbstractSocket *>(device)),
      m_routes(routes),
      m_deadlines(deadlines),
      m_limits(limits),
      m_counters(counters)
{
    m_device->setParent(this);
    if (m_socket) {
        m_socket->setReadBufferSize(ReadBufferBytes);
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(m_socket, &QAbstractSocket::disconnected, this, &HttpConnection::release);
    } else {
        connect(m_device, &QIODevice::aboutToClose, this, &HttpConnection::release);
    }
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;

    connect(m_device, &QIODevice::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_device, &QIODevice::bytesWritten, this, &HttpConnection::onBytesWritten);

    restartIdleTimer();
}

HttpConnection::~HttpConnection()
{
    m_deadlines->cancel(m_idle);
    m_deadlines->cancel(m_wait);
    // Deleted with the server engine while still open.
    if (m_state != State::Closed)
        settleCounters();
}

const http_parser_settings &HttpConnection::parserSettings()
{
    static const http_parser_settings settings = [] {
        http_parser_settings s;
        http_parser_settings_init(&s);
        s.on_message_begin = [](http_parser *p) { return self(p)->onMessageBegin(); };
        s.on_url = [](http_parser *p, const char *at, size_t n) { return self(p)->onUrl(at, n); };
        s.on_header_field = [](http_parser *p, const char *at, size_t n) {
            return self(p)->onHeaderField(at, n);
        };
        s.on_header_value = [](http_parser *p, const char *at, size_t n) {
            return self(p)->onHeaderValue(at, n);
        };
        s.on_headers_complete = [](http_parser *p) { return self(p)->onHeadersComplete(); };
        s.on_message_complete = [](http_parser *p) { return self(p)->onMessageComplete(); };
        return s;
    }();
    return settings;
}

int HttpConnection::onMessageBegin()
{
    // Emptied, not released: the next request's pieces fit in the same buffers, so a keep-alive
    // client costs no allocation here per request.
    m_request.target.resize(0);
    m_request.host.resize(0);
    m_request.hostCount = 0;
    m_request.http11 = true;
    m_field.resize(0);
    m_value.resize(0);
    m_inValue = false;
    m_headBytes = 0;
    m_refusal = 0;
    return 0;
}

int HttpConnection::countHeadBytes(size_t length)
{
    m_headBytes += qint64(length);
    if (m_headBytes <= m_limits.maxHeadBytes)
        return 0;
    m_refusal = 431;
    return -1; // stops the parser before the head can grow further
}

int HttpConnection::onUrl(const char *at, size_t length)
{
    m_request.target.append(at, qsizetype(length));
    return countHeadBytes(length);
}

int HttpConnection::onHeaderField(const char *at, size_t length)
{
    // Fields and values can arrive in pieces: a field piece after a value starts the next line.
    if (m_inValue)
        endHeaderLine();
    m_field.append(at, qsizetype(length));
    return countHeadBytes(length + 4); // ": " and CRLF
}

int HttpConnection::onHeaderValue(const char *at, size_t length)
{
    m_inValue = true;
    m_value.append(at, qsizetype(length));
    return countHeadBytes(length);
}

void HttpConnection::endHeaderLine()
{
    if (m_field.compare("host", Qt::CaseInsensitive) == 0) {
        m_request.host.resize(0);
        m_request.host.append(QByteArrayView(m_value).trimmed());
        ++m_request.hostCount;
    }
    m_field.resize(0);
    m_value.resize(0);
    m_inValue = false;
}

int HttpConnection::onHeadersComplete()
{
    if (m_inValue)
        endHeaderLine();
    stopIdleTimer();
    // The parser's method names are static strings.
    const char *method = http_method_str(http_method(m_parser.method));
    m_request.method = QByteArray::fromRawData(method, qsizetype(qstrlen(method)));
    m_request.http11 =
            m_parser.http_major > 1 || (m_parser.http_major == 1 && m_parser.http_minor >= 1);
    m_keepAlive = http_should_keep_alive(&m_parser) && !m_parser.upgrade;
    m_headOnly = m_parser.method == HTTP_HEAD;
    const bool hasBody = (m_parser.flags & F_CHUNKED) || m_parser.uses_transfer_encoding
            || ((m_parser.flags & F_CONTENTLENGTH) && m_parser.content_length > 0);
    if (!hasBody)
        return 0;
    m_refusal = 413;
    return -1;
}

int HttpConnection::onMessageComplete()
{
    // Hold the rest of the input until this request is answered.
    http_parser_pause(&m_parser, 1);
    return 0;
}

void HttpConnection::onReadyRead()
{
    if (m_state == State::ReadingHead)
        processInput();
    else if (m_state == State::Closing)
        m_device->skip(m_device->bytesAvailable());
    // While responding the data waits in the socket's bounded buffer.
}

void HttpConnection::processInput()
{
    if (m_inProcessInput)
        return;
    m_inProcessInput = true;
    const auto done = qScopeGuard([this] { m_inProcessInput = false; });
    while (m_state == State::ReadingHead) {
        // A client that pipelines without reading must not grow our write buffer.
        if (m_device->bytesToWrite() > WriteHighWater)
            return;
        if (m_inputPos == m_input.size()) {
            // Exactly what is there: read(64 KiB) would keep a 64 KiB block per connection.
            m_input = m_device->read(std::min(m_device->bytesAvailable(), ReadBufferBytes));
            m_inputPos = 0;
            if (m_input.isEmpty())
                return;
        }
        const size_t available = size_t(m_input.size() - m_inputPos);
        const size_t used = http_parser_execute(&m_parser, &parserSettings(),
                                                m_input.constData() + m_inputPos, available);
        m_inputPos += qsizetype(used);
        if (m_inputPos == m_input.size()) {
            m_input.clear(); // do not hold a buffer while the answer waits
            m_inputPos = 0;
        }
        const auto error = http_errno(m_parser.http_errno);
        if (error == HPE_PAUSED) {
            http_parser_pause(&m_parser, 0);
            beginResponse();
            answer(m_routes->respond(m_request));
        } else if (m_refusal == 413) {
            refuse(413, "request bodies are not accepted");
        } else if (m_refusal == 431 || error == HPE_HEADER_OVERFLOW) {
            refuse(431,
                   "the request head is larger than " + QByteArray::number(m_limits.maxHeadBytes)
                           + " bytes");
        } else if (error != HPE_OK) {
            refuse(400, QByteArray("malformed request: ") + http_errno_description(error));
        } else if (used < available) {
            refuse(400, "malformed request: the parser stopped early");
        }
    }
}

void HttpConnection::beginResponse()
{
    m_state = State::Responding;
    m_requestActive = true;
    m_counters->requestStarted();
}

void HttpConnection::refuse(int status, const QByteArray &reason)
{
    beginResponse();
    m_keepAlive = false; // the rest of the input cannot be trusted
    m_headOnly = false;
    ServerRoutes::Response response;
    response.status = status;
    response.body = reason + '\n';
    answer(std::move(response));
}

void HttpConnection::answer(ServerRoutes::Response next)
{
    using Kind = ServerRoutes::Response::Kind;
    m_response = std::move(next);
    const ServerRoutes::Response &response = m_response;
    switch (response.kind) {
    case Kind::Complete:
        if (response.delayMs > 0) {
            m_deadlines->schedule(m_wait, response.delayMs, [this] { sendComplete(); });
            return;
        }
        sendComplete();
        return;
    case Kind::Pattern:
        m_device->write(head(response.length));
        startBody(patternChunk(), response.length);
        pumpBody();
        return;
    case Kind::Truncate:
        m_device->write(head(response.length)); // looks like a normal keep-alive answer...
        m_keepAlive = false; // ...but the connection dies half way
        startBody(patternChunk(), response.length / 2);
        pumpBody();
        return;
    case Kind::Drip:
        m_device->write(head(response.length));
        startBody(dripChunk(), response.length);
        if (m_bodyEnd > 0 && response.durationMs > 0) {
            m_bodyAllowed = 0;
            m_dripClock.start();
            m_dripTickMs = std::max<qint64>(10, response.durationMs / m_bodyEnd);
            m_deadlines->schedule(m_wait, m_dripTickMs, [this] { dripTick(); });
        }
        pumpBody();
        return;
    case Kind::Garbage:
        m_device->write(response.body);
        m_keepAlive = false;
        finishResponse();
        return;
    case Kind::Close:
        m_keepAlive = false;
        finishResponse();
        return;
    case Kind::Hang:
        restartIdleTimer(); // the only way out besides the client leaving
        return;
    }
}

void HttpConnection::sendComplete()
{
    const QByteArray &body = m_response.body;
    const bool withBody = !m_headOnly && statusHasBody(m_response.status);
    const QByteArray answer = head(body.size(), withBody ? body : QByteArray());
    qsizetype sent = 0;
    // Straight to the descriptor when nothing is queued before it: Qt's write buffer, its write
    // notifier and its signals cost more than the system call itself. An error is left for the
    // socket to find on its own write below.
    if (m_socket && m_socket->bytesToWrite() == 0
        && m_socket->state() == QAbstractSocket::ConnectedState) {
        const ssize_t n = ::send(int(m_socket->socketDescriptor()), answer.constData(),
                                 size_t(answer.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
        sent = n > 0 ? qsizetype(n) : 0;
    }
    if (sent < answer.size()) {
        m_device->write(answer.constData() + sent, answer.size() - sent);
        // Out now, not on the next turn's write notification: the notifier is then enabled and
        // disabled within this turn, which the event dispatcher folds into no change at all.
        if (m_socket)
            m_socket->flush();
        if (m_state == State::Closed) // the write failed and the socket is gone
            return;
    }
    finishResponse();
}

void HttpConnection::dripTick()
{
    // Paced by the clock, not by counting ticks, so late timer events do not stretch the drip.
    const qint64 elapsed = m_dripClock.elapsed();
    m_bodyAllowed = elapsed >= m_response.durationMs ? m_bodyEnd
                                                     : m_bodyEnd * elapsed / m_response.durationMs;
    if (m_bodyAllowed < m_bodyEnd)
        m_deadlines->schedule(m_wait, m_dripTickMs, [this] { dripTick(); });
    pumpBody();
}

QByteArray HttpConnection::head(qint64 contentLength, const QByteArray &body) const
{
    // One buffer for the whole answer: a chain of + would allocate for each piece.
    const int status = m_response.status;
    const QByteArray reason = ServerRoutes::reasonPhrase(status);
    QByteArray head;
    head.reserve(160 + m_response.contentType.size() + reason.size() + body.size());
    head.append("HTTP/1.1 ").append(QByteArray::number(status)).append(' ').append(reason);
    head.append("\r\n");
    if (statusHasBody(status)) {
        head.append("Content-Type: ").append(m_response.contentType);
        head.append("\r\nContent-Length: ").append(QByteArray::number(contentLength));
        head.append("\r\n");
    }
    for (const auto &[name, value] : m_response.headers)
        head.append(name).append(": ").append(value).append("\r\n");
    if (!m_keepAlive)
        head.append("Connection: close\r\n");
    else if (!m_request.http11)
        head.append("Connection: keep-alive\r\n");
    head.append("\r\n");
    return head.append(body);
}

void HttpConnection::startBody(const QByteArray &fill, qint64 length)
{
    m_fill = &fill;
    m_bodySent = 0;
    m_bodyEnd = m_headOnly || !statusHasBody(m_response.status) ? 0 : length;
    m_bodyAllowed = m_bodyEnd;
}

void HttpConnection::pumpBody()
{
    if (!m_fill)
        return;
    // Only a bounded amount is queued; bytesWritten calls back here as the client reads.
    while (m_bodySent < m_bodyAllowed && m_device->bytesToWrite() < WriteHighWater) {
        const qint64 n = std::min<qint64>(m_bodyAllowed - m_bodySent, m_fill->size());
        m_device->write(n == m_fill->size() ? *m_fill : m_fill->first(n));
        m_bodySent += n;
    }
    if (m_bodySent == m_bodyEnd) {
        m_fill = nullptr;
        finishResponse();
    }
}

void HttpConnection::finishResponse()
{
    m_deadlines->cancel(m_wait);
    m_requestActive = false;
    m_counters->requestEnded(true);
    if (!m_keepAlive) {
        closeGracefully();
        return;
    }
    m_state = State::ReadingHead;
    restartIdleTimer();
    // Inside processInput() its loop picks up the next request itself; else look now, without
    // posting an event per answer.
    if (!m_inProcessInput)
        processInput();
}

void HttpConnection::onBytesWritten()
{
    switch (m_state) {
    case State::Responding:
        pumpBody();
        break;
    case State::ReadingHead:
        processInput(); // may have waited for the write buffer to drain
        break;
    case State::Closing:
        // Read what the client still sent before closing: unread input makes the kernel answer
        // with a reset, which can destroy the answer before the client reads it.
        if (m_device->bytesToWrite() == 0) {
            m_device->skip(m_device->bytesAvailable());
            if (m_socket)
                m_socket->disconnectFromHost();
            else
                m_device->close();
        }
        break;
    case State::Closed:
        break;
    }
}

void HttpConnection::closeGracefully()
{
    m_state = State::Closing;
    m_deadlines->cancel(m_wait);
    restartIdleTimer(); // a client that never reads cannot keep us
    onBytesWritten();
}

void HttpConnection::restartIdleTimer()
{
    // Restarted for every request: only the time is noted here, and the queued deadline, when it
    // comes, moves itself to the latest restart. That spares the queue a removal and an insertion
    // per request.
    m_idleSinceMs = m_deadlines->nowMs();
    m_idleRunning = true;
    if (!m_idle.isActive())
        m_deadlines->schedule(m_idle, m_limits.idleTimeoutMs, [this] { onIdleDeadline(); });
}

void HttpConnection::stopIdleTimer()
{
    m_idleRunning = false; // the queued deadline finds it stopped and lapses
}

void HttpConnection::onIdleDeadline()
{
    if (!m_idleRunning)
        return;
    const qint64 left = m_idleSinceMs + m_limits.idleTimeoutMs - m_deadlines->nowMs();
    if (left > 0) {
        m_deadlines->schedule(m_idle, left, [this] { onIdleDeadline(); });
        return;
    }
    onIdleTimeout();
}

void HttpConnection::onIdleTimeout()
{
    if (m_socket)
        m_socket->abort();
    else
        m_device->close();
    release();
}

void HttpConnection::release()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_deadlines->cancel(m_idle);
    m_deadlines->cancel(m_wait);
    m_fill = nullptr;
    settleCounters();
    emit released(this);
}

void HttpConnection::settleCounters()
{
    if (m_requestActive)
        m_counters->requestEnded(false);
    m_requestActive = false;
    --m_counters->openConnections;
}

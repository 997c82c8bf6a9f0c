#include <httpserver/deadlinequeue.h>
#include <httpserver/embeddedserver.h>
#include <httpserver/memoryexchange.h>
#include "pattern.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkInterface>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <memory>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// One response cut from the raw bytes a server sent.
struct RawResponse
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
};

// Takes one complete response off the front of data, framed by its Content-Length; nullopt while
// incomplete. Answers to HEAD carry no body whatever they announce.
std::optional<RawResponse> takeResponse(QByteArray &data, bool headOnly = false)
{
    const qsizetype end = data.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    RawResponse response;
    const QList<QByteArray> lines = data.first(end).split('\n');
    const QList<QByteArray> statusLine = lines.first().split(' ');
    response.status = statusLine.size() > 1 ? statusLine.at(1).toInt() : -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            response.headers.insert(lines.at(i).first(colon).toLower(),
                                    lines.at(i).sliced(colon + 1).trimmed());
    }
    const qsizetype length =
            headOnly ? 0 : response.headers.value("content-length", "0").toLongLong();
    if (data.size() < end + 4 + length)
        return std::nullopt;
    response.body = data.mid(end + 4, length);
    data.remove(0, end + 4 + length);
    return response;
}

bool waitUntilClosed(QTcpSocket &socket, int timeoutMs)
{
    return QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; },
                           timeoutMs);
}

} // namespace

class TestServer : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void routes_data();
    void routes();
    void badParameters_data();
    void badParameters();
    void methodNotAllowed_data();
    void methodNotAllowed();
    void hostCheck_data();
    void hostCheck();
    void json();
    void badJson();
    void bytesDigest_data();
    void bytesDigest();
    void headAnnouncesLengthWithoutBody();
    void delayIsOnTime();
    void dripTrickles();
    void flakyFailsThenSucceeds();
    void flakyForgetsStalestKey();
    void redirects();
    void http10();
    void headTooLarge_data();
    void headTooLarge();
    void bodyRefused_data();
    void bodyRefused();
    void malformedRequest();
    void pipelinedInOrder();
    void slowClientClosedByIdleTimeout();
    void idleCountsFromEndOfResponse();
    void connectionCap();
    void thousandConcurrentDelays();
    void clientLeavesMidBody();
    void clientLeavesDuringDelay();
    void faults();
    void hangClosedByIdleTimeout();
    void answersWhileCallerBlocks();
    void portInUse();
    void bindsOnlyLoopback();
    void stopIsQuickAndClean();
    void deadlineQueue();
    void inMemory_data();
    void inMemory();

private:
    void restart(const ServerLimits &limits);
    QByteArray host() const;
    QByteArray request(QByteArrayView target, QByteArrayView extraHeaders = {},
                       QByteArrayView method = "GET") const;
    // Sends raw bytes on a new connection, returns what came back until the server closed it
    // (*closed = true) or timeoutMs passed.
    QByteArray exchange(const QByteArray &bytes, int timeoutMs = 5000, bool *closed = nullptr);
    std::unique_ptr<QNetworkReply> get(const QString &path, bool followRedirects = false);

    std::unique_ptr<EmbeddedServer> m_server;
    QNetworkAccessManager m_nam;
};

void TestServer::init()
{
    m_nam.setProxy(QNetworkProxy::NoProxy);
    m_server = std::make_unique<EmbeddedServer>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void TestServer::cleanup()
{
    m_server.reset();
}

void TestServer::restart(const ServerLimits &limits)
{
    m_server->stop();
    QVERIFY2(m_server->start(0, limits), qPrintable(m_server->errorString()));
}

QByteArray TestServer::host() const
{
    return "127.0.0.1:" + QByteArray::number(m_server->port());
}

QByteArray TestServer::request(QByteArrayView target, QByteArrayView extraHeaders,
                               QByteArrayView method) const
{
    return method.toByteArray() + ' ' + target.toByteArray() + " HTTP/1.1\r\nHost: " + host()
            + "\r\n" + extraHeaders.toByteArray() + "\r\n";
}

QByteArray TestServer::exchange(const QByteArray &bytes, int timeoutMs, bool *closed)
{
    QTcpSocket socket;
    QByteArray received;
    connect(&socket, &QTcpSocket::readyRead, &socket, [&] { received += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    socket.write(bytes);
    const bool gone = waitUntilClosed(socket, timeoutMs);
    if (closed)
        *closed = gone;
    return received + socket.readAll();
}

std::unique_ptr<QNetworkReply> TestServer::get(const QString &path, bool followRedirects)
{
    QNetworkRequest request(m_server->url(path));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         followRedirects ? QNetworkRequest::NoLessSafeRedirectPolicy
                                         : QNetworkRequest::ManualRedirectPolicy);
    std::unique_ptr<QNetworkReply> reply(m_nam.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(10000))
        qWarning("no answer for %s", qPrintable(path));
    return reply;
}

void TestServer::routes_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");

    const QByteArray text = "text/plain; charset=utf-8";
    QTest::addRow("delay 0") << u"/delay/0"_s << 200 << text << "answered after 0 ms\n"_ba;
    QTest::addRow("delay 30") << u"/delay/30"_s << 200 << text << "answered after 30 ms\n"_ba;
    QTest::addRow("status 200") << u"/status/200"_s << 200 << text << "200 OK\n"_ba;
    QTest::addRow("status 418") << u"/status/418"_s << 418 << text << "418 I'm a Teapot\n"_ba;
    QTest::addRow("status 503") << u"/status/503"_s << 503 << text
                                << "503 Service Unavailable\n"_ba;
    QTest::addRow("status 599") << u"/status/599"_s << 599 << text << "599 Server Error\n"_ba;
    QTest::addRow("status 204") << u"/status/204"_s << 204 << QByteArray() << QByteArray();
    QTest::addRow("json 2") << u"/json?items=2"_s << 200 << "application/json"_ba
                            << R"({"source":"AsyncLab","items":[)"
                               R"({"id":1,"name":"item 1","value":7919},)"
                               R"({"id":2,"name":"item 2","value":5831}]})"_ba;
    QTest::addRow("json 0") << u"/json?items=0"_s << 200 << "application/json"_ba
                            << R"({"source":"AsyncLab","items":[]})"_ba;
    QTest::addRow("bytes 0") << u"/bytes/0"_s << 200 << "application/octet-stream"_ba
                             << QByteArray();
    QTest::addRow("bytes 5") << u"/bytes/5"_s << 200 << "application/octet-stream"_ba
                             << patternBytes(0, 5);
    QTest::addRow("drip at once") << u"/drip?bytes=5&ms=0"_s << 200 << text << "*****"_ba;
    QTest::addRow("drip nothing") << u"/drip?ms=100&bytes=0"_s << 200 << text << QByteArray();
    QTest::addRow("flaky never fails")
            << u"/flaky/steady?fail=0"_s << 200 << text << "ok after 0 failures\n"_ba;
    QTest::addRow("redirect 2") << u"/redirect/2"_s << 302 << text
                                << "redirecting to /redirect/1\n"_ba;
    QTest::addRow("redirect 0") << u"/redirect/0"_s << 302 << text << "redirecting to /json\n"_ba;
    QTest::addRow("redirect loop")
            << u"/redirectloop"_s << 302 << text << "redirecting to /redirectloop\n"_ba;
    QTest::addRow("unknown") << u"/nope"_s << 404 << text << "no route /nope\n"_ba;
    QTest::addRow("root") << u"/"_s << 404 << text << "no route /\n"_ba;
    QTest::addRow("extra segment") << u"/json/more"_s << 404 << text << "no route /json/more\n"_ba;
    QTest::addRow("no file serving")
            << u"/../../etc/passwd"_s << 404 << text << "no route /etc/passwd\n"_ba;
}

void TestServer::routes()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);

    const auto reply = get(path);
    QVERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
    QCOMPARE(reply->rawHeader("Content-Type"), contentType);
    if (status != 204)
        QCOMPARE(reply->rawHeader("Content-Length"), QByteArray::number(body.size()));
    QCOMPARE(reply->readAll(), body);
}

void TestServer::badParameters_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("reason");

    QTest::addRow("delay negative") << "/delay/-1"_ba
                                    << "/delay/<ms>"_ba;
    QTest::addRow("delay text") << "/delay/soon"_ba
                                << "/delay/<ms>"_ba;
    QTest::addRow("delay plus") << "/delay/+5"_ba
                                << "/delay/<ms>"_ba;
    QTest::addRow("delay too long") << "/delay/60001"_ba
                                    << "/delay/<ms>"_ba;
    QTest::addRow("delay huge") << "/delay/99999999999999999999"_ba
                                << "/delay/<ms>"_ba;
    QTest::addRow("delay missing") << "/delay"_ba
                                   << "/delay/<ms>"_ba;
    QTest::addRow("delay empty") << "/delay/"_ba
                                 << "/delay/<ms>"_ba;
    QTest::addRow("bytes too many") << "/bytes/1073741825"_ba
                                    << "/bytes/<n>"_ba;
    QTest::addRow("bytes exponent") << "/bytes/1e3"_ba
                                    << "/bytes/<n>"_ba;
    QTest::addRow("bytes missing") << "/bytes"_ba
                                   << "/bytes/<n>"_ba;
    QTest::addRow("drip no ms") << "/drip?bytes=10"_ba
                                << "ms="_ba;
    QTest::addRow("drip no bytes") << "/drip?ms=10"_ba
                                   << "bytes="_ba;
    QTest::addRow("drip too many") << "/drip?bytes=67108865&ms=10"_ba
                                   << "bytes="_ba;
    QTest::addRow("drip too long") << "/drip?bytes=1&ms=60001"_ba
                                   << "ms="_ba;
    QTest::addRow("status low") << "/status/199"_ba
                                << "/status/<code>"_ba;
    QTest::addRow("status high") << "/status/600"_ba
                                 << "/status/<code>"_ba;
    QTest::addRow("status text") << "/status/ok"_ba
                                 << "/status/<code>"_ba;
    QTest::addRow("json too many") << "/json?items=10001"_ba
                                   << "items"_ba;
    QTest::addRow("json negative") << "/json?items=-1"_ba
                                   << "items"_ba;
    QTest::addRow("json empty") << "/json?items="_ba
                                << "items"_ba;
    QTest::addRow("flaky no fail") << "/flaky/k"_ba
                                   << "/flaky/<key>"_ba;
    QTest::addRow("flaky bad fail") << "/flaky/k?fail=x"_ba
                                    << "/flaky/<key>"_ba;
    QTest::addRow("flaky bad key") << "/flaky/a%20b?fail=1"_ba
                                   << "/flaky/<key>"_ba;
    QTest::addRow("flaky no key") << "/flaky/?fail=1"_ba
                                  << "/flaky/<key>"_ba;
    QTest::addRow("redirect too many") << "/redirect/101"_ba
                                       << "/redirect/<n>"_ba;
    QTest::addRow("redirect text") << "/redirect/x"_ba
                                   << "/redirect/<n>"_ba;
    QTest::addRow("truncate text") << "/truncate/half"_ba
                                   << "/truncate/<n>"_ba;
    QTest::addRow("not a path") << "http://127.0.0.1/json"_ba
                                << "path"_ba;
}

void TestServer::badParameters()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, reason);

    QByteArray received = exchange(request(target, "Connection: close\r\n"));
    const auto response = takeResponse(received);
    QVERIFY(response);
    QCOMPARE(response->status, 400);
    QVERIFY2(response->body.contains(reason), response->body.constData());
    QVERIFY(response->body.endsWith('\n'));
    QCOMPARE(response->body.count('\n'), 1); // one line
}

void TestServer::methodNotAllowed_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addRow("POST") << "POST"_ba;
    QTest::addRow("PUT empty body") << "PUT"_ba;
    QTest::addRow("DELETE") << "DELETE"_ba;
    QTest::addRow("OPTIONS") << "OPTIONS"_ba;
}

void TestServer::methodNotAllowed()
{
    QFETCH(QByteArray, method);
    QByteArray received =
            exchange(request("/json", "Content-Length: 0\r\nConnection: close\r\n", method));
    const auto response = takeResponse(received);
    QVERIFY(response);
    QCOMPARE(response->status, 405);
    QCOMPARE(response->headers.value("allow"), "GET, HEAD"_ba);
}

void TestServer::hostCheck_data()
{
    QTest::addColumn<QByteArray>("hostLines"); // %1 stands for the port
    QTest::addColumn<QByteArray>("version");
    QTest::addColumn<int>("status");

    const auto row = [](const char *name, const QByteArray &hostLines, int status,
                        const QByteArray &version = "HTTP/1.1"_ba) {
        QTest::addRow("%s", name) << hostLines << version << status;
    };
    row("ip", "Host: 127.0.0.1:%1\r\n", 200);
    row("localhost", "Host: localhost:%1\r\n", 200);
    row("localhost upper", "Host: LocalHost:%1\r\n", 200);
    row("ipv6", "Host: [::1]:%1\r\n", 200);
    row("foreign", "Host: evil.example:%1\r\n", 403);
    row("rebound name", "Host: attacker.example\r\n", 403);
    row("wrong port", "Host: 127.0.0.1:1\r\n", 403);
    row("no port", "Host: 127.0.0.1\r\n", 403);
    row("other loopback ip", "Host: 127.0.0.2:%1\r\n", 403);
    row("missing 1.1", QByteArray(), 400);
    row("missing 1.0", QByteArray(), 200, "HTTP/1.0");
    row("foreign 1.0", "Host: evil.example\r\n", 403, "HTTP/1.0");
    row("twice", "Host: 127.0.0.1:%1\r\nHost: evil.example\r\n", 400);
}

void TestServer::hostCheck()
{
    QFETCH(QByteArray, hostLines);
    QFETCH(QByteArray, version);
    QFETCH(int, status);

    const QByteArray bytes = "GET /status/200 " + version + "\r\n"
            + hostLines.replace("%1", QByteArray::number(m_server->port()))
            + "Connection: close\r\n\r\n";
    QByteArray received = exchange(bytes);
    const auto response = takeResponse(received);
    QVERIFY(response);
    QCOMPARE(response->status, status);
}

void TestServer::json()
{
    for (const int items : { 20, 10000 }) {
        const auto reply = get(items == 20 ? u"/json"_s : u"/json?items=%1"_s.arg(items));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(),
                 u"application/json"_s);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(reply->readAll(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(document.object().value("source"_L1).toString(), u"AsyncLab"_s);
        const QJsonArray array = document.object().value("items"_L1).toArray();
        QCOMPARE(array.size(), items);
        for (int i = 0; i < items; ++i) {
            const QJsonObject item = array.at(i).toObject();
            QCOMPARE(item.value("id"_L1).toInt(), i + 1);
            QCOMPARE(item.value("name"_L1).toString(), u"item %1"_s.arg(i + 1));
            QCOMPARE(item.value("value"_L1).toInteger(), qint64(i + 1) * 7919 % 10007);
        }
    }
}

void TestServer::badJson()
{
    const auto reply = get(u"/badjson"_s);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->rawHeader("Content-Type"), "application/json"_ba);
    QJsonParseError error;
    QJsonDocument::fromJson(reply->readAll(), &error);
    QVERIFY(error.error != QJsonParseError::NoError);
}

void TestServer::bytesDigest_data()
{
    QTest::addColumn<qint64>("n");
    for (const qint64 n : { 0, 1, 250, 251, 252, 257024, 257025, 1000000, 32 * 1024 * 1024 + 17 })
        QTest::addRow("%lld", n) << n;
}

void TestServer::bytesDigest()
{
    QFETCH(qint64, n);

    // Hashed as it arrives: the body streams, it is never held whole on either side.
    QTcpSocket socket;
    QByteArray head;
    std::optional<RawResponse> response;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 bodyBytes = 0;
    connect(&socket, &QTcpSocket::readyRead, &socket, [&] {
        QByteArray data = socket.readAll();
        if (!response) {
            head += data;
            response = takeResponse(head, true);
            if (!response)
                return;
            data = head;
        }
        hash.addData(data);
        bodyBytes += data.size();
    });
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    socket.write(request("/bytes/" + QByteArray::number(n), "Connection: close\r\n"));
    QVERIFY(waitUntilClosed(socket, 20000));
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->headers.value("content-type"), "application/octet-stream"_ba);
    QCOMPARE(response->headers.value("content-length"), QByteArray::number(n));
    QCOMPARE(bodyBytes, n);
    QCOMPARE(hash.result().toHex(), patternSha256(n));
}

void TestServer::headAnnouncesLengthWithoutBody()
{
    // Keep-alive framing proves no body bytes followed the HEAD answer.
    QByteArray received =
            exchange(request("/bytes/1000", {}, "HEAD") + request("/delay/0", {}, "HEAD")
                     + request("/status/201", "Connection: close\r\n"));
    const auto bytes = takeResponse(received, true);
    const auto delay = takeResponse(received, true);
    const auto status = takeResponse(received);
    QVERIFY(bytes && delay && status);
    QCOMPARE(bytes->headers.value("content-length"), "1000"_ba);
    QCOMPARE(delay->headers.value("content-length"), "20"_ba);
    QCOMPARE(status->status, 201);
    QCOMPARE(status->body, "201 Created\n"_ba);
    QVERIFY(received.isEmpty());
}

void TestServer::delayIsOnTime()
{
    QElapsedTimer clock;
    clock.start();
    const auto reply = get(u"/delay/300"_s);
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QVERIFY2(elapsed >= 300 && elapsed < 1500, qPrintable(QString::number(elapsed)));
}

void TestServer::dripTrickles()
{
    QTcpSocket socket;
    QByteArray received;
    QList<qint64> arrivals;
    QElapsedTimer clock;
    connect(&socket, &QTcpSocket::readyRead, &socket, [&] {
        received += socket.readAll();
        arrivals.append(clock.elapsed());
    });
    clock.start();
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    socket.write(request("/drip?bytes=10&ms=500", "Connection: close\r\n"));
    QVERIFY(waitUntilClosed(socket, 5000));
    const qint64 total = clock.elapsed();
    const auto response = takeResponse(received);
    QVERIFY(response);
    QCOMPARE(response->headers.value("content-length"), "10"_ba);
    QCOMPARE(response->body, "**********"_ba);
    QVERIFY2(total >= 450 && total < 2000, qPrintable(QString::number(total)));
    // Trickled, not sent in one go at the end.
    QVERIFY2(arrivals.size() >= 3, qPrintable(QString::number(arrivals.size())));
    QVERIFY2(arrivals.last() - arrivals.first() >= 250,
             qPrintable(QString::number(arrivals.last() - arrivals.first())));
}

void TestServer::flakyFailsThenSucceeds()
{
    const QByteArray target = "/flaky/key-1?fail=2";
    QByteArray received =
            exchange(request(target) + request(target) + request(target)
                     + request("/flaky/other?fail=1") + request(target, "Connection: close\r\n"));
    QList<int> statuses;
    while (const auto response = takeResponse(received)) {
        statuses.append(response->status);
        if (response->status == 503)
            QCOMPARE(response->headers.value("retry-after"), "0"_ba);
    }
    QCOMPARE(statuses, QList<int>({ 503, 503, 200, 503, 200 }));
}

void TestServer::flakyForgetsStalestKey()
{
    // 1000 other keys push the first one out, so it fails again: memory stays bounded.
    QByteArray bytes = request("/flaky/first?fail=1");
    for (int i = 0; i < 1000; ++i)
        bytes += request("/flaky/other-" + QByteArray::number(i) + "?fail=0");
    bytes += request("/flaky/first?fail=1", "Connection: close\r\n");
    QByteArray received = exchange(bytes, 10000);
    QList<int> statuses;
    while (const auto response = takeResponse(received))
        statuses.append(response->status);
    QCOMPARE(statuses.size(), 1002);
    QCOMPARE(statuses.first(), 503);
    QCOMPARE(statuses.last(), 503);
}

void TestServer::redirects()
{
    const auto manual = get(u"/redirect/3"_s);
    QCOMPARE(manual->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 302);
    QCOMPARE(manual->rawHeader("Location"), "/redirect/2"_ba);

    const auto followed = get(u"/redirect/3"_s, true);
    QCOMPARE(followed->error(), QNetworkReply::NoError);
    QCOMPARE(followed->url().path(), u"/json"_s);
    QVERIFY(followed->readAll().startsWith(R"({"source":"AsyncLab")"));

    const auto loop = get(u"/redirectloop"_s, true);
    QCOMPARE(loop->error(), QNetworkReply::TooManyRedirectsError);
}

void TestServer::http10()
{
    bool closed = false;
    QByteArray received = exchange("GET /status/200 HTTP/1.0\r\n\r\n", 3000, &closed);
    auto response = takeResponse(received);
    QVERIFY(response);
    QCOMPARE(response->headers.value("connection"), "close"_ba);
    QVERIFY(closed);

    received = exchange("GET /status/200 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
                        "GET /status/202 HTTP/1.0\r\n\r\n",
                        3000, &closed);
    response = takeResponse(received);
    QVERIFY(response);
    QCOMPARE(response->headers.value("connection"), "keep-alive"_ba);
    response = takeResponse(received);
    QVERIFY(response);
    QCOMPARE(response->status, 202);
    QVERIFY(closed);
}

void TestServer::headTooLarge_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray big(20 * 1024, 'a');
    QTest::addRow("header") << "GET /json HTTP/1.1\r\nHost: x\r\nX-Big: " + big + "\r\n\r\n";
    QTest::addRow("many headers") << "GET /json HTTP/1.1\r\n"
                    + QByteArray("X-A: b\r\n").repeated(3000) + "\r\n";
    QTest::addRow("url") << "GET /" + big + " HTTP/1.1\r\n\r\n";
}

void TestServer::headTooLarge()
{
    QFETCH(QByteArray, bytes);
    bool closed = false;
    QByteArray received = exchange(bytes, 5000, &closed);
    const auto response = takeResponse(received);
    QVERIFY(response);
    QCOMPARE(response->status, 431);
    QCOMPARE(response->headers.value("connection"), "close"_ba);
    QVERIFY(closed);
}

void TestServer::bodyRefused_data()
{
    QTest::addColumn<QByteArray>("framing");
    QTest::addRow("content-length") << "Content-Length: 5\r\n\r\nhello"_ba;
    QTest::addRow("chunked") << "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"_ba;
}

void TestServer::bodyRefused()
{
    QFETCH(QByteArray, framing);
    bool closed = false;
    QByteArray received =
            exchange("GET /json HTTP/1.1\r\nHost: " + host() + "\r\n" + framing + request("/json"),
                     5000, &closed);
    const auto response = takeResponse(received);
    QVERIFY(response);
    QCOMPARE(response->status, 413);
    QVERIFY(received.isEmpty()); // the pipelined request after the body is not answered
    QVERIFY(closed);
}

void TestServer::malformedRequest()
{
    bool closed = false;
    QByteArray received = exchange("HELLO THERE\r\n\r\n", 5000, &closed);
    const auto response = takeResponse(received);
    QVERIFY(response);
    QCOMPARE(response->status, 400);
    QVERIFY(response->body.startsWith("malformed request"));
    QVERIFY(closed);
}

void TestServer::pipelinedInOrder()
{
    // The slow first answer must still come first.
    QByteArray received =
            exchange(request("/delay/200") + request("/status/404") + request("/json?items=1")
                     + request("/bytes/3", {}, "HEAD") + request("/status/204")
                     + request("/bytes/3", "Connection: close\r\n"));
    QList<int> statuses;
    QList<QByteArray> bodies;
    for (const bool headOnly : { false, false, false, true, false, false }) {
        const auto response = takeResponse(received, headOnly);
        QVERIFY(response);
        statuses.append(response->status);
        bodies.append(response->body);
    }
    QVERIFY(received.isEmpty());
    QCOMPARE(statuses, QList<int>({ 200, 404, 200, 200, 204, 200 }));
    QCOMPARE(bodies.at(0), "answered after 200 ms\n"_ba);
    QCOMPARE(bodies.at(1), "404 Not Found\n"_ba);
    QVERIFY(bodies.at(2).contains(R"("name":"item 1")"));
    QCOMPARE(bodies.at(3), QByteArray());
    QCOMPARE(bodies.at(4), QByteArray()); // 204 has no body, not even an announced empty one
    QCOMPARE(bodies.at(5), patternBytes(0, 3));
    // The server's thread counts an answer after its last write: the client may read it first.
    QTRY_COMPARE(m_server->requestsServed(), 6);
}

void TestServer::slowClientClosedByIdleTimeout()
{
    restart({ .idleTimeoutMs = 400 });
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(2000));
    // One byte every 40 ms: the whole head would take about 2 s.
    const QByteArray bytes = request("/status/200");
    qsizetype sent = 0;
    QTimer trickle;
    connect(&trickle, &QTimer::timeout, &socket, [&] {
        if (sent < bytes.size())
            socket.write(bytes.mid(sent++, 1));
    });
    QElapsedTimer clock;
    clock.start();
    trickle.start(40);
    QVERIFY(waitUntilClosed(socket, 3000));
    const qint64 elapsed = clock.elapsed();
    QVERIFY2(elapsed >= 350 && elapsed < 1500, qPrintable(QString::number(elapsed)));
    QVERIFY(sent < bytes.size());
    QCOMPARE(socket.readAll(), QByteArray());
    QTRY_COMPARE(m_server->openConnections(), 0);
}

void TestServer::idleCountsFromEndOfResponse()
{
    restart({ .idleTimeoutMs = 400 });
    QTcpSocket socket;
    QByteArray received;
    QElapsedTimer sinceAnswer;
    connect(&socket, &QTcpSocket::readyRead, &socket, [&] {
        received += socket.readAll();
        sinceAnswer.start();
    });
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    // Longer than the idle timeout: a request being answered is not idle.
    socket.write(request("/delay/700"));
    QVERIFY(waitUntilClosed(socket, 3000));
    const qint64 idle = sinceAnswer.elapsed();
    const auto response = takeResponse(received);
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QVERIFY2(idle >= 350 && idle < 1500, qPrintable(QString::number(idle)));
}

void TestServer::connectionCap()
{
    restart({ .maxConnections = 4 });
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    for (int i = 0; i < 4; ++i) {
        clients.push_back(std::make_unique<QTcpSocket>());
        clients.back()->connectToHost(QHostAddress::LocalHost, m_server->port());
    }
    QTRY_COMPARE(m_server->openConnections(), 4);

    // Over the cap: told why, then closed.
    bool closed = false;
    const QByteArray refused = exchange(request("/status/200"), 2000, &closed);
    QVERIFY(closed);
    QVERIFY2(refused.startsWith("HTTP/1.1 503 Service Unavailable\r\n"), refused.constData());
    QVERIFY(refused.contains("\r\nRetry-After: 1\r\n"));
    QCOMPARE(m_server->openConnections(), 4);

    // The admitted ones still work.
    QTcpSocket &first = *clients.front();
    first.write(request("/status/200", "Connection: close\r\n"));
    QVERIFY(waitUntilClosed(first, 2000));
    QVERIFY(first.readAll().startsWith("HTTP/1.1 200 OK"));
    QTRY_COMPARE(m_server->openConnections(), 3);

    QByteArray received = exchange(request("/status/200", "Connection: close\r\n"));
    QVERIFY(received.startsWith("HTTP/1.1 200 OK"));
}

void TestServer::thousandConcurrentDelays()
{
    constexpr int Count = 1000;
    constexpr int DelayMs = 500;
    struct Client
    {
        QTcpSocket socket;
        QByteArray received;
        qint64 sentAt = 0;
        qint64 doneAt = -1;
    };
    std::vector<std::unique_ptr<Client>> clients;
    const QByteArray bytes =
            request("/delay/" + QByteArray::number(DelayMs), "Connection: close\r\n");
    int done = 0;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < Count; ++i) {
        clients.push_back(std::make_unique<Client>());
        Client *client = clients.back().get();
        connect(&client->socket, &QTcpSocket::readyRead, &client->socket,
                [client] { client->received += client->socket.readAll(); });
        // The request leaves when the connection is up, not when connectToHost() is called.
        connect(&client->socket, &QTcpSocket::connected, &client->socket,
                [client, &clock] { client->sentAt = clock.elapsed(); });
        connect(&client->socket, &QTcpSocket::disconnected, &client->socket,
                [client, &done, &clock] {
                    client->doneAt = clock.elapsed();
                    ++done;
                });
        client->socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        client->socket.write(bytes);
    }
    QTRY_COMPARE_WITH_TIMEOUT(done, Count, 15000);
    const qint64 total = clock.elapsed();
    qint64 lastAsked = 0;
    qint64 fastest = total;
    qint64 slowest = 0;
    for (const auto &client : clients) {
        QVERIFY2(client->received.startsWith("HTTP/1.1 200 OK"), client->received.constData());
        lastAsked = std::max(lastAsked, client->sentAt);
        fastest = std::min(fastest, client->doneAt - client->sentAt);
        slowest = std::max(slowest, client->doneAt - client->sentAt);
    }
    qInfo("%d x /delay/%d: all asked after %lld ms, each answered after %lld..%lld ms, all done "
          "after %lld ms, peak in flight %d",
          Count, DelayMs, lastAsked, fastest, slowest, total, m_server->peakRequestsInFlight());
    QVERIFY(fastest >= DelayMs);
    // Bounds taken from the last request sent, not from the start: creating 1000 client sockets
    // in this thread is itself slow on a loaded machine. Answered one after another, the batch
    // would take 500 s; six at a time (a browser's limit) 83 s.
    QVERIFY2(slowest < 3000, qPrintable(QString::number(slowest)));
    QVERIFY2(total - lastAsked < 3000, qPrintable(QString::number(total - lastAsked)));
    // All of them were waiting at the same time: none queued behind another.
    QVERIFY2(m_server->peakRequestsInFlight() > Count * 9 / 10,
             qPrintable(QString::number(m_server->peakRequestsInFlight())));
    QTRY_COMPARE(m_server->requestsServed(), Count); // counted after the last write
}

void TestServer::clientLeavesMidBody()
{
    {
        QTcpSocket socket;
        qint64 received = 0;
        connect(&socket, &QTcpSocket::readyRead, &socket,
                [&] { received += socket.readAll().size(); });
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        socket.write(request("/bytes/1073741824"));
        QTRY_VERIFY(received > 4 * 1024 * 1024);
        QCOMPARE(m_server->requestsInFlight(), 1);
        socket.abort();
    }
    QTRY_COMPARE(m_server->openConnections(), 0);
    QCOMPARE(m_server->requestsInFlight(), 0);
    QCOMPARE(m_server->requestsServed(), 0);

    const auto reply = get(u"/json?items=3"_s);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QTRY_COMPARE(m_server->requestsServed(), 1); // counted after the last write
}

void TestServer::clientLeavesDuringDelay()
{
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        socket.write(request("/delay/300"));
        QTRY_COMPARE(m_server->requestsInFlight(), 1);
        socket.abort();
    }
    QTRY_COMPARE(m_server->openConnections(), 0);
    QCOMPARE(m_server->requestsInFlight(), 0);
    // Waiting for something not to happen: the delay timer died with the connection, had it
    // fired it would write to a freed socket or count the request as served.
    QTest::qWait(500);
    QCOMPARE(m_server->requestsServed(), 0);
    QVERIFY(exchange(request("/status/200", "Connection: close\r\n")).startsWith("HTTP/1.1 200"));
}

void TestServer::faults()
{
    bool closed = false;
    QByteArray received = exchange(request("/truncate/1000"), 3000, &closed);
    QVERIFY(closed);
    const qsizetype headEnd = received.indexOf("\r\n\r\n") + 4;
    QVERIFY(received.startsWith("HTTP/1.1 200 OK"));
    QVERIFY(received.first(headEnd).contains("Content-Length: 1000\r\n"));
    QCOMPARE(received.sliced(headEnd), patternBytes(0, 500));

    received = exchange(request("/garbage"), 3000, &closed);
    QVERIFY(closed);
    QVERIFY(!received.isEmpty());
    QVERIFY(!received.startsWith("HTTP/"));

    received = exchange(request("/close") + request("/status/200"), 3000, &closed);
    QVERIFY(closed);
    QCOMPARE(received, QByteArray());

    // Seen by a real client, each is an error, not a hang.
    for (const QString &path : { u"/truncate/100000"_s, u"/garbage"_s, u"/close"_s }) {
        const auto reply = get(path);
        QVERIFY(reply->isFinished());
        QVERIFY2(reply->error() != QNetworkReply::NoError, qPrintable(path));
    }
}

void TestServer::hangClosedByIdleTimeout()
{
    restart({ .idleTimeoutMs = 500 });
    QElapsedTimer clock;
    clock.start();
    bool closed = false;
    const QByteArray received = exchange(request("/hang"), 3000, &closed);
    const qint64 elapsed = clock.elapsed();
    QVERIFY(closed);
    QCOMPARE(received, QByteArray());
    QVERIFY2(elapsed >= 450 && elapsed < 2000, qPrintable(QString::number(elapsed)));
    QTRY_COMPARE(m_server->openConnections(), 0);
    QCOMPARE(m_server->requestsInFlight(), 0);
}

void TestServer::answersWhileCallerBlocks()
{
    // Blocking mode: the calling thread waits without an event loop, the server thread answers.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(2000));
    socket.write(request("/delay/100"));
    QVERIFY(socket.waitForBytesWritten(2000));
    QVERIFY(socket.waitForReadyRead(2000));
    QVERIFY(socket.readAll().startsWith("HTTP/1.1 200 OK"));
}

void TestServer::portInUse()
{
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost));
    EmbeddedServer server;
    QVERIFY(!server.start(blocker.serverPort()));
    QCOMPARE(server.errorString(), u"port %1 is already in use"_s.arg(blocker.serverPort()));
    QVERIFY(!server.isRunning());
    QCOMPARE(server.port(), 0);
    QVERIFY(server.baseUrl().isEmpty());

    QVERIFY(server.start());
    QVERIFY(server.errorString().isEmpty());
    QVERIFY(!server.start());
    QVERIFY(server.errorString().contains(u"already running"_s));
}

void TestServer::bindsOnlyLoopback()
{
    QCOMPARE(m_server->serverAddress(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(m_server->baseUrl(), QUrl(u"http://127.0.0.1:%1"_s.arg(m_server->port())));
    QCOMPARE(m_server->url(u"/delay/100"_s),
             QUrl(u"http://127.0.0.1:%1/delay/100"_s.arg(m_server->port())));

    // 127.0.0.2 is loopback too on Linux: only an explicit 127.0.0.1 bind refuses it.
    QList<QHostAddress> others = { QHostAddress(u"127.0.0.2"_s),
                                   QHostAddress(QHostAddress::LocalHostIPv6) };
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (address != QHostAddress(QHostAddress::LocalHost) && !others.contains(address))
            others.append(address);
    }
    for (const QHostAddress &address : std::as_const(others)) {
        QTcpSocket socket;
        socket.connectToHost(address, m_server->port());
        const auto settled = [&] {
            return socket.state() != QAbstractSocket::ConnectingState
                    && socket.state() != QAbstractSocket::HostLookupState;
        };
        QVERIFY(QTest::qWaitFor(settled, 3000));
        QVERIFY2(socket.state() != QAbstractSocket::ConnectedState, qPrintable(address.toString()));
    }
}

void TestServer::stopIsQuickAndClean()
{
    QTcpSocket hanging, streaming, delayed;
    const std::pair<QTcpSocket *, QByteArrayView> requests[] = {
        { &hanging, "/hang" }, { &streaming, "/bytes/1073741824" }, { &delayed, "/delay/10000" }
    };
    for (const auto &[socket, target] : requests) {
        socket->connectToHost(QHostAddress::LocalHost, m_server->port());
        socket->write(request(target));
    }
    QTRY_COMPARE(m_server->requestsInFlight(), 3);

    QElapsedTimer clock;
    clock.start();
    m_server->stop();
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!m_server->isRunning());
    QCOMPARE(m_server->openConnections(), 0);
    QCOMPARE(m_server->requestsInFlight(), 0);
    QCOMPARE(m_server->port(), 0);
    QVERIFY(waitUntilClosed(hanging, 2000));
    QVERIFY(waitUntilClosed(delayed, 2000));

    QVERIFY(m_server->start());
    QVERIFY(exchange(request("/status/200", "Connection: close\r\n")).startsWith("HTTP/1.1 200"));
}

void TestServer::deadlineQueue()
{
    // Ten thousand waits behind one timer: cheap to add and cancel, each fires once, on time.
    constexpr int Count = 10000;
    DeadlineQueue queue;
    std::vector<DeadlineQueue::Handle> handles(Count);
    std::vector<qint64> firedAt(Count, -1);
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < Count; ++i) {
        queue.schedule(handles[size_t(i)], 100 + i % 100,
                       [&firedAt, &clock, i] { firedAt[size_t(i)] = clock.elapsed(); });
    }
    for (int i = 0; i < Count; i += 2)
        queue.cancel(handles[size_t(i)]);
    const qint64 bookkeepingMs = clock.elapsed();
    QCOMPARE(queue.size(), Count / 2);
    QVERIFY2(bookkeepingMs < 100, qPrintable(QString::number(bookkeepingMs)));
    QTRY_COMPARE_WITH_TIMEOUT(queue.size(), 0, 5000);
    for (int i = 0; i < Count; ++i) {
        QVERIFY(!handles[size_t(i)].isActive());
        if (i % 2 == 0) {
            QCOMPARE(firedAt[size_t(i)], -1);
        } else {
            QVERIFY(firedAt[size_t(i)] >= 100 + i % 100);
            QVERIFY2(firedAt[size_t(i)] < 100 + i % 100 + 500, qPrintable(QString::number(i)));
        }
    }
}

void TestServer::inMemory_data()
{
    // The request path without sockets, as the fuzz targets drive it: the same answers.
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<int>>("statuses");
    QTest::addColumn<bool>("closed");
    const QByteArray host = "Host: 127.0.0.1:8080\r\n";
    const auto get = [&](const QByteArray &target, const QByteArray &extra = {}) {
        return "GET " + target + " HTTP/1.1\r\n" + host + extra + "\r\n";
    };
    QTest::addRow("delay") << get("/delay/100") << QList<int> { 200 } << true;
    QTest::addRow("pipelined") << get("/status/404") + get("/delay/5") + get("/json?items=2")
                               << QList<int> { 404, 200, 200 } << true;
    QTest::addRow("drip") << get("/drip?bytes=20&ms=0", "Connection: close\r\n")
                          << QList<int> { 200 } << true;
    QTest::addRow("foreign host") << QByteArray("GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n")
                                  << QList<int> { 403 } << true;
    QTest::addRow("head too large")
            << "GET / HTTP/1.1\r\n" + host + "X: " + QByteArray(20000, 'a') + "\r\n\r\n"
            << QList<int> { 431 } << true;
    QTest::addRow("body") << get("/", "Content-Length: 3\r\n") + "abc" << QList<int> { 413 }
                          << true;
    QTest::addRow("malformed") << QByteArray("GET /\x01 HTTP/1.1\r\n\r\n") << QList<int> { 400 }
                               << true;
}

void TestServer::inMemory()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<int>, statuses);
    QFETCH(bool, closed);
    for (const qsizetype chunk : { qsizetype(0), qsizetype(1), qsizetype(7) }) {
        MemoryExchange::Result result = MemoryExchange::run(input, chunk);
        QCOMPARE(result.closed, closed);
        QList<int> got;
        while (const auto response = takeResponse(result.output))
            got << response->status;
        QCOMPARE(got, statuses);
        QVERIFY(result.output.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestServer)
#include "tst_server.moc"

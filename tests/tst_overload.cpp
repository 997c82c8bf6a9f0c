// The embedded server over its connection cap: clients over it are told 503 rather than dropped,
// a storm of closing clients does not keep a new one waiting, and the memory goes back.
#include <httpserver/embeddedserver.h>
#include "memoryusage.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

struct Client
{
    QTcpSocket socket;
    QByteArray received;
    bool closed = false;
};

} // namespace

class TestOverload : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void overCapIsAnswered503();
    void newClientAnsweredRightAfterStorm();
    void memoryReturnsAfterStorm();

private:
    void startServer(int maxConnections);
    QByteArray request(QByteArrayView target) const;
    // count clients, each sending target; returns when all are connected and have sent.
    std::vector<std::unique_ptr<Client>> connectClients(int count, QByteArrayView target);
    int answered(const std::vector<std::unique_ptr<Client>> &clients, QByteArrayView status) const;

    std::unique_ptr<EmbeddedServer> m_server;
};

void TestOverload::init()
{
    m_server = std::make_unique<EmbeddedServer>();
}

void TestOverload::cleanup()
{
    m_server.reset();
}

void TestOverload::startServer(int maxConnections)
{
    ServerLimits limits;
    limits.maxConnections = maxConnections;
    QVERIFY2(m_server->start(0, limits), qPrintable(m_server->errorString()));
    QCOMPARE(m_server->maxConnections(), maxConnections);
}

QByteArray TestOverload::request(QByteArrayView target) const
{
    return "GET " + target.toByteArray()
            + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_server->port()) + "\r\n\r\n";
}

std::vector<std::unique_ptr<Client>> TestOverload::connectClients(int count, QByteArrayView target)
{
    std::vector<std::unique_ptr<Client>> clients;
    const QByteArray bytes = request(target);
    for (int i = 0; i < count; ++i) {
        auto client = std::make_unique<Client>();
        Client *c = client.get();
        connect(&c->socket, &QTcpSocket::readyRead, &c->socket,
                [c] { c->received += c->socket.readAll(); });
        connect(&c->socket, &QTcpSocket::disconnected, &c->socket, [c] { c->closed = true; });
        c->socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        c->socket.write(bytes);
        clients.push_back(std::move(client));
    }
    return clients;
}

int TestOverload::answered(const std::vector<std::unique_ptr<Client>> &clients,
                           QByteArrayView status) const
{
    return int(std::count_if(clients.begin(), clients.end(), [&](const auto &c) {
        return c->received.startsWith(status.toByteArray());
    }));
}

void TestOverload::overCapIsAnswered503()
{
    constexpr int Cap = 100;
    constexpr int Count = 400;
    startServer(Cap);
    auto clients = connectClients(Count, "/delay/60000");
    QTRY_COMPARE_WITH_TIMEOUT(answered(clients, "HTTP/1.1 503 Service Unavailable\r\n"),
                              Count - Cap, 10000);
    QTRY_COMPARE(m_server->openConnections(), Cap);
    QTRY_COMPARE(m_server->requestsInFlight(), Cap);
    for (const auto &c : clients) {
        if (!c->received.startsWith("HTTP/1.1 503"))
            continue;
        QVERIFY(c->received.contains("\r\nRetry-After: 1\r\n"));
        QVERIFY(c->received.contains("\r\nConnection: close\r\n"));
        QVERIFY(c->received.endsWith("the server is at its connection cap\r\n"));
    }
    // Shed clients are closed by the server, not left hanging.
    QTRY_COMPARE_WITH_TIMEOUT(
            std::count_if(clients.begin(), clients.end(), [](const auto &c) { return c->closed; }),
            qsizetype(Count - Cap), 5000);

    // Once one leaves, a new client is admitted and served.
    clients.front()->socket.abort();
    QTRY_COMPARE(m_server->openConnections(), Cap - 1);
    auto late = connectClients(1, "/status/200");
    QTRY_VERIFY(late.front()->received.startsWith("HTTP/1.1 200 OK"));
}

void TestOverload::newClientAnsweredRightAfterStorm()
{
    constexpr int Cap = 3000;
    constexpr int Count = 4000;
    startServer(Cap);
    auto clients = connectClients(Count, "/delay/60000");
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestsInFlight(), Cap, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(answered(clients, "HTTP/1.1 503"), Count - Cap, 20000);

    // Every client leaves at once; the server sees thousands of closes in one go.
    for (auto &c : clients)
        c->socket.abort();
    clients.clear();

    QElapsedTimer clock;
    clock.start();
    auto late = connectClients(1, "/status/200");
    qint64 ms = -1; // taken when the answer arrives, not when the wait below looks
    connect(&late.front()->socket, &QTcpSocket::readyRead, this, [&] {
        if (ms < 0)
            ms = clock.elapsed();
    });
    QTRY_VERIFY_WITH_TIMEOUT(late.front()->received.startsWith("HTTP/1.1 200 OK"), 5000);
    qInfo("a new client waited %lld ms after %d clients left", ms, Cap);
    // Measured 11-103 ms in a release build on two idle cores: it depends on whether the new
    // connection comes before or after the pass in which the server's event loop reads the 3000
    // closes. The sanitizer build measured 122 ms. What may not happen is a wait for the cleanup
    // of every connection, or for a timeout.
#if defined(__SANITIZE_ADDRESS__)
    constexpr qint64 BoundMs = 500;
#else
    constexpr qint64 BoundMs = 250;
#endif
    QVERIFY2(ms < BoundMs, qPrintable(u"answered after %1 ms"_s.arg(ms)));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 1, 5000);
}

void TestOverload::memoryReturnsAfterStorm()
{
    constexpr int Cap = 4000;
    constexpr int Count = 6000;
    // The bound: after the storm, within 8 MiB of the start (the storm itself adds tens of MiB).
    constexpr qint64 BoundKib = 8 * 1024;
    startServer(Cap);
    // A first small round, so that one-time allocations (Qt's, the pattern buffers) are in the
    // starting figure.
    {
        auto warm = connectClients(50, "/status/200");
        QTRY_COMPARE(answered(warm, "HTTP/1.1 200"), 50);
    }
    QTRY_COMPARE(m_server->openConnections(), 0);
    const qint64 before = MemoryUsage::rssKib();

    auto clients = connectClients(Count, "/delay/60000");
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestsInFlight(), Cap, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(answered(clients, "HTTP/1.1 503"), Count - Cap, 30000);
    const qint64 peak = MemoryUsage::rssKib();
    for (auto &c : clients)
        c->socket.abort();
    clients.clear();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, 10000);
    QVERIFY(peak - before > BoundKib); // the storm really cost memory
#ifdef __SANITIZE_ADDRESS__
    QSKIP("AddressSanitizer keeps freed memory in quarantine (256 MB), so it cannot come back");
#endif
    qint64 after = 0;
    QTRY_VERIFY2_WITH_TIMEOUT(
            (after = MemoryUsage::rssKib()) - before < BoundKib,
            qPrintable(u"RSS before %1 KiB, peak %2 KiB, after %3 KiB"_s.arg(before).arg(peak).arg(
                    after)),
            5000);
    qInfo("RSS before %lld KiB, at %d connections %lld KiB, after %lld KiB", before, Count, peak,
          after);
}

QTEST_GUILESS_MAIN(TestOverload)
#include "tst_overload.moc"

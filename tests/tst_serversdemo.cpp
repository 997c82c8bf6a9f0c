#include "appfixture.h"
#include <demos/demoregistry.h>
#include "demorun.h"
#include <demos/serversdemo.h>
#include <engine/lab.h>
#include <common/labclock.h>
#include <serverlab/loadgenerator.h>
#include <serverlab/onethreadserver.h>
#include <stalls/responsivenessmonitor.h>
#include <httpserver/serverroutes.h>
#include <serverlab/threadperconnectionserver.h>

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Server = ServersDemo::Server;

// The servers demo through the registry, as the gallery's Run button and `asynclab --demo
// servers` make it: real servers on 127.0.0.1, a real load generator, threads counted by name.
class TestServersDemo : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void registered();
    void delayRouteComputesAndPads();
    void threadServerRefusesBadRequests();
    void refusedThreadsAreCountedNotCrashed();
    void eventLoopKeepsOneThreadWhilePerConnectionNeedsC();
    void oneThreadServesAboutTenPerSecond();
    void configurationThatCannotRunIsReported();
    void cancelEndsWithin500Ms_data();
    void cancelEndsWithin500Ms();

private:
    std::unique_ptr<ServersDemo> create(const ServersDemo::Options &options);
    static const ServersDemo::Step *step(const QList<ServersDemo::Step> &steps, Server server);

    std::unique_ptr<Lab> m_lab;
    QTemporaryDir m_dir;
};

void TestServersDemo::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_lab = startedLab();
    QVERIFY(m_lab);
}

std::unique_ptr<ServersDemo> TestServersDemo::create(const ServersDemo::Options &options)
{
    Demo *demo =
            DemoRegistry::create(u"servers"_s, DemoRegistry::contextFor(m_lab.get(), m_dir.path()));
    auto *servers = qobject_cast<ServersDemo *>(demo);
    if (servers)
        servers->setOptions(options);
    return std::unique_ptr<ServersDemo>(servers);
}

const ServersDemo::Step *TestServersDemo::step(const QList<ServersDemo::Step> &steps, Server server)
{
    for (const ServersDemo::Step &s : steps) {
        if (s.server == server)
            return &s;
    }
    return nullptr;
}

void TestServersDemo::registered()
{
    QVERIFY(DemoRegistry::names().contains(u"servers"_s));
    const auto demo = create({});
    QVERIFY(demo);
    QCOMPARE(demo->variants().size(), 2);
    const QString explanation = demo->explanation();
    QVERIFY(explanation.contains(u"open-file limit"_s));
    QVERIFY2(!explanation.contains(QRegularExpression(u"%\\d"_s)), qPrintable(explanation));
    QVERIFY(explanation.contains(u"at most 500 answers a second"_s));
    QCOMPARE(demo->snippetIds().size(), 6);
}

void TestServersDemo::delayRouteComputesAndPads()
{
    ServerRoutes routes;
    routes.setPort(80);
    const auto respond = [&](const QByteArray &target) {
        return routes.respond({ "GET", target, "127.0.0.1:80", 1, true });
    };
    const ServerRoutes::Response padded = respond("/delay/100?bytes=1024");
    QCOMPARE(padded.status, 200);
    QCOMPARE(padded.delayMs, 100);
    QCOMPARE(padded.body.size(), 1024);
    QVERIFY(padded.body.endsWith('\n'));

    QElapsedTimer clock;
    clock.start();
    const ServerRoutes::Response computed = respond("/delay/100?cpu=20&bytes=64");
    QVERIFY(clock.elapsed() >= 19); // at least 20 ms of CPU, so at least that of wall time
    QCOMPARE(computed.body.size(), 64);
    QVERIFY(computed.body.contains("after computing"));

    for (const QByteArray bad : { "/delay/100?cpu=x", "/delay/100?cpu=1001", "/delay/100?cpu=-1",
                                  "/delay/100?bytes=1048577", "/delay/100?bytes=" }) {
        const ServerRoutes::Response r = respond(bad);
        QCOMPARE(r.status, 400);
        QVERIFY2(r.body.contains("needs a whole number"), r.body.constData());
    }
}

// A thread server answers what is not HTTP with 400 and closes; stop() ends its threads.
void TestServersDemo::threadServerRefusesBadRequests()
{
    ThreadPerConnectionServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(server.port());
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
    const QByteArray garbage = "\x16\x03\x01 not HTTP\r\n\r\n";
    QCOMPARE(::send(fd, garbage.constData(), size_t(garbage.size()), 0), garbage.size());
    QByteArray answer;
    char buffer[1024];
    for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;)
        answer.append(buffer, n);
    ::close(fd);
    QVERIFY2(answer.startsWith("HTTP/1.1 400 "), answer.constData());
    QVERIFY(answer.contains("Connection: close"));
    QCOMPARE(server.threadNamePrefix(), u"per-conn"_s);
    server.stop();
    QCOMPARE(server.liveThreads(), 0);
}

// A thread the system will not make (its stack cannot be mapped) costs that client its
// connection; the server counts it, says why, and serves on.
void TestServersDemo::refusedThreadsAreCountedNotCrashed()
{
    ThreadPerConnectionServer server(size_t(1) << 46); // 64 TiB stacks: more than the machine has
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    LoadGenerator generator;
    LoadGenerator::Options load;
    load.port = server.port();
    load.connections = 20;
    load.durationMs = 300;
    generator.start(load);
    QTRY_VERIFY_WITH_TIMEOUT(generator.isFinished(), 5000); // the monitor's ticks go on meanwhile
    generator.wait();
    const LoadGenerator::Result &r = generator.result();
    QCOMPARE(r.ok, 0);
    QVERIFY2(r.reset > 0, qPrintable(QString::number(r.reset))); // closed without an answer
    QVERIFY(server.threadFailures() >= 20);
    QVERIFY2(!server.lastFailure().isEmpty(), qPrintable(server.lastFailure()));
    QTRY_COMPARE(server.liveThreads(), 1); // the acceptor, still there, once the backlog is done
    server.stop();
    QCOMPARE(server.liveThreads(), 0);
}

// Connections held at once. The sanitizer build starts a thread per connection so slowly that
// 1000 are not all accepted within the second measured (639 were, on two shared cores).
#if defined(__SANITIZE_ADDRESS__)
constexpr int HeldConnections = 300;
constexpr qint64 CancelBoundMs = 1000; // measured 541 ms
#else
constexpr int HeldConnections = 1000;
constexpr qint64 CancelBoundMs = 500;
#endif

void TestServersDemo::eventLoopKeepsOneThreadWhilePerConnectionNeedsC()
{
    ServersDemo::Options options;
    options.servers = { Server::ThreadPerConnection, Server::EventLoop };
    options.connections = { HeldConnections };
    options.measureMs = 1000;
    const auto demo = create(options);
    const double startMs = labNowMs();
    const DemoRun r = runDemo(demo.get(), 30000);
    QCOMPARE(r.finishedCount, 1);
    QVERIFY2(r.outcome.ok(), qPrintable(r.outcome.error));
    const QList<ServersDemo::Step> steps = demo->steps();
    QCOMPARE(steps.size(), 2);
    const ServersDemo::Step *loop = step(steps, Server::EventLoop);
    const ServersDemo::Step *perConnection = step(steps, Server::ThreadPerConnection);
    QVERIFY(loop && perConnection);
    const QString summary = r.outcome.summary;

    // The event loop held all its connections with its one thread.
    QVERIFY2(loop->ran && loop->failure.isEmpty(), qPrintable(loop->failure));
    QCOMPARE(loop->peakConnected, HeldConnections);
    QCOMPARE(loop->serverConnections, HeldConnections); // accepted by the server, not only queued
    QCOMPARE(loop->threads, 1);
    QVERIFY2(loop->ok > HeldConnections, qPrintable(summary));
    // A thread for every connection, and the acceptor: by name, and by the server's own count.
    QCOMPARE(perConnection->peakConnected, HeldConnections);
    QCOMPARE(perConnection->serverConnections, HeldConnections);
    QVERIFY2(perConnection->threads >= HeldConnections, qPrintable(summary));
    QVERIFY(perConnection->threadsCounted >= HeldConnections + 1);
    QCOMPARE(perConnection->threadFailures, 0);

    QCOMPARE(r.outcome.figure(u"event loop, C=%1"_s.arg(HeldConnections), u"threads"_s).toInt(), 1);
    QVERIFY(r.outcome.figure(u"thread per connection, C=%1"_s.arg(HeldConnections), u"threads"_s)
                    .toInt()
            >= HeldConnections);
    QCOMPARE(r.outcome.plots.size(), 4);
    // "1 thread(s)": the plural forms are the catalogue's, which no test loads
    QVERIFY2(summary.contains(u"The event loop used 1 thread(s) at every C"_s),
             qPrintable(summary));
    // All of it ran off the GUI thread.
    const double stallMs = m_lab->monitor().maxStallBetween(startMs, labNowMs());
    QVERIFY2(stallMs < 100, qPrintable(QString::number(stallMs)));
}

void TestServersDemo::oneThreadServesAboutTenPerSecond()
{
    ServersDemo::Options options;
    options.servers = { Server::OneThread };
    options.connections = { 100 };
    options.measureMs = 2000;
    const auto demo = create(options);
    const DemoRun r = runDemo(demo.get(), 30000);
    QCOMPARE(r.finishedCount, 1);
    QVERIFY2(r.outcome.ok(), qPrintable(r.outcome.error));
    const ServersDemo::Step *one = step(demo->steps(), Server::OneThread);
    QVERIFY(one);
    // One request per 100 ms wait: about 10 a second, however many clients wait.
    QVERIFY2(one->requestsPerSecond <= 12, qPrintable(QString::number(one->requestsPerSecond)));
    QVERIFY2(one->requestsPerSecond >= 5, qPrintable(QString::number(one->requestsPerSecond)));
    QCOMPARE(one->threads, 1);
    QVERIFY(one->timeouts > 0); // most of the 100 waited over a second
}

// With too few open files for its connections the step still runs, with what fits, and says so.
void TestServersDemo::configurationThatCannotRunIsReported()
{
    rlimit before {};
    QCOMPARE(getrlimit(RLIMIT_NOFILE, &before), 0);
    const int open = LoadGenerator::openDescriptors();
    ServersDemo::Options options;
    options.servers = { Server::ThreadPerConnection };
    options.connections = { 1000 };
    options.measureMs = 500;
    options.openFileLimit = quint64(open + 256 + 400); // room for about 200 connections
    const auto demo = create(options);
    const DemoRun r = runDemo(demo.get(), 30000);
    QCOMPARE(r.finishedCount, 1);
    QVERIFY2(r.outcome.ok(), qPrintable(r.outcome.error));
    const ServersDemo::Step *s = step(demo->steps(), Server::ThreadPerConnection);
    QVERIFY(s);
    QVERIFY2(s->failure.contains(u"open-file limit"_s), qPrintable(s->failure));
    QVERIFY2(s->opened > 0 && s->opened < 1000, qPrintable(QString::number(s->opened)));
    QVERIFY(s->errors >= 1000 - s->opened);
    QVERIFY(s->ok > 0); // what fitted was served
    QVERIFY2(r.outcome.summary.contains(u"Could not run fully"_s), qPrintable(r.outcome.summary));
    // The limit is back where it was.
    rlimit after {};
    QCOMPARE(getrlimit(RLIMIT_NOFILE, &after), 0);
    QCOMPARE(after.rlim_cur, before.rlim_cur);
}

void TestServersDemo::cancelEndsWithin500Ms_data()
{
    QTest::addColumn<Server>("server");
    QTest::addColumn<ServersDemo::Handler>("handler");
    // 1000 threads to wake; an event loop with 1000 computations of 2 ms queued (2 s of work)
    QTest::addRow("thread per connection")
            << Server::ThreadPerConnection << ServersDemo::Handler::Wait;
    QTest::addRow("event loop computing")
            << Server::EventLoop << ServersDemo::Handler::ComputeThenWait;
}

void TestServersDemo::cancelEndsWithin500Ms()
{
    QFETCH(Server, server);
    QFETCH(ServersDemo::Handler, handler);
    ServersDemo::Options options;
    options.servers = { server, Server::EventLoop };
    options.connections = { 1000 };
    options.handler = handler;
    const auto demo = create(options);
    QSignalSpy finished(demo.get(), &Demo::finished);
    QVERIFY(finished.isValid());
    QSignalSpy progress(demo.get(), &Demo::progress);
    demo->run();
    // Cancel while the first server holds its 1000 connections.
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty()
                                     && progress.last().at(0).toString().contains(u"connected"_s),
                             10000);
    QElapsedTimer clock;
    clock.start();
    demo->cancel();
    QVERIFY(finished.wait(2000));
    QVERIFY2(clock.elapsed() < CancelBoundMs, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(finished.size(), 1);
    const DemoOutcome outcome = finished.at(0).at(0).value<DemoOutcome>();
    QCOMPARE(outcome.status, DemoOutcome::Status::Canceled);
    QVERIFY(!outcome.ok());
    QVERIFY(demo->steps().size() <= 1);
    // What was measured before the cancel is still shown.
    QCOMPARE(outcome.plots.size(), 4);
    QCOMPARE(outcome.figures.isEmpty(), demo->steps().isEmpty());
}

QTEST_GUILESS_MAIN(TestServersDemo)
#include "tst_serversdemo.moc"

#include "serversstep.h"

#include <common/units.h>
#include <httpserver/embeddedserver.h>
#include <serverlab/loadgenerator.h>
#include <serverlab/onethreadserver.h>
#include <serverlab/processcensus.h>
#include <serverlab/threadperconnectionserver.h>
#include <serverlab/threadpoolserver.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocale>
#include <algorithm>
#include <chrono>
#include <thread>

using namespace Qt::StringLiterals;

namespace {
constexpr int ProgressLineEveryMs = 500;
constexpr int SliceMs = 10; // the worker looks for cancel() this often
} // namespace

namespace {
// Each contestant's name for people, its row of figures at one C and the prefix of its threads'
// names, in one place. Names and rows are figure keys (see DemoOutcome::translatedKey()).
struct ServerNames
{
    ServersDemo::Server server;
    const char *name;
    const char *row;
    const char *threadPrefix;
};
constexpr ServerNames Names[] = {
    { ServersDemo::Server::OneThread, QT_TRANSLATE_NOOP("DemoFigure", "one thread"),
      QT_TRANSLATE_NOOP("DemoFigure", "one thread, C=%1"), "one-thread" },
    { ServersDemo::Server::ThreadPool, QT_TRANSLATE_NOOP("DemoFigure", "pool of %1"),
      QT_TRANSLATE_NOOP("DemoFigure", "pool of %1, C=%2"), "pool worker" },
    { ServersDemo::Server::ThreadPerConnection,
      QT_TRANSLATE_NOOP("DemoFigure", "thread per connection"),
      QT_TRANSLATE_NOOP("DemoFigure", "thread per connection, C=%1"), "per-conn" },
    { ServersDemo::Server::EventLoop, QT_TRANSLATE_NOOP("DemoFigure", "event loop"),
      QT_TRANSLATE_NOOP("DemoFigure", "event loop, C=%1"), "event loop" },
};
const ServerNames &namesOf(ServersDemo::Server server)
{
    return *std::find_if(std::begin(Names), std::end(Names),
                         [server](const ServerNames &names) { return names.server == server; });
}
} // namespace

QString ServersDemo::serverName(Server server)
{
    const QString name = QString::fromUtf8(namesOf(server).name);
    return server == Server::ThreadPool ? name.arg(ThreadPoolServer::defaultThreads()) : name;
}

QString figureRow(ServersDemo::Server server, int connections)
{
    const QString row = QString::fromUtf8(namesOf(server).row);
    return server == ServersDemo::Server::ThreadPool
            ? row.arg(ThreadPoolServer::defaultThreads()).arg(connections)
            : row.arg(connections);
}

QByteArray threadPrefix(ServersDemo::Server server)
{
    return namesOf(server).threadPrefix;
}

ServersStepRunner::ServersStepRunner(const ServersDemo::Options &options, quint64 fileLimit,
                                     const std::atomic<bool> &cancel, Report report)
    : m_options(options), m_fileLimit(fileLimit), m_cancel(cancel), m_report(std::move(report))
{
}

ServersStepRunner::~ServersStepRunner() = default;

ServersDemo::Step ServersStepRunner::run(ServersDemo::Server server, int connections)
{
    m_step = {};
    m_threaded.reset();
    m_loop.reset();
    m_generator.reset();
    m_step.server = server;
    m_step.connections = connections;
    m_report(QCoreApplication::translate("ServersDemo", "%1, C=%2 …")
                     .arg(ServersDemo::serverName(server), countText(connections)));
    // No malloc_trim() here, though it would make each start lower: it holds the allocator's
    // locks while it works, and the GUI thread, allocating meanwhile, froze for up to 90 ms.
    m_step.rssStartKib = m_step.rssPeakKib = ProcessCensus::residentKib();
    if (!startServer())
        return m_step;
    openAsManyAsTheLimitLets();
    runLoad();
    stopServer();
    return m_step;
}

bool ServersStepRunner::startServer()
{
    switch (m_step.server) {
    case ServersDemo::Server::OneThread:
        m_threaded = std::make_unique<OneThreadServer>();
        break;
    case ServersDemo::Server::ThreadPool:
        m_threaded = std::make_unique<ThreadPoolServer>();
        break;
    case ServersDemo::Server::ThreadPerConnection:
        m_threaded = std::make_unique<ThreadPerConnectionServer>();
        break;
    case ServersDemo::Server::EventLoop:
        //! [servers-event-loop]
        // AsyncLab's own server: one thread, every connection a socket object on its event loop,
        // every backend wait a deadline in one queue.
        m_loop = std::make_unique<EmbeddedServer>();
        m_loop->setThreadName(QString::fromLatin1(threadPrefix(m_step.server)));
        //! [servers-event-loop]
        break;
    }
    const bool started = m_loop ? m_loop->start() : m_threaded->start();
    if (!started) {
        m_step.failure = QCoreApplication::translate("ServersDemo", "the server did not start: %1")
                                 .arg(m_loop ? m_loop->errorString() : m_threaded->errorString());
        return false;
    }
    m_port = m_loop ? m_loop->port() : m_threaded->port();
    return true;
}

void ServersStepRunner::openAsManyAsTheLimitLets()
{
    // Both ends of each connection are in this process.
    const int budget = LoadGenerator::descriptorBudget();
    m_step.opened = std::min(m_step.connections, budget);
    if (m_step.opened < m_step.connections) {
        m_step.failure =
                QCoreApplication::translate(
                        "ServersDemo",
                        "the open-file limit (%1) leaves room for %2 of the %3 connections "
                        "(2 descriptors each)")
                        .arg(countText(qint64(m_fileLimit)), countText(m_step.opened),
                             countText(m_step.connections));
    }
}

void ServersStepRunner::runLoad()
{
    //! [servers-generator]
    // C keep-alive clients on a thread of their own (epoll), never the server's event loop.
    m_generator = std::make_unique<LoadGenerator>();
    LoadGenerator &generator = *m_generator;
    LoadGenerator::Options load;
    load.port = m_port;
    load.path = ServersDemo::requestPath(m_options.handler);
    load.connections = m_step.opened;
    load.warmupMs = m_options.warmupMs;
    load.maxWarmupMs = m_options.maxWarmupMs;
    load.durationMs = m_options.measureMs;
    load.timeoutMs = m_options.timeoutMs;
    generator.start(load);
    //! [servers-generator]
    m_step.ran = m_step.opened > 0;

    QElapsedTimer clock;
    clock.start();
    qint64 nextSample = 0;
    qint64 nextLine = ProgressLineEveryMs;
    while (!generator.isFinished()) {
        if (m_cancel)
            generator.cancel();
        std::this_thread::sleep_for(std::chrono::milliseconds(SliceMs));
        if (clock.elapsed() < nextSample)
            continue;
        nextSample = clock.elapsed() + m_options.sampleMs;
        sample();
        if (clock.elapsed() >= nextLine) {
            nextLine += ProgressLineEveryMs;
            m_report(
                    QCoreApplication::translate(
                            "ServersDemo",
                            "    %1 connected, %2 accepted, %3 answered, %4 threads, RSS +%5 MiB")
                            .arg(countText(generator.connectedNow()),
                                 countText(m_step.serverConnections),
                                 countText(generator.answeredNow()))
                            .arg(m_step.threads)
                            .arg(double(m_step.rssPeakKib - m_step.rssStartKib) / 1024, 0, 'f', 1));
        }
    }
    generator.wait();
    takeResult(generator);
}

void ServersStepRunner::sample()
{
    m_step.threads =
            std::max(m_step.threads, ProcessCensus::threadsNamed(threadPrefix(m_step.server)));
    m_step.serverConnections =
            std::max(m_step.serverConnections,
                     m_threaded ? m_threaded->openConnections() : m_loop->openConnections());
    m_step.rssPeakKib = std::max(m_step.rssPeakKib, ProcessCensus::residentKib());
}

void ServersStepRunner::takeResult(const LoadGenerator &generator)
{
    const LoadGenerator::Result &r = generator.result();
    if (!r.error.isEmpty())
        m_step.failure = r.error;
    m_step.peakConnected = r.peakConnected;
    m_step.requestsPerSecond = r.requestsPerSecond();
    m_step.p50Ms = r.percentileMs(0.5);
    m_step.p99Ms = r.percentileMs(0.99);
    m_step.ok = r.ok;
    m_step.errors = r.errors() + (m_step.connections - m_step.opened);
    m_step.timeouts = r.timeouts;
    m_step.unanswered = r.unanswered;
}

void ServersStepRunner::stopServer()
{
    QElapsedTimer stopping;
    stopping.start();
    if (m_threaded) {
        m_threaded->stop();
        // Its own count: a sample taken now and then may fall between two connections.
        m_step.serverConnections =
                std::max(m_step.serverConnections, m_threaded->peakConnections());
        m_step.threadsCounted = m_threaded->peakThreads();
        m_step.threadFailures = m_threaded->threadFailures();
        m_step.acceptFailures = m_threaded->acceptFailures();
        if (m_step.threadFailures > 0 || m_step.acceptFailures > 0) {
            const QString what =
                    QCoreApplication::translate("ServersDemo",
                                                "%1 threads refused, %2 accepts failed (%3)")
                            .arg(countText(m_step.threadFailures), countText(m_step.acceptFailures),
                                 m_threaded->lastFailure());
            m_step.failure = m_step.failure.isEmpty() ? what : m_step.failure + u"; "_s + what;
        }
    } else {
        m_loop->stop();
    }
    m_step.stopMs = double(stopping.nsecsElapsed()) / 1e6;
    // The generator's clients go last, as the servers saw them to the end.
    m_threaded.reset();
    m_loop.reset();
    m_generator.reset();
}

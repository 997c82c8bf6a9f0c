// Load generator for the embedded server: C keep-alive connections, each sending one request after
// the other, on its own thread (LoadGenerator: non-blocking sockets and epoll) so the server's
// event loop is not also the client's. Prints req/s, p50/p99 latency, 503s and errors; --hold
// measures the server's memory per pending request instead. Against the in-process server by
// default, or
// --port P (--pid for its memory) for `asynclab --serve`. Figures only.
#include <httpserver/embeddedserver.h>
#include <serverlab/loadgenerator.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QThread>
#include <chrono>
#include <cstdio>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using Clock = std::chrono::steady_clock;

namespace {

qint64 rssKiB(qint64 pid)
{
    QFile status(pid ? u"/proc/%1/status"_s.arg(pid) : u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

void raiseOpenFileLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
        std::printf("open-file limit raised to %llu\n",
                    static_cast<unsigned long long>(limit.rlim_cur));
    }
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_NO_GLIB", "1"); // as `asynclab --serve`: Qt's own dispatcher scales better
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption connectionsOption(u"connections"_s, u"Concurrent connections."_s,
                                               u"C"_s, u"1000"_s);
    const QCommandLineOption secondsOption(u"seconds"_s, u"Run time (default 10)."_s, u"S"_s,
                                           u"10"_s);
    const QCommandLineOption pathOption(u"path"_s, u"Route (default /delay/100)."_s, u"PATH"_s,
                                        u"/delay/100"_s);
    const QCommandLineOption portOption(u"port"_s, u"An already running server's port."_s,
                                        u"PORT"_s);
    const QCommandLineOption pidOption(u"pid"_s, u"That server's process id, for --hold."_s,
                                       u"PID"_s);
    const QCommandLineOption holdOption(
            u"hold"_s, u"Send one request per connection and report server RSS per pending one."_s);
    const QCommandLineOption maxOption(u"max-connections"_s,
                                       u"In-process server's connection cap."_s, u"N"_s);
    parser.addOptions({ connectionsOption, secondsOption, pathOption, portOption, pidOption,
                        holdOption, maxOption });
    parser.process(app);
    raiseOpenFileLimit();
    const int connections = parser.value(connectionsOption).toInt();
    const bool hold = parser.isSet(holdOption);

    EmbeddedServer server;
    quint16 port = quint16(parser.value(portOption).toUInt());
    const qint64 pid = parser.value(pidOption).toLongLong();
    if (!port) {
        ServerLimits limits;
        if (parser.isSet(maxOption))
            limits.maxConnections = parser.value(maxOption).toInt();
        if (!server.start(0, limits)) {
            std::fprintf(stderr, "%s\n", qPrintable(server.errorString()));
            return 1;
        }
        port = server.port();
    }
    const qint64 rssBefore = rssKiB(pid);
    LoadGenerator generator;
    LoadGenerator::Options load;
    load.port = port;
    load.path = parser.value(pathOption).toUtf8();
    load.connections = connections;
    load.durationMs = parser.value(secondsOption).toInt() * 1000;
    load.timeoutMs = 2000;
    load.repeat = !hold;
    const auto start = Clock::now();
    const auto until = start + std::chrono::milliseconds(load.durationMs);
    generator.start(load);
    if (hold) {
        generator.wait(); // every request sent; the connections stay open
        // In process the counter says when every request is parsed; otherwise give it a moment.
        if (!parser.isSet(portOption)) {
            while (server.requestsInFlight() < connections && Clock::now() < until)
                QThread::msleep(10);
        } else {
            QThread::msleep(2000);
        }
        const qint64 rssHeld = rssKiB(pid);
        std::printf("%d pending %s: RSS %lld KiB -> %lld KiB, %.2f KiB per pending request%s\n",
                    connections, qPrintable(parser.value(pathOption)),
                    static_cast<long long>(rssBefore), static_cast<long long>(rssHeld),
                    double(rssHeld - rssBefore) / connections,
                    parser.isSet(portOption) ? "" : " (client sockets included)");
        return 0;
    }
    generator.wait();
    const LoadGenerator::Result &result = generator.result();
    if (!result.error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(result.error));
        return 1;
    }
    std::printf("%d connections %s %.1f s: %.0f req/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, "
                "%lld x 503, %lld other, %lld errors, %lld timeouts\n",
                connections, qPrintable(parser.value(pathOption)), result.seconds,
                result.requestsPerSecond(), result.percentileMs(0.5), result.percentileMs(0.99),
                result.percentileMs(1.0), static_cast<long long>(result.unavailable),
                static_cast<long long>(result.otherStatus),
                static_cast<long long>(result.refused + result.reset + result.socketFailures),
                static_cast<long long>(result.timeouts));
    return 0;
}

// The servers demo's whole matrix (four servers x C = 10 ... 10 000 by default), as the gallery
// runs it, printed as a table; with --wrk and wrk installed, wrk then drives the event-loop
// server at the same C values for comparison with AsyncLab's own generator. Figures only.
#include "benchoptions.h"
#include <demos/serversdemo.h>
#include <httpserver/embeddedserver.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

double loadAverage()
{
    double load[1] = { -1 };
    getloadavg(load, 1);
    return load[0];
}

void printTable(const QList<ServersDemo::Step> &steps)
{
    std::printf("%-22s %6s %6s %8s %8s %8s %7s %8s %7s %8s  %s\n", "server", "C", "opened", "req/s",
                "p50 ms", "p99 ms", "errors", "timeouts", "threads", "RSS MiB",
                "what kept it from running fully");
    for (const ServersDemo::Step &s : steps) {
        std::printf("%-22s %6d %6d %8.0f %8.1f %8.1f %7lld %8lld %7d %8.1f  %s\n",
                    qPrintable(ServersDemo::serverName(s.server)), s.connections, s.opened,
                    s.requestsPerSecond, s.p50Ms, s.p99Ms, static_cast<long long>(s.errors),
                    static_cast<long long>(s.timeouts), s.threads, s.rssGrowthMib(),
                    qPrintable(s.failure));
    }
}

// wrk against the event-loop server, one run per C. wrk counts a request over 2 s as a timeout.
void runWrk(const QString &wrk, const QList<int> &connections, int seconds, const QByteArray &path)
{
    std::printf("\nwrk -t 2 -c C -d %d --latency against the event-loop server, %s:\n", seconds,
                path.constData());
    std::printf("%6s %8s %8s %8s %s\n", "C", "req/s", "p50 ms", "p99 ms", "errors");
    const auto millis = [](const QString &text) {
        const QRegularExpressionMatch m =
                QRegularExpression(u"([0-9.]+)(us|ms|s)"_s).match(text.trimmed());
        if (!m.hasMatch())
            return -1.0;
        const double v = m.captured(1).toDouble();
        return m.captured(2) == u"us"_s ? v / 1000 : m.captured(2) == u"s"_s ? v * 1000 : v;
    };
    for (const int c : connections) {
        EmbeddedServer server;
        server.setThreadName(u"event loop"_s);
        if (!server.start()) {
            std::printf("%6d the server did not start: %s\n", c, qPrintable(server.errorString()));
            continue;
        }
        QProcess process;
        process.start(wrk,
                      { u"-t"_s, u"2"_s, u"-c"_s, QString::number(c), u"-d"_s,
                        QString::number(seconds), u"--latency"_s,
                        server.url(QString::fromLatin1(path)).toString() });
        if (!process.waitForFinished((seconds + 30) * 1000)) {
            process.kill();
            process.waitForFinished();
        }
        const QString out = QString::fromLocal8Bit(process.readAllStandardOutput());
        const auto field = [&](const QString &pattern) {
            const QRegularExpressionMatch m = QRegularExpression(pattern).match(out);
            return m.hasMatch() ? m.captured(1) : QString();
        };
        std::printf(
                "%6d %8s %8.1f %8.1f %s\n", c, qPrintable(field(u"Requests/sec:\\s+([0-9.]+)"_s)),
                millis(field(u"\\n\\s+50%\\s+(\\S+)"_s)), millis(field(u"\\n\\s+99%\\s+(\\S+)"_s)),
                qPrintable(field(u"(Socket errors:[^\\n]*)"_s) + field(u"(Non-2xx[^\\n]*)"_s)));
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QCommandLineOption variantOption(u"cpu"_s, u"The handler computes 2 ms first."_s);
    const QCommandLineOption connectionsOption(
            u"connections"_s, u"Comma-separated C values (default 10,100,1000,10000)."_s, u"LIST"_s,
            u"10,100,1000,10000"_s);
    const QCommandLineOption measureOption(u"measure-ms"_s,
                                           u"Measured time per server and C (default 1500)."_s,
                                           u"MS"_s, u"1500"_s);
    const QCommandLineOption wrkOption(
            u"wrk"_s, u"Also drive the event-loop server with wrk, if installed."_s);
    const QCommandLineOption wrkSecondsOption(u"wrk-seconds"_s, u"wrk's -d (default 5)."_s, u"S"_s,
                                              u"5"_s);
    QCommandLineParser parser;
    parseBenchOptions(
            parser, u"The servers demo's matrix as a table."_s,
            { variantOption, connectionsOption, measureOption, wrkOption, wrkSecondsOption });

    ServersDemo::Options options;
    options.connections.clear();
    for (const QString &c : parser.value(connectionsOption).split(u','))
        options.connections.append(c.toInt());
    options.measureMs = parser.value(measureOption).toInt();
    options.handler = parser.isSet(variantOption) ? ServersDemo::Handler::ComputeThenWait
                                                  : ServersDemo::Handler::Wait;
    ServersDemo demo(DemoContext {});
    demo.setOptions(options);
    std::printf("load average %.2f before the run\n", loadAverage());
    DemoOutcome outcome;
    QObject::connect(&demo, &Demo::progress, &app,
                     [](const QString &line) { std::fprintf(stderr, "%s\n", qPrintable(line)); });
    QObject::connect(&demo, &Demo::finished, &app, [&](const DemoOutcome &o) {
        outcome = o;
        app.quit();
    });
    QMetaObject::invokeMethod(&demo, &Demo::run, Qt::QueuedConnection);
    app.exec();
    if (!outcome.ok()) {
        std::fprintf(stderr, "the demo failed: %s\n", qPrintable(outcome.error));
        return 1;
    }
    std::printf("open-file limit %llu -> %llu; load average %.2f after the run\n",
                static_cast<unsigned long long>(demo.fileLimitBefore()),
                static_cast<unsigned long long>(demo.fileLimitDuring()), loadAverage());
    printTable(demo.steps());
    std::printf("\n%s\n", qPrintable(outcome.summary));

    if (parser.isSet(wrkOption)) {
        const QString wrk = QStandardPaths::findExecutable(u"wrk"_s);
        if (wrk.isEmpty()) {
            std::printf("\nwrk is not installed: no comparison\n");
        } else {
            runWrk(wrk, options.connections, parser.value(wrkSecondsOption).toInt(),
                   demo.requestPath());
        }
    }
    return 0;
}

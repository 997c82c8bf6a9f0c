// Download speed of /bytes/<n> from the embedded server: AsyncLab's fetch job (async mode, hashing
// every byte) beside curl writing to /dev/null, on the same route of the same server. Figures only.
#include <httpserver/embeddedserver.h>
#include <engine/fetchjob.h>
#include <common/labclock.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTimer>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption sizeOption(u"mib"_s, u"Download size in MiB (default 1024)."_s, u"N"_s,
                                        u"1024"_s);
    const QCommandLineOption repeatOption(u"repeat"_s, u"Runs per tool (default 3)."_s, u"N"_s,
                                          u"3"_s);
    parser.addOptions({ sizeOption, repeatOption });
    parser.process(app);
    const qint64 bytes = parser.value(sizeOption).toLongLong() << 20;
    const int repeat = std::max(1, parser.value(repeatOption).toInt());

    EmbeddedServer server;
    if (!server.start()) {
        std::fprintf(stderr, "%s\n", qPrintable(server.errorString()));
        return 1;
    }
    const QUrl url = server.url(u"/bytes/%1"_s.arg(bytes));
    QNetworkAccessManager manager;
    QList<double> ours, curl;

    std::function<void()> next = [&] {
        if (ours.size() < repeat) {
            const double start = labNowMs();
            FetchOptions options;
            options.deadlineMs = 600000;
            auto *job = new FetchJob(&manager, url, options, &app);
            QObject::connect(job, &FetchJob::finished, &app, [&, job, start](const FetchResult &r) {
                job->deleteLater();
                if (!r.ok() || r.bytes != bytes) {
                    std::fprintf(stderr, "fetch failed: %s\n", qPrintable(r.error));
                    QCoreApplication::exit(1);
                    return;
                }
                ours.append(double(bytes) / ((labNowMs() - start) / 1000) / 1e6);
                next();
            });
            job->start();
        } else if (curl.size() < repeat) {
            auto *process = new QProcess(&app);
            QObject::connect(process, &QProcess::finished, &app, [&, process] {
                process->deleteLater();
                curl.append(process->readAllStandardOutput().toDouble() / 1e6);
                next();
            });
            process->start(u"curl"_s,
                           { u"-s"_s, u"-o"_s, u"/dev/null"_s, u"-w"_s, u"%{speed_download}"_s,
                             url.toString() });
        } else {
            QCoreApplication::quit();
        }
    };
    QTimer::singleShot(0, &app, next);
    if (app.exec() != 0)
        return 1;

    const auto best = [](const QList<double> &v) { return *std::max_element(v.begin(), v.end()); };
    std::printf("download of %lld MiB from the embedded server, best of %d\n", bytes >> 20, repeat);
    std::printf("%-28s %10.0f MB/s\n", "AsyncLab fetch (SHA-256)", best(ours));
    std::printf("%-28s %10.0f MB/s\n", "curl -o /dev/null", best(curl));
    std::printf("ratio AsyncLab / curl: %.2f (target >= 0.5)\n", best(ours) / best(curl));
    return 0;
}

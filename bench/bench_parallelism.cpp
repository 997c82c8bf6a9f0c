// Runs the parallelism demo several times and prints its speed-ups: SHA-256 of the chunks on all
// cores against one thread, and slow fetches all at once against one after another, beside the
// CPU time other programs took meanwhile (a busy machine has fewer cores to give). Figures only;
// nothing here passes or fails.
#include "benchoptions.h"
#include "benchstats.h"
#include <demos/demoregistry.h>
#include <engine/lab.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
// Seconds of CPU time all cores have spent busy since boot, from /proc/stat.
double machineBusySeconds()
{
    QFile stat(u"/proc/stat"_s);
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = stat.readLine().simplified().split(' '); // "cpu user nice ..."
    double busy = 0;
    for (int i = 1; i < fields.size(); ++i) {
        if (i != 4 && i != 5) // idle and iowait
            busy += fields.at(i).toDouble();
    }
    return busy / double(sysconf(_SC_CLK_TCK));
}

double processCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval &t) { return double(t.tv_sec) + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QCommandLineOption repeatOption(u"repeat"_s, u"Runs (default 3)."_s, u"N"_s, u"3"_s);
    QCommandLineParser parser;
    parseBenchOptions(parser, u"Speed-ups of the parallelism demo over repeated runs."_s,
                      { repeatOption });
    const int repeat = std::max(1, parser.value(repeatOption).toInt());

    Lab lab;
    if (!lab.start()) {
        std::fprintf(stderr, "bench_parallelism: %s\n", qPrintable(lab.errorString()));
        return 1;
    }
    QTemporaryDir dir;
    std::printf("%d cores; %d runs\n", QThread::idealThreadCount(), repeat);
    std::printf("%-4s %12s %12s %18s\n", "run", "CPU speedup", "I/O speedup", "others' cores");
    QList<double> cpu, io;
    int failures = 0;
    for (int i = 0; i < repeat; ++i) {
        std::unique_ptr<Demo> demo(
                DemoRegistry::create(u"parallelism"_s, DemoRegistry::contextFor(&lab, dir.path())));
        DemoOutcome outcome;
        QObject::connect(demo.get(), &Demo::finished, &app, [&](const DemoOutcome &o) {
            outcome = o;
            app.quit();
        });
        QElapsedTimer wall;
        wall.start();
        const double busyBefore = machineBusySeconds();
        const double ownBefore = processCpuSeconds();
        demo->run();
        app.exec();
        const double others =
                (machineBusySeconds() - busyBefore - (processCpuSeconds() - ownBefore))
                / (double(wall.elapsed()) / 1000);
        if (!outcome.ok()) {
            std::printf("%-4d failed: %s\n", i + 1, qPrintable(outcome.error));
            ++failures;
            continue;
        }
        cpu.append(outcome.figure(u"CPU speedup"_s).toDouble());
        io.append(outcome.figure(u"I/O speedup"_s).toDouble());
        std::printf("%-4d %11.2fx %11.2fx %18.2f\n", i + 1, cpu.last(), io.last(), others);
    }
    std::printf("median %9.2fx %11.2fx\n", median(cpu), median(io));
    return failures == 0 ? 0 : 1;
}

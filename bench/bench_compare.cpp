// Runs a comparison scenario several times in each mode and prints the median figures: wall time,
// longest stall, p99 lag, stalls over 50 ms, and how much of the blocking work froze the GUI
// thread. Figures only; nothing here passes or fails.
#include "lab.h"
#include "units.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n == 0 ? 0 : n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

struct Figures
{
    QList<double> wall, maxStall, p99, stalls, stallShare;
};
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Median blocking-vs-async figures over repeated runs."_s);
    parser.addHelpOption();
    const QCommandLineOption repeatOption(u"repeat"_s, u"Runs per mode (default 5)."_s, u"N"_s,
                                          u"5"_s);
    const QCommandLineOption scenarioOption(u"scenario"_s, u"Scenario name (default standard)."_s,
                                            u"NAME"_s, Scenario::defaultName());
    parser.addOptions({ repeatOption, scenarioOption });
    parser.process(app);
    const int repeat = std::max(1, parser.value(repeatOption).toInt());
    const auto scenario = Scenario::named(parser.value(scenarioOption));
    if (!scenario) {
        std::fprintf(stderr, "unknown scenario\n");
        return 2;
    }

    Lab lab;
    if (!lab.start()) {
        std::fprintf(stderr, "%s\n", qPrintable(lab.errorString()));
        return 1;
    }
    QMap<RunMode, Figures> figures;
    int done = 0;
    QObject::connect(&lab.scenarios(), &ScenarioRunner::comparisonFinished, &app,
                     [&](const QList<ScenarioRun> &runs) {
                         for (const ScenarioRun &run : runs) {
                             Figures &f = figures[run.mode];
                             f.wall.append(run.wallMs());
                             f.maxStall.append(run.lag.maxStallMs);
                             f.p99.append(run.lag.p99LagMs);
                             f.stalls.append(run.lag.stallsOver50Ms);
                             f.stallShare.append(run.longestOperationMs > 0 ? run.lag.maxStallMs
                                                                 / run.longestOperationMs
                                                                            : 0);
                         }
                         std::fprintf(stderr, "run %d of %d done\n", ++done, repeat);
                         if (done == repeat)
                             app.quit();
                         else
                             lab.scenarios().compare(*scenario);
                     });
    QObject::connect(&lab.scenarios(), &ScenarioRunner::failed, &app, [](const QString &error) {
        std::fprintf(stderr, "failed: %s\n", qPrintable(error));
        QCoreApplication::exit(1);
    });
    QTimer::singleShot(200, &app, [&] { lab.scenarios().compare(*scenario); });
    if (app.exec() != 0)
        return 1;

    std::printf("scenario %s: %s\nmedians of %d runs per mode\n\n", qPrintable(scenario->name),
                qPrintable(scenario->description), repeat);
    std::printf("%-9s %10s %10s %10s %15s %22s\n", "mode", "wall time", "max stall", "p99 lag",
                "stalls > 50 ms", "max stall / longest op");
    for (RunMode mode : { RunMode::Blocking, RunMode::Async }) {
        const Figures &f = figures[mode];
        std::printf("%-9s %10s %10s %10s %15.0f %21.1f%%\n", qPrintable(runModeName(mode)),
                    qPrintable(formatDuration(median(f.wall))),
                    qPrintable(formatDuration(median(f.maxStall))),
                    qPrintable(formatDuration(median(f.p99))), median(f.stalls),
                    100 * median(f.stallShare));
    }
    const Figures &a = figures[RunMode::Async];
    std::printf("\nasync targets: max stall < 16 ms -> %.1f ms; p99 < 5 ms -> %.2f ms\n",
                median(a.maxStall), median(a.p99));
    std::printf("blocking target: stall >= 95%% of the blocking work -> %.1f%%\n",
                100 * median(figures[RunMode::Blocking].stallShare));
    return 0;
}

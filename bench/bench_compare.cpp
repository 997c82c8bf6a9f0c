// Runs a comparison scenario several times in each mode and prints the median figures: wall time,
// longest stall, p99 lag, stalls over 50 ms, and how much of the blocking work froze the GUI
// thread. Figures only; nothing here passes or fails. --busy N runs the same while N processes
// spin on the cores, as other programs on a loaded machine would.
#include "benchoptions.h"
#include "benchstats.h"
#include <engine/lab.h>
#include <engine/threadpriority.h>
#include <common/units.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTimer>
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sys/prctl.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace {
struct Figures
{
    QList<double> wall, maxStall, p99, stalls, stallShare;
};

QByteArray loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    return file.open(QIODevice::ReadOnly) ? file.readAll().split(' ').mid(0, 3).join(' ') : "?";
}

// CPU time a process has used so far, from /proc/<pid>/stat (utime + stime, fields 14 and 15).
double cpuSeconds(qint64 pid)
{
    QFile file(u"/proc/%1/stat"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = file.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return double(fields.at(14 - 3).toLongLong() + fields.at(15 - 3).toLongLong())
            / double(sysconf(_SC_CLK_TCK));
}

// N copies of this program spinning on the cores. Each is killed when this process ends however
// it ends (Ctrl+C, a crash, SIGKILL): the kernel sends it SIGKILL when its parent dies.
class BusyProcesses
{
public:
    explicit BusyProcesses(int count)
    {
        const pid_t parent = getpid();
        for (int i = 0; i < count; ++i) {
            auto process = std::make_unique<QProcess>();
            process->setProgram(QCoreApplication::applicationFilePath());
            process->setArguments({ u"--spin"_s });
            process->setProcessChannelMode(QProcess::ForwardedChannels);
            process->setChildProcessModifier([parent] {
                // Runs in the child between fork and exec; the signal survives the exec.
                prctl(PR_SET_PDEATHSIG, SIGKILL);
                if (getppid() != parent) // the parent died before the line above
                    _exit(1);
            });
            process->start();
            if (process->waitForStarted())
                m_processes.push_back(std::move(process));
        }
        m_clock.start();
    }
    ~BusyProcesses()
    {
        for (const auto &process : m_processes) {
            process->kill();
            process->waitForFinished();
        }
    }
    int count() const { return int(m_processes.size()); }
    // The cores the spinning processes took on average since they started.
    double coresUsed() const
    {
        double cpu = 0;
        for (const auto &process : m_processes)
            cpu += cpuSeconds(process->processId());
        return m_clock.isValid() && m_clock.elapsed() > 0 ? cpu * 1000 / double(m_clock.elapsed())
                                                          : 0;
    }

private:
    std::vector<std::unique_ptr<QProcess>> m_processes;
    QElapsedTimer m_clock;
};

[[noreturn]] void spin()
{
    volatile unsigned long n = 0;
    for (;;)
        n = n + 1;
}
} // namespace

int main(int argc, char *argv[])
{
    if (argc == 2 && std::strcmp(argv[1], "--spin") == 0)
        spin();
    QCoreApplication app(argc, argv);
    const QCommandLineOption repeatOption(u"repeat"_s, u"Runs per mode (default 5)."_s, u"N"_s,
                                          u"5"_s);
    const QCommandLineOption scenarioOption(u"scenario"_s, u"Scenario name (default standard)."_s,
                                            u"NAME"_s, Scenario::defaultName());
    const QCommandLineOption busyOption(
            u"busy"_s, u"Processes spinning on the cores meanwhile (default 0)."_s, u"N"_s, u"0"_s);
    const QCommandLineOption noPriorityOption(
            u"no-background-priority"_s,
            u"Leave AsyncLab's server, network and pool threads at the GUI thread's priority."_s);
    QCommandLineParser parser;
    parseBenchOptions(parser, u"Median blocking-vs-async figures over repeated runs."_s,
                      { repeatOption, scenarioOption, busyOption, noPriorityOption });
    const int repeat = std::max(1, parser.value(repeatOption).toInt());
    const int busy = std::clamp(parser.value(busyOption).toInt(), 0, 64);
    if (parser.isSet(noPriorityOption))
        ThreadPriority::setEnabled(false);
    const auto scenario = Scenario::named(parser.value(scenarioOption));
    if (!scenario) {
        std::fprintf(stderr, "unknown scenario\n");
        return 2;
    }

    const QByteArray loadBefore = loadAverage();
    BusyProcesses spinners(busy);
    if (spinners.count() != busy) {
        std::fprintf(stderr, "could not start %d busy processes\n", busy);
        return 1;
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
    const double coresTaken = spinners.coresUsed();

    std::printf("scenario %s: %s\nmedians of %d runs per mode\n", qPrintable(scenario->name),
                qPrintable(scenario->description), repeat);
    std::printf("busy processes: %d (they took %.2f cores); background priority %s; load average "
                "%s before, %s after\n\n",
                busy, coresTaken, ThreadPriority::isEnabled() ? "on" : "off",
                loadBefore.constData(), loadAverage().constData());
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

// AsyncLab's own cost while nothing runs: the real windows are shown (or hidden) for a while in
// each state, and the bench prints the CPU each thread used, the monitor's max stall and p99 lag,
// and the longest paint of each widget class and of each window. Figures only; nothing here
// passes or fails. --compare-run adds a full Compare run with every window shown.
#include "benchoptions.h"
#include <windows/compareview.h>
#include <windows/demogallery.h>
#include <engine/lab.h>
#include <widgets/lagchartwidget.h>
#include <common/labclock.h>
#include <windows/mainwindow.h>
#include <widgets/painting.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <map>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// Every event the GUI thread dispatches, timed: the longest paint per widget class, whatever
// paints it, and the longest repaint of each window (UpdateRequest paints all its dirty widgets
// and flushes them in one event-loop turn).
class BenchApplication : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        const QEvent::Type type = event->type();
        if (type != QEvent::Paint && type != QEvent::UpdateRequest)
            return QApplication::notify(receiver, event);
        QElapsedTimer timer;
        timer.start();
        const bool result = QApplication::notify(receiver, event);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        QString key = QString::fromLatin1(receiver->metaObject()->className());
        if (type == QEvent::UpdateRequest)
            key = u"repaint of %1"_s.arg(key);
        double &longest = longestMs[key];
        longest = std::max(longest, ms);
        if (type == QEvent::UpdateRequest && ms > PaintTimer::SlowPaintMs)
            ++slowTurns;
        return result;
    }

    std::map<QString, double> longestMs;
    int slowTurns = 0;
};

// CPU time of every thread of this process, in ms. A thread's own CPU clock has nanosecond
// resolution where /proc's utime and stime count 10 ms ticks.
std::map<int, std::pair<QString, double>> threadCpu()
{
    std::map<int, std::pair<QString, double>> result;
    const QStringList tids =
            QDir(u"/proc/self/task"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &tidText : tids) {
        const int tid = tidText.toInt();
        QFile comm(u"/proc/self/task/%1/comm"_s.arg(tid));
        QString name = comm.open(QIODevice::ReadOnly) ? QString::fromUtf8(comm.readAll()).trimmed()
                                                      : tidText;
        if (tid == getpid())
            name = u"GUI thread"_s;
        // MAKE_THREAD_CPUCLOCK(tid, CPUCLOCK_SCHED) from the kernel's posix-timers.h
        const clockid_t clock = clockid_t((~unsigned(tid)) << 3) | 6;
        timespec ts {};
        if (clock_gettime(clock, &ts) != 0)
            continue;
        result[tid] = { name, double(ts.tv_sec) * 1000 + double(ts.tv_nsec) / 1e6 };
    }
    return result;
}

struct State
{
    QString name;
    std::function<void()> enter;
};

} // namespace

int main(int argc, char *argv[])
{
    QStandardPaths::setTestModeEnabled(true); // leave the user's settings alone
    BenchApplication app(argc, argv);
    const QCommandLineOption secondsOption(u"seconds"_s, u"Seconds per state (default 60)."_s,
                                           u"S"_s, u"60"_s);
    const QCommandLineOption compareOption(
            u"compare-run"_s, u"Also run the standard Compare scenario with every window shown."_s);
    const QCommandLineOption shotsOption(
            u"screenshots"_s,
            u"Save pictures to DIR: the idle window, the lag chart after a 2 s freeze in linear "
            "and log scale, the gallery after a demo, Compare after a rerun."_s,
            u"DIR"_s);
    QCommandLineParser parser;
    parseBenchOptions(parser, u"AsyncLab's own CPU use, stalls and paint times at rest."_s,
                      { secondsOption, compareOption, shotsOption });
    const double seconds = std::max(1.0, parser.value(secondsOption).toDouble());

    QLoggingCategory::setFilterRules(u"asynclab.paint.debug=true"_s);
    Lab lab;
    if (!lab.start()) {
        std::fprintf(stderr, "%s\n", qPrintable(lab.errorString()));
        return 1;
    }
    MainWindow window(&lab);
    window.show();

    const QList<State> states = {
        { u"main window"_s, [] {} },
        { u"main window + gallery"_s, [&] { window.showConceptGallery(); } },
        { u"main window + gallery + Compare"_s, [&] { window.compareView()->show(); } },
        { u"all windows hidden"_s,
          [&] {
              window.compareView()->hide();
              window.conceptGallery()->hide();
              window.hide();
          } },
    };

    std::printf("%.0f s per state, QPA platform %s, %ld CPUs\n", seconds,
                qPrintable(QGuiApplication::platformName()), sysconf(_SC_NPROCESSORS_ONLN));
    const auto measure = [&](const QString &name, const std::function<void()> &enter,
                             const std::function<void(std::function<void()>)> &wait) {
        enter();
        // a second to settle: the first show lays out, loads fonts and paints everything once
        QEventLoop settle;
        QTimer::singleShot(1000, &settle, &QEventLoop::quit);
        settle.exec();

        app.longestMs.clear();
        app.slowTurns = 0;
        PaintTimer::resetStats();
        const auto before = threadCpu();
        QElapsedTimer wall;
        wall.start();
        const double fromMs = labNowMs();
        QEventLoop loop;
        wait([&loop] { loop.quit(); });
        loop.exec();
        const double toMs = labNowMs();
        const double wallMs = double(wall.nsecsElapsed()) / 1e6;
        const auto after = threadCpu();
        const LagStats lag = lab.monitor().statsBetween(fromMs, toMs);

        std::printf("\n== %s (%.1f s)\n", qPrintable(name), wallMs / 1000);
        QFile loadavg(u"/proc/loadavg"_s);
        const QByteArray load = loadavg.open(QIODevice::ReadOnly)
                ? loadavg.readAll().split(' ').value(0)
                : QByteArray("?");
        std::printf("  monitor: max stall %.1f ms, p99 lag %.2f ms, %d samples; load average %s\n",
                    lag.maxStallMs, lag.p99LagMs, lag.samples, load.constData());
        std::printf("  event-loop turns of AsyncLab's own painting over %.0f ms: %d\n",
                    PaintTimer::SlowPaintMs, app.slowTurns);
        std::map<QString, double> byName;
        for (const auto &[tid, entry] : after) {
            const auto it = before.find(tid);
            byName[entry.first] += entry.second - (it == before.end() ? 0 : it->second.second);
        }
        std::printf("  CPU, %% of one core:\n");
        for (const auto &[threadName, ms] : byName) {
            if (ms / wallMs >= 0.0005 || threadName == u"GUI thread"_s)
                std::printf("    %-24s %6.2f %%\n", qPrintable(threadName), 100 * ms / wallMs);
        }
        std::printf("  longest paint, ms (every widget, timed around its paint event):\n");
        std::vector<std::pair<double, QString>> paints;
        for (const auto &[key, ms] : app.longestMs)
            paints.emplace_back(ms, key);
        std::sort(paints.rbegin(), paints.rend());
        for (const auto &[ms, key] : paints)
            std::printf("    %-40s %7.2f\n", qPrintable(key), ms);
        const QHash<QString, PaintTimer::Stats> own = PaintTimer::stats();
        if (!own.isEmpty()) {
            std::printf("  AsyncLab's own widgets (asynclab.paint): longest / mean ms, paints/s\n");
            for (auto it = own.cbegin(); it != own.cend(); ++it) {
                std::printf("    %-24s %7.2f %7.3f %7.1f\n", qPrintable(it.key()), it->longestMs,
                            it->totalMs / double(std::max<qint64>(1, it->paints)),
                            double(it->paints) * 1000 / wallMs);
            }
        }
        std::fflush(stdout);
    };

    for (const State &state : states) {
        measure(state.name, state.enter, [&](std::function<void()> done) {
            QTimer::singleShot(int(seconds * 1000), &app, done);
        });
    }
    if (parser.isSet(compareOption)) {
        measure(
                u"standard Compare run, every window shown"_s,
                [&] {
                    window.show();
                    window.showConceptGallery();
                    window.compareView()->show();
                },
                [&](std::function<void()> done) {
                    CompareView *view = window.compareView();
                    QObject::connect(view, &CompareView::finished, &app, done);
                    QObject::connect(view, &CompareView::failed, &app, done);
                    view->run();
                });
        for (const ScenarioRun &run : window.compareView()->runs()) {
            std::printf("  %s run: max stall %.1f ms, p99 lag %.2f ms\n",
                        qPrintable(runModeName(run.mode)), run.lag.maxStallMs, run.lag.p99LagMs);
        }
    }
    if (parser.isSet(shotsOption)) {
        const QDir dir(parser.value(shotsOption));
        dir.mkpath(u"."_s);
        const auto wait = [&](int ms) {
            QEventLoop loop;
            QTimer::singleShot(ms, &loop, &QEventLoop::quit);
            loop.exec();
        };
        const auto until = [&](const std::function<bool()> &done) {
            while (!done())
                wait(50);
        };
        const auto save = [&](QWidget *w, const QString &name) {
            w->grab().save(dir.filePath(name));
            std::printf("saved %s\n", qPrintable(dir.filePath(name)));
        };
        window.compareView()->hide();
        window.conceptGallery()->hide();
        window.show();
        wait(1500);
        save(&window, u"idle.png"_s);
        window.setMode(RunMode::Blocking);
        window.fetch(lab.server().url(u"/delay/2000"_s).toString());
        wait(1000);
        auto *chart = window.centralWidget()->findChild<LagChartWidget *>();
        save(chart, u"ladder-linear.png"_s);
        chart->setLogScale(true);
        wait(300);
        save(chart, u"ladder-log.png"_s);
        chart->setLogScale(false);
        window.setMode(RunMode::Async);

        DemoGallery *gallery = window.conceptGallery();
        window.showConceptGallery();
        for (const QString &name : { u"race"_s, u"deadlock"_s }) {
            gallery->selectDemo(name);
            gallery->runCurrent();
            until([&] { return !gallery->isRunning(); });
            wait(500);
            save(gallery, u"gallery-%1.png"_s.arg(name));
        }
        gallery->hide();

        CompareView *view = window.compareView();
        view->show();
        for (int run = 0; run < 2; ++run) {
            view->run();
            until([&] { return !view->isRunning(); });
        }
        view->run();
        wait(300);
        save(view, u"compare-rerun-start.png"_s);
        until([&] { return !view->isRunning(); });
        wait(300);
        save(view, u"compare-rerun.png"_s);
    }
    return 0;
}

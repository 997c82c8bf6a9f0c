// The cost of stall attribution: the watchdog's CPU share while nothing stalls, the time from
// signal to captured stack for one sample (of a computing and of a waiting thread), and the
// per-event overhead of timing every event the application dispatches. Figures only.
#include "benchoptions.h"
#include "benchstats.h"
#include <stalls/eventtiming.h>
#include <common/labclock.h>
#include <stalls/responsivenessmonitor.h>
#include <stalls/stacksampler.h>
#include <stalls/stallwatchdog.h>
#include <stalls/symbolizer.h>
#include <stalls/threadstate.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
bool g_timeEvents = false;

class BenchApplication : public QCoreApplication
{
public:
    BenchApplication(int &argc, char **argv) : QCoreApplication(argc, argv) { }
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!g_timeEvents)
            return QCoreApplication::notify(receiver, event);
        return m_timing.dispatch(receiver, event,
                                 [&] { return QCoreApplication::notify(receiver, event); });
    }

private:
    EventTiming m_timing;
};

class Sink : public QObject
{
public:
    qint64 count = 0;
    bool event(QEvent *event) override
    {
        if (event->type() == QEvent::User) {
            ++count;
            return true;
        }
        return QObject::event(event);
    }
};

volatile quint64 g_sink = 0;

Q_NEVER_INLINE void spin(const std::atomic<bool> &stop, int depth)
{
    if (depth > 0) {
        spin(stop, depth - 1);
        g_sink = g_sink + 1;
        return;
    }
    quint64 x = 1;
    while (!stop.load(std::memory_order_relaxed))
        x = x * 6364136223846793005ULL + 1;
    g_sink = x;
}

// One sample of another thread, signal to captured stack, many times over.
void benchSampleCost(int samples, bool computing)
{
    std::atomic<bool> stop { false };
    std::atomic<pid_t> tid { 0 };
    std::mutex mutex;
    std::condition_variable wake;
    std::thread target([&] {
        tid.store(pid_t(syscall(SYS_gettid)));
        if (computing) {
            spin(stop, 30);
        } else {
            std::unique_lock lock(mutex);
            wake.wait(lock, [&] { return stop.load(); });
        }
    });
    while (tid.load() == 0)
        std::this_thread::yield();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    QList<double> latencies;
    QList<double> reads; // what the watchdog reads from /proc before each signal
    int depth = 0;
    int unanswered = 0;
    for (int i = 0; i < samples; ++i) {
        QElapsedTimer readTimer;
        readTimer.start();
        const ThreadSnapshot state = readThreadState(tid.load());
        const SchedStat sched = readSchedStat(tid.load());
        reads.append(double(readTimer.nsecsElapsed()) / 1000);
        Q_UNUSED(state);
        Q_UNUSED(sched);
        const StackSampler::Result r = StackSampler::sample(tid.load(), 100);
        if (r.outcome == StackSampler::Outcome::Captured) {
            latencies.append(r.latencyUs);
            depth = r.depth;
        } else {
            ++unanswered;
        }
    }
    {
        const std::lock_guard lock(mutex);
        stop.store(true);
    }
    wake.notify_all();
    target.join();
    std::printf("one sample of a %s thread (%d frames): median %.1f us, p90 %.1f us, max %.1f us "
                "over %lld samples (%d unanswered)\n",
                computing ? "computing" : "waiting", depth, percentile(latencies, 0.5),
                percentile(latencies, 0.9), percentile(latencies, 1.0), qlonglong(latencies.size()),
                unanswered);
    std::printf("  its state and schedstat from /proc: median %.1f us, p90 %.1f us\n",
                percentile(reads, 0.5), percentile(reads, 0.9));
}

// Symbolising one captured stack on the watchdog thread, once debug information is cached.
void benchSymbolize()
{
    std::atomic<bool> stop { false };
    std::atomic<pid_t> tid { 0 };
    std::thread target([&] {
        tid.store(pid_t(syscall(SYS_gettid)));
        spin(stop, 30);
    });
    while (tid.load() == 0)
        std::this_thread::yield();
    const StackSampler::Result r = StackSampler::sample(tid.load(), 100);
    stop.store(true);
    target.join();
    Symbolizer symbolizer;
    QElapsedTimer timer;
    timer.start();
    const Stack first = symbolizer.symbolizeSample(r.frames.data(), r.depth);
    const double firstMs = double(timer.nsecsElapsed()) / 1e6;
    // A new symbolizer with a fresh cache but the same process: what a later stall costs when its
    // addresses are new (the debug information of the modules stays loaded in libdw).
    timer.restart();
    const int repeat = 200;
    for (int i = 0; i < repeat; ++i)
        symbolizer.symbolizeSample(r.frames.data(), r.depth);
    const double cachedUs = double(timer.nsecsElapsed()) / 1e3 / repeat;
    std::printf("symbolising a %d-frame stack: first %.1f ms (loads debug information), then "
                "%.1f us from the cache\n",
                int(first.size()), firstMs, cachedUs);
}

double perEventNs(Sink &sink, int events)
{
    QEvent event(QEvent::User);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < events; ++i)
        QCoreApplication::sendEvent(&sink, &event);
    return double(timer.nsecsElapsed()) / events;
}
} // namespace

int main(int argc, char *argv[])
{
    BenchApplication app(argc, argv);
    const QCommandLineOption idleOption(u"idle"_s, u"Seconds of idle watching (default 5)."_s,
                                        u"S"_s, u"5"_s);
    const QCommandLineOption samplesOption(u"samples"_s, u"Samples per target (default 2000)."_s,
                                           u"N"_s, u"2000"_s);
    QCommandLineParser parser;
    parseBenchOptions(parser, u"Costs of the stall watchdog, sampler and event timing."_s,
                      { idleOption, samplesOption });
    const int idleSeconds = std::max(1, parser.value(idleOption).toInt());
    const int samples = std::max(10, parser.value(samplesOption).toInt());

    QString error;
    if (!StackSampler::install(&error)) {
        std::fprintf(stderr, "bench_sampler: %s\n", qPrintable(error));
        return 1;
    }

    benchSampleCost(samples, true);
    benchSampleCost(samples, false);
    benchSymbolize();

    // Event timing: the same sendEvent loop through notify() with and without the timer.
    Sink sink;
    sink.setObjectName(u"sink"_s);
    const int events = 2000000;
    perEventNs(sink, events / 10); // warm up
    double off = 1e9;
    double on = 1e9;
    for (int round = 0; round < 5; ++round) {
        g_timeEvents = false;
        off = std::min(off, perEventNs(sink, events));
        g_timeEvents = true;
        on = std::min(on, perEventNs(sink, events));
    }
    g_timeEvents = false;
    std::printf("event dispatch: %.1f ns per event untimed, %.1f ns timed: %.1f ns overhead "
                "(best of 5 x %d events)\n",
                off, on, on - off, events);

    // The watchdog while nothing stalls: its CPU time over wall time.
    ResponsivenessMonitor monitor;
    StallWatchdog watchdog;
    monitor.start();
    if (!watchdog.start(&monitor.heartbeat(), monitor.intervalMs())) {
        std::fprintf(stderr, "bench_sampler: %s\n", qPrintable(watchdog.errorString()));
        return 1;
    }
    const double startMs = labNowMs();
    const double startCpuMs = watchdog.cpuTimeMs();
    QTimer::singleShot(idleSeconds * 1000, &app, [&] {
        const double wallMs = labNowMs() - startMs;
        const double cpuMs = watchdog.cpuTimeMs() - startCpuMs;
        std::printf("watchdog while nothing stalls: %.1f ms CPU in %.0f ms, %.3f%% of one core, "
                    "%lld stall records\n",
                    cpuMs, wallMs, 100 * cpuMs / wallMs, qlonglong(watchdog.records().size()));
        QCoreApplication::quit();
    });
    return app.exec();
}

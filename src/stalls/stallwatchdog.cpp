#include <stalls/stallwatchdog.h>
#include <stalls/responsivenessmonitor.h>
#include <stalls/eventtiming.h>
#include <stalls/handlertrace.h>
#include <common/labclock.h>
#include <stalls/stacksampler.h>
#include <stalls/symbolizer.h>

#include <QCoreApplication>
#include <QThread>
#include <QTimer>
#include <memory>
#include <pthread.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

struct StallWatchdog::RawSample
{
    double atMs = 0;
    ThreadSnapshot state;
    StackSampler::Outcome outcome = StackSampler::Outcome::Failed;
    bool truncated = false;
    QList<void *> frames;
    QList<HandlerStep> handler;
};

StallWatchdog::StallWatchdog(QObject *parent)
    : QObject(parent),
      m_tid(pid_t(syscall(SYS_gettid))),
      m_sourceRoot(Symbolizer::defaultSourceRoot()),
      m_buildRoot(Symbolizer::defaultBuildRoot())
{
}

void StallWatchdog::setOwnCode(const QString &sourceRoot, const QString &buildRoot)
{
    Q_ASSERT(!isRunning());
    m_sourceRoot = sourceRoot;
    m_buildRoot = buildRoot;
}

StallWatchdog::~StallWatchdog()
{
    stop();
}

bool StallWatchdog::start(const std::atomic<double> *heartbeatMs, int tickIntervalMs)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (isRunning())
        return true;
    if (!StackSampler::install(&m_error)) {
        m_error = QCoreApplication::translate("StallWatchdog", "stack sampling is off: %1")
                          .arg(m_error);
        return false;
    }
    m_heartbeat = heartbeatMs;
    m_tickIntervalMs = tickIntervalMs;
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = false;
    }
    m_thread = std::thread([this] { run(); });
    pthread_setname_np(m_thread.native_handle(), "stall watchdog");
    return true;
}

void StallWatchdog::stop()
{
    if (!isRunning())
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
    m_hasCpuClock.store(false);
}

double StallWatchdog::cpuTimeMs() const
{
    if (!m_hasCpuClock.load())
        return 0;
    timespec ts {};
    if (clock_gettime(m_cpuClock.load(), &ts) != 0)
        return 0;
    return double(ts.tv_sec) * 1000 + double(ts.tv_nsec) / 1e6;
}

QList<StallRecord> StallWatchdog::recordsBetween(double fromMs, double toMs) const
{
    QList<StallRecord> found;
    for (const StallRecord &record : m_records) {
        if (record.endMs() >= fromMs && record.startMs <= toMs)
            found.append(record);
    }
    return found;
}

void StallWatchdog::whenSettled(QObject *context, std::function<void()> function)
{
    if (!isRunning()) {
        QTimer::singleShot(0, context, std::move(function));
        return;
    }
    const quint64 ticket = ++m_nextTicket;
    m_waiters.append({ ticket, context, std::move(function) });
    m_settleRequested.store(ticket);
    m_wake.notify_all();
}

void StallWatchdog::settled(quint64 upTo)
{
    QList<SettleWaiter> ready;
    for (auto it = m_waiters.begin(); it != m_waiters.end();) {
        if (it->ticket <= upTo) {
            ready.append(std::move(*it));
            it = m_waiters.erase(it);
        } else {
            ++it;
        }
    }
    for (const SettleWaiter &waiter : ready) {
        if (waiter.context)
            waiter.function();
    }
}

void StallWatchdog::run()
{
    clockid_t clock {};
    if (pthread_getcpuclockid(pthread_self(), &clock) == 0) {
        m_cpuClock.store(clock);
        m_hasCpuClock.store(true);
    }
    // Symbols are looked up here, never in the signal handler; debug information loads on the
    // first stall and stays cached for the next ones.
    std::unique_ptr<Symbolizer> symbolizer;
    HandlerTrace::Snapshot lastChain;
    QList<HandlerStep> lastSteps;
    QList<RawSample> samples;
    bool inStall = false;
    double stallBeat = 0;
    SchedReading stallSched; // at the stall's start
    SchedReading lastSched; // at the latest sample
    quint64 settledUpTo = 0;
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        const int intervalMs = m_sampleIntervalMs.load();
        m_wake.wait_for(lock, std::chrono::milliseconds(intervalMs));
        if (m_stopping)
            break;
        lock.unlock();
        const double beat = m_heartbeat->load(std::memory_order_acquire);
        const double now = labNowMs();
        const bool late = beat >= 0 && now - beat - m_tickIntervalMs > m_thresholdMs.load();
        if (inStall && (beat != stallBeat || beat < 0)) {
            // The heartbeat came back: the stall ended when the thread ran its tick.
            StackSampler::withdraw();
            if (!symbolizer)
                symbolizer = std::make_unique<Symbolizer>(m_sourceRoot, m_buildRoot);
            finishStall(*symbolizer, stallBeat + m_tickIntervalMs, beat < 0 ? now : beat, samples,
                        stallSched, readSched());
            inStall = false;
            samples.clear();
        } else if (!inStall && late) {
            inStall = true;
            stallBeat = beat;
            stallSched = readSched();
            lastSched = stallSched;
        }
        if (!inStall) {
            if (const quint64 wanted = m_settleRequested.load(); wanted > settledUpTo) {
                settledUpTo = wanted;
                QMetaObject::invokeMethod(
                        this, [this, wanted] { settled(wanted); }, Qt::QueuedConnection);
            }
        } else if (samples.size() < MaxSamplesPerStall) {
            RawSample sample;
            // The state first: the signal wakes a sleeping thread, which would then look busy.
            sample.state = readThreadState(m_tid);
            const SchedReading sched = readSched();
            sample.atMs = sched.atMs;
            sample.state.activity = schedCorrected(sample.state.activity, lastSched, sched);
            lastSched = sched;
            const StackSampler::Result result = StackSampler::sample(m_tid, intervalMs);
            sample.outcome = result.outcome;
            sample.truncated = result.truncated;
            sample.frames.reserve(result.depth);
            for (int i = 0; i < result.depth; ++i)
                sample.frames.append(result.frames[size_t(i)]);
            // The handlers are named now, while the thread is frozen in them and their objects
            // are alive; an unchanged chain keeps the names it had.
            const HandlerTrace::Snapshot chain = HandlerTrace::snapshot();
            if (!HandlerTrace::sameChain(chain, lastChain)) {
                lastSteps = HandlerTrace::describe(chain);
                lastChain = chain;
            }
            sample.handler = lastSteps;
            samples.append(std::move(sample));
        }
        lock.lock();
    }
    if (inStall) {
        StackSampler::withdraw(); // a signal still pending on the thread then captures nothing
        if (m_recordsStallAtStop.load()) {
            if (!symbolizer)
                symbolizer = std::make_unique<Symbolizer>(m_sourceRoot, m_buildRoot);
            finishStall(*symbolizer, stallBeat + m_tickIntervalMs, labNowMs(), samples, stallSched,
                        readSched());
        }
    }
}

SchedReading StallWatchdog::readSched() const
{
    return readSchedReading(m_tid);
}

void StallWatchdog::finishStall(Symbolizer &symbolizer, double startMs, double endMs,
                                const QList<RawSample> &raw, const SchedReading &first,
                                const SchedReading &last)
{
    StallRecord record;
    record.startMs = startMs;
    record.durationMs = std::max(0.0, endMs - startMs);
    setCpuFigures(record, first, last);
    QList<StallSample> samples;
    samples.reserve(raw.size());
    for (const RawSample &r : raw) {
        StallSample sample;
        sample.atMs = r.atMs;
        sample.activity = r.state.activity;
        sample.reason = r.state.reason;
        sample.answered = r.outcome == StackSampler::Outcome::Captured;
        sample.truncated = r.truncated;
        if (sample.answered) {
            sample.stack = symbolizer.symbolizeSample(r.frames.constData(), int(r.frames.size()));
        }
        sample.handler = r.handler;
        samples.append(std::move(sample));
    }
    summarizeStall(record, samples);
    QMetaObject::invokeMethod(
            this, [this, record] { deliver(record); }, Qt::QueuedConnection);
}

void StallWatchdog::deliver(StallRecord record)
{
    record.id = m_nextId++;
    record.program = u"AsyncLab"_s; // the watchdog inside AsyncLab watches AsyncLab only
    if (m_lagSource) {
        // The longest sample whose late tick overlaps the stall is the same freeze, measured by
        // the thread itself: its times are the ones shown everywhere else.
        const LagSample *same = nullptr;
        const auto &samples = m_lagSource->samples();
        for (auto it = samples.crbegin(); it != samples.crend(); ++it) {
            if (it->atMs < record.startMs)
                break;
            if (it->atMs - it->lagMs <= record.endMs() && (!same || it->lagMs > same->lagMs))
                same = &*it;
        }
        if (same && same->lagMs > 0) {
            record.startMs = same->atMs - same->lagMs;
            record.durationMs = same->lagMs;
        }
    }
    if (const EventTiming *timing = EventTiming::instance()) {
        record.event = timing->eventDuring(record.startMs, record.endMs());
        record.eventsTimed = true;
    }
    m_records.append(record);
    while (m_records.size() > MaxRecords)
        m_records.removeFirst();
    emit stallRecorded(record);
}

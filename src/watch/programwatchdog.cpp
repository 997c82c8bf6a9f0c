#include <watch/programwatchdog.h>
#include <common/labclock.h>
#include <stalls/symbolizer.h>
#include <watch/ptracesampler.h>
#include <stalls/watchprotocol.h>

#include <QCoreApplication>
#include <cmath>
#include <optional>
#include <pthread.h>
#include <sys/uio.h>

struct ProgramWatchdog::Stall
{
    double beat = 0; // the heartbeat that did not come back in time
    bool startUp = false;
    SchedReading first;
    SchedReading last;
    double lastLiveMs = 0;
    QList<StallSample> samples;
    // The raw stacks of samples[symbolized...]: symbols are looked up between samples only when
    // a record is due, so a slow first lookup never delays noticing a stall.
    QList<QList<PtraceSampler::Frame>> raw;
    qsizetype symbolized = 0;
};

namespace {
// A beat that went through the protocol's JSON may have lost its last binary digits.
bool sameBeat(double a, double b)
{
    return std::abs(a - b) < 0.01;
}

// What the program's probe published: its heartbeat and its latest gap.
struct HeartbeatReading
{
    double gapFromMs = -1;
    double gapToMs = -1;
    double beatMs = -1;
};
static_assert(sizeof(HeartbeatReading) == sizeof(WatchProtocol::Heartbeat));

// The program's heartbeat, or false when it cannot be read (the program is gone).
bool readHeartbeat(pid_t pid, quintptr address, HeartbeatReading *reading)
{
    iovec local { reading, sizeof *reading };
    iovec remote { reinterpret_cast<void *>(address), sizeof *reading };
    return process_vm_readv(pid, &local, 1, &remote, 1, 0) == ssize_t(sizeof *reading);
}
} // namespace

ProgramWatchdog::ProgramWatchdog(QObject *parent) : QObject(parent) { }

ProgramWatchdog::~ProgramWatchdog()
{
    stop();
}

void ProgramWatchdog::start(const Target &target)
{
    if (isRunning())
        return;
    m_target = target;
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
    pthread_setname_np(m_thread.native_handle(), "watch sampler");
}

void ProgramWatchdog::stop()
{
    if (!isRunning())
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
    // The open stall's record is queued for this thread: hand it over before returning.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

ProgramWatchdog::StopStats ProgramWatchdog::stopStats() const
{
    return { m_stopSamples.load(), m_stopTotalUs.load(), m_stopMaxUs.load() };
}

void ProgramWatchdog::addHandlerNote(double beatMs, const QList<HandlerStep> &steps)
{
    const std::lock_guard lock(m_notesMutex);
    if (!sameBeat(beatMs, m_notes.beatMs))
        m_notes = { beatMs, {}, {} };
    m_notes.steps = steps;
}

void ProgramWatchdog::addPythonNote(double beatMs, double atMs, const Stack &frames)
{
    const std::lock_guard lock(m_notesMutex);
    if (!sameBeat(beatMs, m_notes.beatMs))
        m_notes = { beatMs, {}, {} };
    // A freeze of minutes is noted every 10 ms; its samples stop at MaxSamplesPerStall too.
    if (m_notes.python.size() < MaxSamplesPerStall)
        m_notes.python.append({ atMs, frames });
}

void ProgramWatchdog::joinNotes(double beatMs, QList<StallSample> &samples)
{
    const std::lock_guard lock(m_notesMutex);
    if (!sameBeat(m_notes.beatMs, beatMs))
        return;
    // Each sample gets the chain and the Python frames the probe saw nearest to it, within two
    // sampling intervals: both sides look every 10 ms, on their own clocks' ticks.
    constexpr double NearMs = 2 * SampleIntervalMs;
    for (StallSample &sample : samples) {
        sample.handler = m_notes.steps;
        const std::pair<double, Stack> *nearest = nullptr;
        for (const auto &note : std::as_const(m_notes.python)) {
            if (std::abs(note.first - sample.atMs) <= NearMs
                && (!nearest
                    || std::abs(note.first - sample.atMs) < std::abs(nearest->first - sample.atMs)))
                nearest = &note;
        }
        sample.pythonStack = nearest ? nearest->second : Stack();
    }
}

void ProgramWatchdog::deliver(StallRecord record, bool final)
{
    QMetaObject::invokeMethod(
            this,
            [this, record, final] {
                if (final)
                    emit stallRecorded(record);
                else
                    emit stallUpdated(record);
            },
            Qt::QueuedConnection);
}

void ProgramWatchdog::run()
{
    const Target target = m_target;
    // This thread is the tracer: every ptrace call for the program comes from here, and when the
    // thread ends the kernel lets go of anything it still traces.
    PtraceSampler sampler(target.pid);
    Symbolizer symbolizer({}, {}, m_ownGlobs); // own code: the program's modules, and the globs
    symbolizer.setProcess(target.pid);
    // The modules' tables now, while nothing is stopped: the first samples then stop the thread
    // only for the unwinding itself. The symbolizer learns the modules' list too, for a program
    // that dies frozen before a record is due.
    sampler.warmUp();
    symbolizer.symbolize(0, true);
    bool refused = false;
    std::optional<Stall> stall;

    const auto summarize = [&](double endMs, bool open) {
        for (; stall->symbolized < stall->samples.size(); ++stall->symbolized) {
            for (const PtraceSampler::Frame &frame : stall->raw.at(stall->symbolized))
                stall->samples[stall->symbolized].stack +=
                        symbolizer.symbolize(frame.pc, frame.exact);
        }
        StallRecord record;
        record.startMs = stall->beat + target.tickIntervalMs;
        record.durationMs = std::max(0.0, endMs - record.startMs);
        record.open = open;
        record.startUp = stall->startUp;
        setCpuFigures(record, stall->first, stall->last);
        joinNotes(stall->beat, stall->samples);
        summarizeStall(record, stall->samples);
        return record;
    };
    const auto finish = [&](double endMs, bool open) {
        sampler.release(SampleIntervalMs);
        deliver(summarize(endMs, open), true);
        stall.reset();
    };

    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_wake.wait_for(lock, std::chrono::milliseconds(SampleIntervalMs));
        if (m_stopping)
            break;
        lock.unlock();
        HeartbeatReading heartbeat;
        const double now = labNowMs();
        if (!readHeartbeat(target.pid, target.heartbeatAddress, &heartbeat)) {
            if (stall)
                finish(now, true); // the program died frozen
            QMetaObject::invokeMethod(this, &ProgramWatchdog::programGone, Qt::QueuedConnection);
            lock.lock();
            break;
        }
        const double beat = heartbeat.beatMs;
        if (stall && beat != stall->beat) {
            // The heartbeat came back (or the application object went, and with it the monitor):
            // the stall ended when the thread ran its first tick after it, which the probe kept
            // even when this thread looks only several ticks later (a busy machine).
            const double endMs = beat < 0                ? now
                    : heartbeat.gapFromMs == stall->beat ? heartbeat.gapToMs
                                                         : beat;
            finish(endMs, false);
        } else if (!stall && beat >= 0 && now - beat - target.tickIntervalMs > m_thresholdMs) {
            stall.emplace();
            stall->beat = beat;
            stall->startUp = beat == target.startBeat;
            stall->first = readSchedReading(target.tid, target.pid);
            stall->last = stall->first;
            stall->lastLiveMs = now;
            sampler.reloadModules(); // plugins loaded since the last stall
        }
        if (stall && stall->samples.size() < MaxSamplesPerStall) {
            StallSample sample;
            // The state first: once stopped, the thread shows as traced.
            const ThreadSnapshot state = readThreadState(target.tid, target.pid);
            const SchedReading sched = readSchedReading(target.tid, target.pid);
            sample.atMs = sched.atMs;
            sample.activity = schedCorrected(state.activity, stall->last, sched);
            sample.reason = state.reason;
            // A wait our own ptrace stop interrupted resumes as restart_syscall, which names no
            // wait: it is the one the previous sample saw.
            if (sample.reason == WaitReason::Other && !stall->samples.isEmpty()
                && stall->samples.last().reason != WaitReason::None)
                sample.reason = stall->samples.last().reason;
            stall->last = sched;
            const PtraceSampler::Result result = refused
                    ? PtraceSampler::Result {}
                    : sampler.sample(target.tid, SampleIntervalMs);
            if (result.outcome == PtraceSampler::Outcome::Refused && !refused) {
                refused = true;
                QMetaObject::invokeMethod(
                        this, [this, reason = result.error] { emit samplingRefused(reason); },
                        Qt::QueuedConnection);
            }
            if (result.outcome == PtraceSampler::Outcome::Captured) {
                sample.answered = true;
                sample.truncated = result.truncated;
                m_stopSamples.fetch_add(1);
                m_stopTotalUs.store(m_stopTotalUs.load() + result.stoppedUs);
                m_stopMaxUs.store(std::max(m_stopMaxUs.load(), result.stoppedUs));
            }
            stall->samples.append(std::move(sample));
            stall->raw.append(result.frames);
        }
        if (stall && now - stall->lastLiveMs >= LiveIntervalMs) {
            stall->lastLiveMs = now;
            deliver(summarize(now, true), false);
        }
        lock.lock();
    }
    lock.unlock();
    if (stall)
        finish(labNowMs(), true);
}

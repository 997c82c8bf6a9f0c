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
    QList<QList<PtraceSampler::Frame>> raw; // each sample's stack, not named yet
};

// A record to make: the stall as far as it has been sampled.
struct ProgramWatchdog::Due
{
    double beat = 0;
    bool startUp = false;
    SchedReading first;
    SchedReading last;
    QList<StallSample> samples;
    QList<QList<PtraceSampler::Frame>> raw;
    double endMs = 0;
    bool open = false;
    bool final = false; // stallRecorded; otherwise stallUpdated
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
    m_namerStopping = false;
    m_namer = std::thread([this] { name(); });
    pthread_setname_np(m_namer.native_handle(), "watch namer");
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
    {
        const std::lock_guard lock(m_dueMutex);
        m_namerStopping = true; // once the records due are made
    }
    m_dueWake.notify_all();
    m_namer.join();
    // The open stall's record is queued for this thread: hand it over before returning.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

ProgramWatchdog::StopStats ProgramWatchdog::stopStats() const
{
    return { m_stopSamples.load(), m_stopTotalUs.load(), m_stopMaxUs.load() };
}

ProgramWatchdog::Notes &ProgramWatchdog::notesFor(double beatMs)
{
    for (Notes &notes : m_notes) {
        if (sameBeat(notes.beatMs, beatMs))
            return notes;
    }
    if (m_notes.size() == KeptNotes)
        m_notes.removeFirst();
    m_notes.append({ beatMs, {}, {} });
    return m_notes.last();
}

void ProgramWatchdog::addHandlerNote(double beatMs, const QList<HandlerStep> &steps)
{
    const std::lock_guard lock(m_notesMutex);
    Notes &notes = notesFor(beatMs);
    notes.steps = frozenChain(notes.steps, steps);
}

void ProgramWatchdog::addPythonNote(double beatMs, double atMs, const Stack &frames)
{
    const std::lock_guard lock(m_notesMutex);
    Notes &notes = notesFor(beatMs);
    // A freeze of minutes is noted every 10 ms; its samples stop at MaxSamplesPerStall too.
    if (notes.python.size() < MaxSamplesPerStall)
        notes.python.append({ atMs, frames });
}

void ProgramWatchdog::joinNotes(double beatMs, QList<StallSample> &samples)
{
    const std::lock_guard lock(m_notesMutex);
    const Notes &notes = notesFor(beatMs);
    // Each sample gets the chain and the Python frames the probe saw nearest to it, within two
    // sampling intervals: both sides look every 10 ms, on their own clocks' ticks.
    constexpr double NearMs = 2 * SampleIntervalMs;
    for (StallSample &sample : samples) {
        sample.handler = notes.steps;
        const std::pair<double, Stack> *nearest = nullptr;
        for (const auto &note : std::as_const(notes.python)) {
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

void ProgramWatchdog::post(Due due)
{
    {
        const std::lock_guard lock(m_dueMutex);
        m_due.push_back(std::move(due));
    }
    m_dueWake.notify_one();
}

void ProgramWatchdog::name()
{
    Symbolizer symbolizer({}, {}, m_ownGlobs); // own code: the program's modules, and the globs
    symbolizer.setProcess(m_target.pid);
    // The modules' list now, for a program that dies frozen before a record is due.
    symbolizer.symbolize(0, true);
    double namedBeat = -1;
    QList<Stack> named; // the stacks of the stall being named, as far as named
    std::unique_lock lock(m_dueMutex);
    for (;;) {
        m_dueWake.wait(lock, [this] { return !m_due.empty() || m_namerStopping; });
        if (m_due.empty())
            break; // stopping, and every record due made
        Due due = std::move(m_due.front());
        m_due.pop_front();
        // A live record that a newer one of the same stall follows is not worth making.
        if (!due.final && !m_due.empty() && sameBeat(m_due.front().beat, due.beat))
            continue;
        lock.unlock();
        if (!sameBeat(due.beat, namedBeat)) {
            namedBeat = due.beat;
            named.clear();
        }
        for (qsizetype i = named.size(); i < due.raw.size(); ++i) {
            Stack stack;
            for (const PtraceSampler::Frame &frame : due.raw.at(i))
                stack += symbolizer.symbolize(frame.pc, frame.exact);
            named.append(stack);
        }
        for (qsizetype i = 0; i < due.samples.size() && i < named.size(); ++i)
            due.samples[i].stack = named.at(i);
        StallRecord record;
        record.startMs = due.beat + m_target.tickIntervalMs;
        record.durationMs = std::max(0.0, due.endMs - record.startMs);
        record.open = due.open;
        record.startUp = due.startUp;
        setCpuFigures(record, due.first, due.last);
        joinNotes(due.beat, due.samples);
        summarizeStall(record, due.samples);
        deliver(record, due.final);
        lock.lock();
    }
}

void ProgramWatchdog::run()
{
    const Target target = m_target;
    // This thread is the tracer: every ptrace call for the program comes from here, and when the
    // thread ends the kernel lets go of anything it still traces.
    PtraceSampler sampler(target.pid);
    // The modules' tables now, while nothing is stopped: the first samples then stop the thread
    // only for the unwinding itself.
    sampler.warmUp();
    bool refused = false;
    std::optional<Stall> stall;

    // The samples are shared with the record due, not copied, until the next one is added.
    const auto due = [&](double endMs, bool open, bool final) {
        post({ stall->beat, stall->startUp, stall->first, stall->last, stall->samples, stall->raw,
               endMs, open, final });
    };
    const auto finish = [&](double endMs, bool open) {
        sampler.release(SampleIntervalMs);
        due(endMs, open, true);
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
            due(now, true, false);
        }
        lock.lock();
    }
    lock.unlock();
    if (stall)
        finish(labNowMs(), true);
}

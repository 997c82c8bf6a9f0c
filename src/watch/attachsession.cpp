#include <watch/attachsession.h>
#include <common/labclock.h>
#include <watch/ptracesampler.h>
#include <stalls/stallreport.h>
#include <stalls/symbolizer.h>
#include <stalls/threadstate.h>
#include <common/units.h>
#include <watch/windowping.h>

#include <QFileInfo>
#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
bool processExists(qint64 pid)
{
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

bool skippedWhileWaiting(const StackFrame &frame)
{
    // The C library's and GLib's poll wrappers, and Qt's own, sit between a waiting event
    // loop and the kernel; in a program built with a sanitizer, its interceptor of poll() too.
    return frame.module.startsWith(u"libc.so"_s) || frame.module.startsWith(u"libglib"_s)
            || frame.module.startsWith(u"linux-vdso"_s) || frame.module.startsWith(u"libasan"_s)
            || frame.module.startsWith(u"libtsan"_s) || frame.module.startsWith(u"libubsan"_s)
            || frame.function.contains(u"qt_safe_poll"_s)
            || frame.function.contains(u"QEventDispatcherUNIXPrivate"_s);
}

// Idle: asleep in poll() (or select, epoll) called by an event loop's dispatcher, Qt's or GLib's;
// the program waits for its next event. Anything else (computing, a lock, a sleep, a blocking
// read, a poll called by the program's own code) keeps its events waiting.
bool idleInEventLoop(const ThreadSnapshot &state, const Stack &stack)
{
    // A wait this sampler interrupted resumes as restart_syscall: the stack says what it was.
    if (state.activity != ThreadActivity::Waiting)
        return false;
    for (const StackFrame &frame : stack) {
        if (skippedWhileWaiting(frame))
            continue;
        const QString &f = frame.function;
        return (f.contains(u"EventDispatcher"_s) && f.contains(u"processEvents"_s))
                || f.startsWith(u"gtk_main"_s) || f.startsWith(u"g_application_run"_s)
                || f.startsWith(u"g_main_"_s);
    }
    // No stack: a wait in poll() is taken for the event loop's.
    return stack.isEmpty() && state.reason == WaitReason::SocketOrFile;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}
} // namespace

AttachSession::AttachSession(QObject *parent) : QObject(parent)
{
    m_duration.setSingleShot(true);
    connect(&m_duration, &QTimer::timeout, this, &AttachSession::stop);
}

AttachSession::~AttachSession()
{
    m_stopping = true;
    if (m_thread.joinable())
        m_thread.join(); // the sampler detaches as it goes
}

bool AttachSession::start()
{
    if (m_pid <= 0 || !processExists(m_pid)) {
        m_error = tr("no process with pid %1").arg(m_pid);
        return false;
    }
    if (m_pid == getpid()) {
        m_error = tr("AsyncLab cannot watch itself (pid %1)").arg(m_pid);
        return false;
    }
    m_program = QFileInfo(u"/proc/%1/exe"_s.arg(m_pid)).symLinkTarget();
    {
        // One sample here, to say at once and plainly when the system forbids tracing it.
        PtraceSampler probe { pid_t(m_pid) };
        probe.warmUp(); // the tables first, so that this sample stops the program only briefly
        const PtraceSampler::Result first = probe.sample(pid_t(m_pid), StopTimeoutMs);
        if (first.outcome == PtraceSampler::Outcome::Refused) {
            m_error = tr("cannot watch pid %1: %2").arg(m_pid).arg(first.error);
            return false;
        }
        if (first.outcome == PtraceSampler::Outcome::Gone) {
            m_error = tr("no process with pid %1").arg(m_pid);
            return false;
        }
    }
    m_startMs = labNowMs();
    m_ping = new WindowPing(m_pid, this);
    connect(m_ping, &WindowPing::answered, this, [this](double sentMs, double roundTripMs) {
        m_pings.append({ sentMs, roundTripMs });
    });
    if (!m_ping->start(&m_pingNote)) {
        delete m_ping;
        m_ping = nullptr;
    }
    m_thread = std::thread([this] { run(); });
    if (m_durationMs > 0)
        m_duration.start(int(std::ceil(m_durationMs)));
    return true;
}

void AttachSession::run()
{
    PtraceSampler sampler { pid_t(m_pid) };
    // Own code: the program's modules, and the globs.
    Symbolizer symbolizer { QString(), QString(), m_ownGlobs };
    symbolizer.setProcess(pid_t(m_pid));
    // The tables now, while nothing is stopped, as the watchdog does.
    sampler.warmUp();
    symbolizer.symbolize(0, true);
    QList<StallSample> stall;
    QList<QList<PtraceSampler::Frame>> raw; // the stall's stacks not named yet
    const auto symbolize = [&](StallSample &sample, const QList<PtraceSampler::Frame> &frames) {
        for (const PtraceSampler::Frame &frame : frames)
            sample.stack += symbolizer.symbolize(frame.pc, frame.exact);
    };
    const auto close = [&](double endMs, bool open) {
        if (!stall.isEmpty() && endMs - stall.first().atMs >= m_thresholdMs) {
            for (qsizetype i = 0; i < stall.size(); ++i) {
                if (stall[i].stack.isEmpty())
                    symbolize(stall[i], raw.at(i));
            }
            StallRecord record;
            record.startMs = stall.first().atMs;
            record.durationMs = endMs - record.startMs;
            record.open = open;
            record.program = QFileInfo(m_program).fileName();
            summarizeStall(record, stall);
            QMetaObject::invokeMethod(this, [this, record] { deliver(record); });
        }
        stall.clear();
        raw.clear();
    };
    while (!m_stopping) {
        const double atMs = labNowMs();
        const ThreadSnapshot state = readThreadState(pid_t(m_pid), pid_t(m_pid));
        const PtraceSampler::Result result = sampler.sample(pid_t(m_pid), StopTimeoutMs);
        // Over only when the main thread is: a sample can fail while the program runs on.
        if (!PtraceSampler::isAlive(pid_t(m_pid), pid_t(m_pid))) {
            close(atMs, false);
            QMetaObject::invokeMethod(this, &AttachSession::programEnded);
            return;
        }
        StallSample sample;
        sample.atMs = atMs;
        sample.activity = state.activity;
        sample.reason = state.reason;
        sample.answered = result.outcome == PtraceSampler::Outcome::Captured;
        sample.truncated = result.truncated;
        // Naming frames can take long the first time (a module's symbols load): only a waiting
        // thread's stack is needed now, to tell its event loop's wait from another; a busy one is
        // named when its stall closes, so the samples keep their pace.
        if (state.activity == ThreadActivity::Waiting)
            symbolize(sample, result.frames);
        const bool idle = idleInEventLoop(state, sample.stack);
        {
            const std::lock_guard lock(m_countsMutex);
            ++m_counts.samples;
            m_counts.stacks += sample.answered;
            m_counts.busy += state.activity == ThreadActivity::Busy;
            m_counts.waiting += state.activity == ThreadActivity::Waiting && !idle;
            m_counts.idle += idle;
            m_counts.stoppedUs += result.stoppedUs;
            m_counts.maxStoppedUs = std::max(m_counts.maxStoppedUs, result.stoppedUs);
        }
        if (!idle) {
            stall.append(sample);
            raw.append(result.frames);
        } else {
            close(atMs, false);
        }
        const double nextMs = atMs + SampleIntervalMs;
        while (!m_stopping && labNowMs() < nextMs)
            usleep(useconds_t(std::max(100.0, (nextMs - labNowMs()) * 1000)));
    }
    close(labNowMs(), true); // still going: recorded up to now, as open
    sampler.release(1000);
}

void AttachSession::deliver(const StallRecord &record)
{
    StallRecord numbered = record;
    numbered.id = int(m_stalls.size()) + 1;
    m_stalls.append(numbered);
    emit stallRecorded(numbered);
}

void AttachSession::stop()
{
    if (m_finished)
        return;
    m_stopping = true;
    if (m_thread.joinable())
        m_thread.join();
    // Records the thread posted on its way out arrive before finish() runs.
    QMetaObject::invokeMethod(this, &AttachSession::finish, Qt::QueuedConnection);
}

void AttachSession::programEnded()
{
    m_programGone = true;
    stop();
}

void AttachSession::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_endMs = labNowMs();
    m_duration.stop();
    if (m_ping) {
        // A window that never answered is the "not responding" case: kept before the ping stops.
        m_pingUnansweredMs = m_ping->pendingMs();
        m_ping->stop();
    }
    emit finished(0);
}

double AttachSession::elapsedMs() const
{
    return (m_endMs > 0 ? m_endMs : labNowMs()) - m_startMs;
}

QString AttachSession::limitsText()
{
    return tr("Without the probe inside the program AsyncLab cannot know its event-loop lag "
              "between samples, which event or timer started a stall, or freezes shorter than "
              "about two samples (20 ms); start the program under asynclab watch for those.");
}

QJsonObject AttachSession::reportJson() const
{
    Counts counts;
    {
        const std::lock_guard lock(m_countsMutex);
        counts = m_counts;
    }
    double frozenMs = 0;
    double maxStallMs = 0;
    for (const StallRecord &record : m_stalls) {
        frozenMs += record.durationMs;
        maxStallMs = std::max(maxStallMs, record.durationMs);
    }
    QList<double> trips;
    for (const Ping &ping : m_pings)
        trips.append(ping.roundTripMs);
    const double share = counts.samples > 0 ? 1.0 / counts.samples : 0;
    QJsonObject ping {
        { u"window"_s, m_ping ? QJsonValue(qint64(m_ping->window())) : QJsonValue() },
        { u"answered"_s, int(m_pings.size()) },
        { u"medianMs"_s, median(trips) },
        { u"maxMs"_s, trips.isEmpty() ? 0.0 : *std::max_element(trips.cbegin(), trips.cend()) },
        { u"unansweredForMs"_s,
          m_finished ? m_pingUnansweredMs : (m_ping ? m_ping->pendingMs() : 0.0) },
        { u"note"_s, m_pingNote.isEmpty() ? QJsonValue() : QJsonValue(m_pingNote) }
    };
    QJsonObject json { { u"program"_s, m_program },
                       { u"pid"_s, m_pid },
                       { u"attached"_s, true },
                       { u"ended"_s, m_programGone ? u"programEnded"_s : u"detached"_s },
                       { u"watchedMs"_s, elapsedMs() },
                       { u"thresholdMs"_s, m_thresholdMs },
                       { u"samples"_s, counts.samples },
                       { u"stackSamples"_s, counts.stacks },
                       { u"stoppedUsPerSample"_s,
                         counts.samples > 0 ? counts.stoppedUs / counts.samples : 0.0 },
                       { u"maxStoppedUs"_s, counts.maxStoppedUs },
                       { u"busyShare"_s, counts.busy * share },
                       { u"waitingShare"_s, counts.waiting * share },
                       { u"idleShare"_s, counts.idle * share },
                       { u"stallsOverThreshold"_s, int(m_stalls.size()) },
                       { u"maxStallMs"_s, maxStallMs },
                       { u"frozenMs"_s, frozenMs },
                       { u"windowPing"_s, ping },
                       { u"notKnown"_s, limitsText() } };
    return StallReport::withStalls(json, m_stalls);
}

QString AttachSession::reportText() const
{
    const QJsonObject json = reportJson();
    QString text;
    const auto row = [&text](const QString &name, const QString &value) {
        text += u"%1%2\n"_s.arg(name, -16).arg(value);
    };
    const auto pc = [&json](const char *key) {
        return u"%1%"_s.arg(std::lround(json.value(QLatin1StringView(key)).toDouble() * 100));
    };
    row(tr("program"), tr("%1 (pid %2), attached").arg(m_program).arg(m_pid));
    row(tr("watch"),
        tr("%1, %2 stack samples, %3 stopped per sample (longest %4)")
                .arg(formatDuration(elapsedMs()))
                .arg(json.value(u"stackSamples"_s).toInt())
                .arg(formatDuration(json.value(u"stoppedUsPerSample"_s).toDouble() / 1000),
                     formatDuration(json.value(u"maxStoppedUs"_s).toDouble() / 1000)));
    row(tr("ended"), m_programGone ? tr("the program ended") : tr("detached; the program runs on"));
    row(tr("main thread"),
        tr("idle in its event loop %1, busy %2, waiting elsewhere %3")
                .arg(pc("idleShare"), pc("busyShare"), pc("waitingShare")));
    const QJsonObject ping = json.value(u"windowPing"_s).toObject();
    const double unansweredMs = ping.value(u"unansweredForMs"_s).toDouble();
    if (m_pingNote.isEmpty() && ping.value(u"answered"_s).toInt() == 0) {
        row(tr("window ping"),
            tr("no answer for %1: the window did not respond (_NET_WM_PING)")
                    .arg(formatDuration(unansweredMs)));
    } else if (m_pingNote.isEmpty()) {
        row(tr("window ping"),
            tr("%1 answers, median %2, longest %3 (_NET_WM_PING)")
                    .arg(ping.value(u"answered"_s).toInt())
                    .arg(formatDuration(ping.value(u"medianMs"_s).toDouble()),
                         formatDuration(ping.value(u"maxMs"_s).toDouble())));
        if (unansweredMs > m_thresholdMs)
            row(QString(),
                tr("the last ping was not answered for %1").arg(formatDuration(unansweredMs)));
    } else {
        row(tr("window ping"), tr("not measured: %1").arg(m_pingNote));
    }
    row(tr("stalls > %1").arg(formatDuration(m_thresholdMs)), QString::number(m_stalls.size()));
    row(tr("time frozen"), formatDuration(json.value(u"frozenMs"_s).toDouble()));
    for (const StallRecord &record : m_stalls) {
        text += tr("\nstall %1 at %2: %3, %4%5\n")
                        .arg(record.id)
                        .arg(formatDuration(record.startMs - m_startMs),
                             formatDuration(record.durationMs), record.activityText(),
                             record.open ? tr(", still going when AsyncLab detached") : QString());
        text += tr("  culprit  %1\n")
                        .arg(record.culprit.isKnown() ? record.culprit.location()
                                                      : tr("none in the program's own code"));
        text += StallReport::stackText(record.stack, 4);
    }
    text += u"\n"_s + limitsText() + u'\n';
    return text;
}

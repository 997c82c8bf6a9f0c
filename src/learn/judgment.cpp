#include <learn/judgment.h>
#include <learn/lesson.h>

#include <common/units.h>

#include <QCoreApplication>
#include <QList>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// A figure the judgment reads. A name the measurement lacks is a defect to be seen (tests fail on
// this warning), never a silent zero that makes a wrong choice right.
double figure(const QJsonObject &figures, const QString &name)
{
    if (!figures.contains(name))
        qWarning("a lesson reads the figure \"%s\", which its measurement lacks", qPrintable(name));
    return figures.value(name).toDouble();
}

// The delay this run used: the lesson's, unless the run was given another.
double delayOf(const Lesson &lesson, const QJsonObject &f)
{
    return f.value(u"delayMs"_s).toDouble(lesson.delayMs);
}

Judgment clear(int right, const QString &measured)
{
    return { Judgment::Verdict::Clear, right, measured, {} };
}

Judgment ambiguous(const QString &measured, const QString &note)
{
    return { Judgment::Verdict::Ambiguous, -1, measured, note };
}

// A freeze a person notices: the "long task" threshold.
constexpr double FeltMs = 50;

Judgment freezeLength(const Lesson &lesson, const QJsonObject &f)
{
    const double duration = figure(f, u"durationMs"_s);
    const double stall = figure(f, u"maxStallMs"_s);
    const QString measured =
            Judgment::tr("The fetch took %1; the heartbeat stopped for %2 at most.")
                    .arg(formatDuration(duration), formatDuration(stall));
    if (stall < FeltMs)
        return clear(0, measured);
    if (std::abs(stall - duration) <= 0.25 * duration && stall < 1.5 * delayOf(lesson, f))
        return clear(1, measured);
    if (stall >= 1.6 * delayOf(lesson, f))
        return clear(2, measured);
    return ambiguous(
            measured,
            Judgment::tr("The window froze for part of the fetch only: a busy machine can do "
                         "that. Run it again."));
}

Judgment asyncFetch(const Lesson &lesson, const QJsonObject &f)
{
    const double duration = figure(f, u"durationMs"_s);
    const double stall = figure(f, u"maxStallMs"_s);
    const QString measured =
            Judgment::tr("The fetch took %1; the longest freeze of the window was %2.")
                    .arg(formatDuration(duration), formatDuration(stall));
    if (duration < 0.5 * delayOf(lesson, f))
        return clear(0, measured);
    if (stall >= 0.75 * duration)
        return clear(2, measured);
    if (stall < FeltMs)
        return clear(1, measured);
    return ambiguous(
            measured,
            Judgment::tr("The window froze for %1, more than a person notices but far less than "
                         "the fetch: something else held the GUI thread. Run it again.")
                    .arg(formatDuration(stall)));
}

Judgment connectionLimit(const Lesson &lesson, const QJsonObject &f)
{
    const double total = figure(f, u"totalMs"_s);
    const int count = f.value(u"count"_s).toInt(lesson.count);
    const double rounds = total / std::max(1.0, delayOf(lesson, f));
    const QString measured =
            Judgment::tr("%1 fetches of %2 each took %3 in all: %4 times one fetch.")
                    .arg(count)
                    .arg(formatDuration(delayOf(lesson, f)), formatDuration(total),
                         QString::number(rounds, 'f', 1));
    // the choices: all at once, in rounds of six, one after another
    const QList<double> candidates = { 1, std::ceil(count / 6.0), double(count) };
    int nearest = 0;
    for (int i = 1; i < candidates.size(); ++i) {
        if (std::abs(std::log(rounds / candidates[i]))
            < std::abs(std::log(rounds / candidates[nearest])))
            nearest = i;
    }
    if (std::abs(std::log(rounds / candidates[nearest])) > std::log(1.35))
        return ambiguous(measured,
                         Judgment::tr("That is far from every choice: a busy machine, or a slow "
                                      "start. Run it again."));
    return clear(nearest, measured);
}

Judgment queuedTimer(const QJsonObject &f)
{
    const double late = figure(f, u"loop blocked: timer tick ms late"_s);
    const double handler = figure(f, u"long handler ms"_s);
    const QString measured = Judgment::tr("The tick due during the %1 handler ran %2 late.")
                                     .arg(formatDuration(handler), formatDuration(late));
    if (late < 20)
        return clear(0, measured);
    if (late >= 0.5 * handler && late <= 1.5 * handler)
        return clear(1, measured);
    if (late > 1.6 * handler)
        return clear(2, measured);
    return ambiguous(measured,
                     Judgment::tr("Late, but not by about the handler's length: a busy machine. "
                                  "Run it again."));
}

Judgment blockedThreads(const QJsonObject &f)
{
    const int blocked = int(figure(f, u"worker threads: threads blocked"_s));
    const int fetches = int(figure(f, u"worker threads: fetches"_s));
    const QString measured =
            Judgment::tr(
                    "At the peak, %1 worker threads sat blocked waiting for %2 fetches; the event "
                    "loop waited for them with %3.")
                    .arg(blocked)
                    .arg(fetches)
                    .arg(f.value(u"event loop: threads blocked"_s).toInt() == 0
                                 ? Judgment::tr("none")
                                 : Judgment::tr("some"));
    if (blocked == 0)
        return clear(0, measured);
    if (blocked == 1)
        return clear(1, measured);
    if (blocked >= 0.75 * fetches)
        return clear(2, measured);
    return ambiguous(measured,
                     Judgment::tr("Only some threads waited at once: the pool started them "
                                  "slower than the fetches ended. Run it again."));
}

Judgment busyOrWaiting(const QJsonObject &f)
{
    // No stall recorded: no stall figures.
    if (!f.contains(u"longestStallMs"_s) || figure(f, u"longestStallMs"_s) < FeltMs)
        return clear(2, Judgment::tr("No freeze over 50 ms was recorded."));
    const double stall = figure(f, u"longestStallMs"_s);
    // A thread ready to compute but queued for a CPU (a loaded machine) is busy, not waiting.
    const double queued = figure(f, u"cpuQueueShare"_s);
    const double busy = figure(f, u"busyShare"_s) + queued;
    const double waiting = figure(f, u"waitingShare"_s);
    QString measured =
            Judgment::tr("The longest freeze, %1: busy in %2% of its samples, waiting in %3%.")
                    .arg(formatDuration(stall))
                    .arg(qRound(busy * 100))
                    .arg(qRound(waiting * 100));
    if (queued >= 0.1)
        measured += u' '
                + Judgment::tr("In %1% the thread was ready to compute but queued for a CPU: the "
                               "machine "
                               "is busy.")
                          .arg(qRound(queued * 100));
    if (busy >= 0.7)
        return clear(0, measured);
    if (waiting >= 0.7)
        return clear(1, measured);
    return ambiguous(measured, Judgment::tr("Neither busy nor waiting in most samples."));
}

Judgment compareWallTimes(const Lesson &lesson, const QJsonObject &f)
{
    const double blocking = figure(f, u"blockingWallMs"_s);
    const double async = figure(f, u"asyncWallMs"_s);
    const double one = delayOf(lesson, f);
    const double all = one * f.value(u"count"_s).toInt(lesson.count);
    const QString measured =
            Judgment::tr("Blocking took %1, Async %2; one step waits %3.")
                    .arg(formatDuration(blocking), formatDuration(async), formatDuration(one));
    // each run either waited one step after another or all at once
    const auto serial = [all](double ms) { return ms >= 0.75 * all; };
    const auto together = [one](double ms) { return ms <= 2 * one; };
    if (serial(blocking) && serial(async))
        return clear(0, measured);
    if (serial(blocking) && together(async))
        return clear(1, measured);
    if (together(blocking) && together(async))
        return clear(2, measured);
    return ambiguous(measured,
                     Judgment::tr("A run took neither about one step nor about all of them."));
}

Judgment lostUpdates(const QJsonObject &f)
{
    const double lost = figure(f, u"unprotected: lost updates"_s);
    const int runs = f.value(u"runs per variant"_s).toInt();
    // Every thread adds its increments in every run: what a correct counter gains.
    const qint64 expected =
            qint64(figure(f, u"threads"_s)) * qint64(figure(f, u"increments per thread"_s)) * runs;
    const QString measured =
            Judgment::tr(
                    "Over %1 runs the unprotected counter lost %2 of its %3 updates; the counters "
                    "guarded by a QMutex and a std::atomic lost %4 and %5.")
                    .arg(runs)
                    .arg(countText(qint64(lost)), countText(expected),
                         countText(qint64(figure(f, u"QMutex: lost updates"_s))),
                         countText(qint64(figure(f, u"std::atomic: lost updates"_s))));
    if (lost > 0)
        return clear(1, measured);
    return ambiguous(measured,
                     Judgment::tr("The race happened not to race this time: the threads did not "
                                  "overlap. That does not make the code correct. Run it again."));
}

Judgment selfDeadlock(const QJsonObject &f)
{
    const bool detected = f.value(u"GUI thread waits on itself: detected"_s).toBool();
    const QString measured = detected
            ? Judgment::tr("The GUI thread waited until the %1 timeout gave up; the fixed "
                           "version had its result in %2.")
                      .arg(formatDuration(
                                   figure(f, u"GUI thread waits on itself: blocked at most ms"_s)),
                           formatDuration(figure(f, u"GUI thread, fixed: to result ms"_s)))
            : Judgment::tr("The result arrived: the wait did not deadlock.");
    return clear(detected ? 1 : 0, measured);
}

Judgment backpressure(const QJsonObject &f)
{
    const double mib = 1024 * 1024;
    const double stream = figure(f, u"stream bytes"_s) / mib;
    const double queued = figure(f, u"unbounded: peak queue bytes"_s) / mib;
    const QString measured =
            Judgment::tr(
                    "For a %1 MiB stream, the unbounded queue held up to %2 MiB (memory grew by %3 "
                    "MiB); the bounded one held up to %4 MiB (memory grew by %5 MiB).")
                    .arg(qRound(stream))
                    .arg(qRound(queued))
                    .arg(figure(f, u"unbounded: RSS growth MiB"_s))
                    .arg(figure(f, u"bounded: peak queue bytes"_s) / mib, 0, 'f', 1)
                    .arg(figure(f, u"bounded: RSS growth MiB"_s));
    if (queued < 0.05 * stream)
        return clear(0, measured);
    if (queued >= 0.25 * stream && queued <= 1.3 * stream)
        return clear(1, measured);
    if (queued > 1.6 * stream)
        return clear(2, measured);
    return ambiguous(measured,
                     Judgment::tr("The queue grew by part of the stream only: the consumer kept "
                                  "up better than usual. Run it again."));
}

Judgment culpritLine(const Lesson &lesson, const QJsonObject &f)
{
    const QString function = f.value(u"culpritFunction"_s).toString();
    if (function.isEmpty())
        return ambiguous(
                Judgment::tr("No freeze with a known culprit was recorded."),
                Judgment::tr("The program did not freeze, or its stack could not be read."));
    const double stall = figure(f, u"longestStallMs"_s);
    const QString measured = Judgment::tr("The longest freeze, %1, was in %2 (line %3).")
                                     .arg(formatDuration(stall), function)
                                     .arg(f.value(u"culpritLine"_s).toInt());
    for (int i = 0; i < lesson.codeLines.size(); ++i) {
        if (function == lesson.codeLines[i] || function.endsWith(u"::"_s + lesson.codeLines[i]))
            return clear(i, measured);
    }
    return ambiguous(measured, Judgment::tr("The freeze was in none of the lines offered."));
}
} // namespace

Judgment::Mark Judgment::mark(int chosen) const
{
    if (!isClear())
        return Mark::Ambiguous;
    return chosen == right ? Mark::Right : Mark::Wrong;
}

QString verdictName(Judgment::Verdict verdict)
{
    return verdict == Judgment::Verdict::Clear ? u"clear"_s : u"ambiguous"_s;
}

QString markName(Judgment::Mark mark)
{
    switch (mark) {
    case Judgment::Mark::Right:
        return u"right"_s;
    case Judgment::Mark::Wrong:
        return u"wrong"_s;
    case Judgment::Mark::Ambiguous:
        break;
    }
    return u"ambiguous"_s;
}

Judgment judge(const Lesson &lesson, const QJsonObject &figures)
{
    switch (lesson.judge) {
    case LessonJudge::FreezeLength:
        return freezeLength(lesson, figures);
    case LessonJudge::AsyncFetch:
        return asyncFetch(lesson, figures);
    case LessonJudge::ConnectionLimit:
        return connectionLimit(lesson, figures);
    case LessonJudge::QueuedTimer:
        return queuedTimer(figures);
    case LessonJudge::BlockedThreads:
        return blockedThreads(figures);
    case LessonJudge::BusyOrWaiting:
        return busyOrWaiting(figures);
    case LessonJudge::CompareWallTimes:
        return compareWallTimes(lesson, figures);
    case LessonJudge::LostUpdates:
        return lostUpdates(figures);
    case LessonJudge::SelfDeadlock:
        return selfDeadlock(figures);
    case LessonJudge::Backpressure:
        return backpressure(figures);
    case LessonJudge::CulpritLine:
        return culpritLine(lesson, figures);
    }
    return {};
}

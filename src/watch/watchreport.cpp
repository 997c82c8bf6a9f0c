#include <watch/watchreport.h>
#include <common/units.h>
#include <stalls/stallpatterns.h>
#include <stalls/stallreport.h>
#include <watch/watchsession.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaEnum>
#include <algorithm>
#include <cmath>
#include <cstring>

using namespace Qt::StringLiterals;

namespace {
QString percent(double share)
{
    return u"%1%"_s.arg(std::lround(share * 100));
}

template<typename E>
QString enumName(E value)
{
    const char *key = QMetaEnum::fromType<E>().valueToKey(int(value));
    QString name = QString::fromLatin1(key ? key : "");
    if (!name.isEmpty())
        name[0] = name[0].toLower(); // "DurationOver" -> "durationOver"
    return name;
}

// Repeated freezes with the same call path, most time first.
struct Group
{
    QString chain;
    QList<int> ids;
    double totalMs = 0;
};

// The figures both renderers show, computed once.
struct Figures
{
    QList<StallRecord> stalls; // after start-up, the open one included
    std::optional<StallRecord> startUp;
    QList<Group> groups;
    QHash<int, int> groupOf; // stall id -> index into groups
    LagStats lag;
    double maxStallMs = 0;
    double frozenMs = 0;
    double busyMs = 0;
    double waitingMs = 0;
    double cpuWaitMs = 0; // ready to run, kept off the CPU by other threads
    double sinceStartUpMs = 0; // the watched time after start-up

    explicit Figures(const WatchSession &session)
    {
        QList<StallRecord> all = session.stalls();
        if (const auto &open = session.openStall())
            all.append(*open);
        for (const StallRecord &record : std::as_const(all)) {
            if (record.startUp) {
                startUp = record;
                continue;
            }
            stalls.append(record);
            maxStallMs = std::max(maxStallMs, record.durationMs);
            frozenMs += record.durationMs;
            busyMs += record.busyShare * record.durationMs;
            waitingMs += record.waitingShare * record.durationMs;
            cpuWaitMs += record.cpuWaitSampleShare * record.durationMs;
            const QString chain = record.stack.isEmpty()
                    ? WatchReport::tr("(no stack)")
                    : callChainText(record.stack, record.culprit);
            auto it = std::find_if(groups.begin(), groups.end(),
                                   [&](const Group &g) { return g.chain == chain; });
            if (it == groups.end())
                it = groups.insert(groups.end(), Group { chain, {}, 0 });
            it->ids.append(record.id);
            it->totalMs += record.durationMs;
        }
        std::stable_sort(groups.begin(), groups.end(),
                         [](const Group &a, const Group &b) { return a.totalMs > b.totalMs; });
        for (qsizetype i = 0; i < groups.size(); ++i) {
            for (int id : groups.at(i).ids)
                groupOf.insert(id, int(i));
        }
        const double fromMs = startUp ? startUp->endMs() : session.startMs();
        lag = session.lag()->statsBetween(fromMs, session.endMs());
        sinceStartUpMs = std::max(0.0, session.endMs() - fromMs);
    }
};

// The innermost named frame outside the C library: where a stall without a culprit was.
const StackFrame *insideFrame(const StallRecord &record)
{
    if (record.culprit.isKnown())
        return nullptr;
    for (const StackFrame &frame : record.stack) {
        if (!frame.function.isEmpty() && !frame.module.startsWith(u"libc.so"_s))
            return &frame;
    }
    return nullptr;
}

// Each distinct stack once; stalls and paths refer to it by index.
class StackTable
{
public:
    int indexOf(const Stack &stack)
    {
        if (stack.isEmpty())
            return -1;
        QString key;
        for (const StackFrame &frame : stack)
            key += u"%1|%2|%3|%4\n"_s.arg(frame.function, frame.file)
                           .arg(frame.line)
                           .arg(frame.offset);
        if (const auto it = m_index.constFind(key); it != m_index.cend())
            return *it;
        QJsonArray frames;
        for (const StackFrame &frame : stack)
            frames.append(StallReport::frameJson(frame));
        m_stacks.append(frames);
        m_index.insert(key, int(m_stacks.size()) - 1);
        return int(m_stacks.size()) - 1;
    }
    QJsonArray stacks() const { return m_stacks; }

private:
    QJsonArray m_stacks;
    QHash<QString, int> m_index;
};

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonObject stallJson(const StallRecord &record, const WatchSession &session,
                      const Figures &figures, StackTable &stacks)
{
    QJsonArray paths;
    for (const StallPath &path : record.paths) {
        paths.append(QJsonObject { { u"stack"_s, stacks.indexOf(path.stack) },
                                   { u"samples"_s, path.samples },
                                   { u"share"_s, path.share },
                                   { u"activity"_s, path.activityText() } });
    }
    QJsonValue culprit;
    if (record.culprit.isKnown()) {
        culprit =
                QJsonObject { { u"function"_s, record.culprit.function },
                              { u"file"_s, orNull(record.culprit.file) },
                              { u"line"_s, record.culprit.line },
                              { u"module"_s, orNull(record.culprit.module) },
                              { u"call"_s, orNull(record.culprit.call) },
                              { u"callers"_s, QJsonArray::fromStringList(record.culprit.callers) },
                              { u"share"_s, record.culprit.share } };
    }
    QJsonArray python;
    for (const StackFrame &frame : record.pythonStack)
        python.append(StallReport::frameJson(frame));
    QJsonValue pattern;
    if (!record.pattern.isEmpty()) {
        pattern = QJsonObject { { u"id"_s, record.pattern },
                                { u"what"_s, StallPatterns::what(record.pattern) },
                                { u"advice"_s, StallPatterns::advice(record.pattern) },
                                { u"demo"_s, orNull(StallPatterns::demo(record.pattern)) } };
    }
    const StackFrame *inside = insideFrame(record);
    const int stack = stacks.indexOf(record.stack);
    return {
        { u"id"_s, record.id },
        { u"startMs"_s, record.startMs - session.startMs() },
        { u"startSteadyClockMs"_s, record.startMs },
        { u"durationMs"_s, record.durationMs },
        { u"open"_s, record.open },
        { u"startUp"_s, record.startUp },
        { u"samples"_s, record.sampleCount },
        { u"noSample"_s, record.unansweredCount },
        { u"truncatedStacks"_s, record.truncatedCount },
        { u"busyShare"_s, record.busyShare },
        { u"waitingShare"_s, record.waitingShare },
        { u"cpuWaitShare"_s,
          record.cpuWaitShare >= 0 ? QJsonValue(record.cpuWaitShare) : QJsonValue() },
        { u"cause"_s, record.isCpuStarved() ? u"cpu"_s : u"code"_s },
        { u"waitingOn"_s,
          record.waitingShare > 0 ? QJsonValue(waitReasonName(record.mainWait)) : QJsonValue() },
        { u"activity"_s, record.activityText() },
        { u"culprit"_s, culprit },
        { u"inside"_s, inside ? QJsonValue(inside->location()) : QJsonValue() },
        { u"stack"_s, stack >= 0 ? QJsonValue(stack) : QJsonValue() },
        { u"paths"_s, paths },
        { u"group"_s,
          figures.groupOf.contains(record.id) ? QJsonValue(figures.groupOf[record.id])
                                              : QJsonValue() },
        { u"event"_s, orNull(record.event) },
        { u"handler"_s, QJsonArray::fromStringList(record.handler) },
        { u"pythonStack"_s, python },
        { u"pattern"_s, pattern },
    };
}

QString endText(const WatchSession &session)
{
    switch (session.end()) {
    case WatchSession::End::Exited:
        return WatchReport::tr("exited with status %1").arg(session.exitStatus());
    case WatchSession::End::Crashed:
        return WatchReport::tr("killed by signal %1 (%2)")
                .arg(session.programSignal())
                .arg(QString::fromLocal8Bit(strsignal(session.programSignal())));
    case WatchSession::End::DurationOver:
        return WatchReport::tr("stopped by AsyncLab at the end of the duration");
    case WatchSession::End::Interrupted:
        return WatchReport::tr("stopped by AsyncLab, which got signal %1 (%2); exit status %3")
                .arg(session.receivedSignal())
                .arg(QString::fromLocal8Bit(strsignal(session.receivedSignal())))
                .arg(session.exitStatus());
    case WatchSession::End::Closed:
        return WatchReport::tr("stopped when the Watch window was closed");
    case WatchSession::End::FailedToStart:
        return WatchReport::tr("did not start");
    case WatchSession::End::Running:
        break;
    }
    return WatchReport::tr("still running");
}

QString stallHeading(const StallRecord &record, const WatchSession &session)
{
    const QString at = formatDuration(record.startMs - session.startMs());
    if (record.open) {
        return WatchReport::tr("still going when the watch ended, from %1: %2 so far, %3")
                .arg(at, formatDuration(record.durationMs), record.activityText());
    }
    return WatchReport::tr("at %1: %2, %3")
            .arg(at, formatDuration(record.durationMs), record.activityText());
}

// The lines under a stall's heading: culprit (or where it was), its call paths, and with Full
// the representative stack.
QString stallLines(const StallRecord &record, WatchReport::Stacks stacks)
{
    QString text;
    if (record.culprit.isKnown()) {
        text += WatchReport::tr("  culprit  %1\n")
                        .arg(record.culprit.sentence(record.waitingShare > record.busyShare));
    } else if (record.isCpuStarved()) {
        text += WatchReport::tr("  culprit  none: %1\n").arg(record.cpuCauseText());
    } else {
        text += WatchReport::tr("  culprit  none: %1\n").arg(record.notOwnText());
    }
    if (!record.handler.isEmpty())
        text += WatchReport::tr("  handler  %1\n").arg(record.handlerText());
    if (!record.pattern.isEmpty())
        text += WatchReport::tr("  why      %1\n").arg(StallPatterns::sentence(record.pattern));
    if (!record.pythonStack.isEmpty()) {
        QStringList python;
        for (const StackFrame &frame : record.pythonStack) {
            if (python.size() == 4)
                break;
            python.append(frame.location());
        }
        text += WatchReport::tr("  python   %1\n").arg(python.join(u" \u2190 "_s));
    }
    if (const StackFrame *inside = insideFrame(record))
        text += WatchReport::tr("  inside   %1\n").arg(inside->location());
    if (record.sampleCount > 0 && record.unansweredCount == record.sampleCount)
        text += WatchReport::tr("  stack    none: no sample answered\n");
    // Paths that differ only below the four frames shown read as one line, their shares summed.
    QList<std::pair<QString, double>> lines;
    for (const StallPath &path : record.paths) {
        const QString line = WatchReport::tr("%1: %2").arg(
                path.activityText(), callChainText(path.stack, record.culprit, 4));
        auto it = std::find_if(lines.begin(), lines.end(),
                               [&line](const auto &seen) { return seen.first == line; });
        if (it == lines.end())
            lines.append({ line, path.share });
        else
            it->second += path.share;
    }
    for (const auto &[line, share] : std::as_const(lines)) {
        text += WatchReport::tr("  path     %1 of %2 samples, %3\n")
                        .arg(percent(share))
                        .arg(record.sampleCount - record.unansweredCount)
                        .arg(line);
    }
    if (stacks == WatchReport::Stacks::Full && !record.paths.isEmpty()) {
        text += WatchReport::tr("  stack of the most common path:\n");
        text += StallReport::stackText(record.stack, 4);
    }
    return text;
}
} // namespace

QJsonObject WatchReport::json() const
{
    const WatchSession &s = m_session;
    const Figures figures(s);
    StackTable stacks;
    QJsonArray stalls;
    for (const StallRecord &record : figures.stalls)
        stalls.append(stallJson(record, s, figures, stacks));
    QJsonArray groups;
    for (const Group &group : figures.groups) {
        QJsonArray ids;
        for (int id : group.ids)
            ids.append(id);
        groups.append(QJsonObject { { u"chain"_s, group.chain },
                                    { u"count"_s, ids.size() },
                                    { u"totalMs"_s, group.totalMs },
                                    { u"stalls"_s, ids } });
    }
    const QJsonValue startUp = figures.startUp
            ? QJsonValue(stallJson(*figures.startUp, s, figures, stacks))
            : QJsonValue();
    const bool watched = s.probe() == WatchSession::Probe::Running;
    return {
        { u"program"_s, s.program() },
        { u"arguments"_s, QJsonArray::fromStringList(s.arguments()) },
        { u"pid"_s, s.pid() },
        { u"qt"_s, orNull(s.qtVersion()) },
        { u"probe"_s, enumName(s.probe()) },
        { u"message"_s, orNull(s.probeMessage()) },
        { u"sampling"_s, orNull(s.samplingMessage()) },
        { u"ended"_s, enumName(s.end()) },
        { u"endedText"_s, endText(s) },
        { u"exitStatus"_s, s.exitStatus() },
        { u"signal"_s, s.programSignal() > 0 ? QJsonValue(s.programSignal()) : QJsonValue() },
        { u"asynclabSignal"_s,
          s.receivedSignal() > 0 ? QJsonValue(s.receivedSignal()) : QJsonValue() },
        { u"lastLine"_s, orNull(s.lastOutputLine()) },
        { u"startedAtUtc"_s, s.startedAt().toString(Qt::ISODateWithMs) },
        { u"startSteadyClockMs"_s, s.startMs() },
        { u"watchedMs"_s, s.elapsedMs() },
        { u"thresholdMs"_s, s.thresholdMs() },
        { u"startUp"_s, startUp },
        { u"stallCount"_s, watched ? QJsonValue(stalls.size()) : QJsonValue() },
        { u"maxStallMs"_s, figures.maxStallMs },
        { u"frozenMs"_s, figures.frozenMs },
        { u"sinceStartUpMs"_s, figures.sinceStartUpMs },
        { u"frozenShare"_s,
          figures.sinceStartUpMs > 0 ? figures.frozenMs / figures.sinceStartUpMs : 0.0 },
        { u"busyShare"_s, figures.frozenMs > 0 ? figures.busyMs / figures.frozenMs : 0.0 },
        { u"waitingShare"_s, figures.frozenMs > 0 ? figures.waitingMs / figures.frozenMs : 0.0 },
        { u"cpuWaitShare"_s, figures.frozenMs > 0 ? figures.cpuWaitMs / figures.frozenMs : 0.0 },
        { u"lagTicks"_s, figures.lag.samples },
        { u"p99LagMs"_s, figures.lag.p99LagMs },
        { u"droppedSamples"_s, s.droppedSamples() },
        { u"stalls"_s, stalls },
        { u"groups"_s, groups },
        { u"stacks"_s, stacks.stacks() },
    };
}

QByteArray WatchReport::bytes(Format format, Stacks stacks) const
{
    return format == Format::Json ? QJsonDocument(json()).toJson() : text(stacks).toUtf8();
}

QString WatchReport::summaryLine() const
{
    const Figures figures(m_session);
    const double frozenMs = std::max(1.0, figures.frozenMs);
    return tr("stalls > %1: %2   max %3   frozen %4 of %5 (%6)   busy %7 / waiting %8 / "
              "waiting for a CPU %9")
            .arg(formatDuration(m_session.thresholdMs()))
            .arg(figures.stalls.size())
            .arg(formatDuration(figures.maxStallMs), formatDuration(figures.frozenMs),
                 formatDuration(figures.sinceStartUpMs),
                 percent(figures.sinceStartUpMs > 0 ? figures.frozenMs / figures.sinceStartUpMs
                                                    : 0),
                 percent(figures.busyMs / frozenMs), percent(figures.waitingMs / frozenMs),
                 percent(figures.cpuWaitMs / frozenMs));
}

QString WatchReport::text(Stacks stackDetail) const
{
    const WatchSession &s = m_session;
    QString text;
    const auto row = [&text](const QString &name, const QString &value) {
        text += u"%1%2\n"_s.arg(name, -16).arg(value);
    };
    row(tr("program"), (QStringList { s.program() } + s.arguments()).join(u' '));
    if (!s.probeMessage().isEmpty())
        row(tr("watch"), s.probeMessage());
    else
        row(tr("watch"),
            tr("pid %1, Qt %2, %3").arg(s.pid()).arg(s.qtVersion(), formatDuration(s.elapsedMs())));
    row(tr("ended"), endText(s));
    if (s.probe() != WatchSession::Probe::Running)
        return text;
    if (!s.samplingMessage().isEmpty())
        row(tr("sampling"), tr("no stacks: %1").arg(s.samplingMessage()));
    const Figures figures(s);
    if (figures.startUp) {
        const StallRecord &up = *figures.startUp;
        const QString where = up.culprit.isKnown()
                ? up.culprit.location()
                : (up.stack.isEmpty() ? tr("no stack") : callChainText(up.stack, {}));
        row(tr("start-up"),
            tr("%1 before the event loop first ran%2: %3, %4")
                    .arg(formatDuration(up.durationMs), up.open ? tr(" (it never ran)") : QString(),
                         where, up.activityText()));
    }
    row(tr("stalls > %1").arg(formatDuration(s.thresholdMs())),
        QString::number(figures.stalls.size()));
    row(tr("max stall"), formatDuration(figures.maxStallMs));
    row(tr("time frozen"),
        tr("%1 of %2 after start-up (%3)")
                .arg(formatDuration(figures.frozenMs), formatDuration(figures.sinceStartUpMs),
                     percent(figures.sinceStartUpMs > 0 ? figures.frozenMs / figures.sinceStartUpMs
                                                        : 0)));
    if (!figures.stalls.isEmpty()) {
        const double frozenMs = std::max(1.0, figures.frozenMs);
        row(tr("busy / waiting"),
            tr("%1 / %2 (and %3 ready to run, waiting for a CPU that other threads held)")
                    .arg(percent(figures.busyMs / frozenMs), percent(figures.waitingMs / frozenMs),
                         percent(figures.cpuWaitMs / frozenMs)));
    }
    // A percentile of ticks is not a share of time: a freeze of seconds is one late tick among
    // thousands, so the p99 can be small beside a long time frozen.
    row(tr("p99 lag"),
        tr("%1 over %2 timer ticks (a freeze is one late tick: see time frozen)")
                .arg(formatDuration(figures.lag.p99LagMs))
                .arg(figures.lag.samples));
    // Only when some freeze repeats: one group per stall says nothing the stalls do not.
    if (std::any_of(figures.groups.cbegin(), figures.groups.cend(),
                    [](const Group &g) { return g.ids.size() > 1; })) {
        text += tr("\nby call path\n");
        for (const Group &group : figures.groups) {
            text += tr("  %1×  %2  %3\n")
                            .arg(group.ids.size(), 3)
                            .arg(formatDuration(group.totalMs), -8)
                            .arg(group.chain);
        }
    }
    for (const StallRecord &record : figures.stalls) {
        text += tr("\nstall %1 %2\n").arg(record.id).arg(stallHeading(record, s));
        text += stallLines(record, stackDetail);
    }
    return text;
}

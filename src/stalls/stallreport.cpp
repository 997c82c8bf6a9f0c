#include <stalls/stallreport.h>
#include <stalls/responsivenessmonitor.h>
#include <stalls/eventtiming.h>
#include <common/oneline.h>
#include <common/units.h>
#include <stalls/stallpatterns.h>
#include <stalls/stallwatchdog.h>

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace StallReport {

const StallRecord *longestStall(const QList<StallRecord> &stalls)
{
    const StallRecord *longest = nullptr;
    for (const StallRecord &record : stalls) {
        if (!longest || record.durationMs > longest->durationMs)
            longest = &record;
    }
    return longest;
}

QJsonObject frameJson(const StackFrame &frame)
{
    const auto text = [](const QString &value) {
        return value.isEmpty() ? QJsonValue() : QJsonValue(value);
    };
    return { { u"function"_s, text(frame.function) },
             { u"file"_s, text(frame.file) },
             { u"line"_s, frame.file.isEmpty() ? QJsonValue() : QJsonValue(frame.line) },
             { u"module"_s, text(frame.module) },
             { u"offset"_s,
               frame.module.isEmpty() ? QJsonValue()
                                      : QJsonValue(u"0x%1"_s.arg(frame.offset, 0, 16)) },
             { u"buildId"_s, text(frame.buildId) },
             { u"own"_s, frame.own },
             { u"inlined"_s, frame.inlined } };
}

namespace {
QJsonArray framesJson(const Stack &frames)
{
    QJsonArray array;
    for (const StackFrame &frame : frames)
        array.append(frameJson(frame));
    return array;
}
} // namespace

QJsonObject stallJson(const StallRecord &record)
{
    const QJsonArray stack = framesJson(record.stack);
    QJsonObject json {
        { u"id"_s, record.id },
        { u"startMs"_s, record.startMs },
        { u"durationMs"_s, record.durationMs },
        { u"samples"_s, record.sampleCount },
        { u"noSample"_s, record.unansweredCount },
        { u"truncatedStacks"_s, record.truncatedCount },
        { u"busyShare"_s, record.busyShare },
        { u"waitingShare"_s, record.waitingShare },
        { u"cpuWaitSampleShare"_s, record.cpuWaitSampleShare },
        { u"cpuWaitShare"_s,
          record.cpuWaitShare >= 0 ? QJsonValue(record.cpuWaitShare) : QJsonValue() },
        { u"cpuRunMs"_s, record.cpuRunMs >= 0 ? QJsonValue(record.cpuRunMs) : QJsonValue() },
        // "cpu": the machine had no CPU to give; "code": the thread computed or waited
        { u"cause"_s, record.isCpuStarved() ? u"cpu"_s : u"code"_s },
        { u"waitingOn"_s,
          record.waitingShare > 0 ? QJsonValue(waitReasonKey(record.mainWait)) : QJsonValue() },
        { u"event"_s, record.event.isEmpty() ? QJsonValue() : QJsonValue(record.event) },
        { u"stack"_s, stack },
    };
    if (record.culprit.isKnown()) {
        const StallCulprit &c = record.culprit;
        json.insert(
                u"culprit"_s,
                QJsonObject { { u"function"_s, c.function },
                              { u"file"_s, c.file },
                              { u"line"_s, c.line },
                              { u"module"_s, c.module },
                              { u"call"_s, c.call.isEmpty() ? QJsonValue() : QJsonValue(c.call) },
                              { u"callers"_s, QJsonArray::fromStringList(c.callers) },
                              { u"share"_s, c.share } });
    } else {
        json.insert(u"culprit"_s, QJsonValue());
    }
    // The handlers it froze in, outermost first: event, signal, slot or the function called.
    json.insert(u"handler"_s, QJsonArray::fromStringList(record.handler));
    if (!record.pythonStack.isEmpty())
        json.insert(u"pythonStack"_s, framesJson(record.pythonStack));
    if (!record.pattern.isEmpty()) {
        json.insert(u"pattern"_s,
                    QJsonObject { { u"id"_s, record.pattern },
                                  { u"what"_s, StallPatterns::what(record.pattern) },
                                  { u"advice"_s, StallPatterns::advice(record.pattern) },
                                  { u"demo"_s, StallPatterns::demo(record.pattern) } });
    } else {
        json.insert(u"pattern"_s, QJsonValue());
    }
    return json;
}

QJsonObject withStalls(QJsonObject json, const QList<StallRecord> &stalls)
{
    QJsonArray array;
    for (const StallRecord &record : stalls)
        array.append(stallJson(record));
    json.insert(u"stalls"_s, array);
    const StallRecord *longest = longestStall(stalls);
    json.insert(u"longestStall"_s, longest ? QJsonValue(longest->id) : QJsonValue());
    return json;
}

QString culpritDescription(const QList<StallRecord> &stalls)
{
    const StallRecord *longest = longestStall(stalls);
    if (!longest)
        return QCoreApplication::translate("StallReport", "none: no freeze was recorded");
    if (longest->sampleCount == 0) {
        return QCoreApplication::translate("StallReport",
                                           "not known: the %1 freeze ended before its stack "
                                           "was sampled")
                .arg(formatDuration(longest->durationMs));
    }
    if (longest->isCpuStarved()) {
        return QCoreApplication::translate("StallReport", "none in AsyncLab: %1, %2 freeze")
                .arg(longest->cpuCauseText(), formatDuration(longest->durationMs));
    }
    const QString where = longest->culprit.isKnown()
            ? longest->culprit.location()
            : QCoreApplication::translate("StallReport", "%1 (%2)")
                      .arg(longest->notOwnText(),
                           longest->stack.isEmpty()
                                   ? QCoreApplication::translate("StallReport", "no stack")
                                   : longest->stack.first().location());
    if (longest->event.isEmpty()) {
        return QCoreApplication::translate("StallReport", "%1, %2, %3 freeze")
                .arg(where, longest->activityText(), formatDuration(longest->durationMs));
    }
    return QCoreApplication::translate("StallReport", "%1, %2, %3 freeze, during %4")
            .arg(where, longest->activityText(), formatDuration(longest->durationMs),
                 longest->event);
}

QString topCulpritText(const QList<StallRecord> &stalls)
{
    const StallRecord *longest = longestStall(stalls);
    if (!longest) {
        return QCoreApplication::translate("StallReport", "no freeze over %1")
                .arg(formatDuration(StallWatchdog::DefaultThresholdMs));
    }
    const QString duration = formatDuration(longest->durationMs);
    if (longest->sampleCount == 0) {
        return QCoreApplication::translate("StallReport",
                                           "the longest freeze, %1, too short to see where")
                .arg(duration);
    }
    if (longest->isCpuStarved()) {
        return QCoreApplication::translate(
                       "StallReport",
                       "the longest freeze, %1, waiting for a CPU: other programs were running")
                .arg(duration);
    }
    const QString where = longest->culprit.isKnown()
            ? longest->culprit.location()
            : QCoreApplication::translate("StallReport", "code outside AsyncLab");
    if (longest->busyShare >= longest->waitingShare) {
        return QCoreApplication::translate("StallReport", "the longest freeze, %1, busy in %2")
                .arg(duration, where);
    }
    return QCoreApplication::translate("StallReport", "the longest freeze, %1, waiting in %2")
            .arg(duration, where);
}

QString stackText(const QList<StackFrame> &stack, int indent)
{
    QString text;
    for (const StackFrame &frame : stack) {
        text += QString(indent, u' ') + (frame.own ? u"> "_s : u"  "_s) + frame.location() + u'\n';
    }
    return text;
}

QList<StallRecord> stallsDuring(const ResponsivenessMonitor &monitor,
                                const QList<StallRecord> &recorded, double fromMs, double toMs)
{
    QList<StallRecord> stalls;
    QList<bool> used(recorded.size(), false);
    for (const LagSample &s : monitor.stallsDuring(fromMs, toMs)) {
        const double startMs = s.atMs - s.lagMs;
        StallRecord stall;
        stall.startMs = startMs;
        stall.durationMs = s.lagMs;
        for (qsizetype i = 0; i < recorded.size(); ++i) {
            const StallRecord &r = recorded.at(i);
            if (!used.at(i) && r.startMs < s.atMs && r.endMs() > startMs) {
                used[i] = true;
                stall = r;
                // the thread's own measure of the freeze, as the count has it
                stall.startMs = startMs;
                stall.durationMs = s.lagMs;
                break;
            }
        }
        const EventTiming *timing = EventTiming::instance();
        if (stall.sampleCount == 0 && timing) {
            stall.event = timing->eventDuring(stall.startMs, stall.endMs());
            stall.eventsTimed = true;
        }
        stalls.append(stall);
    }
    return stalls;
}

QString culpritText(const QList<StallRecord> &stalls)
{
    return u"%1 %2\n"_s.arg(QCoreApplication::translate("StallReport", "culprit"), -10)
            .arg(culpritDescription(stalls));
}
} // namespace StallReport

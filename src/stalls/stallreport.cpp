#include <stalls/stallreport.h>
#include <common/oneline.h>
#include <common/units.h>
#include <stalls/stallwatchdog.h>

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

QJsonObject stallJson(const StallRecord &record)
{
    QJsonArray stack;
    for (const StackFrame &frame : record.stack) {
        QJsonObject json { { u"function"_s, frame.function }, { u"own"_s, frame.own } };
        if (!frame.file.isEmpty()) {
            json.insert(u"file"_s, frame.file);
            json.insert(u"line"_s, frame.line);
        }
        if (!frame.module.isEmpty())
            json.insert(u"module"_s, frame.module);
        if (frame.inlined)
            json.insert(u"inlined"_s, true);
        stack.append(json);
    }
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
          record.waitingShare > 0 ? QJsonValue(waitReasonName(record.mainWait)) : QJsonValue() },
        { u"event"_s, record.event.isEmpty() ? QJsonValue() : QJsonValue(record.event) },
        { u"stack"_s, stack },
    };
    if (record.culprit.isKnown()) {
        json.insert(u"culprit"_s,
                    QJsonObject { { u"function"_s, record.culprit.function },
                                  { u"file"_s, record.culprit.file },
                                  { u"line"_s, record.culprit.line },
                                  { u"share"_s, record.culprit.share } });
    } else {
        json.insert(u"culprit"_s, QJsonValue());
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
        return u"none: no freeze was recorded"_s;
    if (longest->isCpuStarved()) {
        return u"none in AsyncLab: %1, %2 freeze"_s.arg(longest->cpuCauseText(),
                                                        formatDuration(longest->durationMs));
    }
    QString text = longest->culprit.isKnown()
            ? longest->culprit.location()
            : u"not in AsyncLab's code (%1)"_s.arg(
                    longest->stack.isEmpty() ? u"no stack"_s : longest->stack.first().location());
    text += u", %1, %2 freeze"_s.arg(longest->activityText(), formatDuration(longest->durationMs));
    if (!longest->event.isEmpty())
        text += u", during "_s + longest->event;
    return text;
}

QString topCulpritText(const QList<StallRecord> &stalls)
{
    const StallRecord *longest = longestStall(stalls);
    if (!longest)
        return u"no freeze over %1"_s.arg(formatDuration(StallWatchdog::DefaultThresholdMs));
    if (longest->isCpuStarved()) {
        return u"the longest freeze, %1, waiting for a CPU: other programs were running"_s.arg(
                formatDuration(longest->durationMs));
    }
    const QString doing = longest->busyShare >= longest->waitingShare ? u"busy"_s : u"waiting"_s;
    const QString where =
            longest->culprit.isKnown() ? longest->culprit.location() : u"code outside AsyncLab"_s;
    return u"the longest freeze, %1, %2 in %3"_s.arg(formatDuration(longest->durationMs), doing,
                                                     where);
}

QString culpritText(const QList<StallRecord> &stalls)
{
    return u"%1 %2\n"_s.arg(u"culprit"_s, -10).arg(culpritDescription(stalls));
}
} // namespace StallReport

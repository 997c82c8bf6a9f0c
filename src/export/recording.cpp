#include <export/recording.h>
#include <export/chrometrace.h>
#include <export/speedscopeprofile.h>
#include <common/units.h>

#include <QJsonArray>
#include <QMap>

using namespace Qt::StringLiterals;

namespace {
QJsonObject stallArgs(const StallRecord &record)
{
    QJsonArray stack;
    for (const StackFrame &frame : record.stack)
        stack.append(frame.location());
    return { { u"id"_s, record.id },
             { u"durationMs"_s, record.durationMs },
             { u"culprit"_s, record.culprit.isKnown() ? record.culprit.location() : QString() },
             { u"handler"_s, record.event.isEmpty() ? QJsonValue() : QJsonValue(record.event) },
             { u"activity"_s, record.activityText() },
             { u"busyShare"_s, record.busyShare },
             { u"waitingShare"_s, record.waitingShare },
             { u"samples"_s, record.sampleCount },
             { u"open"_s, record.open },
             { u"stack"_s, stack } };
}

QJsonObject operationArgs(const OperationRecord &record)
{
    return { { u"id"_s, record.id },
             { u"mode"_s, runModeName(record.mode) },
             { u"status"_s, operationStatusName(record.status) },
             { u"maxStallMs"_s, record.maxStallMs },
             { u"culprit"_s, record.culprit } };
}
} // namespace

QString stallTitle(const StallRecord &record)
{
    const QString duration = formatDuration(record.durationMs);
    return record.culprit.isKnown() ? u"stall %1 in %2"_s.arg(duration, record.culprit.function)
                                    : u"stall %1"_s.arg(duration);
}

void Recording::takeLag(const ResponsivenessMonitor &monitor)
{
    lag.clear();
    for (const LagSample &sample : monitor.samples()) {
        if (sample.atMs >= originMs && (endMs <= 0 || sample.atMs <= endMs))
            lag.append(sample);
    }
}

ChromeTrace Recording::trace() const
{
    ChromeTrace trace(originMs);
    trace.setProcess(pid, processName);
    trace.addThread(mainTid, mainThreadName);
    for (const StallRecord &record : stalls) {
        trace.addComplete(mainTid, stallTitle(record), u"stall"_s, record.startMs,
                          record.durationMs, stallArgs(record));
    }
    for (const TimedEvent &event : longEvents) {
        trace.addComplete(mainTid, event.description(), u"event"_s, event.startMs,
                          event.durationMs);
    }
    for (const LagSample &sample : lag)
        trace.addCounter(mainTid, lagName, sample.atMs, { { u"lag"_s, sample.lagMs } });
    if (operations.isEmpty())
        return trace;
    const qint64 operationsTid = trace.freeTid();
    trace.addThread(operationsTid, u"operations"_s);
    QMap<LaneId, qint64> lanes { { LaneId {}, mainTid } };
    for (const OperationRecord &record : operations) {
        const double finishedMs = record.endMs > 0 ? record.endMs : endMs; // or still running
        trace.addComplete(
                operationsTid, u"%1 %2"_s.arg(operationKindName(record.kind), record.target),
                u"operation"_s, record.startMs, finishedMs - record.startMs, operationArgs(record));
        for (const ThreadSpan &span : record.spans) {
            if (!lanes.contains(span.lane)) {
                lanes.insert(span.lane, trace.freeTid());
                trace.addThread(lanes.value(span.lane), span.lane.name());
            }
            trace.addComplete(lanes.value(span.lane), spanKindName(span.kind), u"span"_s,
                              span.startMs, span.endMs - span.startMs,
                              { { u"operation"_s, record.id } });
        }
    }
    return trace;
}

SpeedscopeProfile Recording::profile() const
{
    SpeedscopeProfile profile(processName);
    for (const StallRecord &record : stalls) {
        profile.beginProfile(stallTitle(record), record.startMs - originMs,
                             record.endMs() - originMs);
        // Its most common call paths, each weighted by its share of the stall's samples; a
        // record without paths keeps one representative stack for the whole stall.
        if (record.paths.isEmpty())
            profile.addSample(record.stack, record.durationMs);
        for (const StallPath &path : record.paths)
            profile.addSample(path.stack, path.share * record.durationMs);
    }
    return profile;
}

bool Recording::save(const QString &tracePath, const QString &profilePath, QString *error) const
{
    if (!tracePath.isEmpty() && !trace().save(tracePath, error))
        return false;
    return profilePath.isEmpty() || profile().save(profilePath, error);
}

#include <stalls/watchprotocol.h>

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace WatchProtocol {
namespace {
QByteArray line(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact) + '\n';
}

QJsonObject frameToJson(const StackFrame &frame)
{
    return { { u"address"_s, QString::number(frame.address, 16) },
             { u"function"_s, frame.function },
             { u"file"_s, frame.file },
             { u"path"_s, frame.path },
             { u"line"_s, frame.line },
             { u"module"_s, frame.module },
             { u"own"_s, frame.own },
             { u"inlined"_s, frame.inlined } };
}

StackFrame frameFromJson(const QJsonObject &json)
{
    StackFrame frame;
    frame.address = json.value(u"address"_s).toString().toULongLong(nullptr, 16);
    frame.function = json.value(u"function"_s).toString();
    frame.file = json.value(u"file"_s).toString();
    frame.path = json.value(u"path"_s).toString();
    frame.line = json.value(u"line"_s).toInt();
    frame.module = json.value(u"module"_s).toString();
    frame.own = json.value(u"own"_s).toBool();
    frame.inlined = json.value(u"inlined"_s).toBool();
    return frame;
}

WaitReason waitReasonFrom(int value)
{
    if (value < int(WaitReason::None) || value > int(WaitReason::Other))
        return WaitReason::None;
    return WaitReason(value);
}
} // namespace

QByteArray helloLine(const Hello &hello)
{
    return line({ { u"type"_s, u"hello"_s },
                  { u"pid"_s, hello.pid },
                  { u"tid"_s, hello.tid },
                  { u"qt"_s, hello.qtVersion },
                  { u"program"_s, hello.program },
                  { u"heartbeat"_s, QString::number(hello.heartbeat, 16) },
                  { u"startBeat"_s, hello.startBeatMs },
                  { u"tickMs"_s, hello.tickMs } });
}

Hello helloFromJson(const QJsonObject &json)
{
    Hello hello;
    hello.pid = json.value(u"pid"_s).toInteger();
    hello.tid = json.value(u"tid"_s).toInteger();
    hello.qtVersion = json.value(u"qt"_s).toString();
    hello.program = json.value(u"program"_s).toString();
    hello.heartbeat = quintptr(json.value(u"heartbeat"_s).toString().toULongLong(nullptr, 16));
    hello.startBeatMs = json.value(u"startBeat"_s).toDouble(-1);
    hello.tickMs = json.value(u"tickMs"_s).toInt(5);
    return hello;
}

QByteArray refusedLine(qint64 pid, const QString &reason)
{
    return line({ { u"type"_s, u"refused"_s }, { u"pid"_s, pid }, { u"reason"_s, reason } });
}

QByteArray lagLine(const QList<LagSample> &samples)
{
    QJsonArray array;
    for (const LagSample &s : samples)
        array.append(QJsonArray { s.atMs, s.lagMs });
    return line({ { u"type"_s, u"lag"_s }, { u"samples"_s, array } });
}

QByteArray stallLine(const StallRecord &record)
{
    return line({ { u"type"_s, u"stall"_s }, { u"record"_s, recordToJson(record) } });
}

QByteArray droppedLine(qint64 samples)
{
    return line({ { u"type"_s, u"dropped"_s }, { u"samples"_s, samples } });
}

QByteArray handlerLine(double beatMs, const QList<HandlerStep> &steps)
{
    QJsonArray array;
    for (const HandlerStep &step : steps)
        array.append(QJsonArray { int(step.kind), step.text });
    return line({ { u"type"_s, u"handler"_s }, { u"beat"_s, beatMs }, { u"steps"_s, array } });
}

QByteArray pythonLine(double beatMs, double atMs, const Stack &frames)
{
    QJsonArray array;
    for (const StackFrame &frame : frames)
        array.append(frameToJson(frame));
    return line({ { u"type"_s, u"python"_s },
                  { u"beat"_s, beatMs },
                  { u"atMs"_s, atMs },
                  { u"frames"_s, array } });
}

QList<HandlerStep> handlerStepsFromJson(const QJsonObject &json)
{
    QList<HandlerStep> steps;
    for (const QJsonValue &value : json.value(u"steps"_s).toArray()) {
        const QJsonArray pair = value.toArray();
        const int kind = pair.at(0).toInt(-1);
        if (pair.size() == 2 && kind >= int(HandlerStep::Kind::Event)
            && kind <= int(HandlerStep::Kind::QueuedFunctor))
            steps.append({ HandlerStep::Kind(kind), pair.at(1).toString() });
    }
    return steps;
}

Stack framesFromJson(const QJsonObject &json)
{
    Stack frames;
    for (const QJsonValue &frame : json.value(u"frames"_s).toArray())
        frames.append(frameFromJson(frame.toObject()));
    return frames;
}

QByteArray byeLine()
{
    return line({ { u"type"_s, u"bye"_s } });
}

QJsonObject recordToJson(const StallRecord &record)
{
    QJsonArray stack;
    for (const StackFrame &frame : record.stack)
        stack.append(frameToJson(frame));
    const StallCulprit &c = record.culprit;
    return { { u"startMs"_s, record.startMs },
             { u"durationMs"_s, record.durationMs },
             { u"sampleCount"_s, record.sampleCount },
             { u"unansweredCount"_s, record.unansweredCount },
             { u"truncatedCount"_s, record.truncatedCount },
             { u"busyShare"_s, record.busyShare },
             { u"waitingShare"_s, record.waitingShare },
             { u"mainWait"_s, int(record.mainWait) },
             { u"cpuWaitShare"_s, record.cpuWaitShare },
             { u"cpuRunMs"_s, record.cpuRunMs },
             { u"culprit"_s,
               QJsonObject { { u"function"_s, c.function },
                             { u"file"_s, c.file },
                             { u"path"_s, c.path },
                             { u"line"_s, c.line },
                             { u"samples"_s, c.samples },
                             { u"share"_s, c.share } } },
             { u"stack"_s, stack },
             { u"event"_s, record.event },
             { u"eventsTimed"_s, record.eventsTimed } };
}

StallRecord recordFromJson(const QJsonObject &json)
{
    StallRecord record;
    record.startMs = json.value(u"startMs"_s).toDouble();
    record.durationMs = json.value(u"durationMs"_s).toDouble();
    record.sampleCount = json.value(u"sampleCount"_s).toInt();
    record.unansweredCount = json.value(u"unansweredCount"_s).toInt();
    record.truncatedCount = json.value(u"truncatedCount"_s).toInt();
    record.busyShare = json.value(u"busyShare"_s).toDouble();
    record.waitingShare = json.value(u"waitingShare"_s).toDouble();
    record.mainWait = waitReasonFrom(json.value(u"mainWait"_s).toInt());
    record.cpuWaitShare = json.value(u"cpuWaitShare"_s).toDouble(-1);
    record.cpuRunMs = json.value(u"cpuRunMs"_s).toDouble(-1);
    const QJsonObject c = json.value(u"culprit"_s).toObject();
    record.culprit.function = c.value(u"function"_s).toString();
    record.culprit.file = c.value(u"file"_s).toString();
    record.culprit.path = c.value(u"path"_s).toString();
    record.culprit.line = c.value(u"line"_s).toInt();
    record.culprit.samples = c.value(u"samples"_s).toInt();
    record.culprit.share = c.value(u"share"_s).toDouble();
    for (const QJsonValue &frame : json.value(u"stack"_s).toArray())
        record.stack.append(frameFromJson(frame.toObject()));
    record.event = json.value(u"event"_s).toString();
    record.eventsTimed = json.value(u"eventsTimed"_s).toBool();
    return record;
}

QList<LagSample> lagFromJson(const QJsonObject &json)
{
    QList<LagSample> samples;
    for (const QJsonValue &value : json.value(u"samples"_s).toArray()) {
        const QJsonArray pair = value.toArray();
        if (pair.size() == 2)
            samples.append({ pair.at(0).toDouble(), pair.at(1).toDouble() });
    }
    return samples;
}
} // namespace WatchProtocol

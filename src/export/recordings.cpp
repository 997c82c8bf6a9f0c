#include <export/recordings.h>
#include <engine/lab.h>
#include <watch/attachsession.h>
#include <watch/watchsession.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <unistd.h>

using namespace Qt::StringLiterals;

Recording labRecording(Lab &lab, double fromMs, double toMs)
{
    Recording recording;
    recording.pid = QCoreApplication::applicationPid();
    recording.processName = QCoreApplication::applicationName();
    recording.mainTid = gettid(); // the GUI thread's
    recording.mainThreadName = threadLaneName(ThreadLane::Gui);
    recording.originMs = fromMs;
    recording.endMs = toMs;
    recording.stalls = lab.stalls().recordsBetween(fromMs, toMs);
    recording.takeLag(lab.monitor());
    if (const EventTiming *events = EventTiming::instance()) {
        for (const TimedEvent &event : events->longEvents()) {
            if (event.endMs() >= fromMs && event.startMs <= toMs)
                recording.longEvents.append(event);
        }
    }
    for (const OperationRecord &record : lab.log().records()) {
        if (record.startMs >= fromMs && record.startMs <= toMs)
            recording.operations.append(record);
    }
    return recording;
}

Recording watchRecording(const WatchSession &session)
{
    Recording recording;
    recording.pid = session.pid();
    recording.processName = QFileInfo(session.program()).fileName();
    recording.mainTid = session.pid(); // the main thread's id is the process's
    recording.mainThreadName = u"main thread"_s;
    recording.originMs = session.startMs();
    recording.endMs = session.startMs() + session.elapsedMs();
    recording.stalls = session.stalls();
    recording.takeLag(*session.lag());
    return recording;
}

Recording attachRecording(const AttachSession &session)
{
    Recording recording;
    recording.pid = session.pid();
    recording.processName = QFileInfo(session.program()).fileName();
    recording.mainTid = session.pid();
    recording.mainThreadName = u"main thread"_s;
    recording.originMs = session.startMs();
    recording.endMs = session.startMs() + session.elapsedMs();
    recording.stalls = session.stalls();
    // Without the probe the lag is what the window's answers to _NET_WM_PING took.
    recording.lagName = u"window ping round trip (ms)"_s;
    for (const AttachSession::Ping &ping : session.pings())
        recording.lag.append({ ping.sentMs + ping.roundTripMs, ping.roundTripMs });
    return recording;
}

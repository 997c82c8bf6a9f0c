#pragma once

#include <engine/runmode.h>

#include <QByteArray>
#include <QList>
#include <QString>

enum class OperationKind { Fetch, FileLoad, GenerateFile };
enum class OperationStatus { Running, Succeeded, Failed, Canceled };

// What a thread did for an operation during one span of time.
enum class SpanKind {
    Work, // the thread computed (hashing, reading, writing)
    BlockedWaiting, // the thread could do nothing else: it waited for a result
    EventLoopWait, // no thread waited: the request was pending while the event loop ran on
};

// Where a span ran: the timeline's lanes, in the order they are shown.
enum class ThreadLane {
    Gui, // the application's main thread: its event loop paints, takes input, runs timers
    Worker, // a pool thread, numbered in order of first use
    ThreadPool, // a pool task whose thread is not known yet: it has not reported back
    NetworkThread, // the thread that does a blocking fetch's I/O
    EventLoop, // no thread: requests pending while the GUI thread's event loop runs on
};
// For people: "GUI thread", "worker 3", "thread pool", "network thread", "network (event loop)".
QString threadLaneName(ThreadLane lane, int worker = 0);

// One lane of the timeline: a kind of thread and, for pool threads, which one.
struct LaneId
{
    ThreadLane lane = ThreadLane::Gui;
    int worker = 0; // ThreadLane::Worker only
    QString name() const { return threadLaneName(lane, worker); }
    friend bool operator==(const LaneId &, const LaneId &) = default;
    // the GUI thread first, then pool workers by number, then the network lanes
    friend bool operator<(const LaneId &a, const LaneId &b)
    {
        return a.lane != b.lane ? a.lane < b.lane : a.worker < b.worker;
    }
};

struct ThreadSpan
{
    LaneId lane;
    SpanKind kind = SpanKind::Work;
    double startMs = 0;
    double endMs = 0;
};

// The kind and status in English for JSON ("file load", "ok"); ...Text() for people, translated.
QString operationKindName(OperationKind kind);
QString operationKindText(OperationKind kind);
QString spanKindName(SpanKind kind); // for people
QString operationStatusName(OperationStatus status);
QString operationStatusText(OperationStatus status);

// Everything AsyncLab knows about one operation, start to end. Times use labNowMs().
struct OperationRecord
{
    int id = 0;
    OperationKind kind = OperationKind::Fetch;
    RunMode mode = RunMode::Async;
    QString target; // URL or file path
    OperationStatus status = OperationStatus::Running;
    int httpStatus = 0; // fetches only
    qint64 bytes = 0;
    qint64 totalBytes = -1; // expected size when known
    qint64 lines = -1; // file loads only
    QByteArray sha256;
    QString error;
    double startMs = 0;
    double endMs = 0; // 0 while running
    double maxStallMs = 0; // longest GUI freeze while it ran
    QString culprit; // where the longest recorded stall held the GUI thread: "f (file:line)"
    double culpritStallMs = 0; // the duration of that stall
    QString workerThread; // where the work itself ran ("GUI thread", a pool thread's name, ...)
    QList<ThreadSpan> spans; // which thread did what, recorded as it happened

    bool isFinished() const { return status != OperationStatus::Running; }
    double durationMs() const { return endMs > 0 ? endMs - startMs : 0; }
};

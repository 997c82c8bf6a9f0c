#pragma once

#include "runmode.h"

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

struct ThreadSpan
{
    QString thread; // lane: "GUI thread", "worker 1", "network thread", "network (event loop)"
    SpanKind kind = SpanKind::Work;
    double startMs = 0;
    double endMs = 0;
};

QString operationKindName(OperationKind kind);
QString spanKindName(SpanKind kind);
QString operationStatusName(OperationStatus status);

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

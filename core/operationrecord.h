#pragma once

#include "runmode.h"

#include <QByteArray>
#include <QString>

enum class OperationKind { Fetch, FileLoad, GenerateFile };
enum class OperationStatus { Running, Succeeded, Failed, Canceled };

QString operationKindName(OperationKind kind);
QString operationStatusName(OperationStatus status);

// Everything AsyncLab knows about one operation, start to end. Times use labNowMs().
struct OperationRecord {
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
    QString workerThread; // where the work itself ran ("GUI thread", a pool thread's name, ...)

    bool isFinished() const { return status != OperationStatus::Running; }
    double durationMs() const { return endMs > 0 ? endMs - startMs : 0; }
};

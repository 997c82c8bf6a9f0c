#pragma once

#include <engine/fileload.h>
#include <engine/operationrecord.h>
#include <engine/runmode.h>

#include <QString>
#include <QUrl>

class JobRunner;
class OperationLog;

// Waits, through the event loop, until operation id is over and returns its record. A Blocking
// operation must already be over when the call that started it returned; either failure is
// recorded as the current test's failure and yields a record with status Running.
OperationRecord waitForOperation(const OperationLog &log, int id, RunMode mode,
                                 int timeoutMs = 15000);

// Starts a fetch (or a file load) through the job runner and waits until it is over.
OperationRecord fetchAndWait(JobRunner &jobs, const OperationLog &log, const QUrl &url,
                             RunMode mode, int timeoutMs = 15000);
OperationRecord loadAndWait(JobRunner &jobs, const OperationLog &log, const QString &path,
                            RunMode mode, int timeoutMs = 15000);

// loadFile() and generateSampleFile() called plainly on this thread, and loadFile() on the global
// pool waited for through the event loop ("test timed out" as the error after timeoutMs).
FileLoadResult loadBlocking(const QString &path, const FileLoadOptions &options = {});
FileLoadResult loadAsync(const QString &path, const FileLoadOptions &options = {},
                         int timeoutMs = 15000);
QString generateBlocking(const QString &path, qint64 bytes);

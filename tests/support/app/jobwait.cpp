#include "jobwait.h"

#include <engine/jobrunner.h>
#include <engine/operationlog.h>
#include <engine/runhere.h>

#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTest>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

OperationRecord waitForOperation(const OperationLog &log, int id, RunMode mode, int timeoutMs)
{
    if (!log.find(id)) {
        QTest::qFail("no such operation", __FILE__, __LINE__);
        return {};
    }
    [&] {
        if (mode == RunMode::Blocking)
            QVERIFY2(log.find(id)->isFinished(),
                     "a Blocking operation must be over when its call returns");
        QTRY_VERIFY_WITH_TIMEOUT(log.find(id)->isFinished(), timeoutMs);
    }();
    return *log.find(id);
}

OperationRecord fetchAndWait(JobRunner &jobs, const OperationLog &log, const QUrl &url,
                             RunMode mode, int timeoutMs)
{
    return waitForOperation(log, jobs.fetch(url, mode), mode, timeoutMs);
}

OperationRecord loadAndWait(JobRunner &jobs, const OperationLog &log, const QString &path,
                            RunMode mode, int timeoutMs)
{
    return waitForOperation(log, jobs.loadFile(path, mode), mode, timeoutMs);
}

FileLoadResult loadBlocking(const QString &path, const FileLoadOptions &options)
{
    return runHere<FileLoadResult>(
            [&](QPromise<FileLoadResult> &promise) { loadFile(promise, path, options); });
}

FileLoadResult loadAsync(const QString &path, const FileLoadOptions &options, int timeoutMs)
{
    QFutureWatcher<FileLoadResult> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(QtConcurrent::run(loadFile, path, options));
    if (!finished.wait(timeoutMs)) {
        FileLoadResult timedOut;
        timedOut.error = u"test timed out"_s;
        return timedOut;
    }
    return fileLoadResult(watcher.future());
}

QString generateBlocking(const QString &path, qint64 bytes)
{
    return runHere<QString>(
            [&](QPromise<QString> &promise) { generateSampleFile(promise, path, bytes); });
}

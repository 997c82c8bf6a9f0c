#pragma once

#include <QByteArray>
#include <QFuture>
#include <QPromise>
#include <QString>

struct FileLoadOptions
{
    qint64 maxBytes = qint64(16) << 30; // stops endless files such as /dev/zero
    qint64 chunkBytes = qint64(1) << 20;
};

struct FileLoadResult
{
    QString error; // one line, for people; empty on success
    bool canceled = false;
    qint64 bytes = 0;
    qint64 lines = 0; // number of '\n' bytes
    QByteArray sha256; // lower-case hex
    bool ok() const { return error.isEmpty() && !canceled; }
};

// Reads the file in chunks (never whole in memory), hashing and counting as it goes. The same
// function serves both modes: Blocking calls it on the GUI thread, Async runs it through
// QtConcurrent. Progress is reported in KiB (range 0..size/1024; 0..0 when the size is unknown),
// cancellation is checked between chunks. Always adds exactly one result, but QFuture drops
// results added after cancel(): read an async outcome through fileLoadResult().
void loadFile(QPromise<FileLoadResult> &promise, const QString &path,
              const FileLoadOptions &options = {});

// The result of a finished loadFile() future; a canceled future without one yields canceled=true.
FileLoadResult fileLoadResult(const QFuture<FileLoadResult> &future);

// Writes a deterministic text file of exactly `bytes` bytes (lines of printable ASCII), for demos
// that need a big file. Progress in KiB; cancel removes the partial file. Result: error or empty.
void generateSampleFile(QPromise<QString> &promise, const QString &path, qint64 bytes);

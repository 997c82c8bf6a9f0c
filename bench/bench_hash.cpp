// Throughput of loadFile() against `openssl dgst -sha256` and `sha256sum` on one cached file, and
// (--memory) the peak memory of loading a 2 GiB file. Prints figures; never judges them.

#include "benchoptions.h"
#include "benchstats.h"
#include <engine/fileload.h>
#include <engine/runhere.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace {

FileLoadResult loadBlocking(const QString &path, const FileLoadOptions &options)
{
    return runHere<FileLoadResult>(
            [&](QPromise<FileLoadResult> &promise) { loadFile(promise, path, options); });
}

// The digest is the first hex word of sha256sum's output and the last of openssl's.
QByteArray digestFromOutput(const QByteArray &output)
{
    const QList<QByteArray> words = output.simplified().split(' ');
    for (const QByteArray &word : words) {
        const QByteArray candidate = word.startsWith('=') ? word.mid(1) : word;
        if (candidate.size() == 64 && std::all_of(candidate.begin(), candidate.end(), [](char c) {
                return std::isxdigit(static_cast<unsigned char>(c));
            }))
            return candidate.toLower();
    }
    return {};
}

struct Tool
{
    QString label;
    QString program; // empty: loadFile() in this process
    QStringList arguments;
    QList<double> seconds;
    QByteArray digest;
};

bool runOnce(Tool &tool, const QString &path, const FileLoadOptions &options)
{
    QElapsedTimer timer;
    timer.start();
    if (tool.program.isEmpty()) {
        tool.digest = loadBlocking(path, options).sha256;
        tool.seconds.append(timer.nsecsElapsed() / 1e9);
        return true;
    }
    QProcess process;
    process.start(tool.program, tool.arguments);
    if (!process.waitForFinished(-1) || process.exitCode() != 0) {
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(tool.label),
                     qPrintable(process.errorString()));
        return false;
    }
    tool.seconds.append(timer.nsecsElapsed() / 1e9);
    tool.digest = digestFromOutput(process.readAllStandardOutput());
    return true;
}

qint64 peakRssKib()
{
    rusage usage = {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss; // KiB on Linux
}

QString vmHwm()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return u"?"_s;
    // readAll(), not atEnd()/readLine(): procfs files report a size of 0.
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:"))
            return QString::fromLatin1(line.mid(6).trimmed());
    }
    return u"?"_s;
}

int memoryBench(const QString &folder, const FileLoadOptions &options)
{
    const QString path = folder + u"/sparse-2GiB.bin"_s;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.resize(qint64(2) << 30)) {
        std::fprintf(stderr, "cannot create %s\n", qPrintable(path));
        return 1;
    }
    file.close();
    std::printf("before: ru_maxrss %lld KiB, VmHWM %s\n", peakRssKib(), qPrintable(vmHwm()));
    QElapsedTimer timer;
    timer.start();
    const FileLoadResult result = loadBlocking(path, options);
    const double seconds = timer.nsecsElapsed() / 1e9;
    std::printf("after:  ru_maxrss %lld KiB, VmHWM %s\n", peakRssKib(), qPrintable(vmHwm()));
    std::printf("loaded %lld bytes in %.2f s, chunk %lld bytes, %s\n", result.bytes, seconds,
                options.chunkBytes,
                result.ok() ? result.sha256.constData() : qPrintable(result.error));
    QFile::remove(path);
    return result.ok() ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QCommandLineOption runsOption(u"runs"_s, u"Timed runs per tool (median)."_s, u"n"_s,
                                        u"5"_s);
    const QCommandLineOption chunkOption(u"chunk"_s, u"loadFile chunk size in bytes."_s, u"bytes"_s,
                                         QString::number(FileLoadOptions().chunkBytes));
    const QCommandLineOption memoryOption(u"memory"_s,
                                          u"Load a 2 GiB sparse file and print peak memory."_s);
    QCommandLineParser parser;
    parser.addPositionalArgument(u"file"_s, u"File to hash (default: a generated 1 GiB file)"_s);
    parseBenchOptions(parser,
                      u"Hashing throughput of loadFile() against openssl and "
                      u"sha256sum, or its peak memory with --memory."_s,
                      { runsOption, chunkOption, memoryOption });

    FileLoadOptions options;
    options.chunkBytes = parser.value(chunkOption).toLongLong();
    const int runs = std::max(1, parser.value(runsOption).toInt());
    QTemporaryDir temporary;
    if (!temporary.isValid()) {
        std::fprintf(stderr, "cannot create a temporary folder\n");
        return 1;
    }
    if (parser.isSet(memoryOption))
        return memoryBench(temporary.path(), options);

    QString path = parser.positionalArguments().value(0);
    if (path.isEmpty()) {
        path = temporary.filePath(u"sample-1GiB.txt"_s);
        QElapsedTimer timer;
        timer.start();
        const QString error = runHere<QString>([&](QPromise<QString> &promise) {
            generateSampleFile(promise, path, qint64(1) << 30);
        });
        if (!error.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        std::printf("generated %s in %.2f s\n", qPrintable(path), timer.nsecsElapsed() / 1e9);
    }

    const FileLoadResult warm = loadBlocking(path, options); // also fills the page cache
    if (!warm.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(warm.error));
        return 1;
    }
    QList<Tool> tools {
        { u"loadFile"_s, {}, {}, {}, {} },
        { u"openssl dgst"_s, u"openssl"_s, { u"dgst"_s, u"-sha256"_s, path }, {}, {} },
        { u"sha256sum"_s, u"sha256sum"_s, { path }, {}, {} },
    };
    // Rounds rather than one tool after the other, so that load from elsewhere hits all alike.
    for (int run = 0; run < runs; ++run) {
        for (Tool &tool : tools) {
            if (!runOnce(tool, path, options))
                return 1;
        }
    }

    std::printf("file %s: %lld bytes, %lld lines, chunk %lld bytes, median of %d runs\n",
                qPrintable(path), warm.bytes, warm.lines, options.chunkBytes, runs);
    std::printf("%-14s %9s %9s %14s\n", "tool", "seconds", "MB/s", "loadFile/tool");
    const double loadFileSpeed = warm.bytes / median(tools.first().seconds) / 1e6;
    bool agree = true;
    for (const Tool &tool : std::as_const(tools)) {
        const double seconds = median(tool.seconds);
        const double speed = warm.bytes / seconds / 1e6;
        std::printf("%-14s %9.3f %9.0f %14.2f\n", qPrintable(tool.label), seconds, speed,
                    loadFileSpeed / speed);
        agree = agree && tool.digest == warm.sha256;
    }
    std::printf("digests %s (%s)\n", agree ? "agree" : "DIFFER", warm.sha256.constData());
    return agree ? 0 : 1;
}

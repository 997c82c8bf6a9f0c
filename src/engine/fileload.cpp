#include <engine/fileload.h>
#include <common/units.h>

#include <engine/sha256.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int PollIntervalMs = 100;

int kib(qint64 bytes)
{
    return int(std::min<qint64>(bytes / 1024, INT_MAX));
}

// Exact sizes read better in messages than rounded ones: "16 GiB", "1536 MiB", "100 bytes".
QString sizeText(qint64 bytes)
{
    static constexpr const char *units[] = {
        QT_TRANSLATE_NOOP("FileLoad", "%1 bytes"), QT_TRANSLATE_NOOP("FileLoad", "%1 KiB"),
        QT_TRANSLATE_NOOP("FileLoad", "%1 MiB"),   QT_TRANSLATE_NOOP("FileLoad", "%1 GiB"),
        QT_TRANSLATE_NOOP("FileLoad", "%1 TiB"),
    };
    int unit = 0;
    while (unit < 4 && bytes >= 1024 && bytes % 1024 == 0) {
        bytes /= 1024;
        ++unit;
    }
    return QCoreApplication::translate("FileLoad", units[unit]).arg(numberLocale().toString(bytes));
}

// Byte-wide counters keep the loop simple enough for the compiler to vectorise (several times
// faster than memchr on short lines); they are flushed before they can overflow.
qint64 countNewlines(const char *data, qint64 size)
{
    constexpr qint64 Lanes = 64;
    constexpr qint64 Block = Lanes * 255;
    qint64 total = 0;
    for (; size >= Block; data += Block, size -= Block) {
        unsigned char counts[Lanes] = {};
        for (qint64 i = 0; i < Block; i += Lanes) {
            for (qint64 lane = 0; lane < Lanes; ++lane)
                counts[lane] += data[i + lane] == '\n';
        }
        for (unsigned char count : counts)
            total += count;
    }
    for (qint64 i = 0; i < size; ++i)
        total += data[i] == '\n';
    return total;
}

class FileDescriptor
{
public:
    explicit FileDescriptor(int fd) : m_fd(fd) { }
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

QString openError(int error, const QString &path)
{
    switch (error) {
    case ENOENT:
        return QCoreApplication::translate("FileLoad", "no such file: %1").arg(path);
    case EACCES:
    case EPERM:
        return QCoreApplication::translate("FileLoad", "permission denied: %1").arg(path);
    default:
        return QCoreApplication::translate("FileLoad", "cannot open %1: %2")
                .arg(path, qt_error_string(error));
    }
}

// Pipes and devices may have nothing to read yet; wait in short slices so a cancel gets through.
bool waitUntilReadable(QPromise<FileLoadResult> &promise, int fd)
{
    pollfd entry { fd, POLLIN, 0 };
    while (!promise.isCanceled()) {
        if (::poll(&entry, 1, PollIntervalMs) != 0)
            return true; // readable, hung up or failed: read() tells which
    }
    return false;
}

FileLoadResult readFile(QPromise<FileLoadResult> &promise, const QString &path,
                        const FileLoadOptions &options)
{
    FileLoadResult result;
    // O_NONBLOCK so that opening a FIFO does not wait for a writer (a wait no cancel could end);
    // it has no effect on regular files.
    const FileDescriptor file(
            ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    if (file.get() < 0) {
        result.error = openError(errno, path);
        return result;
    }
    struct stat info = {};
    if (::fstat(file.get(), &info) != 0) {
        result.error = QCoreApplication::translate("FileLoad", "cannot open %1: %2")
                               .arg(path, qt_error_string(errno));
        return result;
    }
    if (S_ISDIR(info.st_mode)) {
        result.error = QCoreApplication::translate("FileLoad", "is a directory: %1").arg(path);
        return result;
    }
    const bool regular = S_ISREG(info.st_mode);
    if (regular)
        ::posix_fadvise(file.get(), 0, 0, POSIX_FADV_SEQUENTIAL);

    const qint64 cap = std::max<qint64>(options.maxBytes, 0);
    promise.setProgressRange(0, regular ? kib(std::min<qint64>(info.st_size, cap)) : 0);
    QByteArray buffer(std::max<qint64>(options.chunkBytes, 1), Qt::Uninitialized);
    Sha256 hash;
    while (true) {
        if (promise.isCanceled()) {
            result.canceled = true;
            break;
        }
        if (!regular && !waitUntilReadable(promise, file.get()))
            continue; // canceled: reported at the top of the loop
        // One byte past the cap tells a file that is exactly at the cap from one beyond it.
        const qint64 wanted = std::min<qint64>(buffer.size(), cap - result.bytes + 1);
        const ssize_t got = ::read(file.get(), buffer.data(), size_t(wanted));
        if (got < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            result.error =
                    QCoreApplication::translate("FileLoad", "read error in %1 after %2 bytes: %3")
                            .arg(path, numberLocale().toString(result.bytes),
                                 qt_error_string(errno));
            break;
        }
        if (got == 0)
            break; // end of file, also for files that shrank while being read
        const qint64 used = std::min<qint64>(got, cap - result.bytes);
        hash.addData(QByteArrayView(buffer.constData(), used));
        result.lines += countNewlines(buffer.constData(), used);
        result.bytes += used;
        promise.setProgressValue(kib(result.bytes));
        if (used < got) {
            result.error =
                    QCoreApplication::translate("FileLoad", "stopped after %1: size cap reached")
                            .arg(sizeText(cap));
            break;
        }
    }
    // A partial digest would look like the file's own, so only a complete read gets one.
    if (result.ok())
        result.sha256 = hash.hexDigest();
    return result;
}

// Fixed-width lines, so the content is a pure function of the size and a smaller sample is a
// prefix of a bigger one.
constexpr char SampleLine[] = "line 000000000000: the quick brown fox jumps over the lazy dog.\n";
constexpr qint64 SampleLineBytes = sizeof(SampleLine) - 1;
constexpr qint64 SampleNumberEnd = 17; // one past the last digit
constexpr int SampleNumberDigits = 12;

void fillSample(char *out, qint64 offset, qint64 size)
{
    // Render whole lines around [offset, offset + size) and copy out the wanted part.
    qint64 line = offset / SampleLineBytes;
    qint64 skip = offset % SampleLineBytes;
    char text[SampleLineBytes];
    std::memcpy(text, SampleLine, SampleLineBytes);
    while (size > 0) {
        qint64 number = line + 1;
        for (int digit = 1; digit <= SampleNumberDigits; ++digit) {
            text[SampleNumberEnd - digit] = char('0' + number % 10);
            number /= 10;
        }
        const qint64 take = std::min(SampleLineBytes - skip, size);
        std::memcpy(out, text + skip, size_t(take));
        out += take;
        size -= take;
        skip = 0;
        ++line;
    }
}

QString writeSample(QPromise<QString> &promise, const QString &path, qint64 bytes)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return QCoreApplication::translate("FileLoad", "cannot create folder %1").arg(folder);
    QSaveFile file(path); // written beside the target and renamed at the end: cancel leaves none
    if (!file.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("FileLoad", "cannot write %1: %2")
                .arg(path, file.errorString());
    promise.setProgressRange(0, kib(bytes));
    QByteArray chunk(qint64(1) << 20, Qt::Uninitialized);
    for (qint64 written = 0; written < bytes;) {
        if (promise.isCanceled())
            return u"canceled"_s; // QSaveFile discards the partial file when it goes out of scope
        const qint64 size = std::min<qint64>(chunk.size(), bytes - written);
        fillSample(chunk.data(), written, size);
        if (file.write(chunk.constData(), size) != size)
            return QCoreApplication::translate("FileLoad", "cannot write %1: %2")
                    .arg(path, file.errorString());
        written += size;
        promise.setProgressValue(kib(written));
    }
    if (!file.commit())
        return QCoreApplication::translate("FileLoad", "cannot write %1: %2")
                .arg(path, file.errorString());
    return {};
}

} // namespace

void loadFile(QPromise<FileLoadResult> &promise, const QString &path,
              const FileLoadOptions &options)
{
    // The single place that adds a result, whatever way the read ended.
    promise.addResult(readFile(promise, path, options));
}

void generateSampleFile(QPromise<QString> &promise, const QString &path, qint64 bytes)
{
    promise.addResult(writeSample(promise, path, std::max<qint64>(bytes, 0)));
}

FileLoadResult fileLoadResult(const QFuture<FileLoadResult> &future)
{
    if (future.resultCount() > 0)
        return future.result();
    FileLoadResult result;
    result.canceled = true;
    return result;
}

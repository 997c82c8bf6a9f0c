#include <engine/fileload.h>
#include "datarows.h"
#include "jobwait.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrentRun>

#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int JobTimeoutMs = 15000;

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArray readWhole(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

// Cancels the work `watcher` watches as soon as it reports progress past 0.
void cancelAtFirstProgress(QFutureWatcherBase &watcher)
{
    QObject::connect(&watcher, &QFutureWatcherBase::progressValueChanged, &watcher,
                     [&watcher](int value) {
                         if (value > 0)
                             watcher.cancel();
                     });
}

} // namespace

class TestFileLoad : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void knownContent_data();
    void knownContent();
    void generatedFileMatchesIndependentHash();
    void bothModesAgree_data();
    void bothModesAgree();
    void errors_data();
    void errors();
    void permissionDeniedByMode();
    void permissionDeniedEvenForRoot();
    void readError();
    void sizeCap_data();
    void sizeCap();
    void devZeroCanceled();
    void cancelMidway();
    void fifo_data();
    void fifo();
    void fifoWithoutWriterCanBeCanceled();
    void progressInKib();
    void fileShrinksOrGrowsWhileRead_data();
    void fileShrinksOrGrowsWhileRead();
    void sampleExactSizeAndDeterministic_data();
    void sampleExactSizeAndDeterministic();
    void sampleCancelRemovesFile();
    void sampleReportsUnwritableFolder();

private:
    QString pathOf(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
};

void TestFileLoad::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestFileLoad::knownContent_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QByteArray>("expectedSha");
    QTest::addColumn<qint64>("expectedLines");

    QTest::addRow("abc") << "abc"_ba
                         << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_ba
                         << qint64(0);
    QTest::addRow("empty") << QByteArray()
                           << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_ba
                           << qint64(0);
    const QByteArray lines = "one\ntwo\n\nfour"_ba;
    QTest::addRow("lines") << lines << sha256Hex(lines) << qint64(3);
}

void TestFileLoad::knownContent()
{
    QFETCH(QByteArray, content);
    QFETCH(QByteArray, expectedSha);
    QFETCH(qint64, expectedLines);
    const QString path = pathOf(u"known-%1.txt"_s.arg(QLatin1StringView(QTest::currentDataTag())));
    QVERIFY(writeFile(path, content));

    const FileLoadResult result = loadBlocking(path);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.bytes, content.size());
    QCOMPARE(result.lines, expectedLines);
    QCOMPARE(result.sha256, expectedSha);
    QCOMPARE(result.sha256, sha256Hex(content));
}

void TestFileLoad::generatedFileMatchesIndependentHash()
{
    const QString path = pathOf(u"generated.txt"_s);
    const qint64 size = 3 * 1024 * 1024 + 17;
    QCOMPARE(generateBlocking(path, size), QString());
    const QByteArray content = readWhole(path);
    QCOMPARE(content.size(), size);

    FileLoadOptions options;
    options.chunkBytes = 100000; // chunks that do not line up with lines or counter blocks
    const FileLoadResult result = loadBlocking(path, options);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.bytes, size);
    QCOMPARE(result.lines, content.count('\n'));
    QCOMPARE(result.sha256, sha256Hex(content));
}

void TestFileLoad::bothModesAgree_data()
{
    QTest::addColumn<qint64>("chunkBytes");
    QTest::addRow("default chunk") << FileLoadOptions().chunkBytes;
    QTest::addRow("4 KiB chunk") << qint64(4096);
    QTest::addRow("odd chunk") << qint64(12345);
}

void TestFileLoad::bothModesAgree()
{
    QFETCH(qint64, chunkBytes);
    const QString path = pathOf(u"modes.txt"_s);
    if (!QFile::exists(path))
        QCOMPARE(generateBlocking(path, 2 * 1024 * 1024 + 5), QString());
    FileLoadOptions options;
    options.chunkBytes = chunkBytes;

    const FileLoadResult blocking = loadBlocking(path, options);
    const FileLoadResult async = loadAsync(path, options);
    QVERIFY2(blocking.ok(), qPrintable(blocking.error));
    QVERIFY2(async.ok(), qPrintable(async.error));
    QCOMPARE(async.bytes, blocking.bytes);
    QCOMPARE(async.lines, blocking.lines);
    QCOMPARE(async.sha256, blocking.sha256);
    QCOMPARE(blocking.bytes, 2 * 1024 * 1024 + 5);
}

void TestFileLoad::errors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expectedError");

    const QString missing = pathOf(u"missing.txt"_s);
    QTest::addRow("missing file") << missing << u"no such file: "_s + missing;
    const QString missingFolder = pathOf(u"no folder/file.txt"_s);
    QTest::addRow("missing folder") << missingFolder << u"no such file: "_s + missingFolder;
    QTest::addRow("directory") << m_dir.path() << u"is a directory: "_s + m_dir.path();
}

void TestFileLoad::errors()
{
    QFETCH(QString, path);
    QFETCH(QString, expectedError);
    for (const FileLoadResult &result : { loadBlocking(path), loadAsync(path) }) {
        QCOMPARE(result.error, expectedError);
        QVERIFY(!result.ok());
        QVERIFY(!result.canceled);
        QCOMPARE(result.bytes, 0);
        QVERIFY(result.sha256.isEmpty());
    }
}

void TestFileLoad::permissionDeniedByMode()
{
    if (::geteuid() == 0)
        QSKIP("root reads files whatever their mode; permissionDeniedEvenForRoot covers the path");
    const QString path = pathOf(u"secret.txt"_s);
    QVERIFY(writeFile(path, "secret"_ba));
    QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions()));
    QCOMPARE(loadBlocking(path).error, u"permission denied: "_s + path);
}

void TestFileLoad::permissionDeniedEvenForRoot()
{
    // procfs checks the mode bits of sysctl files even for root, and this one is write-only.
    const QString path = u"/proc/sys/vm/drop_caches"_s;
    if (!QFile::exists(path))
        QSKIP("no /proc/sys/vm/drop_caches here");
    QCOMPARE(loadAsync(path).error, u"permission denied: "_s + path);
}

void TestFileLoad::readError()
{
    // Opens fine, but reading address 0 of the own address space fails with EIO.
    const QString path = u"/proc/self/mem"_s;
    if (!QFile::exists(path))
        QSKIP("no /proc/self/mem here");
    const FileLoadResult result = loadBlocking(path);
    QVERIFY2(result.error.startsWith(u"read error in /proc/self/mem after 0 bytes: "_s),
             qPrintable(result.error));
    QVERIFY(!result.error.contains(u'\n'));
}

void TestFileLoad::sizeCap_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("fileSize"); // -1: leave the path alone
    QTest::addColumn<qint64>("cap");
    QTest::addColumn<qint64>("expectedBytes");
    QTest::addColumn<QString>("expectedError");

    const QString capped = u"stopped after 3 MiB: size cap reached"_s;
    QTest::addRow("/dev/zero") << u"/dev/zero"_s << qint64(-1) << qint64(3 << 20) << qint64(3 << 20)
                               << capped;
    QTest::addRow("/dev/zero odd cap")
            << u"/dev/zero"_s << qint64(-1) << qint64(100000) << qint64(100000)
            << u"stopped after 100000 bytes: size cap reached"_s;
    QTest::addRow("file at cap") << pathOf(u"at-cap.bin"_s) << qint64(3 << 20) << qint64(3 << 20)
                                 << qint64(3 << 20) << QString();
    QTest::addRow("file over cap") << pathOf(u"over-cap.bin"_s) << qint64((3 << 20) + 1)
                                   << qint64(3 << 20) << qint64(3 << 20) << capped;
}

void TestFileLoad::sizeCap()
{
    QFETCH(QString, path);
    QFETCH(qint64, fileSize);
    QFETCH(qint64, cap);
    QFETCH(qint64, expectedBytes);
    QFETCH(QString, expectedError);
    if (fileSize >= 0) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(fileSize)); // sparse: big on paper, tiny on disk
    }
    FileLoadOptions options;
    options.maxBytes = cap;
    options.chunkBytes = 64 * 1024;
    for (const FileLoadResult &result : { loadBlocking(path, options), loadAsync(path, options) }) {
        QCOMPARE(result.error, expectedError);
        QCOMPARE(result.bytes, expectedBytes);
        QCOMPARE(result.lines, 0);
        QVERIFY(!result.canceled);
    }
}

void TestFileLoad::devZeroCanceled()
{
    QFutureWatcher<FileLoadResult> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    QSignalSpy range(&watcher, &QFutureWatcherBase::progressRangeChanged);
    cancelAtFirstProgress(watcher);
    watcher.setFuture(QtConcurrent::run(loadFile, u"/dev/zero"_s, FileLoadOptions()));
    QVERIFY(finished.wait(JobTimeoutMs));

    QVERIFY(watcher.isCanceled());
    const FileLoadResult result = fileLoadResult(watcher.future());
    QVERIFY(result.canceled);
    QVERIFY(!result.ok());
    QVERIFY(!range.isEmpty());
    QCOMPARE(range.last(), (QVariantList { 0, 0 })); // an endless file has no size to show
}

void TestFileLoad::cancelMidway()
{
    const QString path = pathOf(u"big sparse.bin"_s);
    const qint64 size = qint64(2) << 30;
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(size));
    }
    QFutureWatcher<FileLoadResult> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    QSignalSpy range(&watcher, &QFutureWatcherBase::progressRangeChanged);
    QList<int> values;
    connect(&watcher, &QFutureWatcherBase::progressValueChanged, &watcher,
            [&watcher, &values](int value) {
                values.append(value);
                if (value > 0)
                    watcher.cancel();
            });
    watcher.setFuture(QtConcurrent::run(loadFile, path, FileLoadOptions()));
    QVERIFY(finished.wait(JobTimeoutMs));

    QVERIFY(watcher.isCanceled());
    QVERIFY(fileLoadResult(watcher.future()).canceled);
    QCOMPARE(range.last(), (QVariantList { 0, int(size / 1024) }));
    QVERIFY(!values.isEmpty());
    QVERIFY2(values.last() < size / 1024, "the whole file was read despite the cancel");
}

void TestFileLoad::fifo_data()
{
    addBoolRows("async", "blocking", "async");
}

void TestFileLoad::fifo()
{
    QFETCH(bool, async);
    const QString path = pathOf(u"pipe %1"_s.arg(async ? u"async"_s : u"blocking"_s));
    QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);

    // More than a pipe buffer, written in pieces, so the reader waits for data several times.
    QByteArray content;
    for (int i = 0; i < 20000; ++i)
        content += "fifo line " + QByteArray::number(i) + '\n';
    std::thread writer([path, content] {
        QFile pipe(path);
        if (!pipe.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return;
        for (qsizetype at = 0; at < content.size(); at += 50000)
            pipe.write(content.mid(at, 50000));
    });
    const FileLoadResult result = async ? loadAsync(path) : loadBlocking(path);
    writer.join();

    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.bytes, content.size());
    QCOMPARE(result.lines, 20000);
    QCOMPARE(result.sha256, sha256Hex(content));
}

void TestFileLoad::fifoWithoutWriterCanBeCanceled()
{
    const QString path = pathOf(u"lonely pipe"_s);
    QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    QFutureWatcher<FileLoadResult> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(QtConcurrent::run(loadFile, path, FileLoadOptions()));
    QVERIFY(!finished.wait(300)); // nobody writes: the job waits, it does not see an empty file
    watcher.cancel();
    QVERIFY(finished.wait(JobTimeoutMs));
    QVERIFY(fileLoadResult(watcher.future()).canceled);
}

void TestFileLoad::progressInKib()
{
    const QString path = pathOf(u"progress.bin"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(5 * 1024 * 1024 + 100));
    }
    QFutureWatcher<FileLoadResult> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    QSignalSpy range(&watcher, &QFutureWatcherBase::progressRangeChanged);
    QSignalSpy values(&watcher, &QFutureWatcherBase::progressValueChanged);
    FileLoadOptions options;
    options.chunkBytes = 256 * 1024;
    watcher.setFuture(QtConcurrent::run(loadFile, path, options));
    QVERIFY(finished.wait(JobTimeoutMs));

    QVERIFY(fileLoadResult(watcher.future()).ok());
    // The watcher may first announce the 0..0 range the future had before the job started.
    QVERIFY(!range.isEmpty());
    QCOMPARE(range.last(), (QVariantList { 0, 5120 }));
    QVERIFY(!values.isEmpty());
    int previous = -1;
    for (const QVariantList &signal : std::as_const(values)) {
        const int value = signal.first().toInt();
        QVERIFY2(value > previous && value <= 5120, qPrintable(QString::number(value)));
        previous = value;
    }
    QCOMPARE(previous, 5120);
    QCOMPARE(watcher.progressMaximum(), 5120);
}

void TestFileLoad::fileShrinksOrGrowsWhileRead_data()
{
    QTest::addColumn<qint64>("newSize");
    QTest::addRow("shrinks") << qint64(1 << 20);
    QTest::addRow("grows") << qint64(12 << 20);
}

void TestFileLoad::fileShrinksOrGrowsWhileRead()
{
    QFETCH(qint64, newSize);
    const QString path = pathOf(u"changing.bin"_s);
    const qint64 oldSize = 8 << 20;
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(oldSize));

    QFutureWatcher<FileLoadResult> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    bool resized = false;
    connect(&watcher, &QFutureWatcherBase::progressValueChanged, &watcher,
            [&file, &resized, newSize](int value) {
                if (value > 0 && !resized)
                    resized = file.resize(newSize);
            });
    FileLoadOptions options;
    options.chunkBytes = 16 * 1024;
    watcher.setFuture(QtConcurrent::run(loadFile, path, options));
    QVERIFY(finished.wait(JobTimeoutMs));

    // Whatever the race between reader and resize, the read ends cleanly at some end of file.
    const FileLoadResult result = fileLoadResult(watcher.future());
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(result.bytes >= std::min(oldSize, newSize));
    QVERIFY(result.bytes <= std::max(oldSize, newSize));
    QCOMPARE(result.lines, 0);
}

void TestFileLoad::sampleExactSizeAndDeterministic_data()
{
    QTest::addColumn<qint64>("size");
    for (qint64 size : { 0, 1, 63, 64, 65, 1000, (1 << 20) + 1 })
        QTest::addRow("%lld bytes", size) << size;
}

void TestFileLoad::sampleExactSizeAndDeterministic()
{
    QFETCH(qint64, size);
    const QString first = pathOf(u"sample ü 文件/a-%1.txt"_s.arg(size));
    const QString second = pathOf(u"sample ü 文件/b-%1.txt"_s.arg(size));
    const QString reference = pathOf(u"sample-reference.txt"_s);
    if (!QFile::exists(reference))
        QCOMPARE(generateBlocking(reference, 2 << 20), QString());

    QCOMPARE(generateBlocking(first, size), QString());
    QCOMPARE(generateBlocking(second, size), QString());
    const QByteArray content = readWhole(first);
    QCOMPARE(content.size(), size);
    QCOMPARE(readWhole(second), content);
    QCOMPARE(content, readWhole(reference).left(size)); // a pure function of the size
    for (char c : content)
        QVERIFY(c == '\n' || (c >= ' ' && c <= '~'));
    if (size >= 64)
        QCOMPARE(content.left(64),
                 "line 000000000001: the quick brown fox jumps over the lazy dog.\n"_ba);

    // The non-ASCII folder name also goes through loadFile, in both modes.
    const FileLoadResult result = loadAsync(first);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.bytes, size);
    QCOMPARE(result.lines, content.count('\n'));
    QCOMPARE(result.sha256, sha256Hex(content));
    QCOMPARE(loadBlocking(first).sha256, result.sha256);
}

void TestFileLoad::sampleCancelRemovesFile()
{
    const QString folder = pathOf(u"canceled sample"_s);
    const QString path = folder + u"/big.txt"_s;
    QFutureWatcher<QString> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    QSignalSpy range(&watcher, &QFutureWatcherBase::progressRangeChanged);
    cancelAtFirstProgress(watcher);
    watcher.setFuture(QtConcurrent::run(generateSampleFile, path, qint64(1) << 30));
    QVERIFY(finished.wait(JobTimeoutMs));

    QVERIFY(watcher.isCanceled());
    QCOMPARE(range.last(), (QVariantList { 0, 1 << 20 }));
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList());
}

void TestFileLoad::sampleReportsUnwritableFolder()
{
    // A regular file where a folder should be stops even root.
    const QString blocker = pathOf(u"not a folder"_s);
    QVERIFY(writeFile(blocker, "x"_ba));
    const QString error = generateBlocking(blocker + u"/inside/sample.txt"_s, 1000);
    QCOMPARE(error, u"cannot create folder "_s + blocker + u"/inside"_s);
}

QTEST_GUILESS_MAIN(TestFileLoad)
#include "tst_fileload.moc"

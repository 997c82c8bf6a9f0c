#include "lab.h"
#include "memoryusage.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// How far above its starting point resident memory may peak while everything below runs at once:
// measured about +26 MB in a release build. AddressSanitizer keeps freed memory in quarantine
// (256 MB by default) and measured about +170 MB.
#ifdef __SANITIZE_ADDRESS__
constexpr qint64 PeakGrowthBoundKib = 400 * 1024;
constexpr qint64 LoadBytes = qint64(32) << 20; // the sanitizer build hashes several times slower
#else
constexpr qint64 PeakGrowthBoundKib = 100 * 1024;
constexpr qint64 LoadBytes = qint64(128) << 20;
#endif
// The GUI thread's longest stall while they run, once they are started (starting a thousand takes
// one turn of the event loop, about 60 ms): Qt's network code and every result come back on this
// thread, while twenty loads hash on the pool. Measured 76-272 ms in a release build on two cores
// shared with other builds; run on the GUI thread (Blocking) the same work stalls it for seconds.
#ifdef __SANITIZE_ADDRESS__
constexpr double MaxStallBoundMs = 1000;
#else
constexpr double MaxStallBoundMs = 500;
#endif
constexpr int Fetches = 1000;
constexpr int Loads = 20;
} // namespace

// A thousand fetches and twenty file loads started at once through one job runner: every one ends
// cleanly, the memory they take is bounded, and the GUI thread keeps running meanwhile.
class TestStress : public QObject
{
    Q_OBJECT
private slots:
    void fetchesAndLoadsAtOnce();
};

void TestStress::fetchesAndLoadsAtOnce()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QStringList files;
    for (int i = 0; i < Loads; ++i) {
        files.append(dir.filePath(u"file %1.bin"_s.arg(i)));
        QFile file(files.last());
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(LoadBytes)); // sparse: read through like any file, costs no disk
    }
    Lab lab;
    QVERIFY2(lab.start(), qPrintable(lab.errorString()));
    const QStringList routes { u"/bytes/65536"_s, u"/delay/20"_s, u"/json?items=100"_s };
    JobRunner &jobs = lab.jobs();
    QSignalSpy finished(&jobs, &JobRunner::finished);

    const bool peakReset = MemoryUsage::resetPeak();
    const qint64 before = MemoryUsage::rssKib();
    QElapsedTimer timer;
    timer.start();
    QList<int> ids;
    for (int i = 0; i < Fetches; ++i) {
        ids.append(jobs.fetch(lab.server().url(routes.at(i % routes.size())), RunMode::Async));
        if (i % (Fetches / Loads) == 0)
            ids.append(jobs.loadFile(files.at(i / (Fetches / Loads)), RunMode::Async));
    }
    QCOMPARE(ids.size(), Fetches + Loads);
    const qint64 startingMs = timer.elapsed();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), ids.size(), 180000);
    const qint64 elapsed = timer.elapsed();
    const qint64 peak = MemoryUsage::peakRssKib();
    const LagStats lag = lab.monitor().recentStats(double(elapsed));
    // From just after the starting loop's late tick: what running them cost the GUI thread.
    const LagStats running = lab.monitor().recentStats(double(timer.elapsed() - startingMs - 20));
    qInfo("%d fetches + %d loads of %lld MiB in %lld ms (starting them: %lld ms); RSS before "
          "%lld KiB, peak %lld KiB (+%lld KiB, bound +%lld KiB)%s; GUI thread max stall %.0f ms, "
          "%.0f ms once started (bound %.0f ms)",
          Fetches, Loads, LoadBytes >> 20, elapsed, startingMs, before, peak, peak - before,
          PeakGrowthBoundKib, peakReset ? "" : " [peak not resettable]", lag.maxStallMs,
          running.maxStallMs, MaxStallBoundMs);

    QCOMPARE(jobs.runningCount(), 0);
    int loads = 0;
    for (int id : std::as_const(ids)) {
        const OperationRecord *r = lab.log().find(id);
        QVERIFY2(r->status == OperationStatus::Succeeded,
                 qPrintable(r->target + u": "_s + r->error));
        if (r->kind == OperationKind::FileLoad) {
            QCOMPARE(r->bytes, LoadBytes);
            ++loads;
        }
    }
    QCOMPARE(loads, Loads);
    QTRY_COMPARE_WITH_TIMEOUT(lab.server().requestsInFlight(), 0, 5000);
    QVERIFY2(running.maxStallMs < MaxStallBoundMs, qPrintable(QString::number(running.maxStallMs)));
    if (!peakReset)
        QSKIP("the kernel does not let this process reset its peak memory (/proc/self/clear_refs),"
              " so the memory bound cannot be checked");
    QVERIFY2(peak - before < PeakGrowthBoundKib, qPrintable(QString::number(peak - before)));
}

QTEST_GUILESS_MAIN(TestStress)
#include "tst_stress.moc"

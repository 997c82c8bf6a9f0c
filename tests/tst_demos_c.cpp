#include <demos/demoregistry.h>
#include "demorun.h"
#include <demos/backpressuredemo.h>
#include <demos/combinatorsdemo.h>
#include <demos/databasedemo.h>
#include <engine/lab.h>

#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The data-side demos (a database, a stream with backpressure, combinators) run through the
// registry, as the gallery's Run button and `asynclab --demo` do, and what they measured.
class TestDemosC : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void registered();
    void databaseQueryOnWorkerKeepsGuiFree();
    void databaseCancelInterruptsWithin500Ms();
    void backpressureKeepsMemoryFlat();
    void combinatorsReturnWhatTheirDefinitionsSay();
    void combinatorsCancelMidRound();
    void destroyedWhileRunning_data();
    void destroyedWhileRunning();

private:
    using Run = DemoRun;
    Demo *create(const QString &name) { return m_bench.create(name, this); }
    static Run run(Demo *demo, int timeoutMs) { return runDemo(demo, timeoutMs); }

    DemoBench m_bench;
};

void TestDemosC::initTestCase()
{
    QVERIFY2(m_bench.start(), qPrintable(m_bench.errorString()));
}

void TestDemosC::registered()
{
    for (const QString &name : { u"database"_s, u"backpressure"_s, u"combinators"_s }) {
        QVERIFY2(DemoRegistry::names().contains(name), qPrintable(name));
        std::unique_ptr<Demo> demo(create(name));
        QCOMPARE(demo->name(), name);
        QVERIFY(!demo->explanation().isEmpty());
    }
}

void TestDemosC::databaseQueryOnWorkerKeepsGuiFree()
{
    std::unique_ptr<Demo> demo(create(u"database"_s));
    const Run r = run(demo.get(), 60000);
    QCOMPARE(r.finishedCount, 1);
    QVERIFY2(r.outcome.ok, qPrintable(r.outcome.error));
    const QString summary = r.outcome.summary;
    QVERIFY(r.outcome.figures[u"same answer"_s].toBool());
    QVERIFY(figure(r.outcome, u"answer"_s) > 0);
    // On the GUI thread the window froze for about the whole query; on the worker it did not.
    QVERIFY2(figure(r.outcome, u"GUI thread: query ms"_s) >= 500, qPrintable(summary));
    QVERIFY2(figure(r.outcome, u"GUI thread: max stall ms"_s)
                     >= 0.8 * figure(r.outcome, u"GUI thread: query ms"_s),
             qPrintable(summary));
    QVERIFY2(figure(r.outcome, u"worker: max stall ms"_s) < 100, qPrintable(summary));
    QVERIFY(figure(r.outcome, u"worker: progress reports"_s) > 10);
    // The demo's own Cancel: the query stopped inside SQLite, soon.
    QVERIFY(r.outcome.figures[u"cancel: interrupted"_s].toBool());
    QVERIFY2(figure(r.outcome, u"cancel: ms until the query stopped"_s) < 500, qPrintable(summary));
    QVERIFY(r.outcome.figures[u"wrong thread: Qt says"_s].toString().contains(
            u"does not belong to the calling thread"_s));
    QVERIFY(r.outcome.figures[u"wrong thread: connection"_s].toString().startsWith(u"invalid"_s));
    QCOMPARE(r.outcome.bars.size(), 3);
}

void TestDemosC::databaseCancelInterruptsWithin500Ms()
{
    std::unique_ptr<Demo> demo(create(u"database"_s));
    auto *database = static_cast<DatabaseDemo *>(demo.get());
    QSignalSpy finished(demo.get(), &Demo::finished);
    QSignalSpy progress(demo.get(), &Demo::progress);
    const auto workerReported = [&progress] {
        for (const QList<QVariant> &line : std::as_const(progress)) {
            if (line.first().toString().contains(u"% of the query"_s))
                return true;
        }
        return false;
    };
    demo->run();
    // Well inside the query on the worker: SQLite's progress handler has reported.
    QTRY_VERIFY_WITH_TIMEOUT(database->isQueryOnWorker() && workerReported(), 60000);
    QElapsedTimer sinceCancel;
    sinceCancel.start();
    demo->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QVERIFY2(sinceCancel.elapsed() < 500, qPrintable(QString::number(sinceCancel.elapsed())));
    const auto outcome = finished.first().first().value<DemoOutcome>();
    QCOMPARE(outcome.error, u"canceled"_s);
    QVERIFY(!demo->isRunning());
}

void TestDemosC::backpressureKeepsMemoryFlat()
{
    // Runs after the database test on purpose: that test's GUI-thread freeze has already made the
    // stall watchdog load its symbols, a one-time growth of this process's RSS.
    std::unique_ptr<Demo> demo(create(u"backpressure"_s));
    auto *backpressure = static_cast<BackpressureDemo *>(demo.get());
    QCOMPARE(backpressure->options().streamBytes, qint64(256) << 20);
    const Run r = run(demo.get(), 60000);
    QCOMPARE(r.finishedCount, 1);
    QVERIFY2(r.outcome.ok, qPrintable(r.outcome.error));
    const QString summary = r.outcome.summary;
    QVERIFY(r.outcome.figures[u"same data delivered"_s].toBool());
    QCOMPARE(figure(r.outcome, u"bounded: bytes delivered"_s), double(qint64(256) << 20));
    QCOMPARE(figure(r.outcome, u"unbounded: bytes delivered"_s), double(qint64(256) << 20));
    QCOMPARE(r.outcome.figures[u"bounded: SHA-256"_s].toString().size(), 64);
    QVERIFY2(figure(r.outcome, u"bounded: RSS growth MiB"_s) <= 16, qPrintable(summary));
    QVERIFY2(figure(r.outcome, u"unbounded: RSS growth MiB"_s) >= 100, qPrintable(summary));
    QVERIFY2(figure(r.outcome, u"bounded: peak queue bytes"_s)
                     <= double(backpressure->options().readBufferBytes),
             qPrintable(summary));
    QVERIFY2(figure(r.outcome, u"unbounded: peak queue bytes"_s) >= double(100 << 20),
             qPrintable(summary));
    // Bounded, the slow consumer held the producer back; unbounded, the producer was done long
    // before the consumer.
    QVERIFY2(figure(r.outcome, u"bounded: producer waited ms"_s)
                     > 2 * figure(r.outcome, u"unbounded: producer waited ms"_s),
             qPrintable(summary));
    QVERIFY2(figure(r.outcome, u"bounded: producer done ms"_s)
                     >= 0.8 * figure(r.outcome, u"bounded: ms"_s),
             qPrintable(summary));
    QVERIFY2(figure(r.outcome, u"unbounded: producer done ms"_s)
                     < 0.5 * figure(r.outcome, u"unbounded: ms"_s),
             qPrintable(summary));
    QCOMPARE(r.outcome.bars.size(), 4);
}

void TestDemosC::combinatorsReturnWhatTheirDefinitionsSay()
{
    // A slow 600 ms, B slow 900 ms, C fails at once, D fast 100 ms, E fast 200 ms.
    std::unique_ptr<Demo> demo(create(u"combinators"_s));
    const Run r = run(demo.get(), 30000);
    QCOMPARE(r.finishedCount, 1);
    QVERIFY2(r.outcome.ok, qPrintable(r.outcome.error));
    const auto text = [&r](const QString &key) { return r.outcome.figures[key].toString(); };
    const QString summary = r.outcome.summary;

    // all: the first failure ends it, long before the slow requests are done.
    QVERIFY(!r.outcome.figures[u"all: succeeded"_s].toBool());
    QCOMPARE(text(u"all: decided by"_s), u"C fails"_s);
    QCOMPARE(text(u"all: returned"_s), u"failed: C fails: HTTP 500 Internal Server Error"_s);
    QVERIFY2(figure(r.outcome, u"all: decided ms"_s) < 500, qPrintable(summary));

    // all settled: every outcome, the failure among them, once the slowest is done.
    QVERIFY(r.outcome.figures[u"all settled: succeeded"_s].toBool());
    QCOMPARE(text(u"all settled: returned"_s),
             u"A slow: ok, B slow: ok, C fails: HTTP 500 Internal Server Error, D fast: ok, "
             "E fast: ok"_s);
    QCOMPARE(text(u"all settled: decided by"_s), u"B slow"_s);
    QVERIFY2(figure(r.outcome, u"all settled: decided ms"_s) >= 900, qPrintable(summary));

    // any: the first success; the earlier failure does not count.
    QVERIFY(r.outcome.figures[u"any: succeeded"_s].toBool());
    QCOMPARE(text(u"any: returned"_s), u"D fast: ok"_s);
    QVERIFY2(figure(r.outcome, u"any: decided ms"_s) >= 100, qPrintable(summary));
    QVERIFY2(figure(r.outcome, u"any: decided ms"_s) < 600, qPrintable(summary));

    // race: the first to settle, here the failure.
    QVERIFY(!r.outcome.figures[u"race: succeeded"_s].toBool());
    QCOMPARE(text(u"race: decided by"_s), u"C fails"_s);
    QVERIFY2(figure(r.outcome, u"race: decided ms"_s) < 100, qPrintable(summary));

    // Debounce: one request per keystroke without it, one per pause with it.
    QCOMPARE(int(figure(r.outcome, u"search without debounce: requests"_s)),
             int(CombinatorsDemo::typing().size()));
    QCOMPARE(int(figure(r.outcome, u"search with debounce: requests"_s)), 2);
    QCOMPARE(text(u"search with debounce: searched"_s), u"async, asynclab"_s);
    QCOMPARE(r.outcome.bars.size(), 4);
}

void TestDemosC::combinatorsCancelMidRound()
{
    std::unique_ptr<Demo> demo(create(u"combinators"_s));
    QSignalSpy finished(demo.get(), &Demo::finished);
    QSignalSpy progress(demo.get(), &Demo::progress);
    demo->run();
    QTRY_VERIFY(progress.size() >= 1); // the first round's requests are in flight
    demo->cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<DemoOutcome>().error, u"canceled"_s);
    QVERIFY(!finished.wait(1000)); // the aborted requests' chains end without a second one
    // And it runs again to the end.
    const Run again = run(demo.get(), 30000);
    QCOMPARE(again.finishedCount, 1);
    QVERIFY2(again.outcome.ok, qPrintable(again.outcome.error));
}

void TestDemosC::destroyedWhileRunning_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("lines"); // live log lines to wait for before destroying it
    QTest::addRow("database, making the database") << u"database"_s << 0;
    QTest::addRow("database, on the worker") << u"database"_s << -1; // -1: the worker's query
    QTest::addRow("backpressure") << u"backpressure"_s << 3;
    QTest::addRow("combinators") << u"combinators"_s << 1;
}

void TestDemosC::destroyedWhileRunning()
{
    QFETCH(QString, name);
    QFETCH(int, lines);
    // A work folder of its own, so that the database is still being made when the demo goes.
    QTemporaryDir dir;
    QPointer<Demo> demo = DemoRegistry::create(name, m_bench.context(dir.path()), this);
    QSignalSpy progress(demo.get(), &Demo::progress);
    demo->run();
    if (lines >= 0) {
        QTRY_VERIFY_WITH_TIMEOUT(progress.size() >= lines, 30000);
    } else {
        auto *database = static_cast<DatabaseDemo *>(demo.get());
        QTRY_VERIFY_WITH_TIMEOUT(database->isQueryOnWorker(), 60000);
    }
    QVERIFY(demo->isRunning());
    QElapsedTimer timer;
    timer.start();
    delete demo.get();
    QVERIFY(!demo);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    // What it left queued runs now, and must not touch it (ASan would say so).
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

QTEST_GUILESS_MAIN(TestDemosC)
#include "tst_demos_c.moc"

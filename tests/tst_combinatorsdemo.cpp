#include "demorun.h"
#include <demos/combinatorsdemo.h>
#include <demos/demoregistry.h>
#include <engine/lab.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <memory>

using namespace Qt::StringLiterals;

// The combinators demo (all, all settled, any and race over the same requests; typing with and
// without a debounce), run for real against the embedded server as the gallery's Run button and
// `asynclab --demo` run it, and what it measured. What every demo promises is tested in
// tst_democontract.
class TestCombinatorsDemo : public DemoTestCase
{
    Q_OBJECT
private slots:
    void combinatorsReturnWhatTheirDefinitionsSay();
    void combinatorsCancelMidRound();
};

void TestCombinatorsDemo::combinatorsReturnWhatTheirDefinitionsSay()
{
    // A slow 600 ms, B slow 900 ms, C fails at once, D fast 100 ms, E fast 200 ms.
    const DemoOutcome r = runToEnd(u"combinators"_s, 30000);
    if (QTest::currentTestFailed())
        return;
    const auto text = [&r](const QString &row, const QString &column) {
        return r.figure(row, column).toString();
    };
    const QString summary = r.summary;

    // all: the first failure ends it, long before the slow requests are done.
    QVERIFY(!r.figure(u"all"_s, u"succeeded"_s).toBool());
    QCOMPARE(text(u"all"_s, u"decided by"_s), u"C fails"_s);
    QCOMPARE(text(u"all"_s, u"returned"_s), u"failed: C fails: HTTP 500 Internal Server Error"_s);
    QVERIFY2(figure(r, u"all"_s, u"decided"_s) < 500, qPrintable(summary));

    // all settled: every outcome, the failure among them, once the slowest is done.
    QVERIFY(r.figure(u"all settled"_s, u"succeeded"_s).toBool());
    QCOMPARE(text(u"all settled"_s, u"returned"_s),
             u"A slow: ok, B slow: ok, C fails: HTTP 500 Internal Server Error, D fast: ok, "
             "E fast: ok"_s);
    QCOMPARE(text(u"all settled"_s, u"decided by"_s), u"B slow"_s);
    QVERIFY2(figure(r, u"all settled"_s, u"decided"_s) >= 900, qPrintable(summary));

    // any: the first success; the earlier failure does not count.
    QVERIFY(r.figure(u"any"_s, u"succeeded"_s).toBool());
    QCOMPARE(text(u"any"_s, u"returned"_s), u"D fast: ok"_s);
    QVERIFY2(figure(r, u"any"_s, u"decided"_s) >= 100, qPrintable(summary));
    QVERIFY2(figure(r, u"any"_s, u"decided"_s) < 600, qPrintable(summary));

    // race: the first to settle, here the failure.
    QVERIFY(!r.figure(u"race"_s, u"succeeded"_s).toBool());
    QCOMPARE(text(u"race"_s, u"decided by"_s), u"C fails"_s);
    QVERIFY2(figure(r, u"race"_s, u"decided"_s) < 100, qPrintable(summary));

    // Debounce: one request per keystroke without it, one per pause with it.
    QCOMPARE(int(figure(r, u"search without debounce"_s, u"requests"_s)),
             int(CombinatorsDemo::typing().size()));
    QCOMPARE(int(figure(r, u"search with debounce"_s, u"requests"_s)), 2);
    QCOMPARE(text(u"search with debounce"_s, u"searched"_s), u"async, asynclab"_s);
    QCOMPARE(r.bars.size(), 4);
}

void TestCombinatorsDemo::combinatorsCancelMidRound()
{
    std::unique_ptr<Demo> demo(create(u"combinators"_s));
    QSignalSpy finished(demo.get(), &Demo::finished);
    QSignalSpy progress(demo.get(), &Demo::progress);
    demo->run();
    QTRY_VERIFY(progress.size() >= 1); // the first round's requests are in flight
    demo->cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<DemoOutcome>().status, DemoOutcome::Status::Canceled);
    QVERIFY(!finished.wait(1000)); // the aborted requests' chains end without a second one
    // And it runs again to the end.
    const Run again = run(demo.get(), 30000);
    QCOMPARE(again.finishedCount, 1);
    QVERIFY2(again.outcome.ok(), qPrintable(again.outcome.error));
}

QTEST_GUILESS_MAIN(TestCombinatorsDemo)
#include "tst_combinatorsdemo.moc"

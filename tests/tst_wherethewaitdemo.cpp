#include "demorun.h"
#include <demos/wherethewaitdemo.h>
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

// The where-the-wait-happens demo (one slow request waited for on the GUI thread, on workers and on
// the event loop), run for real against the embedded server as the gallery's Run button and
// `asynclab --demo` run it, and what it measured. What every demo promises is tested in
// tst_democontract.
class TestWhereTheWaitDemo : public DemoTestCase
{
    Q_OBJECT
private slots:
    void whereTheWaitHappens();
};

void TestWhereTheWaitDemo::whereTheWaitHappens()
{
    const DemoOutcome r = runToEnd(u"where-the-wait-happens"_s, 20000);
    if (QTest::currentTestFailed())
        return;
    const double guiWaitMs = WhereTheWaitDemo::GuiFetches * WhereTheWaitDemo::DelayMs;
    QVERIFY2(figure(r, u"GUI thread"_s, u"max stall"_s) >= 0.8 * guiWaitMs, qPrintable(r.summary));
    QVERIFY2(figure(r, u"event loop"_s, u"max stall"_s) < 100, qPrintable(r.summary));
    QVERIFY2(figure(r, u"worker threads"_s, u"threads blocked"_s) > 1, qPrintable(r.summary));
    QCOMPARE(figure(r, u"event loop"_s, u"fetches"_s), WhereTheWaitDemo::Fetches);
    // 20 waits of 500 ms overlap: far less than 20 x 500 ms one after another.
    QVERIFY(figure(r, u"event loop"_s, u"time"_s) < 2000);
    QVERIFY(figure(r, u"worker threads"_s, u"time"_s) < 2000);
    QCOMPARE(r.bars.size(), 3);
}

QTEST_GUILESS_MAIN(TestWhereTheWaitDemo)
#include "tst_wherethewaitdemo.moc"

#include "demorun.h"
#include <demos/nestedeventloopdemo.h>
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

// The nested-event-loop demo (a nested loop re-enters a handler, a continuation with a busy flag
// does not), run for real against the embedded server as the gallery's Run button and `asynclab
// --demo` run it, and what it measured. What every demo promises is tested in tst_democontract.
class TestNestedEventLoopDemo : public DemoTestCase
{
    Q_OBJECT
private slots:
    void nestedEventLoop();
};

void TestNestedEventLoopDemo::nestedEventLoop()
{
    const DemoOutcome f = runToEnd(u"nested-event-loop"_s, 10000);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(f.figure(u"nested event loop"_s, u"re-entered"_s).toBool());
    QCOMPARE(f.figure(u"nested event loop"_s, u"order"_s).toString(),
             u"start 1, start 2, end 2, end 1"_s);
    QVERIFY(!f.figure(u"continuation + busy flag"_s, u"re-entered"_s).toBool());
    QCOMPARE(f.figure(u"continuation + busy flag"_s, u"order"_s).toString(),
             u"start 1, end 1, start 2, end 2"_s);
    // The nested loop froze nothing: that is why it is tempting.
    QVERIFY(f.figure(u"nested event loop"_s, u"max stall"_s).toDouble() < 100);
}

QTEST_GUILESS_MAIN(TestNestedEventLoopDemo)
#include "tst_nestedeventloopdemo.moc"

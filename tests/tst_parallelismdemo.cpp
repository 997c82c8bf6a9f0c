#include "demorun.h"
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

// The parallelism demo (hashing on one thread and on every core, fetches one at a time and all at
// once), run for real against the embedded server as the gallery's Run button and `asynclab --demo`
// run it, and what it measured. What every demo promises is tested in tst_democontract.
class TestParallelismDemo : public DemoTestCase
{
    Q_OBJECT
private slots:
    void parallelismUsesEveryCore();
};

void TestParallelismDemo::parallelismUsesEveryCore()
{
    // How much faster all cores are depends on what else the machine runs: bench_parallelism
    // prints that figure. What does not depend on timing is checked here.
    const DemoOutcome r = runToEnd(u"parallelism"_s, 20000);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(r.figure(u"same result"_s).toBool());
    QCOMPARE(r.figure(u"cores"_s).toInt(), QThread::idealThreadCount());
    QCOMPARE(r.figure(u"threads hashing, all cores"_s).toInt(), QThread::idealThreadCount());
}

QTEST_GUILESS_MAIN(TestParallelismDemo)
#include "tst_parallelismdemo.moc"

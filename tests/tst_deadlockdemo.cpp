#include "demorun.h"
#include <demos/deadlockdemo.h>
#include <demos/demoregistry.h>
#include <common/labclock.h>
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

// The deadlock demo (three traps caught by timeouts, each beside its fix), run for real against the
// embedded server as the gallery's Run button and `asynclab --demo` run it, and what it measured.
// What every demo promises is tested in tst_democontract.
class TestDeadlockDemo : public DemoTestCase
{
    Q_OBJECT
private slots:
    void deadlock();
    void deadlockWaitsEndOnCancel_data();
    void deadlockWaitsEndOnCancel();
};

void TestDeadlockDemo::deadlock()
{
    const std::unique_ptr<Demo> demo(demoFactory<DeadlockDemo>()(context(), nullptr));
    ResponsivenessMonitor &monitor = m_bench.lab()->monitor();
    const double start = labNowMs();
    const DemoOutcome outcome = runToEnd(demo.get(), 20000);
    if (QTest::currentTestFailed())
        return;
    const double end = labNowMs();
    const DemoOutcome &f = outcome;
    qInfo().noquote() << outcome.summary;

    QVERIFY(f.figure(u"GUI thread waits on itself"_s, u"detected"_s).toBool());
    const double guiMs = f.figure(u"GUI thread waits on itself"_s, u"to detect"_s).toDouble();
    QVERIFY2(guiMs >= DeadlockDemo::GuiTimeoutMs - 20 && guiMs < DeadlockDemo::GuiTimeoutMs + 500,
             qPrintable(QString::number(guiMs)));
    QVERIFY(f.figure(u"GUI thread, fixed"_s, u"to result"_s).toDouble() < 500);
    // The GUI thread was blocked once, for about the watchdog's timeout, and no longer.
    const double longestFreeze = monitor.maxStallBetween(start, end);
    QVERIFY2(longestFreeze > DeadlockDemo::GuiTimeoutMs / 2
                     && longestFreeze < DeadlockDemo::GuiTimeoutMs + 500,
             qPrintable(QString::number(longestFreeze)));

    QVERIFY(f.figure(u"opposite lock order"_s, u"detected"_s).toBool());
    const double lockMs = f.figure(u"opposite lock order"_s, u"to detect"_s).toDouble();
    QVERIFY(lockMs >= DeadlockDemo::LockTimeoutMs - 20
            && lockMs < DeadlockDemo::LockTimeoutMs + 1000);
    QCOMPARE(f.figure(u"one lock order"_s, u"timeouts"_s).toInt(), 0);

    QVERIFY(f.figure(u"pool starvation"_s, u"detected"_s).toBool());
    const double poolMs = f.figure(u"pool starvation"_s, u"to detect"_s).toDouble();
    QVERIFY(poolMs >= DeadlockDemo::PoolTimeoutMs - 20
            && poolMs < DeadlockDemo::PoolTimeoutMs + 1000);
    QVERIFY(!f.figure(u"pool of two threads"_s, u"timed out"_s).toBool());
    QVERIFY(f.figure(u"pool, continuation"_s, u"time"_s).toDouble() < 500);

    // Afterwards the event loop runs freely again.
    const double after = labNowMs();
    QTRY_VERIFY(!monitor.samples().empty() && monitor.samples().back().atMs > after + 300);
    const double stallAfter = monitor.statsBetween(after, labNowMs()).maxStallMs;
    QVERIFY2(stallAfter < 100, qPrintable(QString::number(stallAfter)));
}

void TestDeadlockDemo::deadlockWaitsEndOnCancel_data()
{
    QTest::addColumn<QString>("step"); // the start of the progress line that begins the wait
    QTest::addColumn<bool>("destroy");
    for (const char *step : { "(b)", "(c)" }) {
        QTest::addRow("%s canceled", step) << QString::fromLatin1(step) << false;
        QTest::addRow("%s destroyed", step) << QString::fromLatin1(step) << true;
    }
}

// The lock-order and pool-starvation traps wait a whole second for their timeouts; a cancel or
// the demo's destruction ends those waits at once instead.
void TestDeadlockDemo::deadlockWaitsEndOnCancel()
{
    QFETCH(QString, step);
    QFETCH(bool, destroy);
    QPointer<Demo> demo = demoFactory<DeadlockDemo>()(context(), nullptr);
    QSignalSpy finished(demo.get(), &Demo::finished);
    bool waiting = false;
    connect(demo.get(), &Demo::progress, this,
            [&waiting, step](const QString &line) { waiting = waiting || line.startsWith(step); });
    demo->run();
    QTRY_VERIFY_WITH_TIMEOUT(waiting, 10000);
    QTest::qWait(100); // well into the one-second wait
    QElapsedTimer timer;
    timer.start();
    if (destroy) {
        delete demo.get();
    } else {
        demo->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        QCOMPARE(finished.at(0).at(0).value<DemoOutcome>().status, DemoOutcome::Status::Canceled);
    }
    const qint64 ms = timer.elapsed();
    qInfo("%s: over after %lld ms", destroy ? "destroyed" : "canceled", ms);
    // Left alone, the timeouts would end the waits 900 ms from here at the earliest; a cancel ends
    // them within a 20 ms slice, and what comes on top is the machine's scheduling, generously.
    QVERIFY2(ms < 600, qPrintable(QString::number(ms)));
    delete demo.get();
}

QTEST_GUILESS_MAIN(TestDeadlockDemo)
#include "tst_deadlockdemo.moc"

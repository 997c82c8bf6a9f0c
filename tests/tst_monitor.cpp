#include <common/labclock.h>
#include <stalls/responsivenessmonitor.h>

#include <QSignalSpy>
#include <QTest>
#include <QThread>

class TestMonitor : public QObject
{
    Q_OBJECT
private slots:
    void quietWhenIdle();
    void seesDeliberateBlock();
    void statsCoverOnlyTheAskedInterval();
};

void TestMonitor::quietWhenIdle()
{
    ResponsivenessMonitor monitor;
    monitor.start();
    const double start = labNowMs();
    QTRY_VERIFY_WITH_TIMEOUT(labNowMs() - start > 500, 2000);
    const LagStats stats = monitor.statsBetween(start, labNowMs());
    QVERIFY2(stats.samples > 20, qPrintable(QString::number(stats.samples)));
    QVERIFY2(stats.maxStallMs < 100, qPrintable(QString::number(stats.maxStallMs)));
    QCOMPARE(stats.stallsOver50Ms, 0);
}

void TestMonitor::seesDeliberateBlock()
{
    ResponsivenessMonitor monitor;
    monitor.start();
    QTRY_VERIFY(monitor.samples().size() >= 5);
    const double start = labNowMs();
    QThread::msleep(300); // the deliberate block of the GUI thread
    monitor.checkpoint();
    const double end = labNowMs();
    const double stall = monitor.maxStallBetween(start, end);
    QVERIFY2(stall >= 280 && stall < 1000, qPrintable(QString::number(stall)));
    QVERIFY(monitor.statsBetween(start, end).stallsOver50Ms >= 1);
}

void TestMonitor::statsCoverOnlyTheAskedInterval()
{
    ResponsivenessMonitor monitor;
    monitor.start();
    QTRY_VERIFY(monitor.samples().size() >= 3);
    QThread::msleep(200);
    monitor.checkpoint();
    const double blockEnd = labNowMs();
    QTRY_VERIFY(monitor.statsBetween(blockEnd, labNowMs()).samples >= 10);
    const double quietStart = labNowMs();
    QTRY_VERIFY(monitor.statsBetween(quietStart, labNowMs()).samples >= 20);
    QVERIFY(monitor.maxStallBetween(quietStart, labNowMs()) < 100);
    QVERIFY(monitor.recentStats(5000).maxStallMs >= 180);
}

QTEST_GUILESS_MAIN(TestMonitor)
#include "tst_monitor.moc"

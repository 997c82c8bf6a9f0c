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
    void stallsBelongToTheSpanThatHoldsMostOfThem();
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

void TestMonitor::stallsBelongToTheSpanThatHoldsMostOfThem()
{
    ResponsivenessMonitor monitor;
    monitor.addSample({ 1000, 60 }); // 940 to 1000: mostly before the span
    monitor.addSample({ 1100, 50 }); // not over the threshold
    monitor.addSample({ 1200, 51 });
    monitor.addSample({ 1400, 300 }); // 1100 to 1400, due a little before the span's start
    monitor.addSample({ 2050, 150 }); // 1900 to 2050: mostly inside
    monitor.addSample({ 2200, 400 }); // 1800 to 2200: mostly after
    const QList<LagSample> stalls = monitor.stallsDuring(1101, 2000);
    QCOMPARE(stalls.size(), 3);
    QCOMPARE(stalls.at(0).atMs, 1200.0);
    QCOMPARE(stalls.at(1).atMs, 1400.0);
    QCOMPARE(stalls.at(2).atMs, 2050.0);
}

QTEST_GUILESS_MAIN(TestMonitor)
#include "tst_monitor.moc"

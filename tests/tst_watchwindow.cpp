#include <widgets/lagchartwidget.h>
#include <widgets/stallspanel.h>
#include <watch/watchsession.h>
#include <windows/watchwindow.h>

#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

// The Watch window shows what a watch of a real program collects, while it runs and after.
class TestWatchWindow : public QObject
{
    Q_OBJECT
private slots:
    void showsTheProgramsStall();
};

void TestWatchWindow::showsTheProgramsStall()
{
    WatchSession session;
    session.setProgram(QStringLiteral(CORE_FIXTURE),
                       { u"--freeze"_s, u"300"_s, u"--exit"_s, u"5"_s });
    WatchWindow window(&session);
    window.show();
    QSignalSpy finished(&session, &WatchSession::finished);
    QVERIFY(finished.isValid());
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.probe(), WatchSession::Probe::Running, 20000);
    QVERIFY(window.statusText().startsWith(u"Watching "_s));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(finished.at(0).at(0).toInt(), 5);
    QCOMPARE(window.stalls()->listView()->count(), 1);
    QVERIFY(window.stalls()->listView()->item(0)->text().contains(u"parseRecords"_s));
    QVERIFY(window.summaryText().contains(u"stalls > 50 ms: 1"_s));
    QVERIFY(window.statusText().contains(u"exit status 5"_s));
    window.chart()->refresh();
    double highest = 0;
    for (const QPointF &point : window.chart()->lagPoints())
        highest = std::max(highest, point.y());
    QVERIFY2(highest > 250, qPrintable(QString::number(highest))); // the freeze, on the chart
    QVERIFY(session.serverName().isEmpty() || !QFile::exists(session.serverName()));
}

QTEST_MAIN(TestWatchWindow)
#include "tst_watchwindow.moc"

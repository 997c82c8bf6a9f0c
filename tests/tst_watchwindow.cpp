#include <widgets/lagchartwidget.h>
#include <widgets/stallspanel.h>
#include <watch/watchsession.h>
#include <windows/watchwindow.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The Watch window shows what a watch of a real program collects, while it runs and after.
class TestWatchWindow : public QObject
{
    Q_OBJECT
private slots:
    void showsTheProgramsStall();
    void keepsTheHistoryWhenTheProgramEnds();
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
    // A slow start (under the sanitizers) is listed too, marked as start-up.
    QList<StallRecord> freezes;
    for (const StallRecord &record : window.stalls()->records()) {
        if (!record.startUp)
            freezes.append(record);
    }
    QCOMPARE(freezes.size(), 1);
    QCOMPARE(freezes.constFirst().culprit.function, u"parseRecords"_s);
    QVERIFY2(window.summaryText().contains(u"stalls > 50 ms: 1"_s),
             qPrintable(window.summaryText()));
    QVERIFY(window.statusText().contains(u"exit status 5"_s));
    window.chart()->refresh();
    double highest = 0;
    for (const QPointF &point : window.chart()->lagPoints())
        highest = std::max(highest, point.y());
    QVERIFY2(highest > 250, qPrintable(QString::number(highest))); // the freeze, on the chart
    QCOMPARE(window.chart()->stallMarkers().size(), window.stalls()->records().size());
    QVERIFY(session.serverName().isEmpty() || !QFile::exists(session.serverName()));
}

// A program frozen for good: the freeze shows live while it grows, and when the watch ends the
// window keeps it (open), the chart stops at the end, and the report can be saved.
void TestWatchWindow::keepsTheHistoryWhenTheProgramEnds()
{
    WatchSession session;
    session.setProgram(QStringLiteral(CORE_FIXTURE), { u"--forever"_s, u"--delay"_s, u"300"_s });
    session.setDurationMs(2500);
    WatchWindow window(&session);
    window.show();
    QSignalSpy finished(&session, &WatchSession::finished);
    QVERIFY(finished.isValid());
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(window.liveStallText().contains(u"spinForever"_s), 20000);
    QVERIFY(window.liveStallText().startsWith(u"Frozen now: "_s));
    QVERIFY(window.chart()->isFollowing());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QVERIFY(window.liveStallText().isEmpty());
    const StallRecord last = window.stalls()->records().constLast();
    QVERIFY(last.open);
    QCOMPARE(last.culprit.function, u"spinForever"_s);
    QVERIFY(!window.chart()->isFollowing()); // stopped at the end, the whole watch in view
    QVERIFY(!window.chart()->isUpdating());
    QVERIFY(!window.legendText().isEmpty());
    QTemporaryDir dir;
    QVERIFY(window.saveReport(dir.filePath(u"report.txt"_s)));
    QFile text(dir.filePath(u"report.txt"_s));
    QVERIFY(text.open(QIODevice::ReadOnly));
    QVERIFY(text.readAll().contains("still going when the watch ended"));
    QVERIFY(window.saveReport(dir.filePath(u"report.json"_s)));
    QFile json(dir.filePath(u"report.json"_s));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject report = QJsonDocument::fromJson(json.readAll()).object();
    QCOMPARE(report.value(u"stallCount"_s).toInt(), 1);
    QVERIFY(!window.saveReport(dir.filePath(u"no/such/dir/report.txt"_s)));
}

QTEST_MAIN(TestWatchWindow)
#include "tst_watchwindow.moc"

#include <demokit/figuretable.h>
#include <common/units.h>

#include <QTest>

using namespace Qt::StringLiterals;

// A demo's figures as the gallery's table shows them: rows and columns in the order the demo
// gave them, units in the headers, a figure of the whole run spanning its row.
class TestFigureTable : public QObject
{
    Q_OBJECT
private slots:
    void groupsRowsInTheDemosOrder();
    void fallsBackToAList();
    void outcomeFindsFiguresByField();
    void statusHasOneName_data();
    void statusHasOneName();
    void durationsReadAsTheTextSaysThem_data();
    void durationsReadAsTheTextSaysThem();
};

void TestFigureTable::groupsRowsInTheDemosOrder()
{
    DemoOutcome outcome;
    outcome.setFigure(u"max in flight 2"_s, u"time"_s, 2535, u"ms"_s);
    outcome.setFigure(u"max in flight 2"_s, u"server peak"_s, 2);
    outcome.setFigure(u"max in flight 16"_s, u"time"_s, 407, u"ms"_s);
    outcome.setFigure(u"max in flight 16"_s, u"server peak"_s, 16);
    outcome.setRunFigure(u"limit respected"_s, true);
    const FigureTable table = figureTable(outcome.figures);
    QCOMPARE(table.columns, QStringList({ u"time (ms)"_s, u"server peak"_s }));
    QCOMPARE(table.rows.size(), 3);
    QCOMPARE(table.rows.at(0).name, u"max in flight 2"_s); // not sorted: as the demo gave them
    QCOMPARE(table.rows.at(0).values, QStringList({ u"2535"_s, u"2"_s }));
    QVERIFY(!table.rows.at(0).spans);
    QCOMPARE(table.rows.at(1).name, u"max in flight 16"_s);
    QCOMPARE(table.rows.at(1).values, QStringList({ u"407"_s, u"16"_s }));
    QCOMPARE(table.rows.at(2).name, u"limit respected"_s);
    QCOMPARE(table.rows.at(2).values, QStringList({ u"yes"_s }));
    QVERIFY(table.rows.at(2).spans);
}

void TestFigureTable::fallsBackToAList()
{
    // nothing shares a row: one figure a row, the unit beside its value
    DemoOutcome single;
    single.setFigure(u"CPU, one thread"_s, u"time"_s, 322, u"ms"_s);
    single.setRunFigure(u"cores"_s, 2);
    FigureTable table = figureTable(single.figures);
    QCOMPARE(table.columns, QStringList({ u"Value"_s }));
    QCOMPARE(table.rows.size(), 2);
    QCOMPARE(table.rows.at(0).name, u"CPU, one thread, time"_s);
    QCOMPARE(table.rows.at(0).values, QStringList({ u"322 ms"_s }));
    QCOMPARE(table.rows.at(1).name, u"cores"_s);
    // too many different columns to read as a grid
    DemoOutcome wide;
    for (const char *column : { "a", "b", "c", "d", "e", "f" })
        wide.setFigure(u"x"_s, QString::fromLatin1(column), 1);
    wide.setFigure(u"y"_s, u"a"_s, 2);
    table = figureTable(wide.figures);
    QCOMPARE(table.columns, QStringList({ u"Value"_s }));
    QCOMPARE(table.rows.size(), 7);
}

void TestFigureTable::outcomeFindsFiguresByField()
{
    DemoOutcome outcome;
    outcome.setFigure(u"bounded"_s, u"time"_s, 10, u"ms"_s);
    outcome.setFigure(u"bounded"_s, u"time"_s, 12, u"ms"_s); // replaces, keeps its place
    outcome.setRunFigure(u"time"_s, 99, u"ms"_s); // no row: another figure
    QCOMPARE(outcome.figures.size(), 2);
    QCOMPARE(outcome.figure(u"bounded"_s, u"time"_s).toDouble(), 12.0);
    QCOMPARE(outcome.figure(u"time"_s).toDouble(), 99.0);
    QVERIFY(outcome.figure(u"unbounded"_s, u"time"_s).isUndefined());
    QCOMPARE(outcome.figures.at(0).valueText(), u"12 ms"_s);
}

void TestFigureTable::statusHasOneName_data()
{
    QTest::addColumn<DemoOutcome::Status>("status");
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("ok");
    QTest::newRow("done") << DemoOutcome::Status::Done << u"done"_s << true;
    QTest::newRow("canceled") << DemoOutcome::Status::Canceled << u"canceled"_s << false;
    QTest::newRow("failed") << DemoOutcome::Status::Failed << u"failed"_s << false;
}

void TestFigureTable::statusHasOneName()
{
    QFETCH(DemoOutcome::Status, status);
    QFETCH(QString, key);
    QFETCH(bool, ok);
    QCOMPARE(DemoOutcome::statusKey(status), key);
    DemoOutcome outcome;
    outcome.status = status;
    QCOMPARE(outcome.ok(), ok);
}

void TestFigureTable::durationsReadAsTheTextSaysThem_data()
{
    QTest::addColumn<double>("ms");
    QTest::addRow("tenths") << 3.72;
    QTest::addRow("below one") << 0.62;
    QTest::addRow("whole") << 62.4;
    QTest::addRow("hundreds") << 850.5;
}

// A demo's text gives a duration with formatDuration(); its table and its bars give the same
// number, not "3.72" or "4" beside "3.7 ms".
void TestFigureTable::durationsReadAsTheTextSaysThem()
{
    QFETCH(double, ms);
    DemoOutcome outcome;
    outcome.setFigure(u"run"_s, u"time"_s, ms, u"ms"_s);
    outcome.setFigure(u"run"_s, u"late"_s, ms, u"ms late"_s);
    outcome.setFigure(u"run"_s, u"memory"_s, ms, u"MiB"_s);
    outcome.bars = { { u"run"_s, ms } };
    outcome.barsUnit = u"ms longest freeze"_s;
    outcome.roundDurations();
    const FigureTable table = figureTable(outcome.figures);
    QCOMPARE(table.rows.size(), 1);
    const QString said = formatDuration(ms);
    QCOMPARE(table.rows.at(0).values.at(0) + u" ms"_s, said);
    QCOMPARE(table.rows.at(0).values.at(1) + u" ms"_s, said);
    QCOMPARE(outcome.figure(u"run"_s, u"memory"_s).toDouble(), ms); // not a duration
    QCOMPARE(formatDuration(outcome.bars.at(0).second), said);
    QCOMPARE(outcome.bars.at(0).second, roundedMs(ms));
}

QTEST_GUILESS_MAIN(TestFigureTable)
#include "tst_figuretable.moc"

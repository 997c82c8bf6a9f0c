#include <demos/demoregistry.h>
#include <engine/lab.h>
#include "processrunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
using Outcome = ProcessOutcome;
Outcome run(const QStringList &arguments, int timeoutMs = 30000)
{
    return runProcess(QStringLiteral(ASYNCLAB_EXECUTABLE), arguments, timeoutMs);
}

// The figure with this row and column in a demo's JSON; empty when there is none.
QJsonObject figureIn(const QJsonObject &json, const QString &row, const QString &column)
{
    const QJsonArray figures = json["figures"_L1].toArray();
    for (const QJsonValue &figure : figures) {
        if (figure["row"_L1].toString() == row && figure["column"_L1].toString() == column)
            return figure.toObject();
    }
    return {};
}
} // namespace

// `asynclab --demo`, run the way a person would from a terminal.
class TestDemoCli : public QObject
{
    Q_OBJECT
private slots:
    void listNamesEveryDemo();
    void unknownNameExitsTwo();
    void variantOutOfRangeExitsTwo();
    void demoPrintsItsOutcome();
    void demoPrintsJson();
    void dataDemosPrintJson_data();
    void dataDemosPrintJson();
};

void TestDemoCli::listNamesEveryDemo()
{
    const Outcome o = run({ u"--demo"_s, u"list"_s, u"--json"_s });
    QCOMPARE(o.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(o.out).array();
    QCOMPARE(list.size(), DemoRegistry::all().size());
    Lab lab;
    QTemporaryDir dir;
    for (int i = 0; i < list.size(); ++i) {
        const DemoEntry &entry = DemoRegistry::all().at(i);
        QCOMPARE(list[i]["name"_L1].toString(), entry.name);
        QVERIFY(!entry.title.isEmpty());
        QCOMPARE(list[i]["title"_L1].toString(), entry.title);
        // The list is read from the registry; the demo it makes has the same name and title.
        const std::unique_ptr<Demo> demo(
                DemoRegistry::create(entry.name, DemoRegistry::contextFor(&lab, dir.path())));
        QCOMPARE(demo->name(), entry.name);
        QCOMPARE(demo->title(), entry.title);
    }
    const Outcome text = run({ u"--demo"_s, u"list"_s });
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("three-styles"));
}

void TestDemoCli::unknownNameExitsTwo()
{
    const Outcome o = run({ u"--demo"_s, u"no-such-demo"_s });
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains("unknown demo \"no-such-demo\""), o.err.constData());
    QVERIFY(o.err.contains("--demo list"));
    QVERIFY(o.out.isEmpty());
}

void TestDemoCli::variantOutOfRangeExitsTwo()
{
    const Outcome o = run({ u"--demo"_s, u"servers"_s, u"--variant"_s, u"3"_s });
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains("demo servers has 2 variants: wait 100 ms;"), o.err.constData());
    QVERIFY(o.out.isEmpty());
    const Outcome none = run({ u"--demo"_s, u"race"_s, u"--variant"_s, u"1"_s });
    QCOMPARE(none.exitCode, 2);
    QVERIFY2(none.err.contains("demo race has no variants"), none.err.constData());
    const Outcome alone = run({ u"--variant"_s, u"1"_s });
    QCOMPARE(alone.exitCode, 2);
    QVERIFY(alone.err.contains("--variant applies to --demo NAME only"));
}

void TestDemoCli::demoPrintsItsOutcome()
{
    const Outcome o = run({ u"--demo"_s, u"three-styles"_s });
    QCOMPARE(o.exitCode, 0);
    QVERIFY2(o.out.contains("All three styles wrote the same"), o.out.constData());
    QVERIFY(o.out.contains("files identical"));
    QVERIFY(o.err.contains("coroutines, /badjson: parse failed")); // the live log
}

void TestDemoCli::demoPrintsJson()
{
    const Outcome o = run({ u"--demo"_s, u"event-loop"_s, u"--json"_s });
    QCOMPARE(o.exitCode, 0);
    QVERIFY(o.err.isEmpty()); // no live log with --json
    const QJsonObject json = QJsonDocument::fromJson(o.out).object();
    QCOMPARE(json["demo"_L1].toString(), u"event-loop"_s);
    QCOMPARE(json["ok"_L1].toBool(), true);
    QVERIFY(!json["summary"_L1].toString().isEmpty());
    QCOMPARE(json["status"_L1].toString(), u"done"_s);
    const QJsonObject tick = figureIn(json, u"loop blocked"_s, u"timer tick"_s);
    QVERIFY(tick["value"_L1].toDouble() >= 250);
    QCOMPARE(tick["unit"_L1].toString(), u"ms late"_s);
    QCOMPARE(json["bars"_L1].toArray().size(), 6);
}

void TestDemoCli::dataDemosPrintJson_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("row"); // of a figure that must be true
    QTest::addColumn<QString>("column");
    // One demo whose figure is a yes/no in a row and a column: the other demos' figures reach the
    // same JSON writer, and their own tests check them (a demo run here takes 6-10 s).
    QTest::addRow("combinators") << u"combinators"_s << u"any"_s << u"succeeded"_s;
}

void TestDemoCli::dataDemosPrintJson()
{
    QFETCH(QString, name);
    QFETCH(QString, row);
    QFETCH(QString, column);
    const Outcome o = run({ u"--demo"_s, name, u"--json"_s }, 90000);
    QCOMPARE(o.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(o.out).object();
    QCOMPARE(json["demo"_L1].toString(), name);
    QCOMPARE(json["ok"_L1].toBool(), true);
    QVERIFY(!json["summary"_L1].toString().isEmpty());
    QVERIFY2(figureIn(json, row, column)["value"_L1].toBool(), o.out.constData());
    QVERIFY(!json["bars"_L1].toArray().isEmpty());
}

QTEST_GUILESS_MAIN(TestDemoCli)
#include "tst_democli.moc"

#include "processrunner.h"

#include <learn/lesson.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
ProcessOutcome run(const QStringList &arguments)
{
    return runProcess(QStringLiteral(ASYNCLAB_EXECUTABLE), arguments, 60000);
}
} // namespace

// `asynclab --lesson`, run the way a person would from a terminal.
class TestLessonCli : public QObject
{
    Q_OBJECT
private slots:
    void listNamesEveryLesson();
    void badNumberExitsTwo_data();
    void badNumberExitsTwo();
    void lessonPrintsItsJudgment();
    void modeChangesTheJudgment_data();
    void modeChangesTheJudgment();
};

void TestLessonCli::listNamesEveryLesson()
{
    const ProcessOutcome json = run({ u"--lesson"_s, u"list"_s, u"--json"_s });
    QCOMPARE(json.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(json.out).array();
    QCOMPARE(list.size(), Course::size());
    for (const Lesson &lesson : Course::lessons()) {
        QCOMPARE(list[lesson.number - 1]["number"_L1].toInt(), lesson.number);
        QCOMPARE(list[lesson.number - 1]["title"_L1].toString(), lesson.title);
        QCOMPARE(list[lesson.number - 1]["question"_L1].toString(), lesson.question);
        QCOMPARE(list[lesson.number - 1]["choices"_L1].toArray().size(), lesson.choices.size());
    }
    const ProcessOutcome text = run({ u"--lesson"_s, u"list"_s });
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains(Course::find(1)->title.toUtf8()));
}

void TestLessonCli::badNumberExitsTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("says");
    QTest::addRow("past the end") << QStringList { u"--lesson"_s, u"99"_s }
                                  << "no lesson \"99\""_ba;
    QTest::addRow("zero") << QStringList { u"--lesson"_s, u"0"_s } << "no lesson \"0\""_ba;
    QTest::addRow("a word") << QStringList { u"--lesson"_s, u"first"_s }
                            << "no lesson \"first\""_ba;
    QTest::addRow("delay without a lesson")
            << QStringList { u"--demo"_s, u"race"_s, u"--delay"_s, u"5"_s } << "--delay applies"_ba;
    QTest::addRow("delay not a number")
            << QStringList { u"--lesson"_s, u"1"_s, u"--delay"_s, u"soon"_s } << "--delay takes"_ba;
    QTest::addRow("prediction past the choices")
            << QStringList { u"--lesson"_s, u"1"_s, u"--predict"_s, u"4"_s }
            << "--predict takes the number of one of lesson 1's choices, 1 to 3"_ba;
    QTest::addRow("prediction without a lesson")
            << QStringList { u"--demo"_s, u"race"_s, u"--predict"_s, u"1"_s }
            << "--predict applies"_ba;
}

void TestLessonCli::badNumberExitsTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, says);
    const ProcessOutcome o = run(arguments);
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains(says), o.err.constData());
    QVERIFY(o.out.isEmpty());
}

void TestLessonCli::lessonPrintsItsJudgment()
{
    const ProcessOutcome o =
            run({ u"--lesson"_s, u"1"_s, u"--delay"_s, u"300"_s, u"--predict"_s, u"1"_s });
    QCOMPARE(o.exitCode, 0);
    const QString text = QString::fromUtf8(o.out);
    QVERIFY2(text.contains(Course::find(1)->question), qPrintable(text));
    QVERIFY2(text.contains(u"right      2. "_s), qPrintable(text));
    QVERIFY2(text.contains(u"you said   1. %1 (not this time)"_s.arg(Course::find(1)->choices[0])),
             qPrintable(text));
}

void TestLessonCli::modeChangesTheJudgment_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("right");
    QTest::addRow("blocking") << u"blocking"_s << 1; // about as long as the server takes
    QTest::addRow("async") << u"async"_s << 0; // not at all
}

void TestLessonCli::modeChangesTheJudgment()
{
    QFETCH(QString, mode);
    QFETCH(int, right);
    const ProcessOutcome o =
            run({ u"--lesson"_s, u"1"_s, u"--mode"_s, mode, u"--delay"_s, u"300"_s, u"--json"_s });
    QCOMPARE(o.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(o.out).object();
    QCOMPARE(json["mode"_L1].toString().toLower(), mode);
    QCOMPARE(json["choices"_L1].toArray().size(), Course::find(1)->choices.size());
    QVERIFY(json["measured"_L1].toObject().contains(u"maxStallMs"_s));
    const QJsonObject judgment = json["judgment"_L1].toObject();
    QCOMPARE(judgment["verdict"_L1].toString(), u"clear"_s);
    QCOMPARE(judgment["rightIndex"_L1].toInt(-1), right);
    QCOMPARE(judgment["rightChoice"_L1].toString(), Course::find(1)->choices[right]);
    QVERIFY(!judgment.contains(u"prediction"_s)); // none given
}

QTEST_GUILESS_MAIN(TestLessonCli)
#include "tst_lessoncli.moc"

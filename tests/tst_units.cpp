#include <engine/lab.h>
#include <common/oneline.h>
#include <engine/report.h>
#include <common/units.h>

#include <QJsonObject>
#include <QJsonValue>
#include <QTest>

using namespace Qt::StringLiterals;

// How numbers read for people: sizes, durations, chart steps and demo figures.
class TestUnits : public QObject
{
    Q_OBJECT
private slots:
    void bytes_data();
    void bytes();
    void durations_data();
    void durations();
    void steps_data();
    void steps();
    void figures_data();
    void figures();
    void ratios_data();
    void ratios();
    void oneLineCuts_data();
    void oneLineCuts();
    void summaryStaysShort();
    void freezeLongerThanTheWorkIsExplained_data();
    void freezeLongerThanTheWorkIsExplained();
    void sampleFiles();
};

void TestUnits::bytes_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("text");
    QTest::addRow("zero") << qint64(0) << u"0 B"_s;
    QTest::addRow("under a KiB") << qint64(1023) << u"1023 B"_s;
    QTest::addRow("one KiB") << qint64(1024) << u"1.0 KiB"_s;
    QTest::addRow("64 MiB") << (qint64(64) << 20) << u"64.0 MiB"_s;
    QTest::addRow("4 GiB + 1") << (qint64(4) << 30) + 1 << u"4.0 GiB"_s;
    QTest::addRow("beyond TiB") << (qint64(2048) << 40) << u"2048.0 TiB"_s;
}

void TestUnits::bytes()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, text);
    QCOMPARE(formatBytes(bytes), text);
}

void TestUnits::durations_data()
{
    QTest::addColumn<double>("ms");
    QTest::addColumn<QString>("text");
    QTest::addRow("sub-ms") << 0.25 << u"0.3 ms"_s;
    QTest::addRow("ms") << 850.0 << u"850 ms"_s;
    QTest::addRow("seconds") << 2000.0 << u"2.00 s"_s;
    QTest::addRow("tens of seconds") << 30000.0 << u"30.0 s"_s;
}

void TestUnits::durations()
{
    QFETCH(double, ms);
    QFETCH(QString, text);
    QCOMPARE(formatDuration(ms), text);
}

void TestUnits::steps_data()
{
    QTest::addColumn<double>("range");
    QTest::addColumn<int>("ticks");
    QTest::addColumn<double>("step");
    QTest::addRow("30 s in 6") << 30.0 << 6 << 5.0;
    QTest::addRow("100 ms in 5") << 100.0 << 5 << 20.0;
    QTest::addRow("2000 ms in 5") << 2000.0 << 5 << 500.0;
    QTest::addRow("12 in 5") << 12.0 << 5 << 2.5;
    QTest::addRow("0.7 in 7") << 0.7 << 7 << 0.1;
}

void TestUnits::steps()
{
    QFETCH(double, range);
    QFETCH(int, ticks);
    QFETCH(double, step);
    QCOMPARE(niceStep(range, ticks), step);
}

void TestUnits::figures_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("text");
    QTest::addRow("true") << QJsonValue(true) << u"yes"_s;
    QTest::addRow("false") << QJsonValue(false) << u"no"_s;
    QTest::addRow("whole") << QJsonValue(42) << u"42"_s;
    QTest::addRow("millions, not 1.25e+06") << QJsonValue(1250000) << u"1250000"_s;
    QTest::addRow("fraction") << QJsonValue(3.14159) << u"3.14"_s;
    QTest::addRow("trailing zero") << QJsonValue(1.50) << u"1.5"_s;
    QTest::addRow("text") << QJsonValue(u"stale"_s) << u"stale"_s;
}

void TestUnits::figures()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, text);
    QCOMPARE(formatFigure(value), text);
}

void TestUnits::ratios_data()
{
    QTest::addColumn<double>("blocking");
    QTest::addColumn<double>("async");
    QTest::addColumn<QString>("words");
    QTest::addRow("a few times") << 2000.0 << 500.0 << u"4.0× shorter"_s;
    QTest::addRow("hundreds") << 2000.0 << 7.3 << u"274× shorter"_s;
    // a near-zero Async figure is mostly noise: capped, not printed to four digits
    QTest::addRow("past a thousand") << 2000.0 << 0.1667 << u">1000× shorter"_s;
    QTest::addRow("longer") << 100.0 << 300.0 << u"3.0× longer"_s;
    QTest::addRow("same") << 100.0 << 101.0 << u"about the same"_s;
}

void TestUnits::ratios()
{
    QFETCH(double, blocking);
    QFETCH(double, async);
    QFETCH(QString, words);
    Report::ComparisonFigure figure;
    figure.blocking = blocking;
    figure.async = async;
    QCOMPARE(figure.formattedRatio(), words);
}

void TestUnits::oneLineCuts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("line");
    QTest::addRow("short") << u"abc"_s << u"abc"_s;
    QTest::addRow("exactly 200") << QString(200, u'x') << QString(200, u'x');
    QTest::addRow("201") << QString(201, u'x') << QString(200, u'x') + u"…"_s;
    QTest::addRow("70 000") << QString(70000, u'x') << QString(200, u'x') + u"…"_s;
    QTest::addRow("line breaks") << u"a\nb\r\nc\td"_s << u"a b  c d"_s;
}

void TestUnits::oneLineCuts()
{
    QFETCH(QString, text);
    QFETCH(QString, line);
    QCOMPARE(oneLine(text), line);
}

void TestUnits::summaryStaysShort()
{
    OperationRecord record;
    record.kind = OperationKind::Fetch;
    record.target = u"http://127.0.0.1/"_s + QString(70000, u'a');
    record.status = OperationStatus::Failed;
    record.error = u"HTTP 431 Request Header Fields Too Large"_s;
    const QString summary = Report::operationSummaryHtml(record);
    QVERIFY2(summary.size() < 600, qPrintable(summary.left(700)));
    QVERIFY(summary.contains(u"…"_s));
    QVERIFY(summary.contains(record.error));
}

void TestUnits::freezeLongerThanTheWorkIsExplained_data()
{
    QTest::addColumn<double>("maxStallMs");
    QTest::addColumn<bool>("longer");
    QTest::addRow("the drawing after it too") << 2020.0 << true;
    QTest::addRow("as long") << 2011.0 << false;
    QTest::addRow("part of it") << 500.0 << false;
}

// A blocking fetch's freeze also holds the drawing of its result, so it can outlast the fetch:
// "took 2.01 s, froze 2.02 s" reads as a mistake to a beginner, so the words say why.
void TestUnits::freezeLongerThanTheWorkIsExplained()
{
    QFETCH(double, maxStallMs);
    QFETCH(bool, longer);
    OperationRecord record;
    record.kind = OperationKind::Fetch;
    record.mode = RunMode::Blocking;
    record.target = u"http://127.0.0.1/delay/2000"_s;
    record.status = OperationStatus::Succeeded;
    record.startMs = 1000;
    record.endMs = 3011;
    record.maxStallMs = maxStallMs;
    const QString summary = Report::operationSummaryHtml(record);
    const QString stall = formatDuration(maxStallMs);
    QVERIFY2(summary.contains(stall), qPrintable(summary)); // one number, the measured one
    QCOMPARE(summary.contains(u"longest freeze"_s), !longer);
    QVERIFY2(summary.contains(u"while it drew the result"_s) == longer, qPrintable(summary));
    const QString lesson = Report::modeLessonHtml(record);
    QVERIFY2(lesson.contains(u"%1 of it"_s.arg(stall)) == !longer, qPrintable(lesson));
}

void TestUnits::sampleFiles()
{
    Lab lab;
    QCOMPARE(Lab::sampleFileName(1024), u"asynclab-sample-1024.txt"_s);
    lab.setSampleDir(u"/some/folder"_s);
    QCOMPARE(lab.samplePath(1024), u"/some/folder/asynclab-sample-1024.txt"_s);
    QCOMPARE(Lab::defaultFetchOptions().deadlineMs, 10000);
}

QTEST_GUILESS_MAIN(TestUnits)
#include "tst_units.moc"

#include <export/chrometrace.h>
#include <export/qttestfunctions.h>
#include <export/recording.h>
#include <export/responsivenessgate.h>
#include <export/speedscopeprofile.h>

#include <QJsonArray>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

// The export formats and the gate on records made by hand: what a trace does with events that
// overlap, how frames are shared in a profile, which test function a stall is given, the gate's
// verdicts and its JUnit report.
class TestExport : public QObject
{
    Q_OBJECT
private slots:
    void overlappingEventsMoveToACompanionTrack();
    void profileSharesFramesOutermostFirst();
    void testFunctionIsTheNextToEnd();
    void gate_data();
    void gate();
    void junitNamesTheCulprit();
};

namespace {
StallRecord stall(int id, double startMs, double durationMs, double busyShare, double cpuRunMs)
{
    StallRecord record;
    record.id = id;
    record.startMs = startMs;
    record.durationMs = durationMs;
    record.sampleCount = 10;
    record.busyShare = busyShare;
    record.waitingShare = 1 - busyShare;
    record.cpuRunMs = cpuRunMs;
    record.culprit.function = u"Parser::parse"_s;
    record.culprit.file = u"parser.cpp"_s;
    record.culprit.line = 42;
    for (const auto &[function, file, line] :
         { std::tuple { "Parser::parse(int)", "parser.cpp", 42 },
           std::tuple { "main", "main.cpp", 7 } }) {
        StackFrame frame;
        frame.function = QString::fromLatin1(function);
        frame.file = QString::fromLatin1(file);
        frame.line = line;
        frame.module = u"app"_s;
        frame.own = true;
        record.stack.append(frame);
    }
    return record;
}

QMap<qint64, QJsonArray> completeEventsByTrack(const QJsonObject &trace)
{
    QMap<qint64, QJsonArray> tracks;
    for (const QJsonValue &value : trace.value(u"traceEvents"_s).toArray()) {
        if (value[u"ph"_s] == u"X"_s)
            tracks[value[u"tid"_s].toInteger()].append(value);
    }
    return tracks;
}
} // namespace

void TestExport::overlappingEventsMoveToACompanionTrack()
{
    ChromeTrace trace(1000);
    trace.setProcess(7, u"app"_s);
    trace.addThread(7, u"GUI thread"_s);
    trace.addComplete(7, u"outer"_s, u"t"_s, 1000, 100);
    trace.addComplete(7, u"inner"_s, u"t"_s, 1010, 20);
    trace.addComplete(7, u"across"_s, u"t"_s, 1090, 30); // starts inside outer, ends after it
    const QJsonObject json = trace.toJson();
    const auto tracks = completeEventsByTrack(json);
    QCOMPARE(tracks.size(), 2);
    QCOMPARE(tracks.value(7).size(), 2);
    const QJsonObject across = tracks.last().first().toObject();
    QCOMPARE(across[u"name"_s].toString(), u"across"_s);
    QCOMPARE(across[u"ts"_s].toDouble(), 90000.0); // microseconds from the origin
    QCOMPARE(across[u"dur"_s].toDouble(), 30000.0);
    bool named = false;
    for (const QJsonValue &value : json.value(u"traceEvents"_s).toArray()) {
        named |= value[u"ph"_s] == u"M"_s && value[u"tid"_s].toInteger() == tracks.lastKey()
                && value[u"args"_s][u"name"_s] == u"GUI thread (overlapping)"_s;
    }
    QVERIFY(named);
}

void TestExport::profileSharesFramesOutermostFirst()
{
    Recording recording;
    recording.processName = u"app"_s;
    recording.stalls = { stall(1, 100, 300, 1, 290), stall(2, 900, 200, 1, 190) };
    const QJsonObject json = recording.profile().toJson();
    const QJsonArray frames = json[u"shared"_s][u"frames"_s].toArray();
    QCOMPARE(frames.size(), 2);
    const QJsonArray profiles = json[u"profiles"_s].toArray();
    QCOMPARE(profiles.size(), 2);
    const QJsonObject first = profiles.first().toObject();
    QCOMPARE(first[u"unit"_s].toString(), u"milliseconds"_s);
    QCOMPARE(first[u"weights"_s].toArray().first().toDouble(), 300.0);
    const QJsonArray sample = first[u"samples"_s].toArray().first().toArray();
    QCOMPARE(frames.at(sample.first().toInt())[u"name"_s].toString(), u"main"_s);
    const QJsonValue culprit = frames.at(sample.last().toInt());
    QCOMPARE(culprit[u"name"_s].toString(), u"Parser::parse"_s);
    QCOMPARE(culprit[u"line"_s].toInt(), 42);
}

void TestExport::testFunctionIsTheNextToEnd()
{
    QtTestFunctions functions;
    functions.read("********* Start testing of tst_x *********\nPASS   : tst_x::initTestCase()\n",
                   10);
    functions.read("PASS   : tst_x::fast()\nFAIL!  : tst_x::slow(big row) 'ok' returned FALSE.",
                   50);
    functions.read(" ()\n   Loc: [x.cpp(3)]\n", 900);
    QCOMPARE(functions.functionAt(5), u"tst_x::initTestCase()"_s);
    QCOMPARE(functions.functionAt(20), u"tst_x::fast()"_s);
    QCOMPARE(functions.functionAt(60), u"tst_x::slow(big row)"_s);
    QCOMPARE(functions.functionAt(1000), QString());
}

void TestExport::gate_data()
{
    QTest::addColumn<double>("wallLimitMs");
    QTest::addColumn<double>("busyLimitMs");
    QTest::addColumn<int>("programStatus");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("failed");
    QTest::addRow("over the wall limit")
            << 100.0 << 0.0 << 0 << ResponsivenessGate::FailedStatus << true;
    QTest::addRow("under the wall limit") << 500.0 << 0.0 << 0 << 0 << false;
    QTest::addRow("waiting is not busy") << 0.0 << 100.0 << 0 << 0 << false;
    QTest::addRow("the program's failure stays") << 100.0 << 0.0 << 3 << 3 << true;
}

void TestExport::gate()
{
    QFETCH(double, wallLimitMs);
    QFETCH(double, busyLimitMs);
    QFETCH(int, programStatus);
    QFETCH(int, status);
    QFETCH(bool, failed);
    ResponsivenessGate gate;
    gate.setWallLimitMs(wallLimitMs);
    gate.setBusyLimitMs(busyLimitMs);
    gate.judge({ stall(1, 100, 300, 0.1, 20) }, nullptr, 0);
    QCOMPARE(gate.exitStatus(programStatus), status);
    QCOMPARE(gate.lines().size(), 1);
    QCOMPARE(gate.lines().first().startsWith(u"FAIL"_s), failed);
}

void TestExport::junitNamesTheCulprit()
{
    ResponsivenessGate gate;
    gate.setWallLimitMs(100);
    QtTestFunctions functions;
    functions.read("PASS   : tst_x::slow()\n", 1000);
    gate.judge({ stall(1, 100, 300, 1, 290), stall(2, 600, 80, 1, 70) }, &functions, 0);
    QXmlStreamReader xml(gate.junitXml(u"/usr/bin/app"_s, 1500));
    QStringList cases;
    QStringList failures;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"testcase")
            cases.append(xml.attributes().value(u"classname"_s).toString());
        if (xml.name() == u"failure")
            failures.append(xml.attributes().value(u"message"_s).toString());
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(cases, QStringList({ u"tst_x::slow()"_s, u"tst_x::slow()"_s }));
    QCOMPARE(failures.size(), 1);
    QVERIFY2(failures.first().contains(u"Parser::parse (parser.cpp:42)"_s),
             qPrintable(failures.first()));

    ResponsivenessGate quiet;
    quiet.judge({}, nullptr, 0);
    QVERIFY(quiet.junitXml(u"app"_s, 1000).contains(u"name=\"no stall\""_s));
}

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"

#include "processrunner.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

// What leaves AsyncLab for other tools, from real runs: the trace and profile of a watched
// program and of a comparison, the responsiveness gate's exit status, standard error and JUnit
// report, and a headless watch that ends on time.
class TestWatchExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void watchedProgramTraceAndProfile();
    void comparisonTraceAndProfile();
    void gate_data();
    void gate();
    void gateNamesTheTestFunction();
    void offscreenEndsOnTime();

private:
    ProcessOutcome asynclab(const QStringList &arguments, int timeoutMs = 60000);
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

namespace {
QJsonObject readJson(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object()
                                          : QJsonObject();
}

// Checks what Perfetto and Qt Creator need: integer ids, times in microseconds, a name on every
// event and track, the complete events of each track nested. Returns the stalls' events.
QList<QJsonObject> checkTrace(const QJsonObject &trace, QStringList *problems)
{
    QMap<qint64, QList<QJsonObject>> tracks;
    QSet<qint64> named;
    QList<QJsonObject> stalls;
    for (const QJsonValue &value : trace.value(u"traceEvents"_s).toArray()) {
        const QJsonObject event = value.toObject();
        const QString phase = event.value(u"ph"_s).toString();
        if (!event.value(u"pid"_s).isDouble() || !event.value(u"tid"_s).isDouble()
            || event.value(u"name"_s).toString().isEmpty())
            problems->append(u"unnamed or without ids: %1"_s.arg(phase));
        const qint64 tid = event.value(u"tid"_s).toInteger();
        if (phase == u"M"_s && event.value(u"name"_s) == u"thread_name"_s)
            named.insert(tid);
        if (phase != u"X"_s)
            continue;
        if (event.value(u"ts"_s).toDouble() < 0 || event.value(u"dur"_s).toDouble() < 0)
            problems->append(u"negative time: %1"_s.arg(event.value(u"name"_s).toString()));
        tracks[tid].append(event);
        if (event.value(u"cat"_s) == u"stall"_s)
            stalls.append(event);
    }
    for (auto it = tracks.cbegin(); it != tracks.cend(); ++it) {
        if (!named.contains(it.key()))
            problems->append(u"track %1 has no name"_s.arg(it.key()));
        QList<double> openEnds;
        QList<QJsonObject> events = it.value();
        std::sort(events.begin(), events.end(), [](const QJsonObject &a, const QJsonObject &b) {
            return a[u"ts"_s].toDouble() != b[u"ts"_s].toDouble()
                    ? a[u"ts"_s].toDouble() < b[u"ts"_s].toDouble()
                    : a[u"dur"_s].toDouble() > b[u"dur"_s].toDouble();
        });
        for (const QJsonObject &event : events) {
            const double start = event[u"ts"_s].toDouble();
            const double end = start + event[u"dur"_s].toDouble();
            while (!openEnds.isEmpty() && openEnds.last() <= start)
                openEnds.removeLast();
            if (!openEnds.isEmpty() && end > openEnds.last())
                problems->append(u"not nested: %1"_s.arg(event[u"name"_s].toString()));
            openEnds.append(end);
        }
    }
    return stalls;
}

// Each stall of the report is in the trace with its duration (to the microsecond) and culprit.
void compareStalls(const QJsonArray &reported, const QList<QJsonObject> &traced)
{
    QCOMPARE(traced.size(), reported.size());
    for (qsizetype i = 0; i < reported.size(); ++i) {
        const QJsonObject report = reported.at(i).toObject();
        const QJsonObject args = traced.at(i)[u"args"_s].toObject();
        QVERIFY(qAbs(traced.at(i)[u"dur"_s].toDouble() / 1000 - report[u"durationMs"_s].toDouble())
                < 0.001);
        const QJsonObject culprit = report[u"culprit"_s].toObject();
        if (!culprit.isEmpty()) {
            QVERIFY2(args[u"culprit"_s].toString().startsWith(culprit[u"function"_s].toString()),
                     qPrintable(args[u"culprit"_s].toString()));
            QVERIFY(traced.at(i)[u"name"_s].toString().endsWith(culprit[u"function"_s].toString()));
        }
        QCOMPARE(args[u"handler"_s].toString(), report[u"event"_s].toString());
    }
}

QString validateProfile(const QString &path)
{
    const ProcessOutcome o = runProcess(QStringLiteral(SPEEDSCOPE_VALIDATOR), { path });
    return o.exitCode == 0 ? QString() : QString::fromLocal8Bit(o.err + o.out);
}
} // namespace

void TestWatchExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

ProcessOutcome TestWatchExport::asynclab(const QStringList &arguments, int timeoutMs)
{
    return runProcess(QStringLiteral(ASYNCLAB_EXECUTABLE), arguments, timeoutMs);
}

void TestWatchExport::watchedProgramTraceAndProfile()
{
    const ProcessOutcome o = asynclab({ u"watch"_s, u"--json"_s, u"--trace"_s, path(u"w.trace"_s),
                                        u"--profile"_s, path(u"w.profile"_s), u"--"_s,
                                        QStringLiteral(CORE_FIXTURE), u"--freeze"_s, u"300"_s });
    QVERIFY2(o.exitCode == 0, o.err.constData());
    const QJsonArray reported = QJsonDocument::fromJson(o.out).object()[u"stalls"_s].toArray();
    QVERIFY(!reported.isEmpty());
    QStringList problems;
    const QList<QJsonObject> traced = checkTrace(readJson(path(u"w.trace"_s)), &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    compareStalls(reported, traced);
    const QString invalid = validateProfile(path(u"w.profile"_s));
    QVERIFY2(invalid.isEmpty(), qPrintable(invalid));
    const QJsonObject profile = readJson(path(u"w.profile"_s));
    QCOMPARE(profile[u"profiles"_s].toArray().size(), reported.size());
    bool culpritFrame = false;
    for (const QJsonValue &frame : profile[u"shared"_s][u"frames"_s].toArray()) {
        culpritFrame |= frame[u"name"_s] == u"parseRecords"_s
                && frame[u"file"_s].toString().endsWith(u"watchfixture_core.cpp"_s)
                && frame[u"line"_s].toInt() > 0;
    }
    QVERIFY(culpritFrame);
}

void TestWatchExport::comparisonTraceAndProfile()
{
    const ProcessOutcome o =
            asynclab({ u"--compare"_s, u"--scenario"_s, u"slow-server"_s, u"--json"_s, u"--trace"_s,
                       path(u"c.trace"_s), u"--profile"_s, path(u"c.profile"_s) },
                     90000);
    QVERIFY2(o.exitCode == 0, o.err.constData());
    const QJsonArray reported = QJsonDocument::fromJson(o.out).object()[u"stalls"_s].toArray();
    QVERIFY(reported.size() >= 5); // one per blocking fetch
    const QJsonObject trace = readJson(path(u"c.trace"_s));
    QStringList problems;
    const QList<QJsonObject> traced = checkTrace(trace, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    compareStalls(reported, traced);
    int operations = 0;
    bool lag = false;
    for (const QJsonValue &event : trace[u"traceEvents"_s].toArray()) {
        operations += event[u"cat"_s] == u"operation"_s;
        lag |= event[u"ph"_s] == u"C"_s && event[u"args"_s][u"lag"_s].toDouble() > 900;
    }
    QCOMPARE(operations, 10);
    QVERIFY(lag);
    const QString invalid = validateProfile(path(u"c.profile"_s));
    QVERIFY2(invalid.isEmpty(), qPrintable(invalid));
}

void TestWatchExport::gate_data()
{
    QTest::addColumn<QStringList>("gate");
    QTest::addColumn<QStringList>("program");
    QTest::addColumn<int>("status");
    QTest::addRow("300 ms over 100")
            << QStringList { u"--fail-over"_s, u"100"_s } << QStringList() << 123;
    QTest::addRow("300 ms under 500")
            << QStringList { u"--fail-over"_s, u"500"_s } << QStringList() << 0;
    QTest::addRow("the program's failure") << QStringList { u"--fail-over"_s, u"100"_s }
                                           << QStringList { u"--exit"_s, u"5"_s } << 5;
    QTest::addRow("a sleep is not busy")
            << QStringList { u"--fail-over-busy"_s, u"100"_s } << QStringList { u"--sleep"_s } << 0;
    QTest::addRow("a sleep over 100")
            << QStringList { u"--fail-over"_s, u"100"_s } << QStringList { u"--sleep"_s } << 123;
}

void TestWatchExport::gate()
{
    QFETCH(QStringList, gate);
    QFETCH(QStringList, program);
    QFETCH(int, status);
    const QString junit = path(u"%1.xml"_s.arg(QString::fromUtf8(QTest::currentDataTag())));
    const ProcessOutcome o = asynclab(
            QStringList { u"watch"_s, u"--json"_s, u"--junit"_s, junit } + gate
            + QStringList { u"--"_s, QStringLiteral(CORE_FIXTURE), u"--freeze"_s, u"300"_s }
            + program);
    QVERIFY2(o.exitCode == status, o.err.constData());
    QFile file(junit);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    int cases = 0;
    QStringList failures;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        cases += xml.name() == u"testcase";
        if (xml.name() == u"failure")
            failures.append(xml.attributes().value(u"message"_s).toString());
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(cases >= 1);
    const bool over = status == 123 || (status == 5);
    QCOMPARE(!failures.isEmpty(), over);
    if (over) {
        // The culprit the report names (none when a crowded machine starved the program of CPU).
        const QJsonObject stall =
                QJsonDocument::fromJson(o.out).object()[u"stalls"_s].toArray().last().toObject();
        const QString culprit = stall[u"culprit"_s][u"function"_s].toString();
        const QString named = culprit.isEmpty() ? u"no culprit"_s : culprit;
        QVERIFY2(failures.first().contains(named), qPrintable(failures.first()));
        QVERIFY2(o.err.contains("asynclab: FAIL stall"), o.err.constData());
        QVERIFY(o.err.contains(named.toUtf8()));
    }
}

void TestWatchExport::gateNamesTheTestFunction()
{
    const ProcessOutcome o = asynclab(
            { u"watch"_s, u"--fail-over"_s, u"200"_s, u"--"_s, QStringLiteral(QTEST_FIXTURE) });
    QCOMPARE(o.exitCode, 123);
    QVERIFY2(o.out.contains("PASS   : TestFixture::parsesSlowly()"), o.out.constData());
    QVERIFY2(o.err.contains("in test TestFixture::parsesSlowly()"), o.err.constData());
}

// As in continuous integration: the offscreen platform, no window, and the duration is kept.
void TestWatchExport::offscreenEndsOnTime()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    QElapsedTimer clock;
    clock.start();
    const ProcessOutcome o = runProcess(QStringLiteral(ASYNCLAB_EXECUTABLE),
                                        { u"watch"_s, u"--duration"_s, u"2"_s, u"--"_s,
                                          QStringLiteral(CORE_FIXTURE), u"--run"_s, u"60000"_s },
                                        30000, env);
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QVERIFY2(o.out.contains("stopped by AsyncLab at the end of the duration"), o.out.constData());
    // 2 s, the program's end after SIGTERM and a second at most for the probe's last lines.
    QVERIFY2(clock.elapsed() < 8000, qPrintable(QString::number(clock.elapsed())));
}

QTEST_GUILESS_MAIN(TestWatchExport)
#include "tst_watchexport.moc"

#include "datarows.h"
#include "processrunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QtConcurrent/QtConcurrentRun>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
using Outcome = ProcessOutcome;
Outcome run(const QStringList &arguments, int timeoutMs = 30000)
{
    return runProcess(QStringLiteral(ASYNCLAB_EXECUTABLE), arguments, timeoutMs);
}

// As a terminal without a display or a desktop session runs it: no DISPLAY, no runtime folder.
Outcome runBare(const QStringList &arguments, int timeoutMs = 30000)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : { "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_RUNTIME_DIR" })
        environment.remove(QString::fromLatin1(name));
    return runProcess(QStringLiteral(ASYNCLAB_EXECUTABLE), arguments, timeoutMs, environment);
}

QStringList lines(const QByteArray &text)
{
    return QString::fromUtf8(text).split(u'\n', Qt::SkipEmptyParts);
}

QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}
} // namespace

// Runs the real asynclab executable the way a person would from a terminal.
class TestCli : public QObject
{
    Q_OBJECT
private slots:
    void usageErrorsExitNonZero_data();
    void usageErrorsExitNonZero();
    void helpAndVersion();
    void fetchPrintsResult_data();
    void fetchPrintsResult();
    void fetchFailureExitsNonZero();
    void loadPrintsJson();
    void loadMissingFileExitsNonZero();
    void occupiedPortIsReported();
    void compareJson();
    void helpNamesTheCommand();
    void headlessRunsPrintNoPlatformNoise_data();
    void headlessRunsPrintNoPlatformNoise();
    void longInputStaysOneLine_data();
    void longInputStaysOneLine();
    void serverErrorShowsItsReason();
    void compareJsonSameWithAndWithoutWindow();
    void fetchDeadlineSameWithAndWithoutWindow();
};

void TestCli::usageErrorsExitNonZero_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("bad mode") << QStringList { u"--mode"_s, u"sideways"_s } << u"--mode"_s;
    QTest::newRow("bad port") << QStringList { u"--port"_s, u"99999"_s } << u"--port"_s;
    QTest::newRow("unknown option") << QStringList { u"--frobnicate"_s } << u"frobnicate"_s;
    QTest::newRow("two actions") << QStringList { u"--serve"_s, u"--compare"_s } << u"choose one"_s;
    QTest::newRow("bad scenario") << QStringList { u"--compare"_s, u"--scenario"_s, u"nope"_s }
                                  << u"unknown scenario"_s;
}

void TestCli::usageErrorsExitNonZero()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Outcome o = run(arguments);
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(QString::fromUtf8(o.err).contains(message), o.err.constData());
}

void TestCli::helpAndVersion()
{
    const Outcome help = run({ u"--help"_s });
    QCOMPARE(help.exitCode, 0);
    for (const char *option : { "--mode", "--port", "--serve", "--fetch", "--load", "--compare",
                                "--json", "--screenshot" })
        QVERIFY2(help.out.contains(option), option);
    const Outcome version = run({ u"--version"_s });
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("AsyncLab "));
}

void TestCli::fetchPrintsResult_data()
{
    addRows<QString>("mode", { { "blocking", u"blocking"_s }, { "async", u"async"_s } });
}

void TestCli::fetchPrintsResult()
{
    QFETCH(QString, mode);
    const Outcome o = run({ u"--fetch"_s, u"/bytes/1000"_s, u"--mode"_s, mode, u"--json"_s });
    QCOMPARE(o.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(o.out).object();
    QCOMPARE(json.value(u"status"_s).toString(), u"ok"_s);
    QCOMPARE(json.value(u"mode"_s).toString(), mode);
    QCOMPARE(json.value(u"httpStatus"_s).toInt(), 200);
    QCOMPARE(json.value(u"bytes"_s).toInteger(), 1000);
    QCOMPARE(json.value(u"sha256"_s).toString().size(), 64);
}

void TestCli::fetchFailureExitsNonZero()
{
    const Outcome o = run({ u"--fetch"_s, u"/status/503"_s });
    QCOMPARE(o.exitCode, 1);
    QVERIFY2(o.out.contains("HTTP 503"), o.out.constData());
    const Outcome bad = run({ u"--fetch"_s, u"not a url"_s });
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.out.contains("error"), bad.out.constData());
}

void TestCli::loadPrintsJson()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(u"two lines.txt"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("one\ntwo\n");
    file.close();
    const Outcome o =
            run({ u"--load"_s, file.fileName(), u"--mode"_s, u"blocking"_s, u"--json"_s });
    QCOMPARE(o.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(o.out).object();
    QCOMPARE(json.value(u"lines"_s).toInt(), 2);
    QCOMPARE(json.value(u"bytes"_s).toInt(), 8);
}

void TestCli::loadMissingFileExitsNonZero()
{
    const Outcome o = run({ u"--load"_s, u"/nonexistent/file"_s });
    QCOMPARE(o.exitCode, 1);
    QVERIFY2(o.out.contains("no such file"), o.out.constData());
}

void TestCli::occupiedPortIsReported()
{
    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost));
    const Outcome o = run({ u"--serve"_s, u"--port"_s, QString::number(occupier.serverPort()) });
    QCOMPARE(o.exitCode, 1);
    QVERIFY2(o.err.contains("in use"), o.err.constData());
}

void TestCli::compareJson()
{
    const Outcome o = run({ u"--compare"_s, u"--scenario"_s, u"many-small"_s, u"--json"_s }, 60000);
    QCOMPARE(o.exitCode, 0);
    const QJsonArray runs = QJsonDocument::fromJson(o.out).object().value(u"runs"_s).toArray();
    QCOMPARE(runs.size(), 2);
    const QJsonObject blocking = runs.at(0).toObject();
    const QJsonObject async = runs.at(1).toObject();
    QCOMPARE(blocking.value(u"mode"_s).toString(), u"blocking"_s);
    QCOMPARE(async.value(u"mode"_s).toString(), u"async"_s);
    QCOMPARE(blocking.value(u"failedOperations"_s).toInt(), 0);
    QCOMPARE(async.value(u"failedOperations"_s).toInt(), 0);
    QVERIFY(blocking.value(u"maxStallMs"_s).toDouble() >= 40);
    // Async code never freezes the window for 100 ms; a busy machine may, and its stall says so.
    if (async.value(u"maxStallMs"_s).toDouble() >= 100) {
        const int longest = async.value(u"longestStall"_s).toInt(-1);
        QJsonObject stall;
        for (const QJsonValue &value : QJsonDocument::fromJson(o.out)[u"stalls"_s].toArray()) {
            if (value[u"id"_s].toInt() == longest)
                stall = value.toObject();
        }
        QVERIFY2(stall[u"cause"_s] == u"cpu"_s, o.out.constData());
    }
}

void TestCli::helpNamesTheCommand()
{
    const Outcome help = runBare({ u"--help"_s });
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.startsWith("Usage: asynclab [options]\n"), help.out.constData());
    QVERIFY(help.err.isEmpty());
    const Outcome helpAll = runBare({ u"--help-all"_s });
    QCOMPARE(helpAll.exitCode, 0);
    QVERIFY2(helpAll.out.startsWith("Usage: asynclab [options]\n"), helpAll.out.constData());
}

void TestCli::headlessRunsPrintNoPlatformNoise_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("expectedErr"); // the start of each line on stderr, in order
    QTest::newRow("fetch") << QStringList { u"--fetch"_s, u"/bytes/1000"_s } << QStringList();
    QTest::newRow("compare") << QStringList { u"--compare"_s, u"--scenario"_s, u"many-small"_s }
                             << QStringList { u"Running \"Many small fetches\" in blocking mode"_s,
                                              u"Running \"Many small fetches\" in async mode"_s };
    QTest::newRow("compare --json")
            << QStringList { u"--compare"_s, u"--scenario"_s, u"many-small"_s, u"--json"_s }
            << QStringList();
    QTest::newRow("screenshot") << QStringList { u"--screenshot"_s, u"%1"_s,
                                                 u"--screenshot-delay"_s, u"200"_s }
                                << QStringList { u"screenshot saved to"_s };
}

void TestCli::headlessRunsPrintNoPlatformNoise()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, expectedErr);
    QTemporaryDir dir;
    arguments.replaceInStrings(u"%1"_s, dir.filePath(u"shot.png"_s));
    const Outcome o = runBare(arguments, 60000);
    QVERIFY2(o.exitCode == 0, o.err.constData());
    const QStringList err = lines(o.err);
    QVERIFY2(err.size() == expectedErr.size(), o.err.constData());
    for (qsizetype i = 0; i < err.size(); ++i)
        QVERIFY2(err.at(i).startsWith(expectedErr.at(i)), o.err.constData());
}

void TestCli::longInputStaysOneLine_data()
{
    const QString longText(70000, u'x');
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<bool>("onStdout"); // the result; usage errors go to stderr
    QTest::newRow("URL without scheme") << QStringList { u"--fetch"_s, longText } << 1 << true;
    QTest::newRow("URL with a bad host")
            << QStringList { u"--fetch"_s, u"http://"_s + longText + u"%%/"_s } << 1 << true;
    QTest::newRow("mode") << QStringList { u"--mode"_s, longText } << 2 << false;
    QTest::newRow("option") << QStringList { u"--"_s + longText } << 2 << false;
    QTest::newRow("demo") << QStringList { u"--demo"_s, longText } << 2 << false;
}

void TestCli::longInputStaysOneLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(bool, onStdout);
    const Outcome o = run(arguments);
    QCOMPARE(o.exitCode, exitCode);
    const QByteArray &text = onStdout ? o.out : o.err;
    for (const QString &line : lines(text))
        QVERIFY2(line.size() < 400, qPrintable(line.left(500)));
    QVERIFY2(text.contains("…"), text.left(500).constData());
}

void TestCli::serverErrorShowsItsReason()
{
    const Outcome o = run({ u"--fetch"_s, u"/delay/-1"_s, u"--json"_s });
    QCOMPARE(o.exitCode, 1);
    const QJsonObject json = QJsonDocument::fromJson(o.out).object();
    QCOMPARE(json.value(u"error"_s).toString(),
             u"HTTP 400 Bad Request: /delay/<ms> needs a whole number of milliseconds from 0 to "
             "60000"_s);
    // A body that only repeats the status line adds nothing.
    const Outcome notFound = run({ u"--fetch"_s, u"/status/404"_s, u"--json"_s });
    QCOMPARE(QJsonDocument::fromJson(notFound.out).object().value(u"error"_s).toString(),
             u"HTTP 404 Not Found"_s);
}

void TestCli::compareJsonSameWithAndWithoutWindow()
{
    QTemporaryDir dir;
    const QStringList compare { u"--compare"_s, u"--scenario"_s, u"many-small"_s, u"--json"_s };
    const Outcome headless = runBare(compare, 60000);
    const Outcome windowed =
            run(compare + QStringList { u"--screenshot"_s, dir.filePath(u"compare.png"_s) }, 60000);
    QVERIFY2(headless.exitCode == 0, headless.err.constData());
    QVERIFY2(windowed.exitCode == 0, windowed.err.constData());
    const QJsonObject a = QJsonDocument::fromJson(headless.out).object();
    const QJsonObject b = QJsonDocument::fromJson(windowed.out).object();
    QCOMPARE(sortedKeys(a), sortedKeys(b));
    const QJsonArray runsA = a.value(u"runs"_s).toArray();
    const QJsonArray runsB = b.value(u"runs"_s).toArray();
    QCOMPARE(runsA.size(), 2);
    QCOMPARE(runsB.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(sortedKeys(runsA.at(i).toObject()), sortedKeys(runsB.at(i).toObject()));
        QVERIFY(runsA.at(i).toObject().value(u"keyPresses"_s).toInt() > 0);
    }
    // Typing during a Blocking run waits for the freeze; during an Async run it does not.
    // Each of its fetches freezes the GUI thread for about 50 ms: a press waits up to that
    // (measured 21-22 ms median, 19-53 ms max: a press every 50 ms against freezes of about
    // 50 ms can keep landing at the same point of each freeze, so the maximum varies).
    const QJsonObject blocking = runsA.at(0).toObject();
    const QJsonObject async = runsA.at(1).toObject();
    QVERIFY2(blocking.value(u"keyLatencyMedianMs"_s).toDouble() >= 10, headless.out.constData());
    QVERIFY2(async.value(u"keyLatencyMaxMs"_s).toDouble() < 100, headless.out.constData());
    QVERIFY2(blocking.value(u"keyLatencyMedianMs"_s).toDouble()
                     > 5 * async.value(u"keyLatencyMedianMs"_s).toDouble(),
             headless.out.constData());
    QCOMPARE(a.value(u"table"_s).toArray().size(), b.value(u"table"_s).toArray().size());
}

void TestCli::fetchDeadlineSameWithAndWithoutWindow()
{
    QTemporaryDir dir;
    const QStringList fetch { u"--fetch"_s, u"/hang"_s, u"--json"_s };
    // Both only wait for the deadline: side by side, the test waits for it once.
    QFuture<Outcome> bare = QtConcurrent::run([&] { return runBare(fetch, 60000); });
    const Outcome windowed =
            run(fetch + QStringList { u"--screenshot"_s, dir.filePath(u"hang.png"_s) }, 60000);
    const Outcome headless = bare.result();
    QCOMPARE(headless.exitCode, 1);
    QCOMPARE(windowed.exitCode, 1);
    const QString a = QJsonDocument::fromJson(headless.out).object().value(u"error"_s).toString();
    const QString b = QJsonDocument::fromJson(windowed.out).object().value(u"error"_s).toString();
    QVERIFY2(a.startsWith(u"timed out after"_s), qPrintable(a));
    QCOMPARE(a, b);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

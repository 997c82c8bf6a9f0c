#include "processrunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
    QTest::addColumn<QString>("mode");
    QTest::newRow("blocking") << u"blocking"_s;
    QTest::newRow("async") << u"async"_s;
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
    QVERIFY(async.value(u"maxStallMs"_s).toDouble() < 100);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

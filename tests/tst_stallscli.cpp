#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The culprit of the longest freeze in the command line's output, text and JSON, with and
// without a window.
class TestStallsCli : public QObject
{
    Q_OBJECT
private slots:
    void blockingFetchNamesItsWait_data();
    void blockingFetchNamesItsWait();
    void jsonCarriesEveryStall();
    void asyncFetchHasNoCulprit();
    void demoNamesItsCulprit();
    void compareNamesEachRunsCulprit();

private:
    struct Outcome
    {
        int exitCode;
        QByteArray out;
        QByteArray err;
    };
    Outcome run(const QStringList &arguments);
    QTemporaryDir m_dir;
};

TestStallsCli::Outcome TestStallsCli::run(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(ASYNCLAB_EXECUTABLE), arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return { -1, {}, "timed out" };
    }
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
             process.readAllStandardOutput(), process.readAllStandardError() };
}

void TestStallsCli::blockingFetchNamesItsWait_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QByteArray>("event");
    QTest::addRow("no window") << QStringList() << QByteArray("during Timer on QSingleShotTimer");
    QTest::addRow("window") << QStringList { u"--screenshot"_s, m_dir.filePath(u"window.png"_s) }
                            << QByteArray("during Timer on QSingleShotTimer");
}

void TestStallsCli::blockingFetchNamesItsWait()
{
    QFETCH(QStringList, extra);
    QFETCH(QByteArray, event);
    const Outcome o =
            run(QStringList { u"--fetch"_s, u"/delay/400"_s, u"--mode"_s, u"blocking"_s } + extra);
    QCOMPARE(o.exitCode, 0);
    const QList<QByteArray> lines = o.out.split('\n');
    const auto culprit = std::find_if(lines.cbegin(), lines.cend(),
                                      [](const QByteArray &l) { return l.startsWith("culprit"); });
    QVERIFY2(culprit != lines.cend(), o.out.constData());
    QVERIFY2(culprit->contains("BlockingFetcher::fetch (src/engine/blockingfetcher.cpp:"),
             culprit->constData());
    QVERIFY2(culprit->contains("waiting") && culprit->contains("futex"), culprit->constData());
    QVERIFY2(culprit->contains(event), culprit->constData());
}

void TestStallsCli::jsonCarriesEveryStall()
{
    const Outcome o =
            run({ u"--fetch"_s, u"/delay/300"_s, u"--mode"_s, u"blocking"_s, u"--json"_s });
    QCOMPARE(o.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(o.out).object();
    const QJsonArray stalls = json["stalls"_L1].toArray();
    QCOMPARE(stalls.size(), 1);
    const QJsonObject stall = stalls.at(0).toObject();
    QCOMPARE(json["longestStall"_L1].toInt(), stall["id"_L1].toInt());
    QVERIFY(stall["durationMs"_L1].toDouble() > 250);
    QVERIFY(stall["startMs"_L1].toDouble() > 0);
    QVERIFY(stall["samples"_L1].toInt() > 5);
    QVERIFY(stall["waitingShare"_L1].toDouble() >= 0.8);
    QVERIFY(stall["busyShare"_L1].toDouble() <= 0.2);
    QCOMPARE(stall["waitingOn"_L1].toString(), u"a lock or future (futex)"_s);
    const QJsonObject culprit = stall["culprit"_L1].toObject();
    QCOMPARE(culprit["function"_L1].toString(), u"BlockingFetcher::fetch"_s);
    QCOMPARE(culprit["file"_L1].toString(), u"src/engine/blockingfetcher.cpp"_s);
    QVERIFY(culprit["line"_L1].toInt() > 0);
    QCOMPARE(stall["event"_L1].toString(), u"Timer on QSingleShotTimer"_s);
    const QJsonArray stack = stall["stack"_L1].toArray();
    QVERIFY(stack.size() > 3);
    const bool hasOwnFrame = std::any_of(stack.cbegin(), stack.cend(), [](const QJsonValue &f) {
        return f["own"_L1].toBool() && f["function"_L1].toString().startsWith(u"BlockingFetcher"_s);
    });
    QVERIFY(hasOwnFrame);
    QCOMPARE(json["culprit"_L1].toString().left(22), u"BlockingFetcher::fetch"_s);
}

void TestStallsCli::asyncFetchHasNoCulprit()
{
    const Outcome o = run({ u"--fetch"_s, u"/delay/300"_s, u"--mode"_s, u"async"_s, u"--json"_s });
    QCOMPARE(o.exitCode, 0);
    // No freeze at all, or, on a machine busy with other work, only ones of waiting for a CPU.
    const QJsonObject json = QJsonDocument::fromJson(o.out).object();
    QVERIFY2(json.contains("stalls"_L1), o.out.constData());
    for (const QJsonValue &stall : json["stalls"_L1].toArray()) {
        QVERIFY2(stall["cause"_L1].toString() == "cpu"_L1 && stall["culprit"_L1].isNull(),
                 QJsonDocument(stall.toObject()).toJson().constData());
    }
    const Outcome text = run({ u"--fetch"_s, u"/delay/300"_s, u"--mode"_s, u"async"_s });
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("culprit    none"), text.out.constData());
}

void TestStallsCli::demoNamesItsCulprit()
{
    const Outcome o = run({ u"--demo"_s, u"deadlock"_s, u"--json"_s });
    QCOMPARE(o.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(o.out).object();
    const QJsonArray stalls = json["stalls"_L1].toArray();
    QVERIFY(!stalls.isEmpty());
    const QJsonObject longest = [&] {
        for (const QJsonValue &s : stalls) {
            if (s["id"_L1].toInt() == json["longestStall"_L1].toInt())
                return s.toObject();
        }
        return QJsonObject();
    }();
    QCOMPARE(longest["culprit"_L1]["function"_L1].toString(), u"DeadlockDemo::guiTrap"_s);
    QCOMPARE(longest["waitingOn"_L1].toString(), u"a lock or future (futex)"_s);
}

void TestStallsCli::compareNamesEachRunsCulprit()
{
    const Outcome o = run({ u"--compare"_s, u"--json"_s });
    QCOMPARE(o.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(o.out).object();
    const QJsonArray runs = json["runs"_L1].toArray();
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs[0]["mode"_L1].toString(), u"blocking"_s);
    // The standard scenario's longest blocking freeze is its 2 s delayed fetch, or, in a slow
    // (sanitizer) build, the file it hashes on the GUI thread.
    const auto isBlockingJob = [](const QString &culprit) {
        return culprit.startsWith(u"BlockingFetcher::fetch (src/engine/"_s)
                || culprit.contains(u"(src/engine/fileload.cpp:"_s);
    };
    QVERIFY2(isBlockingJob(runs[0]["culprit"_L1].toString()),
             qPrintable(runs[0]["culprit"_L1].toString()));
    QVERIFY(runs[1]["culprit"_L1].isNull());
    QVERIFY(json["stalls"_L1].toArray().size() >= 1);
    // The Async run froze only where the machine had no CPU to give, if at all.
    const int asyncLongest = runs[1]["longestStall"_L1].toInt(-1);
    for (const QJsonValue &stall : json["stalls"_L1].toArray()) {
        if (stall["id"_L1].toInt() == asyncLongest)
            QCOMPARE(stall["cause"_L1].toString(), u"cpu"_s);
    }
    const Outcome text = run({ u"--compare"_s });
    QCOMPARE(text.exitCode, 0);
    const qsizetype line = text.out.lastIndexOf("\nblocking   "); // the culprit lines come last
    QVERIFY2(line >= 0, text.out.constData());
    const QString culpritLine = QString::fromUtf8(text.out.mid(line + 12).split('\n').first());
    QVERIFY2(isBlockingJob(culpritLine), text.out.constData());
}

QTEST_GUILESS_MAIN(TestStallsCli)
#include "tst_stallscli.moc"

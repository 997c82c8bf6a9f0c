#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;

// `asynclab watch` on programs nobody here wrote: each stall named in the program's own code,
// wherever that lives (a library it links, a plugin it loads, Python), with the handler that
// froze it; and a flood of events that the probe's hooks leave as it was.
class TestHandlers : public QObject
{
    Q_OBJECT
private slots:
    void eachConnectionAndItsCulprit_data();
    void eachConnectionAndItsCulprit();
    void pythonProgramByLine();
    void floodUnchanged();

private:
    static QJsonObject watchJson(const QStringList &arguments, QByteArray *err = nullptr);
    static QJsonArray s_stalls;
};

QJsonArray TestHandlers::s_stalls;

QJsonObject TestHandlers::watchJson(const QStringList &arguments, QByteArray *err)
{
    QProcess process;
    process.start(QStringLiteral(ASYNCLAB_EXECUTABLE),
                  QStringList { u"watch"_s, u"--json"_s, u"--"_s } + arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    if (err)
        *err = process.readAllStandardError();
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

namespace {
QString handlerOf(const QJsonObject &stall)
{
    QStringList steps;
    for (const QJsonValue &step : stall.value(u"handler"_s).toArray())
        steps.append(step.toString());
    return steps.join(u" -> "_s);
}

QString describe(const QJsonArray &stalls)
{
    QString text;
    for (const QJsonValue &stall : stalls) {
        const QJsonObject culprit = stall[u"culprit"_s].toObject();
        text += u"\n%1 ms: %2 (%3) | %4 | %5"_s.arg(stall[u"durationMs"_s].toDouble())
                        .arg(culprit.value(u"function"_s).toString(),
                             culprit.value(u"module"_s).toString(), handlerOf(stall.toObject()),
                             stall[u"pattern"_s][u"id"_s].toString());
    }
    return text;
}
} // namespace

void TestHandlers::eachConnectionAndItsCulprit_data()
{
    QTest::addColumn<QStringList>("handler"); // what the chain must contain, in order
    QTest::addColumn<QString>("culprit");
    QTest::addColumn<QString>("module");
    QTest::addRow("string-based") << QStringList {
        u"MouseButtonRelease on QPushButton 'stringButton' \"String\""_s,
        u"QPushButton::clicked("_s, u"Window::onStringSlot()"_s
    } << u"FreezeLib::crunch"_s << u"libwatchfixture_freezelib.so"_s;
    QTest::addRow("functor, into a plugin")
            << QStringList { u"MouseButtonRelease on QPushButton 'pluginButton' \"Plugin\""_s,
                             u"QPushButton::clicked("_s, u"Window::onPluginSlot"_s }
            << u"SortingFreezer::sortRepeatedly"_s << u"libwatchfixture_freezerplugin.so"_s;
    QTest::addRow("lambda") << QStringList { u"'lambdaButton'"_s, u"QPushButton::clicked("_s,
                                             u"lambda in Window::Window"_s }
                            << u"FreezeLib::waitForWorker"_s << u"libwatchfixture_freezelib.so"_s;
    QTest::addRow("queued") << QStringList { u"MetaCall on Window 'window'"_s,
                                             u"Window::onQueued"_s }
                            << u"FreezeLib::crunch"_s << u"libwatchfixture_freezelib.so"_s;
    QTest::addRow("timer") << QStringList { u"Timer on QTimer 'crunchTimer'"_s,
                                            u"QTimer::timeout("_s, u"Window::onTimer"_s }
                           << u"FreezeLib::crunch"_s << u"libwatchfixture_freezelib.so"_s;
    QTest::addRow("key press") << QStringList { u"KeyPress on KeyArea 'keys'"_s,
                                                u"KeyArea::keyPressEvent"_s }
                               << u"FreezeLib::crunch"_s << u"libwatchfixture_freezelib.so"_s;
}

void TestHandlers::eachConnectionAndItsCulprit()
{
    QFETCH(QStringList, handler);
    QFETCH(QString, culprit);
    QFETCH(QString, module);
    if (s_stalls.isEmpty()) {
        // One run of the fixture serves every row: six freezes of 250 ms, 300 ms apart.
        QByteArray err;
        const QJsonObject json = watchJson(
                { QStringLiteral(HANDLERS_FIXTURE), QStringLiteral(FREEZER_PLUGIN), u"250"_s },
                &err);
        QVERIFY2(json.value(u"exitStatus"_s).toInt() == 0, err.constData());
        s_stalls = json.value(u"stalls"_s).toArray();
        qInfo().noquote() << describe(s_stalls);
    }
    // The stall whose chain starts like this row's.
    QJsonObject stall;
    for (const QJsonValue &value : s_stalls) {
        if (handlerOf(value.toObject()).contains(handler.first()))
            stall = value.toObject();
    }
    QVERIFY2(!stall.isEmpty(), qPrintable(describe(s_stalls)));
    if (stall.value(u"cause"_s).toString() == u"cpu"_s)
        QSKIP("the machine is loaded: the freeze mostly waited for a CPU, so it has no culprit");
    const QString chain = handlerOf(stall);
    qsizetype at = 0;
    for (const QString &step : handler) {
        at = chain.indexOf(step, at);
        QVERIFY2(at >= 0, qPrintable(u"%1 not in %2"_s.arg(step, chain)));
    }
    const QJsonObject found = stall.value(u"culprit"_s).toObject();
    QCOMPARE(found.value(u"function"_s).toString(), culprit);
    // Built without line tables: the function and its module, no file.
    QCOMPARE(found.value(u"module"_s).toString(), module);
    QCOMPARE(found.value(u"file"_s).toString(), QString());
    QVERIFY(stall.value(u"durationMs"_s).toDouble() > 150);
}

void TestHandlers::pythonProgramByLine()
{
    QProcess probe;
    probe.start(u"/usr/bin/python3"_s, { u"-c"_s, u"import PyQt6.QtWidgets"_s });
    QVERIFY(probe.waitForFinished(20000));
    QVERIFY2(probe.exitCode() == 0, "PyQt6 is missing: scripts/install-deps installs it");
    QByteArray err;
    const QJsonObject json =
            watchJson({ u"/usr/bin/python3"_s, QStringLiteral(PYQT_FIXTURE), u"300"_s }, &err);
    QVERIFY2(json.value(u"exitStatus"_s).toInt() == 0, err.constData());
    const QJsonArray stalls = json.value(u"stalls"_s).toArray();
    QJsonObject waiting;
    QJsonObject computing;
    int starved = 0;
    for (const QJsonValue &value : stalls) {
        const QString function = value[u"culprit"_s][u"function"_s].toString();
        if (function == u"wait_for_reply"_s)
            waiting = value.toObject();
        else if (function == u"compute_checksum"_s)
            computing = value.toObject();
        else if (value[u"cause"_s].toString() == u"cpu"_s)
            ++starved;
    }
    QVERIFY2(!waiting.isEmpty(), qPrintable(describe(stalls)));
    if (computing.isEmpty() && starved > 0)
        QSKIP("the machine is loaded: the computing freeze mostly waited for a CPU");
    if (computing.isEmpty() && json.value(u"p99LagMs"_s).toDouble() > 50)
        QSKIP("the machine is loaded: the program lagged throughout, no freeze stood out");
    QVERIFY2(!computing.isEmpty(), qPrintable(describe(stalls)));
    QVERIFY(waiting[u"culprit"_s][u"file"_s].toString().endsWith(u"watchfixture_pyqt.py"_s));
    QCOMPARE(waiting[u"culprit"_s][u"line"_s].toInt(), 13);
    QCOMPARE(waiting[u"culprit"_s][u"module"_s].toString(), u"python"_s);
    QCOMPARE(waiting[u"pattern"_s][u"id"_s].toString(), u"sleep"_s);
    QVERIFY(waiting[u"waitingShare"_s].toDouble() > 0.5);
    QVERIFY(computing[u"culprit"_s][u"line"_s].toInt() >= 17);
    QVERIFY(computing[u"culprit"_s][u"line"_s].toInt() <= 22);
    QVERIFY(!computing[u"pythonStack"_s].toArray().isEmpty());
    // The timer that started each is named too.
    QVERIFY2(handlerOf(waiting).startsWith(u"Timer on "_s), qPrintable(handlerOf(waiting)));
}

// The hooks run for every event and every signal: a program that handles a flood of both gives
// the same output watched, does not crash or hang, and is not much slower.
void TestHandlers::floodUnchanged()
{
    const QString rounds = u"300000"_s;
    QProcess alone;
    QElapsedTimer clock;
    clock.start();
    alone.start(QStringLiteral(FLOOD_FIXTURE), { rounds });
    QVERIFY(alone.waitForFinished(60000));
    const qint64 aloneMs = clock.elapsed();
    const QByteArray expected = alone.readAllStandardOutput();
    QVERIFY(expected.startsWith("events 300000 signals 300000 queued 300000"));

    QProcess watched;
    watched.setProcessChannelMode(QProcess::SeparateChannels);
    clock.restart();
    watched.start(QStringLiteral(ASYNCLAB_EXECUTABLE),
                  { u"watch"_s, u"--json"_s, u"--"_s, QStringLiteral(FLOOD_FIXTURE), rounds });
    QVERIFY(watched.waitForFinished(60000));
    const qint64 watchedMs = clock.elapsed();
    QCOMPARE(watched.exitCode(), 0);
    // With --json the program's standard output goes to standard error, beside the probe's line.
    const QByteArray err = watched.readAllStandardError();
    QVERIFY2(err.contains("asynclab: watching"), err.constData());
    QVERIFY2(err.contains(expected), err.constData());
    const QJsonObject report = QJsonDocument::fromJson(watched.readAllStandardOutput()).object();
    QCOMPARE(report.value(u"probe"_s).toString(), u"running"_s);
    qInfo("alone %lld ms, watched %lld ms (with start-up and report)", aloneMs, watchedMs);
}

QTEST_GUILESS_MAIN(TestHandlers)
#include "tst_handlers.moc"

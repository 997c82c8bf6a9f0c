#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace Qt::StringLiterals;

// `asynclab watch` on programs built without anything of AsyncLab: a widgets program whose
// buttons freeze it computing and waiting, a plain QCoreApplication, programs that are not Qt,
// that crash, fork, run too long or cannot start.
class TestWatch : public QObject
{
    Q_OBJECT
private slots:
    void widgetsProgramNamesBothCulprits();
    void coreProgramNamesItsCulprit();
    void textReportNamesTheLine();
    void programWithoutEventLoop();
    void endings_data();
    void endings();
    void programEndsWithAsyncLab();
    void usageErrors_data();
    void usageErrors();
    void helpAndOutputFile();
    void debianQmlToolNamesTheDecoder();
    void endlessFreezeIsReported_data();
    void endlessFreezeIsReported();
    void stopSignalMidFreeze_data();
    void stopSignalMidFreeze();
    void sleepsLastAsLongAsUnwatched();
    void countsFollowThreshold_data();
    void countsFollowThreshold();
    void oneSampleNamesItsCulprit();
    void programDiesBeforeItsApplication();
    void jsonReferencesStacks();

private:
    struct Outcome
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QJsonObject json;
        qint64 watcherPid = 0;
    };
    static Outcome watch(const QStringList &arguments, bool display = true);
};

TestWatch::Outcome TestWatch::watch(const QStringList &arguments, bool display)
{
    Outcome o;
    QProcess process;
    if (!display) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &name : { u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"QT_QPA_PLATFORM"_s })
            env.remove(name);
        process.setProcessEnvironment(env);
    }
    process.start(QStringLiteral(ASYNCLAB_EXECUTABLE), QStringList { u"watch"_s } + arguments);
    if (!process.waitForStarted(10000))
        return o;
    o.watcherPid = process.processId();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        o.err = "timed out";
        return o;
    }
    o.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    o.out = process.readAllStandardOutput();
    o.err = process.readAllStandardError();
    o.json = QJsonDocument::fromJson(o.out).object();
    return o;
}

namespace {
// A freeze's measured length against the fixture's: at least 80% of it; and, less the time the
// thread waited for a CPU that other programs held (tests run two at a time on two cores), at most
// 120%. Under the sanitizers the program's other work in the same turn (painting, the probe's tick)
// runs several times slower: measured up to 1.55 times the freeze there.
bool lastsAbout(const QJsonObject &stall, double expectedMs)
{
#if defined(__SANITIZE_ADDRESS__)
    constexpr double Above = 2.0;
#else
    constexpr double Above = 1.2;
#endif
    const double ms = stall.value(u"durationMs"_s).toDouble();
    const double ownMs = ms * (1 - stall.value(u"cpuWaitShare"_s).toDouble());
    return ms > expectedMs * 0.8 && ownMs < expectedMs * Above;
}

QByteArray lengthText(const QJsonObject &stall)
{
    return u"%1 ms, %2% of it waiting for a CPU"_s.arg(stall.value(u"durationMs"_s).toDouble())
            .arg(stall.value(u"cpuWaitShare"_s).toDouble() * 100)
            .toUtf8();
}

// A stall's representative stack: stacks are stored once, at the top of the report.
QJsonArray stackOf(const QJsonObject &report, const QJsonValue &stall)
{
    return report.value(u"stacks"_s).toArray().at(stall[u"stack"_s].toInt(-1)).toArray();
}

// The function a stall names: its culprit, or, when the machine had no CPU to give it (a loaded
// machine: the thread was runnable, not waiting), the innermost own frame of its stack.
QString namedFunction(const QJsonObject &report, const QJsonValue &stall)
{
    const QString culprit = stall[u"culprit"_s][u"function"_s].toString();
    if (!culprit.isEmpty() || stall[u"cause"_s].toString() != u"cpu"_s)
        return culprit;
    for (const QJsonValue &frame : stackOf(report, stall)) {
        if (frame[u"own"_s].toBool())
            return frame[u"function"_s]
                    .toString()
                    .remove(u"(anonymous namespace)::"_s)
                    .section(u'(', 0, 0);
    }
    return {};
}

// Busy, or runnable and waiting for a CPU the machine did not have: not waiting on anything.
double computingShare(const QJsonValue &stall)
{
    return 1.0 - stall[u"waitingShare"_s].toDouble();
}

// The one stall with this culprit; a loaded machine may add short hiccups beside it.
QJsonObject stallNamed(const QJsonObject &report, const QString &function)
{
    for (const QJsonValue &stall : report.value(u"stalls"_s).toArray()) {
        if (namedFunction(report, stall) == function)
            return stall.toObject();
    }
    return {};
}

bool goneOrZombie(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    return text.mid(text.lastIndexOf(')') + 2, 1) == "Z";
}

// The socket file of a watch is named after the watching process; none may stay behind.
QStringList leftoverSockets(qint64 watcherPid)
{
    return QDir(QDir::tempPath())
            .entryList({ u"asynclab-watch-%1-*"_s.arg(watcherPid) }, QDir::System | QDir::Files);
}
} // namespace

void TestWatch::widgetsProgramNamesBothCulprits()
{
    const Outcome o =
            watch({ u"--json"_s, u"--"_s, QStringLiteral(WIDGETS_FIXTURE), u"400"_s, u"400"_s });
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QCOMPARE(o.json.value(u"probe"_s).toString(), u"running"_s);
    // The probe's single line; the program's own output passes through too.
    QCOMPARE(o.err.count("asynclab: watching"), 1);
    const QJsonArray stalls = o.json.value(u"stalls"_s).toArray();
    QCOMPARE(stalls.size(), 2);
    const QJsonObject compute = stalls.at(0).toObject();
    QCOMPARE(namedFunction(o.json, compute), u"computeChecksum"_s);
    QVERIFY(compute.value(u"culprit"_s)[u"file"_s].toString().endsWith(
            u"watchfixture_widgets.cpp"_s));
    QVERIFY(compute.value(u"culprit"_s)[u"line"_s].toInt() > 0);
    QVERIFY2(lastsAbout(compute, 400), lengthText(compute).constData());
    QVERIFY(computingShare(compute) > 0.8);
    const QJsonObject wait = stalls.at(1).toObject();
    QCOMPARE(wait.value(u"culprit"_s)[u"function"_s].toString(), u"waitForReply"_s);
    QVERIFY2(lastsAbout(wait, 400), lengthText(wait).constData());
    QVERIFY(wait.value(u"waitingShare"_s).toDouble() > 0.8);
    QCOMPARE(wait.value(u"waitingOn"_s).toString(), u"a sleep"_s);
    // Start-up is reported apart; the count is the list's.
    QCOMPARE(o.json.value(u"stallCount"_s).toInt(), 2);
    const double computeMs = compute.value(u"durationMs"_s).toDouble();
    const double waitMs = wait.value(u"durationMs"_s).toDouble();
    QCOMPARE(o.json.value(u"maxStallMs"_s).toDouble(), std::max(computeMs, waitMs));
    QCOMPARE(o.json.value(u"frozenMs"_s).toDouble(), computeMs + waitMs);
    QVERIFY(computingShare(QJsonValue(o.json)) > 0.4);
    QVERIFY(o.json.value(u"waitingShare"_s).toDouble() > 0.4);
    QVERIFY(leftoverSockets(o.watcherPid).isEmpty());
}

void TestWatch::coreProgramNamesItsCulprit()
{
    const Outcome o =
            watch({ u"--json"_s, u"--threshold"_s, u"100"_s, u"--"_s, QStringLiteral(CORE_FIXTURE),
                    u"--freeze"_s, u"300"_s, u"--exit"_s, u"3"_s });
    QVERIFY2(o.exitCode == 3, o.err.constData());
    QCOMPARE(o.json.value(u"exitStatus"_s).toInt(), 3);
    const QJsonArray stalls = o.json.value(u"stalls"_s).toArray();
    QCOMPARE(stalls.size(), 1);
    const QJsonObject stall = stalls.at(0).toObject();
    QCOMPARE(namedFunction(o.json, stall), u"parseRecords"_s);
    QVERIFY2(lastsAbout(stall, 300), lengthText(stall).constData());
    QVERIFY(computingShare(stall) > 0.8);
    QCOMPARE(o.json.value(u"thresholdMs"_s).toDouble(), 100.0);
}

void TestWatch::textReportNamesTheLine()
{
    // Without a display and without --json: the report as text.
    const Outcome o =
            watch({ u"--duration"_s, u"30"_s, u"--"_s, QStringLiteral(CORE_FIXTURE) }, false);
    QVERIFY2(o.exitCode == 0, o.err.constData());
    // On a machine with no CPU to spare the line says "inside" instead of "culprit".
    QVERIFY2(o.out.contains("culprit  parseRecords (/")
                     || o.out.contains("inside   parseRecords (/"),
             o.out.constData());
    QVERIFY(o.out.contains("watchfixture_core.cpp:"));
    QVERIFY2(o.out.contains("stalls > 50 ms  1\n"), o.out.constData());
    QCOMPARE(o.out.count("\nstall "), 1);
    QVERIFY(o.out.contains("exited with status 0"));
}

// A command-line tool that computes in main() and never runs an event loop is frozen throughout:
// its start-up never ends, reported apart from the freezes after it, with its culprit.
void TestWatch::programWithoutEventLoop()
{
    const Outcome o = watch({ u"--json"_s, u"--"_s, QStringLiteral(CORE_FIXTURE), u"--no-loop"_s,
                              u"--freeze"_s, u"500"_s, u"--exit"_s, u"6"_s });
    QVERIFY2(o.exitCode == 6, o.err.constData());
    QCOMPARE(o.json.value(u"stalls"_s).toArray().size(), 0);
    QCOMPARE(o.json.value(u"stallCount"_s).toInt(), 0);
    const QJsonObject startUp = o.json.value(u"startUp"_s).toObject();
    QCOMPARE(namedFunction(o.json, startUp), u"parseRecords"_s);
    QVERIFY2(lastsAbout(startUp, 500), lengthText(startUp).constData());
    QVERIFY(startUp.value(u"startUp"_s).toBool());
}

void TestWatch::endings_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("ended");
    QTest::addColumn<QString>("probe");
    QTest::addColumn<QByteArray>("message");
    const QString core = QStringLiteral(CORE_FIXTURE);
    QTest::addRow("true") << QStringList { u"--"_s, u"/bin/true"_s } << 0 << u"exited"_s
                          << u"absent"_s << QByteArray("/bin/true is not a Qt 6 program");
    QTest::addRow("not Qt") << QStringList { u"--"_s, u"/bin/sleep"_s, u"0.2"_s } << 0
                            << u"exited"_s << u"absent"_s
                            << QByteArray("/bin/sleep is not a Qt 6 program");
    QTest::addRow("not Qt, failing") << QStringList { u"--"_s, u"/bin/false"_s } << 1 << u"exited"_s
                                     << u"absent"_s << QByteArray("is not a Qt 6 program");
    QTest::addRow("crash") << QStringList { u"--"_s, core, u"--abort"_s } << 134 << u"crashed"_s
                           << u"running"_s << QByteArray("asynclab: watching");
    QTest::addRow("past duration")
            << QStringList { u"--duration"_s, u"1.5"_s, u"--"_s, core, u"--run"_s, u"60000"_s } << 0
            << u"durationOver"_s << u"running"_s << QByteArray("asynclab: watching");
    QTest::addRow("fork") << QStringList { u"--"_s, core, u"--fork"_s, u"--exit"_s, u"4"_s } << 4
                          << u"exited"_s << u"running"_s << QByteArray("asynclab: watching");
    QTest::addRow("cannot start") << QStringList { u"--"_s, u"/nonexistent/program"_s } << 127
                                  << u"failedToStart"_s << u"absent"_s
                                  << QByteArray("cannot start /nonexistent/program");
}

void TestWatch::endings()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, status);
    QFETCH(QString, ended);
    QFETCH(QString, probe);
    QFETCH(QByteArray, message);
    QElapsedTimer clock;
    clock.start();
    const Outcome o = watch(QStringList { u"--json"_s } + arguments);
    QCOMPARE(o.exitCode, status);
    QCOMPARE(o.json.value(u"ended"_s).toString(), ended);
    QCOMPARE(o.json.value(u"probe"_s).toString(), probe);
    QVERIFY2(o.err.contains(message), o.err.constData());
    QCOMPARE(o.err.count('\n'), 1); // one clear line, nothing else
    QVERIFY(clock.elapsed() < 15000);
    QVERIFY(leftoverSockets(o.watcherPid).isEmpty());
    const qint64 pid = o.json.value(u"pid"_s).toInteger();
    if (pid > 0)
        QVERIFY2(!QFileInfo::exists(u"/proc/%1"_s.arg(pid)), "the program is still running");
}

// AsyncLab killed (no chance to clean up) while it watches: the program does not outlive it.
void TestWatch::programEndsWithAsyncLab()
{
    QProcess watcher;
    watcher.start(QStringLiteral(ASYNCLAB_EXECUTABLE),
                  { u"watch"_s, u"--json"_s, u"--"_s, QStringLiteral(CORE_FIXTURE), u"--run"_s,
                    u"60000"_s, u"--freeze"_s, u"100"_s });
    QVERIFY(watcher.waitForStarted());
    QByteArray text;
    QTRY_VERIFY_WITH_TIMEOUT((text += watcher.readAllStandardError()).contains("(pid "), 20000);
    const qint64 pid = text.mid(text.indexOf("(pid ") + 5).split(')').value(0).toLongLong();
    QVERIFY(pid > 0);
    watcher.kill();
    QVERIFY(watcher.waitForFinished());
    QTRY_VERIFY_WITH_TIMEOUT(goneOrZombie(pid), 5000);
}

void TestWatch::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    QTest::addRow("no program") << QStringList {} << QByteArray("name the program to watch");
    // Each option, then a program to watch.
    const auto row = [](const char *name, const QString &option, const QString &value,
                        const char *message) {
        QTest::addRow("%s", name) << QStringList { option, value, u"--"_s, u"/bin/true"_s }
                                  << QByteArray(message);
    };
    row("bad duration", u"--duration"_s, u"soon"_s,
        "--duration wants seconds above 0, not \"soon\"");
    row("bad threshold", u"--threshold"_s, u"0"_s, "--threshold wants milliseconds");
    // Files that cannot be written are named before the watch, not after it.
    row("output in no folder", u"--output"_s, u"/nonexistent/report.txt"_s,
        "cannot write /nonexistent/report.txt: there is no folder /nonexistent");
    row("profile where no file can be made", u"--profile"_s, u"/proc/stalls.json"_s,
        "cannot write /proc/stalls.json");
    row("trace into a folder", u"--trace"_s, u"/tmp"_s, "cannot write /tmp: it is a folder");
}

void TestWatch::helpAndOutputFile()
{
    Outcome o = watch({ u"--help"_s });
    QCOMPARE(o.exitCode, 0);
    QVERIFY2(o.out.startsWith("Usage: asynclab watch [options] -- PROGRAM"), o.out.constData());
    for (const char *option : { "--json", "--duration", "--threshold", "--output", "--stacks" })
        QVERIFY2(o.out.contains(option), option);
    o = watch({ u"--help-all"_s });
    QCOMPARE(o.exitCode, 0);
    QVERIFY(o.out.startsWith("Usage: asynclab watch"));

    QTemporaryDir dir;
    const QString file = dir.filePath(u"report.txt"_s);
    o = watch({ u"--stacks"_s, u"--output"_s, file, u"--"_s, QStringLiteral(CORE_FIXTURE),
                u"--freeze"_s, u"200"_s },
              false);
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QVERIFY(o.out.isEmpty());
    QFile report(file);
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QByteArray text = report.readAll();
    QVERIFY2(text.contains("culprit  parseRecords") || text.contains("inside   parseRecords"),
             text.constData());
    QVERIFY(text.contains("stack of the most common path:\n"));
    QVERIFY(text.contains("    > parseRecords"));
}

void TestWatch::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    const Outcome o = watch(arguments);
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains(message), o.err.constData());
    QVERIFY(o.out.isEmpty());
}

// A program nobody here wrote: Debian's qml tool, frozen by an Image that decodes a large photo
// on the GUI thread (a local Image loads synchronously unless `asynchronous: true`).
void TestWatch::debianQmlToolNamesTheDecoder()
{
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("an instrumented probe in a program that is not: the leak checker reports Qt's leaks");
#endif
    const QString qml = u"/usr/lib/qt6/bin/qml"_s;
    if (!QFileInfo::exists(qml)
        || !QFileInfo::exists(u"/usr/lib/x86_64-linux-gnu/qt6/qml/QtQuick"_s))
        QSKIP("Debian's qml tool and QtQuick module are not installed (scripts/install-deps)");
    QTemporaryDir dir;
    QImage photo(5000, 5000, QImage::Format_RGB32);
    for (int y = 0; y < photo.height(); ++y) {
        auto *line = reinterpret_cast<quint32 *>(photo.scanLine(y));
        for (int x = 0; x < photo.width(); ++x)
            line[x] = quint32(x * 2654435761u ^ y * 40503u);
    }
    QVERIFY(photo.save(dir.filePath(u"photo.png"_s), "PNG", 90));
    QFile scene(dir.filePath(u"scene.qml"_s));
    QVERIFY(scene.open(QIODevice::WriteOnly));
    scene.write("import QtQuick\n"
                "Window {\n"
                "    width: 300; height: 200; visible: true\n"
                "    Image { id: photo; anchors.fill: parent }\n"
                "    Timer { interval: 800; running: true; onTriggered: photo.source = "
                "\"photo.png\" }\n"
                "    Timer { interval: 300; running: photo.status === Image.Ready;"
                " onTriggered: Qt.quit() }\n"
                "}\n");
    scene.close();
    const Outcome o =
            watch({ u"--json"_s, u"--duration"_s, u"60"_s, u"--"_s, qml, scene.fileName() });
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QCOMPARE(o.json.value(u"probe"_s).toString(), u"running"_s);
    const QJsonArray stalls = o.json.value(u"stalls"_s).toArray();
    // The decoder's own function, or the image loader that called it: the stack shown is the
    // stall's most common call path, which a deep decode may cut before the loader.
    bool named = false;
    for (const QJsonValue &stall : stalls) {
        for (const QJsonValue &frame : stackOf(o.json, stall)) {
            const QString function = frame[u"function"_s].toString();
            if (function.startsWith(u"QQuickPixmap::load"_s) || function.startsWith(u"png_read"_s))
                named = named
                        || (stall[u"durationMs"_s].toDouble() > 50
                            && stall[u"busyShare"_s].toDouble() > 0.5);
        }
    }
    QVERIFY2(named, o.out.constData());
}

void TestWatch::endlessFreezeIsReported_data()
{
    QTest::addColumn<QString>("freeze");
    QTest::addColumn<QString>("culprit");
    QTest::addColumn<bool>("busy");
    QTest::addRow("loop") << u"--forever"_s << u"spinForever"_s << true;
    QTest::addRow("deadlock") << u"--deadlock"_s << u"lockTwice"_s << false;
}

// The "Not Responding" case: a main thread that never comes back, watched for two seconds.
void TestWatch::endlessFreezeIsReported()
{
    QFETCH(QString, freeze);
    QFETCH(QString, culprit);
    QFETCH(bool, busy);
    const Outcome o = watch({ u"--json"_s, u"--duration"_s, u"2"_s, u"--"_s,
                              QStringLiteral(CORE_FIXTURE), freeze, u"--delay"_s, u"300"_s });
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QCOMPARE(o.json.value(u"ended"_s).toString(), u"durationOver"_s);
    const QJsonArray stalls = o.json.value(u"stalls"_s).toArray();
    QCOMPARE(o.json.value(u"stallCount"_s).toInt(), stalls.size());
    const QJsonObject stall = stalls.last().toObject();
    QVERIFY(stall.value(u"open"_s).toBool());
    QCOMPARE(namedFunction(o.json, stall), culprit);
    QVERIFY2(stall.value(u"durationMs"_s).toDouble() > 1000,
             qPrintable(QString::number(stall.value(u"durationMs"_s).toDouble())));
    QCOMPARE(o.json.value(u"maxStallMs"_s).toDouble(), stall.value(u"durationMs"_s).toDouble());
    if (busy) {
        QVERIFY(computingShare(stall) > 0.8);
    } else {
        QCOMPARE(stall.value(u"culprit"_s)[u"function"_s].toString(), culprit);
        QVERIFY(stall.value(u"culprit"_s)[u"line"_s].toInt() > 0);
        QVERIFY(stall.value(u"waitingShare"_s).toDouble() > 0.8);
        QCOMPARE(stall.value(u"waitingOn"_s).toString(), u"a lock or future (futex)"_s);
    }
    QVERIFY(stall.value(u"samples"_s).toInt() > 5);
    const qint64 pid = o.json.value(u"pid"_s).toInteger();
    QVERIFY(pid > 0 && goneOrZombie(pid));
}

void TestWatch::stopSignalMidFreeze_data()
{
    QTest::addColumn<QString>("freeze");
    QTest::addColumn<int>("signal");
    QTest::addColumn<QString>("culprit");
    QTest::addRow("loop, SIGTERM") << u"--forever"_s << int(SIGTERM) << u"spinForever"_s;
    QTest::addRow("deadlock, SIGINT") << u"--deadlock"_s << int(SIGINT) << u"lockTwice"_s;
    QTest::addRow("loop, SIGHUP") << u"--forever"_s << int(SIGHUP) << u"spinForever"_s;
}

// AsyncLab told to stop while the program is frozen: the report is printed with the open stall,
// the program ended, and the exit status is 128 + the signal AsyncLab got.
void TestWatch::stopSignalMidFreeze()
{
    QFETCH(QString, freeze);
    QFETCH(int, signal);
    QFETCH(QString, culprit);
    QProcess watcher;
    watcher.start(QStringLiteral(ASYNCLAB_EXECUTABLE),
                  { u"watch"_s, u"--json"_s, u"--"_s, QStringLiteral(CORE_FIXTURE), freeze });
    QVERIFY(watcher.waitForStarted());
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT((err += watcher.readAllStandardError()).contains("freezing"), 20000);
    QTest::qWait(600); // a freeze well past the threshold, then the signal
    ::kill(pid_t(watcher.processId()), signal);
    QVERIFY(watcher.waitForFinished(15000));
    QCOMPARE(watcher.exitStatus(), QProcess::NormalExit);
    QCOMPARE(watcher.exitCode(), 128 + signal);
    const QJsonObject json = QJsonDocument::fromJson(watcher.readAllStandardOutput()).object();
    QCOMPARE(json.value(u"ended"_s).toString(), u"interrupted"_s);
    QCOMPARE(json.value(u"asynclabSignal"_s).toInt(), signal);
    const QJsonArray stalls = json.value(u"stalls"_s).toArray();
    QVERIFY(!stalls.isEmpty());
    QVERIFY(stalls.last()[u"open"_s].toBool());
    QCOMPARE(namedFunction(json, stalls.last()), culprit);
    QVERIFY(stalls.last()[u"durationMs"_s].toDouble() > 400);
    QTRY_VERIFY_WITH_TIMEOUT(goneOrZombie(json.value(u"pid"_s).toInteger()), 5000);
}

// Sampling stops the thread without a signal: its sleeps last as long as unwatched and return
// what they return unwatched (the fixture exits 1 otherwise), while they are sampled.
void TestWatch::sleepsLastAsLongAsUnwatched()
{
    const Outcome o = watch({ u"--json"_s, u"--"_s, QStringLiteral(CORE_FIXTURE), u"--sleeps"_s,
                              u"300"_s, u"--exit"_s, u"7"_s });
    QVERIFY2(o.exitCode == 7, o.err.constData());
    QCOMPARE(o.err.count("cut short"), 0);
    const QJsonObject stall = stallNamed(o.json, u"sleepThreeWays"_s);
    QVERIFY2(stall.value(u"durationMs"_s).toDouble() > 850,
             qPrintable(QString::number(stall.value(u"durationMs"_s).toDouble())));
    QVERIFY(stall.value(u"samples"_s).toInt() > 10);
    QVERIFY(stall.value(u"noSample"_s).toInt() < stall.value(u"samples"_s).toInt() / 4);
    QVERIFY(stall.value(u"waitingShare"_s).toDouble() > 0.8);
}

void TestWatch::countsFollowThreshold_data()
{
    QTest::addColumn<int>("threshold");
    QTest::addColumn<int>("atLeast"); // the fixture's freezes well over the threshold
    QTest::addRow("30 ms") << 30 << 3;
    QTest::addRow("100 ms") << 100 << 2;
    QTest::addRow("200 ms") << 200 << 1;
}

// The count is the list's, whatever the threshold; every listed stall is over it.
void TestWatch::countsFollowThreshold()
{
    QFETCH(int, threshold);
    QFETCH(int, atLeast);
    const Outcome o = watch({ u"--json"_s, u"--threshold"_s, QString::number(threshold), u"--"_s,
                              QStringLiteral(CORE_FIXTURE), u"--freezes"_s, u"70,160,320"_s });
    QVERIFY2(o.exitCode == 0, o.err.constData());
    const QJsonArray stalls = o.json.value(u"stalls"_s).toArray();
    QCOMPARE(o.json.value(u"stallCount"_s).toInt(), stalls.size());
    int ours = 0;
    for (const QJsonValue &stall : stalls) {
        QVERIFY(stall[u"durationMs"_s].toDouble() >= threshold);
        ours += namedFunction(o.json, stall) == u"parseRecords"_s ? 1 : 0;
    }
    QVERIFY2(ours >= atLeast, o.out.constData());
    QVERIFY(stalls.size() <= atLeast + 1); // a stray hiccup of a loaded machine at most
}

// A freeze just over the threshold is seen by one sample or two: they still name the culprit.
void TestWatch::oneSampleNamesItsCulprit()
{
    const Outcome o = watch({ u"--json"_s, u"--threshold"_s, u"100"_s, u"--"_s,
                              QStringLiteral(CORE_FIXTURE), u"--freeze"_s, u"140"_s });
    QVERIFY2(o.exitCode == 0, o.err.constData());
    const QJsonObject stall = stallNamed(o.json, u"parseRecords"_s);
    QVERIFY2(stall.value(u"samples"_s).toInt() >= 1 && stall.value(u"samples"_s).toInt() <= 4,
             qPrintable(QString::number(stall.value(u"samples"_s).toInt())));
    QVERIFY(computingShare(stall) > 0);
}

// A Qt program that dies before its QCoreApplication exists (no display for xcb) is not called
// "not a Qt program": its signal and its last line say what happened.
void TestWatch::programDiesBeforeItsApplication()
{
    const Outcome o =
            watch({ u"--json"_s, u"--"_s, QStringLiteral(CORE_FIXTURE), u"--die-early"_s });
    QCOMPARE(o.exitCode, 128 + SIGABRT);
    QCOMPARE(o.json.value(u"probe"_s).toString(), u"absent"_s);
    const QString message = o.json.value(u"message"_s).toString();
    QVERIFY2(message.contains(u"died before its application object existed (killed by signal 6"_s),
             qPrintable(message));
    QVERIFY2(message.endsWith(u"its last line: fixture: cannot connect to the display"_s),
             qPrintable(message));
    QCOMPARE(o.json.value(u"lastLine"_s).toString(), u"fixture: cannot connect to the display"_s);
    QVERIFY(!o.err.contains("not a Qt 6 program"));
}

// Times relative to the program's start beside absolute ones; every stack once, referenced;
// every frame with its module, offset and build id.
void TestWatch::jsonReferencesStacks()
{
    const Outcome o = watch({ u"--json"_s, u"--"_s, QStringLiteral(CORE_FIXTURE), u"--freezes"_s,
                              u"200,200"_s, u"--delay"_s, u"300"_s });
    QVERIFY2(o.exitCode == 0, o.err.constData());
    const QJsonArray stalls = o.json.value(u"stalls"_s).toArray();
    QVERIFY(stalls.size() >= 2);
    const QJsonObject first = stalls.at(0).toObject();
    const double startMs = first.value(u"startMs"_s).toDouble();
    QVERIFY2(startMs > 250 && startMs < o.json.value(u"watchedMs"_s).toDouble(),
             qPrintable(QString::number(startMs)));
    QCOMPARE(first.value(u"startSteadyClockMs"_s).toDouble(),
             o.json.value(u"startSteadyClockMs"_s).toDouble() + startMs);
    QVERIFY(!o.json.value(u"startedAtUtc"_s).toString().isEmpty());
    const QJsonArray stacks = o.json.value(u"stacks"_s).toArray();
    QVERIFY(!stacks.isEmpty());
    for (const QJsonValue &stack : stacks) {
        for (const QJsonValue &frame : stack.toArray()) {
            QVERIFY(!frame[u"module"_s].toString().isEmpty());
            QVERIFY(frame[u"offset"_s].toString().startsWith(u"0x"_s));
            QVERIFY(!frame[u"buildId"_s].toString().isEmpty());
        }
    }
    // The two identical freezes: one group, "2×".
    const QJsonArray groups = o.json.value(u"groups"_s).toArray();
    QVERIFY(!groups.isEmpty());
    QCOMPARE(groups.at(0)[u"count"_s].toInt(), 2);
    QVERIFY(groups.at(0)[u"chain"_s].toString().startsWith(u"parseRecords ← "_s));
    for (const QJsonValue &stall : stalls)
        QCOMPARE(stall[u"paths"_s][0][u"stack"_s].toInt(), stall[u"stack"_s].toInt());
}

QTEST_GUILESS_MAIN(TestWatch)
#include "tst_watch.moc"

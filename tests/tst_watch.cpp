#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

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
    void programOutlivesAsyncLab();
    void usageErrors_data();
    void usageErrors();
    void debianQmlToolNamesTheDecoder();

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
bool within20Percent(double measured, double expected)
{
    return measured > expected * 0.8 && measured < expected * 1.2;
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
    QCOMPARE(compute.value(u"culprit"_s)[u"function"_s].toString(), u"computeChecksum"_s);
    QVERIFY(compute.value(u"culprit"_s)[u"file"_s].toString().endsWith(
            u"watchfixture_widgets.cpp"_s));
    QVERIFY(compute.value(u"culprit"_s)[u"line"_s].toInt() > 0);
    QVERIFY2(within20Percent(compute.value(u"durationMs"_s).toDouble(), 400),
             qPrintable(QString::number(compute.value(u"durationMs"_s).toDouble())));
    QVERIFY(compute.value(u"busyShare"_s).toDouble() > 0.8);
    const QJsonObject wait = stalls.at(1).toObject();
    QCOMPARE(wait.value(u"culprit"_s)[u"function"_s].toString(), u"waitForReply"_s);
    QVERIFY2(within20Percent(wait.value(u"durationMs"_s).toDouble(), 400),
             qPrintable(QString::number(wait.value(u"durationMs"_s).toDouble())));
    QVERIFY(wait.value(u"waitingShare"_s).toDouble() > 0.8);
    QCOMPARE(wait.value(u"waitingOn"_s).toString(), u"a sleep"_s);
    // Start-up may add a lag spike of its own (slow under the sanitizers).
    QVERIFY(o.json.value(u"stallsOver50Ms"_s).toInt() >= 2);
    QVERIFY(within20Percent(o.json.value(u"maxStallMs"_s).toDouble(), 400));
    QVERIFY(within20Percent(o.json.value(u"frozenMs"_s).toDouble(), 800));
    QVERIFY(o.json.value(u"busyShare"_s).toDouble() > 0.4);
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
    QCOMPARE(stall.value(u"culprit"_s)[u"function"_s].toString(), u"parseRecords"_s);
    QVERIFY(within20Percent(stall.value(u"durationMs"_s).toDouble(), 300));
    QVERIFY(stall.value(u"busyShare"_s).toDouble() > 0.8);
    QCOMPARE(o.json.value(u"thresholdMs"_s).toDouble(), 100.0);
}

void TestWatch::textReportNamesTheLine()
{
    // Without a display and without --json: the report as text.
    const Outcome o =
            watch({ u"--duration"_s, u"30"_s, u"--"_s, QStringLiteral(CORE_FIXTURE) }, false);
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QVERIFY2(o.out.contains("culprit  parseRecords (/"), o.out.constData());
    QVERIFY(o.out.contains("watchfixture_core.cpp:"));
    QVERIFY(o.out.contains("stalls > 50 ms  1"));
    QVERIFY(o.out.contains("exited with status 0"));
}

// A command-line tool that computes in main() and never runs an event loop is frozen throughout:
// one stall, recorded when its application object goes.
void TestWatch::programWithoutEventLoop()
{
    const Outcome o = watch({ u"--json"_s, u"--"_s, QStringLiteral(CORE_FIXTURE), u"--no-loop"_s,
                              u"--freeze"_s, u"500"_s, u"--exit"_s, u"6"_s });
    QVERIFY2(o.exitCode == 6, o.err.constData());
    const QJsonArray stalls = o.json.value(u"stalls"_s).toArray();
    QCOMPARE(stalls.size(), 1);
    const QJsonObject stall = stalls.at(0).toObject();
    QCOMPARE(stall.value(u"culprit"_s)[u"function"_s].toString(), u"parseRecords"_s);
    QVERIFY2(within20Percent(stall.value(u"durationMs"_s).toDouble(), 500),
             qPrintable(QString::number(stall.value(u"durationMs"_s).toDouble())));
    QCOMPARE(o.json.value(u"maxStallMs"_s).toDouble(), stall.value(u"durationMs"_s).toDouble());
    QCOMPARE(o.json.value(u"stallsOver50Ms"_s).toInt(), 1);
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
            << u"duration"_s << u"running"_s << QByteArray("asynclab: watching");
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

// AsyncLab killed while it watches: the program goes on, freezes, and exits as it would have, and
// the probe says nothing more.
void TestWatch::programOutlivesAsyncLab()
{
    QTemporaryDir dir;
    const QString log = dir.filePath(u"program.log"_s);
    QProcess watcher;
    watcher.setStandardErrorFile(log); // inherited by the program, so it outlives the watcher
    watcher.start(QStringLiteral(ASYNCLAB_EXECUTABLE),
                  { u"watch"_s, u"--json"_s, u"--"_s, QStringLiteral(CORE_FIXTURE), u"--delay"_s,
                    u"1500"_s, u"--freeze"_s, u"300"_s, u"--run"_s, u"300"_s });
    QVERIFY(watcher.waitForStarted());
    QFile err(log);
    QVERIFY(err.open(QIODevice::ReadOnly));
    QByteArray text;
    QTRY_VERIFY_WITH_TIMEOUT((text += err.readAll()).contains("(pid "), 20000);
    const qint64 pid = text.mid(text.indexOf("(pid ") + 5).split(')').value(0).toLongLong();
    QVERIFY(pid > 0);
    watcher.kill(); // before the program's freeze: the probe finds AsyncLab gone
    QVERIFY(watcher.waitForFinished());
    QVERIFY(QFileInfo::exists(u"/proc/%1"_s.arg(pid)));
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(u"/proc/%1"_s.arg(pid)), 20000);
    text += err.readAll();
    QCOMPARE(text.count('\n'), 1); // the probe's one line, nothing when AsyncLab went
}

void TestWatch::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    QTest::addRow("no program") << QStringList {} << QByteArray("name the program to watch");
    QTest::addRow("bad duration") << QStringList { u"--duration"_s, u"soon"_s, u"--"_s,
                                                   u"/bin/true"_s }
                                  << QByteArray("--duration wants seconds above 0, not \"soon\"");
    QTest::addRow("bad threshold")
            << QStringList { u"--threshold"_s, u"0"_s, u"--"_s, u"/bin/true"_s }
            << QByteArray("--threshold wants milliseconds");
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
    bool named = false;
    for (const QJsonValue &stall : stalls) {
        for (const QJsonValue &frame : stall[u"stack"_s].toArray()) {
            if (frame[u"function"_s].toString().startsWith(u"QQuickPixmap::load"_s))
                named = named
                        || (stall[u"durationMs"_s].toDouble() > 50
                            && stall[u"busyShare"_s].toDouble() > 0.5);
        }
    }
    QVERIFY2(named, o.out.constData());
}

QTEST_GUILESS_MAIN(TestWatch)
#include "tst_watch.moc"

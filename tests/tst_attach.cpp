#include "datarows.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <sys/ptrace.h>
#include <sys/wait.h>

using namespace Qt::StringLiterals;

// `asynclab watch --pid` on a program started on its own: attached while it is idle and while it
// is frozen, the freeze is found with its culprit, and the program runs on to its own end with
// its own exit status. A process that does not exist or may not be traced: one line, non-zero.
class TestAttach : public QObject
{
    Q_OBJECT
private slots:
    void attachedWhileIdle();
    void attachedWhileFrozen();
    void windowPingMeasuresTheFreeze();
    void reportGoesToTheOutputFile();
    void cannotAttach_data();
    void cannotAttach();

private:
    struct Watch
    {
        int exitCode = -1;
        QByteArray err;
        QJsonObject json;
    };
    static Watch watchPid(qint64 pid, const QString &seconds,
                          const QProcessEnvironment &environment = {});
    static bool waitForLine(QProcess &process, const QByteArray &line);
};

TestAttach::Watch TestAttach::watchPid(qint64 pid, const QString &seconds,
                                       const QProcessEnvironment &environment)
{
    QProcess watch;
    if (!environment.isEmpty())
        watch.setProcessEnvironment(environment);
    watch.start(QStringLiteral(ASYNCLAB_EXECUTABLE),
                { u"watch"_s, u"--json"_s, u"--duration"_s, seconds, u"--pid"_s,
                  QString::number(pid) });
    Watch w;
    if (!watch.waitForFinished(30000)) {
        watch.kill();
        watch.waitForFinished();
        return w;
    }
    w.exitCode = watch.exitStatus() == QProcess::NormalExit ? watch.exitCode() : -2;
    w.err = watch.readAllStandardError();
    w.json = QJsonDocument::fromJson(watch.readAllStandardOutput()).object();
    return w;
}

bool TestAttach::waitForLine(QProcess &process, const QByteArray &line)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 10000) {
        if (process.canReadLine() && process.readLine().trimmed() == line)
            return true;
        if (!process.canReadLine() && !process.waitForReadyRead(10000))
            return false;
    }
    return false;
}

void TestAttach::attachedWhileIdle()
{
    QProcess program;
    program.start(QStringLiteral(CORE_FIXTURE),
                  { u"--say"_s, u"--delay"_s, u"1000"_s, u"--freeze"_s, u"600"_s, u"--run"_s,
                    u"2000"_s, u"--exit"_s, u"7"_s });
    QVERIFY(waitForLine(program, "ready"));
    const Watch w = watchPid(program.processId(), u"2.5"_s);
    QVERIFY2(w.exitCode == 0, w.err.constData());
    QCOMPARE(w.json[u"pid"_s].toInteger(), program.processId());
    const QJsonArray stalls = w.json[u"stalls"_s].toArray();
    QVERIFY2(!stalls.isEmpty(), QJsonDocument(w.json).toJson().constData());
    QCOMPARE(stalls.size(), 1); // the freeze, not the idle event loop around it
    const QJsonObject stall = stalls.first().toObject();
    QCOMPARE(stall[u"culprit"_s][u"function"_s].toString(), u"parseRecords"_s);
    // The 600 ms freeze, seen by samples 10 ms apart. Under the sanitizers the samples and the
    // program's own work are several times slower on two shared cores.
#if defined(__SANITIZE_ADDRESS__)
    constexpr double AboveMs = 1500;
#else
    constexpr double AboveMs = 900;
#endif
    QVERIFY2(stall[u"durationMs"_s].toDouble() > 450 && stall[u"durationMs"_s].toDouble() < AboveMs,
             qPrintable(QString::number(stall[u"durationMs"_s].toDouble())));
    QVERIFY(w.json[u"idleShare"_s].toDouble() > 0.3);
    // The program runs on, never left stopped, to its own end.
    QVERIFY(program.waitForFinished(10000));
    QCOMPARE(program.exitStatus(), QProcess::NormalExit);
    QCOMPARE(program.exitCode(), 7);
}

void TestAttach::attachedWhileFrozen()
{
    QProcess program;
    program.start(
            QStringLiteral(CORE_FIXTURE),
            { u"--say"_s, u"--delay"_s, u"100"_s, u"--freeze"_s, u"2500"_s, u"--exit"_s, u"3"_s });
    QVERIFY(waitForLine(program, "freezing"));
    const Watch w = watchPid(program.processId(), u"1"_s);
    QVERIFY2(w.exitCode == 0, w.err.constData());
    const QJsonArray stalls = w.json[u"stalls"_s].toArray();
    QCOMPARE(stalls.size(), 1);
    QCOMPARE(stalls.first()[u"culprit"_s][u"function"_s].toString(), u"parseRecords"_s);
    QVERIFY(stalls.first()[u"busyShare"_s].toDouble() > 0.5);
    QVERIFY(waitForLine(program, "thawed"));
    QVERIFY(program.waitForFinished(10000));
    QCOMPARE(program.exitStatus(), QProcess::NormalExit);
    QCOMPARE(program.exitCode(), 3);
}

// On an X11 display the window's own answer to _NET_WM_PING measures its lag from outside: a ping
// sent while it computes is answered only when the freeze is over.
void TestAttach::windowPingMeasuresTheFreeze()
{
    const QString xvfb = QStandardPaths::findExecutable(u"Xvfb"_s);
    if (xvfb.isEmpty())
        QSKIP("Xvfb is not installed");
    QProcess display;
    // -displayfd: the server takes a free display and prints its number once it accepts clients.
    display.start(xvfb,
                  { u"-displayfd"_s, u"1"_s, u"-screen"_s, u"0"_s, u"800x600x24"_s, u"-nolisten"_s,
                    u"tcp"_s });
    QVERIFY(display.waitForReadyRead(10000));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"DISPLAY"_s, u":"_s + QString::fromLatin1(display.readLine().trimmed()));
    environment.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);

    QProcess program;
    QProcessEnvironment programEnvironment = environment;
    // Qt's xcb plugin keeps some allocations to the end, which the leak checker would report.
    programEnvironment.insert(u"ASAN_OPTIONS"_s, u"detect_leaks=0"_s);
    program.setProcessEnvironment(programEnvironment);
    // Shown, then a 1.5 s freeze 800 ms later, a short wait, and the end.
    program.start(QStringLiteral(WIDGETS_FIXTURE), { u"1500"_s, u"50"_s, u"800"_s });
    QVERIFY(waitForLine(program, "shown"));
    const Watch w = watchPid(program.processId(), u"3"_s, environment);
    QVERIFY2(w.exitCode == 0, w.err.constData());
    const QJsonObject ping = w.json[u"windowPing"_s].toObject();
    QVERIFY2(ping[u"note"_s].isNull(), qPrintable(ping[u"note"_s].toString()));
    QVERIFY2(ping[u"answered"_s].toInt() >= 2, QJsonDocument(ping).toJson().constData());
    QVERIFY2(ping[u"medianMs"_s].toDouble() < 100, QJsonDocument(ping).toJson().constData());
    // The ping waiting through most of the freeze, and not more than the freeze.
    QVERIFY2(ping[u"maxMs"_s].toDouble() > 1000 && ping[u"maxMs"_s].toDouble() < 2000,
             QJsonDocument(ping).toJson().constData());
    QVERIFY(program.waitForFinished(10000));
    QCOMPARE(program.exitCode(), 0);
    display.terminate();
    QVERIFY(display.waitForFinished(5000));
}

// --output takes the report, as it does for a program started under watch.
void TestAttach::reportGoesToTheOutputFile()
{
    QProcess program;
    program.start(QStringLiteral(CORE_FIXTURE), { u"--say"_s, u"--delay"_s, u"60000"_s });
    QVERIFY(waitForLine(program, "ready"));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"report.json"_s);
    QProcess watch;
    watch.start(QStringLiteral(ASYNCLAB_EXECUTABLE),
                { u"watch"_s, u"--json"_s, u"--duration"_s, u"0.5"_s, u"--output"_s, path,
                  u"--pid"_s, QString::number(program.processId()) });
    QVERIFY(watch.waitForFinished(20000));
    QCOMPARE(watch.exitCode(), 0);
    QVERIFY(watch.readAllStandardOutput().isEmpty());
    QFile report(path);
    QVERIFY(report.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(report.readAll()).object()[u"pid"_s].toInteger(),
             program.processId());
    program.kill();
    program.waitForFinished();
}

void TestAttach::cannotAttach_data()
{
    addBoolRows("traced", "no such process", "traced by another");
}

void TestAttach::cannotAttach()
{
    QFETCH(bool, traced);
    QProcess program;
    qint64 pid = 0;
    if (traced) {
        program.start(QStringLiteral(CORE_FIXTURE), { u"--say"_s, u"--delay"_s, u"60000"_s });
        QVERIFY(waitForLine(program, "ready"));
        pid = program.processId();
        // A process has one tracer at a time: this test holds it.
        QCOMPARE(ptrace(PTRACE_SEIZE, pid_t(pid), nullptr, nullptr), 0);
    } else {
        QProcess gone;
        gone.start(u"/bin/true"_s);
        QVERIFY(gone.waitForStarted());
        pid = gone.processId();
        QVERIFY(gone.waitForFinished());
    }
    const Watch w = watchPid(pid, u"1"_s);
    if (traced) {
        ptrace(PTRACE_DETACH, pid_t(pid), nullptr, nullptr);
        program.kill();
        program.waitForFinished();
    }
    QCOMPARE(w.exitCode, 1);
    QCOMPARE(w.err.count('\n'), 1);
    QVERIFY2(w.err.contains(traced ? "cannot watch pid" : "no process with pid"),
             w.err.constData());
}

QTEST_GUILESS_MAIN(TestAttach)
#include "tst_attach.moc"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
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
    void cannotAttach_data();
    void cannotAttach();

private:
    struct Watch
    {
        int exitCode = -1;
        QByteArray err;
        QJsonObject json;
    };
    static Watch watchPid(qint64 pid, const QString &seconds);
    static bool waitForLine(QProcess &process, const QByteArray &line);
};

TestAttach::Watch TestAttach::watchPid(qint64 pid, const QString &seconds)
{
    QProcess watch;
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
                    u"1000"_s, u"--exit"_s, u"7"_s });
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

void TestAttach::cannotAttach_data()
{
    QTest::addColumn<bool>("traced");
    QTest::addRow("no such process") << false;
    QTest::addRow("traced by another") << true;
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

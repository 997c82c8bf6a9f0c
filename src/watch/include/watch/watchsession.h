#pragma once

#include <stalls/responsivenessmonitor.h>
#include <stalls/stallrecord.h>
#include <watch/programwatchdog.h>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>
#include <optional>

class QLocalServer;
class QLocalSocket;

// `asynclab watch`: starts a program with the watch probe preloaded, listens on a local socket
// only this user can open, and collects what the probe streams from inside the program (its lag
// samples) and the stalls a ProgramWatchdog sees from outside. Ends when the program ends, or
// ends the program when the duration is over, when told to stop or when AsyncLab gets a signal;
// a stall still going then is recorded as open. WatchReport renders what it collected.
class WatchSession : public QObject
{
    Q_OBJECT
public:
    enum class Probe {
        Waiting, // not heard from yet
        Running,
        Refused, // inside the program but inert: another Qt version, or no stack sampling
        Absent, // the program ended without starting a Qt 6 application
    };
    Q_ENUM(Probe)
    enum class End {
        Running,
        Exited,
        Crashed, // killed by a signal
        DurationOver, // AsyncLab ended the program
        Interrupted, // AsyncLab got SIGINT, SIGTERM or SIGHUP and ended the program
        Closed, // the Watch window was closed
        FailedToStart,
    };
    Q_ENUM(End)

    static constexpr int CannotStartStatus = 127; // as a shell says "command not found"
    static constexpr int TerminateGraceMs = 3000; // SIGTERM, then SIGKILL
    static constexpr int SettleMs = 1000; // after the program ends, for the probe's last lines

    explicit WatchSession(QObject *parent = nullptr);
    ~WatchSession() override;

    void setProgram(const QString &program, const QStringList &arguments);
    void setThresholdMs(double ms) { m_thresholdMs = ms; }
    double thresholdMs() const { return m_thresholdMs; }
    // Module or source path globs that are the program's own code (see OwnCode).
    void setOwnGlobs(const QStringList &globs) { m_ownGlobs = globs; }
    // The program's name for people: "myapp"; for a script an interpreter runs, the script's.
    QString programName() const;
    void setDurationMs(double ms) { m_durationMs = ms; } // 0: until the program ends
    // The program's standard output goes to AsyncLab's standard error (for --json).
    void setOutputToStderr(bool on) { m_outputToStderr = on; }
    // The probe library: ASYNCLAB_PROBE if set, else next to the build or the installation.
    static QString probePath();

    void start();
    // Ends the watch early as `end` (a stall going on is recorded, open), then the program:
    // SIGTERM, SIGKILL after TerminateGraceMs.
    void stop(End end = End::Closed);
    // AsyncLab got `signal`: the watch ends as with stop(); a second one kills the program now.
    void interrupt(int signal);
    int receivedSignal() const { return m_receivedSignal; }

    Probe probe() const { return m_probe; }
    End end() const { return m_end; }
    bool isFinished() const { return m_finished; }
    // The program's status; 128 + N when signal N killed it; 127 when it cannot start; 0 when the
    // duration or the window ended it; 128 + N when AsyncLab got signal N.
    int exitStatus() const;
    int programSignal() const; // the signal that killed the program, or 0
    QString probeMessage() const; // why nothing was watched, or empty
    QString samplingMessage() const { return m_samplingRefusal; } // why stacks are missing
    QString lastOutputLine() const { return m_lastLine; } // of the program's standard error
    QString serverName() const; // the socket's full path, while listening
    qint64 pid() const { return m_pid; }

    ResponsivenessMonitor *lag() { return &m_lag; }
    const ResponsivenessMonitor *lag() const { return &m_lag; }
    // Every stall recorded, in order: the start-up one (before the event loop first ran) too.
    const QList<StallRecord> &stalls() const { return m_stalls; }
    // The stall going on now, as far as it has been seen.
    const std::optional<StallRecord> &openStall() const { return m_openStall; }
    const QString &program() const { return m_program; }
    const QStringList &arguments() const { return m_arguments; }
    QString qtVersion() const { return m_qtVersion; }
    qint64 droppedSamples() const { return m_droppedSamples; }
    double startMs() const { return m_startMs; } // labNowMs() when the program was started
    double endMs() const; // when it ended, or now
    QDateTime startedAt() const { return m_startedAt; }
    double elapsedMs() const;
    ProgramWatchdog::StopStats stopStats() const { return m_watchdog.stopStats(); }

signals:
    void probeChanged(WatchSession::Probe probe);
    void stallRecorded(const StallRecord &record);
    void stallUpdated(const StallRecord &record); // the open stall grew
    void programOutput(const QByteArray &output); // its standard output, as it arrives
    void finished(int exitStatus);

private:
    void acceptConnection();
    void readLines();
    void handleLine(const QByteArray &line);
    void programFinished(int code, QProcess::ExitStatus status);
    void programError(QProcess::ProcessError error);
    void readOutput(QProcess::ProcessChannel channel);
    void startWatchdog(const QJsonObject &hello);
    void recordStall(StallRecord record);
    void settle();
    void finish();

    QProcess m_process;
    ProgramWatchdog m_watchdog;
    QLocalServer *m_server;
    QLocalSocket *m_socket = nullptr;
    QTimer m_duration;
    QTimer m_kill;
    QTimer m_settle;
    QString m_program;
    QStringList m_arguments;
    double m_thresholdMs = 50;
    QStringList m_ownGlobs;
    double m_durationMs = 0;
    bool m_outputToStderr = false;
    Probe m_probe = Probe::Waiting;
    End m_end = End::Running;
    bool m_programDone = false;
    bool m_bye = false;
    bool m_finished = false;
    int m_code = 0;
    bool m_crashed = false;
    qint64 m_pid = 0;
    QString m_qtVersion;
    QString m_refusal;
    QString m_startError;
    QString m_samplingRefusal;
    QString m_lastLine;
    QByteArray m_partialLine;
    QDateTime m_startedAt;
    int m_receivedSignal = 0;
    std::optional<StallRecord> m_openStall;
    double m_startMs = 0;
    double m_endMs = 0;
    qint64 m_droppedSamples = 0;
    ResponsivenessMonitor m_lag; // never started: holds the program's samples
    QList<StallRecord> m_stalls;
};

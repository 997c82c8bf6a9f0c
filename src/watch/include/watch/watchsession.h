#pragma once

#include <stalls/responsivenessmonitor.h>
#include <stalls/stallrecord.h>

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>

class QLocalServer;
class QLocalSocket;

// `asynclab watch`: starts a program with the watch probe preloaded, listens on a local socket
// only this user can open, and collects what the probe streams from inside the program: its lag
// samples and its stall records. Ends when the program ends (or, with a duration, ends the
// program when the duration is over) and reports the figures the way AsyncLab reports its own.
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
    enum class End {
        Running,
        Exited,
        Crashed, // killed by a signal
        DurationOver, // AsyncLab ended the program
        FailedToStart,
    };

    static constexpr int CannotStartStatus = 127; // as a shell says "command not found"
    static constexpr int TerminateGraceMs = 3000; // SIGTERM, then SIGKILL
    static constexpr int SettleMs = 1000; // after the program ends, for the probe's last lines

    explicit WatchSession(QObject *parent = nullptr);
    ~WatchSession() override;

    void setProgram(const QString &program, const QStringList &arguments);
    void setThresholdMs(double ms) { m_thresholdMs = ms; }
    void setDurationMs(double ms) { m_durationMs = ms; } // 0: until the program ends
    // The program's standard output goes to AsyncLab's standard error (for --json).
    void setOutputToStderr(bool on) { m_outputToStderr = on; }
    // The probe library: ASYNCLAB_PROBE if set, else next to the build or the installation.
    static QString probePath();

    void start();
    void stop(); // ends the program early: SIGTERM, SIGKILL after TerminateGraceMs

    Probe probe() const { return m_probe; }
    End end() const { return m_end; }
    bool isFinished() const { return m_finished; }
    int exitStatus() const; // the program's; 128 + signal when killed; 127 when it cannot start
    QString probeMessage() const; // why nothing was watched, or empty
    QString serverName() const; // the socket's full path, while listening
    qint64 pid() const { return m_pid; }

    ResponsivenessMonitor *lag() { return &m_lag; }
    const ResponsivenessMonitor *lag() const { return &m_lag; }
    const QList<StallRecord> &stalls() const { return m_stalls; }
    double elapsedMs() const;

    QJsonObject reportJson() const;
    QString reportText() const;

signals:
    void probeChanged(WatchSession::Probe probe);
    void stallRecorded(const StallRecord &record);
    void finished(int exitStatus);

private:
    void acceptConnection();
    void readLines();
    void handleLine(const QByteArray &line);
    void programFinished(int code, QProcess::ExitStatus status);
    void programError(QProcess::ProcessError error);
    void settle();
    void finish();

    QProcess m_process;
    QLocalServer *m_server;
    QLocalSocket *m_socket = nullptr;
    QTimer m_duration;
    QTimer m_kill;
    QTimer m_settle;
    QString m_program;
    QStringList m_arguments;
    double m_thresholdMs = 50;
    double m_durationMs = 0;
    bool m_outputToStderr = false;
    Probe m_probe = Probe::Waiting;
    End m_end = End::Running;
    bool m_programDone = false;
    bool m_bye = false;
    bool m_finished = false;
    int m_code = 0;
    qint64 m_pid = 0;
    QString m_qtVersion;
    QString m_refusal;
    QString m_startError;
    double m_startMs = 0;
    double m_endMs = 0;
    qint64 m_droppedSamples = 0;
    ResponsivenessMonitor m_lag; // never started: holds the program's samples
    QList<StallRecord> m_stalls;
};

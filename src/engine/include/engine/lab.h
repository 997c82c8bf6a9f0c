#pragma once

#include <httpserver/embeddedserver.h>
#include <engine/jobrunner.h>
#include <engine/operationlog.h>
#include <stalls/responsivenessmonitor.h>
#include <engine/scenariorunner.h>
#include <stalls/stallwatchdog.h>

#include <QObject>
#include <QString>

// Everything the app measures with, wired together once: the loopback server, the monitor, the
// operations log, the job runner and the scenario runner. Used by the window and the command line.
class Lab : public QObject
{
    Q_OBJECT
public:
    explicit Lab(QObject *parent = nullptr);
    ~Lab() override;

    // Starts server and monitor; false with errorString(). maxConnections 0: the server's default.
    bool start(quint16 port = 0, int maxConnections = 0);
    QString errorString() const { return m_server.errorString(); }

    // Absolute URLs pass through; "/path" is taken as a route of the embedded server.
    QUrl resolveUrl(const QString &text) const;

    // The defaults every fetch and file load starts with, with or without a window. The deadline
    // is short enough that the hanging server's answer can be waited for in a demo.
    static FetchOptions defaultFetchOptions();
    static FileLoadOptions defaultFileLoadOptions();

    // Where sample files are written (the system's temporary folder unless set) and their names.
    QString sampleDir() const { return m_sampleDir; }
    void setSampleDir(const QString &dir);
    static QString sampleFileName(qint64 bytes); // "asynclab-sample-<bytes>.txt"
    QString samplePath(qint64 bytes) const;

    EmbeddedServer &server() { return m_server; }
    ResponsivenessMonitor &monitor() { return m_monitor; }
    OperationLog &log() { return m_log; }
    JobRunner &jobs() { return m_jobs; }
    ScenarioRunner &scenarios() { return m_scenarios; }
    // Watches the GUI thread while the monitor runs and explains each stall; a stall's culprit is
    // also written into the operations it froze.
    StallWatchdog &stalls() { return m_stalls; }

private:
    EmbeddedServer m_server;
    ResponsivenessMonitor m_monitor;
    OperationLog m_log;
    JobRunner m_jobs; // after the log and monitor it records into, so it is destroyed first
    ScenarioRunner m_scenarios;
    QString m_sampleDir;
    StallWatchdog m_stalls; // last: its thread reads the monitor's heartbeat until it is destroyed
};

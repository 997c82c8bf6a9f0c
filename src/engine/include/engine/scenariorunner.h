#pragma once

#include <stalls/responsivenessmonitor.h>
#include <engine/runmode.h>
#include <engine/scenario.h>

#include <QObject>
#include <QSet>
#include <QUrl>

class JobRunner;
class OperationLog;

// What one run of a scenario in one mode did to the GUI thread.
struct ScenarioRun
{
    RunMode mode = RunMode::Async;
    double startMs = 0;
    double endMs = 0;
    LagStats lag;
    QList<int> operationIds;
    int failedOperations = 0;
    double longestOperationMs = 0;
    // Frames a 60 Hz animation could not draw: each stall counted in frame periods, the way the
    // heartbeat counts them.
    int framesMissed = 0;
    // Synthetic key presses typed during the run and how long they waited to be handled; filled
    // in by whoever typed them (the Compare view, or the command line's unseen text field).
    int keyPresses = 0;
    double keyLatencyMaxMs = 0;
    double keyLatencyMedianMs = 0;

    static constexpr double FramePeriodMs = 1000.0 / 60;
    double wallMs() const { return endMs - startMs; }
};

// Runs a scenario once per mode (Blocking first, then Async by default), on the same inputs,
// letting the event loop settle between runs, and reports each run's lag figures.
class ScenarioRunner : public QObject
{
    Q_OBJECT
public:
    ScenarioRunner(JobRunner *jobs, OperationLog *log, ResponsivenessMonitor *monitor,
                   QObject *parent = nullptr);

    void setServerUrl(const QUrl &baseUrl) { m_serverUrl = baseUrl; }
    void setSampleDir(const QString &dir) { m_sampleDir = dir; }
    void setSettleMs(int ms) { m_settleMs = ms; }
    // Async steps start all at once by default; one at a time, each when the one before ended,
    // the Async run shows "not blocking" alone, without running the steps concurrently.
    void setAsyncOneAtATime(bool oneAtATime) { m_asyncOneAtATime = oneAtATime; }
    bool asyncOneAtATime() const { return m_asyncOneAtATime; }

    void compare(const Scenario &scenario,
                 const QList<RunMode> &modes = { RunMode::Blocking, RunMode::Async });
    bool isRunning() const { return m_running; }
    const QList<ScenarioRun> &runs() const { return m_runs; }

signals:
    void status(const QString &message);
    void operationStarted(int id); // each job a comparison starts, its sample file's included
    void runFinished(const ScenarioRun &run);
    void comparisonFinished(const QList<ScenarioRun> &runs);
    void failed(const QString &error);

private:
    void prepareSampleFile();
    void startNextRun();
    void startStep(int index);
    void onOperationFinished(int id);
    void finishRunIfDone();
    void finishRun();
    QString sampleFilePath() const;

    JobRunner *m_jobs;
    OperationLog *m_log;
    ResponsivenessMonitor *m_monitor;
    QUrl m_serverUrl;
    QString m_sampleDir;
    int m_settleMs = 300;
    bool m_asyncOneAtATime = false;

    Scenario m_scenario;
    QList<RunMode> m_modes;
    QList<ScenarioRun> m_runs;
    ScenarioRun m_current;
    QSet<int> m_pending;
    int m_prepareId = 0;
    bool m_running = false;
};

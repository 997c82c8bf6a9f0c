#include <engine/scenariorunner.h>
#include <engine/lab.h>
#include <engine/jobrunner.h>
#include <common/labclock.h>
#include <engine/operationlog.h>
#include <common/units.h>

#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <cmath>

using namespace Qt::StringLiterals;

ScenarioRunner::ScenarioRunner(JobRunner *jobs, OperationLog *log, ResponsivenessMonitor *monitor,
                               QObject *parent)
    : QObject(parent), m_jobs(jobs), m_log(log), m_monitor(monitor), m_sampleDir(QDir::tempPath())
{
    connect(m_jobs, &JobRunner::finished, this, &ScenarioRunner::onOperationFinished);
}

void ScenarioRunner::compare(const Scenario &scenario, const QList<RunMode> &modes)
{
    if (m_running)
        return;
    m_running = true;
    m_scenario = scenario;
    m_modes = modes;
    m_runs.clear();
    prepareSampleFile();
}

QString ScenarioRunner::sampleFilePath() const
{
    return QDir(m_sampleDir).filePath(Lab::sampleFileName(m_scenario.sampleFileBytes));
}

void ScenarioRunner::prepareSampleFile()
{
    const bool needsFile = m_scenario.sampleFileBytes > 0;
    if (!needsFile || QFileInfo(sampleFilePath()).size() == m_scenario.sampleFileBytes) {
        QTimer::singleShot(m_settleMs, this, &ScenarioRunner::startNextRun);
        return;
    }
    emit status(tr("Generating a %1 sample file…").arg(formatBytes(m_scenario.sampleFileBytes)));
    m_prepareId =
            m_jobs->generateFile(sampleFilePath(), m_scenario.sampleFileBytes, RunMode::Async);
    emit operationStarted(m_prepareId);
}

void ScenarioRunner::startNextRun()
{
    if (m_runs.size() == m_modes.size()) {
        m_running = false;
        emit comparisonFinished(m_runs);
        return;
    }
    m_current = ScenarioRun {};
    m_current.mode = m_modes.at(m_runs.size());
    const bool oneAtATime = m_current.mode == RunMode::Async && m_asyncOneAtATime;
    emit status(oneAtATime ? tr("Running \"%1\" in %2 mode, one step at a time…")
                                     .arg(m_scenario.title, runModeText(m_current.mode))
                           : tr("Running \"%1\" in %2 mode…")
                                     .arg(m_scenario.title, runModeText(m_current.mode)));
    m_current.startMs = labNowMs();
    if (m_current.mode == RunMode::Blocking || m_asyncOneAtATime) {
        startStep(0);
    } else {
        for (int i = 0; i < m_scenario.steps.size(); ++i)
            startStep(i);
    }
}

void ScenarioRunner::startStep(int index)
{
    const ScenarioStep &step = m_scenario.steps.at(index);
    const RunMode mode = m_current.mode;
    const int id = step.kind == OperationKind::Fetch
            ? m_jobs->fetch(m_serverUrl.resolved(QUrl(step.serverPath)), mode)
            : m_jobs->loadFile(sampleFilePath(), mode);
    m_current.operationIds.append(id);
    emit operationStarted(id);
    if (!m_log->find(id)->isFinished()) // Blocking operations are over by now
        m_pending.insert(id);
    const bool oneAtATime = mode == RunMode::Blocking || m_asyncOneAtATime;
    if (oneAtATime && !m_pending.contains(id) && index + 1 < m_scenario.steps.size()) {
        // One step per event-loop turn, so each freeze is its own stall, as in real code that
        // blocks in one handler after another.
        QTimer::singleShot(0, this, [this, index] { startStep(index + 1); });
        return;
    }
    finishRunIfDone();
}

void ScenarioRunner::onOperationFinished(int id)
{
    if (id == m_prepareId && m_prepareId != 0) {
        m_prepareId = 0;
        const OperationRecord *record = m_log->find(id);
        if (record->status != OperationStatus::Succeeded) {
            m_running = false;
            emit failed(tr("could not generate the sample file: %1").arg(record->error));
            return;
        }
        QTimer::singleShot(m_settleMs, this, &ScenarioRunner::startNextRun);
        return;
    }
    if (!m_pending.remove(id))
        return;
    const int next = int(m_current.operationIds.size());
    if (m_current.mode == RunMode::Async && m_asyncOneAtATime && m_pending.isEmpty()
        && next < m_scenario.steps.size()) {
        // Not from inside the job runner's signal: the next step starts on the next turn.
        QTimer::singleShot(0, this, [this, next] { startStep(next); });
        return;
    }
    finishRunIfDone();
}

void ScenarioRunner::finishRunIfDone()
{
    if (m_pending.isEmpty() && m_current.operationIds.size() == m_scenario.steps.size())
        finishRun();
}

void ScenarioRunner::finishRun()
{
    m_current.endMs = labNowMs();
    // Closes the monitor's current sample here: every later one starts after the run, so the
    // figures below stay what anyone computes from the monitor's samples afterwards.
    m_monitor->checkpoint();
    m_current.lag = m_monitor->statsBetween(m_current.startMs, m_current.endMs);
    // the stalls of this run, as its Stalls list has them
    m_current.lag.stallsOver50Ms =
            int(m_monitor->stallsDuring(m_current.startMs, m_current.endMs).size());
    for (const LagSample &s : m_monitor->samples()) {
        if (s.atMs >= m_current.startMs && s.atMs - s.lagMs <= m_current.endMs)
            m_current.framesMissed += int(std::lround(s.lagMs / ScenarioRun::FramePeriodMs));
    }
    for (int id : std::as_const(m_current.operationIds)) {
        const OperationRecord *record = m_log->find(id);
        if (!record)
            continue;
        if (record->status != OperationStatus::Succeeded)
            ++m_current.failedOperations;
        m_current.longestOperationMs = std::max(m_current.longestOperationMs, record->durationMs());
    }
    m_runs.append(m_current);
    emit runFinished(m_current);
    QTimer::singleShot(m_settleMs, this, &ScenarioRunner::startNextRun);
}

#include <learn/lessonrunner.h>

#include <demokit/demooutcome.h>
#include <demos/demoregistry.h>
#include <engine/lab.h>
#include <common/labclock.h>
#include <stalls/stallreport.h>
#include <engine/scenario.h>
#include <watch/watchsession.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
// Lets the monitor collect a few quiet samples before measuring, as the command line does.
constexpr int SettleMs = 100;

bool hasDisplay()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
            || qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}
} // namespace

LessonRunner::LessonRunner(Lab *lab, QObject *parent) : QObject(parent), m_lab(lab) { }

LessonRunner::~LessonRunner()
{
    if (isRunning())
        cancel();
}

QString LessonRunner::notesProgramPath()
{
    const QString overridden = qEnvironmentVariable("ASYNCLAB_NOTES_PROGRAM");
    if (!overridden.isEmpty())
        return overridden;
    const QString build = QStringLiteral(ASYNCLAB_NOTES_BUILD_PATH);
    if (QCoreApplication::applicationDirPath().startsWith(QStringLiteral(ASYNCLAB_BINARY_DIR))
        && QFileInfo::exists(build))
        return build;
    return QCoreApplication::applicationDirPath() + u"/../"_s
            + QStringLiteral(ASYNCLAB_NOTES_INSTALL_PATH);
}

void LessonRunner::run(const Lesson &lesson)
{
    if (isRunning())
        return;
    m_lesson = lesson;
    m_run = std::make_unique<QObject>();
    QTimer::singleShot(SettleMs, m_run.get(), [this] { start(); });
}

void LessonRunner::cancel()
{
    if (!isRunning())
        return;
    // A demo and a watched program end in their own time; finished() follows when they have.
    if (m_demo && m_demo->isRunning())
        return m_demo->cancel();
    if (m_watch && !m_watch->isFinished())
        return m_watch->stop();
    for (const OperationRecord &record : m_lab->log().records()) {
        if (!record.isFinished() && record.startMs >= m_startMs)
            m_lab->jobs().cancel(record.id);
    }
    fail(tr("canceled"));
}

int LessonRunner::delayMs() const
{
    return m_options.delayMs > 0 ? m_options.delayMs : m_lesson.delayMs;
}

void LessonRunner::start()
{
    m_startMs = labNowMs();
    switch (m_lesson.measure) {
    case LessonMeasure::Fetch:
        return runFetch();
    case LessonMeasure::Fetches:
        return runFetches();
    case LessonMeasure::Demo:
        return runDemo();
    case LessonMeasure::Compare:
        return runCompare();
    case LessonMeasure::Watch:
        return runWatch();
    }
}

void LessonRunner::runFetch()
{
    JobRunner &jobs = m_lab->jobs();
    // A Blocking job ends before it returns its id: the id comes from started().
    auto id = std::make_shared<int>(0);
    QObject *run = m_run.get();
    connect(&jobs, &JobRunner::started, run, [id](int started) {
        if (*id == 0)
            *id = started;
    });
    connect(&jobs, &JobRunner::finished, run, [this, run, id](int done) {
        if (done != *id || m_run.get() != run)
            return;
        const OperationRecord &record = *m_lab->log().find(done);
        if (record.status != OperationStatus::Succeeded)
            return fail(record.error.isEmpty() ? operationStatusName(record.status) : record.error);
        complete({ { u"target"_s, record.target },
                   { u"delayMs"_s, delayMs() },
                   { u"durationMs"_s, record.durationMs() },
                   { u"maxStallMs"_s, record.maxStallMs } });
    });
    const QString route = m_lesson.routeFor(delayMs());
    emit progress(tr("%1 mode: %2")
                          .arg(runModeName(mode()),
                               m_options.loadPath.isEmpty() ? route : m_options.loadPath));
    if (m_options.loadPath.isEmpty())
        jobs.fetch(m_lab->resolveUrl(route), mode());
    else
        jobs.loadFile(m_options.loadPath, mode());
}

void LessonRunner::runFetches()
{
    JobRunner &jobs = m_lab->jobs();
    const int count = m_lesson.count;
    QObject *run = m_run.get();
    auto remaining = std::make_shared<int>(count);
    auto ids = std::make_shared<QList<int>>(); // the jobs this run started, from started()
    connect(&jobs, &JobRunner::started, run, [ids, count](int started) {
        if (ids->size() < count)
            ids->append(started);
    });
    connect(&jobs, &JobRunner::finished, run, [this, run, ids, count, remaining](int done) {
        if (!ids->contains(done) || m_run.get() != run)
            return;
        const OperationRecord &record = *m_lab->log().find(done);
        if (record.status != OperationStatus::Succeeded)
            return fail(record.error);
        if (--*remaining > 0)
            return;
        double startMs = record.startMs;
        double endMs = record.endMs;
        for (const int id : std::as_const(*ids)) {
            startMs = std::min(startMs, m_lab->log().find(id)->startMs);
            endMs = std::max(endMs, m_lab->log().find(id)->endMs);
        }
        complete({ { u"count"_s, count },
                   { u"delayMs"_s, delayMs() },
                   { u"totalMs"_s, endMs - startMs },
                   { u"maxStallMs"_s, m_lab->monitor().maxStallBetween(startMs, endMs) } });
    });
    const QUrl url = m_lab->resolveUrl(m_lesson.routeFor(delayMs()));
    emit progress(
            tr("%1 mode: %2 fetches of %3").arg(runModeName(mode())).arg(count).arg(url.path()));
    for (int i = 0; i < count; ++i)
        jobs.fetch(url, mode());
}

namespace {
// The demo's figures by the names the judgments read: "row: column unit" ("unprotected: lost
// updates", "blocked: timer tick delay ms").
QJsonObject figuresByName(const QList<DemoFigure> &figures)
{
    QJsonObject named;
    for (const DemoFigure &figure : figures) {
        QString name = figure.row.isEmpty() ? figure.column : figure.row + u": "_s + figure.column;
        if (!figure.unit.isEmpty() && figure.value.isDouble())
            name += u' ' + figure.unit;
        named.insert(name, figure.value);
    }
    return named;
}
} // namespace

void LessonRunner::runDemo()
{
    m_dir = std::make_unique<QTemporaryDir>();
    Demo *demo = DemoRegistry::create(m_lesson.demo, DemoRegistry::contextFor(m_lab, m_dir->path()),
                                      m_run.get());
    if (!demo)
        return fail(tr("no demo named %1").arg(m_lesson.demo));
    m_demo = demo;
    if (m_lesson.variant > 0)
        demo->setVariant(m_lesson.variant);
    QObject *run = m_run.get();
    connect(demo, &Demo::progress, run, [this](const QString &line) { emit progress(line); });
    connect(demo, &Demo::finished, run, [this, run](const DemoOutcome &outcome) {
        if (m_run.get() != run)
            return;
        if (!outcome.ok())
            return fail(outcome.error);
        complete(figuresByName(outcome.figures));
    });
    emit progress(tr("Running the demo \"%1\"").arg(demo->title()));
    demo->run();
}

void LessonRunner::runCompare()
{
    ScenarioRunner &runner = m_lab->scenarios();
    if (runner.isRunning())
        return fail(tr("a comparison is running already; try again when it has ended"));
    m_previousOneAtATime = runner.asyncOneAtATime();
    runner.setAsyncOneAtATime(m_options.asyncOneAtATime);
    Scenario scenario {
        u"lesson"_s,
        m_lesson.title,
        {},
        0,
        QList<ScenarioStep>(m_lesson.count, { OperationKind::Fetch, m_lesson.routeFor(delayMs()) })
    };
    QObject *run = m_run.get();
    connect(&runner, &ScenarioRunner::status, run,
            [this](const QString &line) { emit progress(line); });
    connect(&runner, &ScenarioRunner::comparisonFinished, run,
            [this, run](const QList<ScenarioRun> &runs) {
                m_lab->scenarios().setAsyncOneAtATime(m_previousOneAtATime);
                if (m_run.get() != run || runs.size() != 2)
                    return;
                complete({ { u"count"_s, m_lesson.count },
                           { u"delayMs"_s, delayMs() },
                           { u"blockingWallMs"_s, runs[0].wallMs() },
                           { u"asyncWallMs"_s, runs[1].wallMs() },
                           { u"blockingMaxStallMs"_s, runs[0].lag.maxStallMs },
                           { u"asyncMaxStallMs"_s, runs[1].lag.maxStallMs } });
            });
    connect(&runner, &ScenarioRunner::failed, run, [this, run](const QString &error) {
        m_lab->scenarios().setAsyncOneAtATime(m_previousOneAtATime);
        if (m_run.get() == run)
            fail(error);
    });
    runner.compare(scenario);
}

void LessonRunner::runWatch()
{
    if (!hasDisplay())
        qputenv("QT_QPA_PLATFORM", "offscreen"); // the watched program draws, unseen
    auto *session = new WatchSession(m_run.get());
    m_watch = session;
    session->setProgram(notesProgramPath(), {});
    session->setOutputToStderr(true);
    QObject *run = m_run.get();
    connect(session, &WatchSession::finished, run, [this, run, session] {
        if (m_run.get() != run)
            return;
        if (session->end() == WatchSession::End::FailedToStart
            || session->probe() != WatchSession::Probe::Running)
            return fail(session->probeMessage().isEmpty()
                                ? tr("%1 could not be watched").arg(notesProgramPath())
                                : session->probeMessage());
        QJsonObject figures;
        if (const StallRecord *longest = StallReport::longestStall(session->stalls())) {
            figures.insert(u"culpritFunction"_s, longest->culprit.function);
            figures.insert(u"culpritFile"_s, longest->culprit.file);
            figures.insert(u"culpritLine"_s, longest->culprit.line);
        }
        complete(figures, session->stalls());
    });
    emit progress(tr("Watching %1").arg(QFileInfo(notesProgramPath()).fileName()));
    session->start();
}

void LessonRunner::complete(QJsonObject figures, std::optional<QList<StallRecord>> stalls)
{
    const auto judged = [this, measured = std::move(figures)](const QList<StallRecord> &records) {
        QJsonObject figures = measured;
        if (const StallRecord *longest = StallReport::longestStall(records)) {
            figures.insert(u"longestStallMs"_s, longest->durationMs);
            figures.insert(u"busyShare"_s, longest->busyShare);
            figures.insert(u"waitingShare"_s, longest->waitingShare);
            figures.insert(u"cpuQueueShare"_s, longest->cpuWaitSampleShare);
            if (longest->culprit.isKnown())
                figures.insert(u"culprit"_s, longest->culprit.location());
        }
        LessonResult result;
        result.mode = mode();
        result.figures = figures;
        result.judgment = judge(m_lesson, figures);
        result.stalls = records;
        end(result);
    };
    if (stalls)
        return judged(*stalls);
    // A stall is recorded just after it ends: wait for the watchdog before reading them.
    QObject *run = m_run.get();
    m_lab->stalls().whenSettled(run, [this, run, judged] {
        if (m_run.get() == run)
            judged(m_lab->stalls().recordsBetween(m_startMs, labNowMs()));
    });
}

void LessonRunner::fail(const QString &error)
{
    LessonResult result;
    result.ok = false;
    result.error = error;
    result.mode = mode();
    end(result);
}

void LessonRunner::end(const LessonResult &result)
{
    // Deleted later: this may run inside one of the run's own connections.
    m_run.release()->deleteLater();
    emit finished(result);
}

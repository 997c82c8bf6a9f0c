#include <cli/actionrunner.h>
#include <cli/console.h>
#include <common/labclock.h>
#include <demokit/demo.h>
#include <demos/demoregistry.h>
#include <engine/lab.h>
#include <engine/report.h>
#include <learn/lessonreport.h>
#include <learn/lessonrunner.h>
#include <export/recordings.h>
#include <stalls/stallreport.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>

using namespace Qt::StringLiterals;

ActionRunner::ActionRunner(Lab *lab, const CommandLine &options, int settleMs, QObject *parent)
    : QObject(parent), m_lab(lab), m_options(options), m_settleMs(settleMs)
{
}

void ActionRunner::start()
{
    m_actionStartMs = labNowMs() + m_settleMs;
    switch (m_options.action) {
    case CommandLine::Action::Serve: // CommandRunner serves; a window never does
    case CommandLine::Action::Window:
        idle();
        break;
    case CommandLine::Action::Fetch:
    case CommandLine::Action::Load:
        QTimer::singleShot(m_settleMs, this, &ActionRunner::runJob);
        break;
    case CommandLine::Action::Compare:
        QTimer::singleShot(m_settleMs, this, &ActionRunner::runComparison);
        break;
    case CommandLine::Action::Demo:
        QTimer::singleShot(m_settleMs, this, &ActionRunner::runDemo);
        break;
    case CommandLine::Action::Lesson: // never with a window: the lesson runner settles by itself
        QTimer::singleShot(0, this, &ActionRunner::runLesson);
        break;
    }
}

void ActionRunner::runJob()
{
    JobRunner &jobs = m_lab->jobs();
    // A Blocking job has finished before startJob() returns: its id is taken as it starts.
    connect(
            &jobs, &JobRunner::started, this, [this](int id) { m_jobId = id; },
            Qt::SingleShotConnection);
    connect(&jobs, &JobRunner::finished, this, [this](int id) {
        if (id != m_jobId)
            return;
        whenStallsSettled([this, id](const QList<StallRecord> &stalls) {
            const OperationRecord &record = *m_lab->log().find(id);
            Console::out(m_options.json ? Console::jsonText(
                                 StallReport::withStalls(Report::operationJson(record), stalls))
                                        : Report::operationText(record)
                                         + StallReport::culpritText(stalls));
            done(record.status == OperationStatus::Succeeded ? 0 : 1);
        });
    });
    startJob();
}

void ActionRunner::runComparison()
{
    connect(&m_lab->scenarios(), &ScenarioRunner::status, this, &ActionRunner::printStatus);
    startComparison();
}

void ActionRunner::comparisonDone(const QList<ScenarioRun> &runs)
{
    whenStallsSettled([this, runs](const QList<StallRecord> &recorded) {
        // each run's stalls as the Compare view lists and counts them
        QList<StallRecord> stalls;
        for (const ScenarioRun &run : runs)
            stalls += StallReport::stallsDuring(m_lab->monitor(), recorded, run.startMs, run.endMs);
        const Scenario scenario = *Scenario::named(m_options.scenario);
        Console::out(m_options.json
                             ? Console::jsonText(Report::comparisonJson(scenario, runs, stalls))
                             : Report::comparisonText(scenario, runs, stalls));
        done(0);
    });
}

void ActionRunner::failed(const QString &error)
{
    Console::error(error);
    done(1);
}

void ActionRunner::runDemo()
{
    if (m_options.demo == "list"_L1) {
        listDemos();
        return;
    }
    Demo *demo = prepareDemo(m_options.demo);
    if (!demo || !applyVariant(demo))
        return;
    connect(demo, &Demo::progress, this, &ActionRunner::printStatus);
    startDemo(demo);
}

void ActionRunner::demoDone(const QString &name, const DemoOutcome &outcome)
{
    whenStallsSettled([this, name, outcome](const QList<StallRecord> &stalls) {
        const DemoEntry *entry = DemoRegistry::find(name);
        const QString title = entry ? entry->title : name;
        Console::out(m_options.json ? Console::jsonText(StallReport::withStalls(
                             Console::demoJson(name, title, outcome), stalls))
                                    : Console::demoText(title, outcome)
                                     + StallReport::culpritText(stalls));
        if (outcome.status == DemoOutcome::Status::Canceled) {
            Console::error(tr("demo %1 canceled").arg(name));
        } else if (outcome.status == DemoOutcome::Status::Failed) {
            Console::error(tr("demo %1 failed: %2").arg(name, outcome.error));
        }
        done(outcome.ok() ? 0 : 1);
    });
}

void ActionRunner::listDemos()
{
    QJsonArray list;
    QString text;
    for (const DemoEntry &entry : DemoRegistry::all()) {
        list.append(QJsonObject { { u"name"_s, entry.name }, { u"title"_s, entry.title } });
        text += u"%1  %2\n"_s.arg(entry.name.leftJustified(24), entry.title);
    }
    Console::out(m_options.json ? Console::jsonText(list) : text);
    QCoreApplication::exit(0);
}

bool ActionRunner::applyVariant(Demo *demo)
{
    if (m_options.variant == 0)
        return true;
    const QStringList variants = demo->variants();
    if (m_options.variant > variants.size()) {
        Console::error(variants.isEmpty()
                               ? tr("demo %1 has no variants").arg(demo->name())
                               : tr("demo %1 has %n variant(s): %2", nullptr, int(variants.size()))
                                         .arg(demo->name(), variants.join(u"; "_s)));
        QMetaObject::invokeMethod(
                qApp, [] { QCoreApplication::exit(2); }, Qt::QueuedConnection);
        return false;
    }
    demo->setVariant(m_options.variant - 1);
    return true;
}

void ActionRunner::printStatus(const QString &line) const
{
    if (!m_options.json)
        Console::err(line + u'\n');
}

void ActionRunner::whenStallsSettled(std::function<void(const QList<StallRecord> &)> then)
{
    m_lab->stalls().whenSettled(this, [this, then = std::move(then)] {
        const double nowMs = labNowMs();
        QString error;
        if (!labRecording(*m_lab, m_actionStartMs, nowMs)
                     .save(m_options.tracePath, m_options.profilePath, &error)) {
            failed(error);
            return;
        }
        then(m_lab->stalls().recordsBetween(m_actionStartMs, nowMs));
    });
}

void ActionRunner::runLesson()
{
    if (m_options.lesson == 0) {
        Console::out(m_options.json ? Console::jsonText(LessonReport::listJson())
                                    : LessonReport::listText());
        done(0);
        return;
    }
    const Lesson lesson = *Course::find(m_options.lesson);
    auto *runner = new LessonRunner(m_lab, this);
    LessonOptions options;
    if (m_options.modeGiven)
        options.mode = m_options.mode;
    options.delayMs = m_options.delayMs;
    runner->setOptions(options);
    connect(runner, &LessonRunner::progress, this, &ActionRunner::printStatus);
    connect(runner, &LessonRunner::finished, this, [this, lesson](const LessonResult &result) {
        const int predicted = m_options.prediction;
        Console::out(m_options.json
                             ? Console::jsonText(LessonReport::json(lesson, result, predicted))
                             : LessonReport::text(lesson, result, predicted));
        if (!result.ok)
            Console::error(
                    tr("lesson %1 could not measure: %2").arg(lesson.number).arg(result.error));
        done(result.ok ? 0 : 1);
    });
    runner->run(lesson);
}

#include <cli/commandrunner.h>
#include <cli/console.h>
#include <demos/demoregistry.h>
#include <engine/lab.h>
#include <common/labclock.h>
#include <engine/report.h>
#include <stalls/stallreport.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
// Lets the monitor collect a few quiet samples before measuring.
constexpr int SettleMs = 100;
} // namespace

namespace CommandOutput {

void whenStallsSettled(Lab *lab, QObject *context, double sinceMs,
                       std::function<void(const QList<StallRecord> &)> then)
{
    lab->stalls().whenSettled(context, [lab, sinceMs, then = std::move(then)] {
        then(lab->stalls().recordsBetween(sinceMs, labNowMs()));
    });
}

void printOperation(const CommandLine &options, const OperationRecord &record,
                    const QList<StallRecord> &stalls)
{
    Console::out(options.json ? Console::jsonText(
                         StallReport::withStalls(Report::operationJson(record), stalls))
                              : Report::operationText(record) + StallReport::culpritText(stalls));
}

void printComparison(const CommandLine &options, const QList<ScenarioRun> &runs,
                     const QList<StallRecord> &stalls)
{
    const Scenario scenario = *Scenario::named(options.scenario);
    Console::out(options.json ? Console::jsonText(Report::comparisonJson(scenario, runs, stalls))
                              : Report::comparisonText(scenario, runs, stalls));
}

void printDemo(const CommandLine &options, const QString &name, const DemoOutcome &outcome,
               const QList<StallRecord> &stalls)
{
    const DemoEntry *entry = DemoRegistry::find(name);
    const QString title = entry ? entry->title : name;
    Console::out(options.json
                         ? Console::jsonText(StallReport::withStalls(
                                 Console::demoJson(name, title, outcome), stalls))
                         : Console::demoText(title, outcome) + StallReport::culpritText(stalls));
    if (!outcome.ok)
        Console::error(u"demo %1 failed: %2"_s.arg(name, outcome.error));
}

void printStatus(const CommandLine &options, const QString &line)
{
    if (!options.json)
        Console::err(line + u'\n');
}

bool applyVariant(const CommandLine &options, Demo *demo)
{
    if (options.variant == 0)
        return true;
    const QStringList variants = demo->variants();
    if (options.variant > variants.size()) {
        Console::error(variants.isEmpty() ? u"demo %1 has no variants"_s.arg(demo->name())
                                          : u"demo %1 has %2 variants: %3"_s.arg(demo->name())
                                                    .arg(variants.size())
                                                    .arg(variants.join(u"; "_s)));
        QMetaObject::invokeMethod(
                qApp, [] { QCoreApplication::exit(2); }, Qt::QueuedConnection);
        return false;
    }
    demo->setVariant(options.variant - 1);
    return true;
}

} // namespace CommandOutput

CommandRunner::CommandRunner(Lab *lab, const CommandLine &options, QObject *parent)
    : QObject(parent), m_lab(lab), m_options(options)
{
}

void CommandRunner::start()
{
    m_actionStartMs = labNowMs() + SettleMs;
    switch (m_options.action) {
    case CommandLine::Action::Serve:
        serve();
        break;
    case CommandLine::Action::Fetch:
    case CommandLine::Action::Load:
        QTimer::singleShot(SettleMs, this, &CommandRunner::runJob);
        break;
    case CommandLine::Action::Compare:
        QTimer::singleShot(SettleMs, this, &CommandRunner::runComparison);
        break;
    case CommandLine::Action::Demo:
        QTimer::singleShot(SettleMs, this, &CommandRunner::runDemo);
        break;
    case CommandLine::Action::Window:
        // nothing to do without a window
        QTimer::singleShot(0, this, [] { QCoreApplication::exit(0); });
        break;
    }
}

void CommandRunner::serve()
{
    const QString base = m_lab->server().baseUrl().toString();
    Console::out(
            u"AsyncLab server listening on %1 (Ctrl+C to stop)\n"
            "Routes: /delay/<ms>  /bytes/<n>  /drip?bytes=N&ms=T  /status/<code>  /json  /badjson\n"
            "        /flaky/<key>?fail=K  /redirect/<n>  /redirectloop\n"
            "        /truncate/<n>  /garbage  /close  /hang\n"_s.arg(base));
    const EmbeddedServer &server = m_lab->server();
    Console::out(u"Open-file limit %1%2; at most %3 connections at once, more are answered 503 "
                 "(--max-connections)\n"_s.arg(server.openFileLimit())
                         .arg(server.openFileLimitRaised() ? u" (raised to the hard limit)"_s
                                                           : QString())
                         .arg(server.maxConnections()));
}

void CommandRunner::runJob()
{
    JobRunner &jobs = m_lab->jobs();
    connect(&jobs, &JobRunner::finished, this, [this](int id) {
        CommandOutput::whenStallsSettled(
                m_lab, this, m_actionStartMs, [this, id](const QList<StallRecord> &stalls) {
                    const OperationRecord &record = *m_lab->log().find(id);
                    CommandOutput::printOperation(m_options, record, stalls);
                    QCoreApplication::exit(record.status == OperationStatus::Succeeded ? 0 : 1);
                });
    });
    if (m_options.action == CommandLine::Action::Fetch)
        jobs.fetch(m_lab->resolveUrl(m_options.target), m_options.mode);
    else
        jobs.loadFile(m_options.target, m_options.mode);
}

void CommandRunner::runComparison()
{
    ScenarioRunner &runner = m_lab->scenarios();
    connect(&runner, &ScenarioRunner::status, this,
            [this](const QString &s) { CommandOutput::printStatus(m_options, s); });
    connect(&runner, &ScenarioRunner::comparisonFinished, this,
            [this](const QList<ScenarioRun> &finished) {
                // The runner settled after the last run, so every press typed during a run has
                // been handled by now.
                QList<ScenarioRun> runs = finished;
                if (m_keys) {
                    m_keys->stop();
                    for (ScenarioRun &run : runs)
                        m_keys->measure(run);
                }
                CommandOutput::whenStallsSettled(m_lab, this, m_actionStartMs,
                                                 [this, runs](const QList<StallRecord> &stalls) {
                                                     CommandOutput::printComparison(m_options, runs,
                                                                                    stalls);
                                                     QCoreApplication::exit(0);
                                                 });
            });
    connect(&runner, &ScenarioRunner::failed, this, [this](const QString &error) {
        if (m_keys)
            m_keys->stop();
        Console::error(error);
        QCoreApplication::exit(1);
    });
    if (m_keys)
        m_keys->start();
    runner.compare(*Scenario::named(m_options.scenario));
}

void CommandRunner::runDemo()
{
    if (m_options.demo == "list"_L1)
        return listDemos();
    const QString name = m_options.demo;
    m_demoDir = std::make_unique<QTemporaryDir>();
    const DemoContext context = DemoRegistry::contextFor(m_lab, m_demoDir->path());
    Demo *demo = DemoRegistry::create(name, context, this);
    if (!CommandOutput::applyVariant(m_options, demo))
        return;
    connect(demo, &Demo::progress, this,
            [this](const QString &line) { CommandOutput::printStatus(m_options, line); });
    connect(demo, &Demo::finished, this, [this, name](const DemoOutcome &outcome) {
        CommandOutput::whenStallsSettled(m_lab, this, m_actionStartMs,
                                         [this, name, outcome](const QList<StallRecord> &stalls) {
                                             CommandOutput::printDemo(m_options, name, outcome,
                                                                      stalls);
                                             QCoreApplication::exit(outcome.ok ? 0 : 1);
                                         });
    });
    demo->run();
}

void CommandRunner::listDemos()
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

#include <cli/commandrunner.h>
#include <cli/console.h>
#include <demokit/demo.h>
#include <demos/demoregistry.h>
#include <engine/lab.h>

#include <QCoreApplication>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
// Lets the monitor collect a few quiet samples before measuring.
constexpr int SettleMs = 100;
} // namespace

CommandRunner::CommandRunner(Lab *lab, const CommandLine &options, QObject *parent)
    : ActionRunner(lab, options, SettleMs, parent)
{
}

void CommandRunner::idle()
{
    if (m_options.action == CommandLine::Action::Serve)
        serve();
    else // nothing to do without a window
        QTimer::singleShot(0, this, [this] { done(0); });
}

void CommandRunner::serve()
{
    const QString base = m_lab->server().baseUrl().toString();
    Console::out(tr("AsyncLab server listening on %1 (Ctrl+C to stop)").arg(base) + u'\n'
                 + tr("Routes: %1")
                           .arg(u"/delay/<ms>  /bytes/<n>  /drip?bytes=N&ms=T  "
                                "/status/<code>  /json  /badjson\n"
                                "        /flaky/<key>?fail=K  /redirect/<n>  /redirectloop\n"
                                "        /truncate/<n>  /garbage  /close  /hang\n"_s));
    const EmbeddedServer &server = m_lab->server();
    const QString limit = server.openFileLimitRaised()
            ? tr("Open-file limit %1 (raised to the hard limit)").arg(server.openFileLimit())
            : tr("Open-file limit %1").arg(server.openFileLimit());
    Console::out(tr("%1; at most %2 connections at once, more are answered 503 "
                    "(--max-connections)")
                         .arg(limit)
                         .arg(server.maxConnections())
                 + u'\n');
}

void CommandRunner::startJob()
{
    JobRunner &jobs = m_lab->jobs();
    if (m_options.action == CommandLine::Action::Fetch)
        jobs.fetch(m_lab->resolveUrl(m_options.target), m_options.mode);
    else
        jobs.loadFile(m_options.target, m_options.mode);
}

void CommandRunner::startComparison()
{
    ScenarioRunner &runner = m_lab->scenarios();
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
                comparisonDone(runs);
            });
    connect(&runner, &ScenarioRunner::failed, this, [this](const QString &error) {
        if (m_keys)
            m_keys->stop();
        failed(error);
    });
    if (m_keys)
        m_keys->start();
    runner.compare(*Scenario::named(m_options.scenario));
}

Demo *CommandRunner::prepareDemo(const QString &name)
{
    m_demoDir = std::make_unique<QTemporaryDir>();
    const DemoContext context = DemoRegistry::contextFor(m_lab, m_demoDir->path());
    return DemoRegistry::create(name, context, this);
}

void CommandRunner::startDemo(Demo *demo)
{
    connect(demo, &Demo::finished, this,
            [this, name = demo->name()](const DemoOutcome &outcome) { demoDone(name, outcome); });
    demo->run();
}

void CommandRunner::done(int exitCode)
{
    QCoreApplication::exit(exitCode);
}

#include "commandrunner.h"
#include "lab.h"
#include "report.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTimer>
#include <QWidget>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}
} // namespace

CommandRunner::CommandRunner(Lab *lab, const CommandLine &options, QWidget *window, QObject *parent)
    : QObject(parent), m_lab(lab), m_options(options), m_window(window)
{
}

void CommandRunner::start()
{
    // Let the window show and the monitor collect a few quiet samples before measuring.
    const int settleMs = m_window ? 500 : 100;
    switch (m_options.action) {
    case CommandLine::Action::Serve:
        serve();
        break;
    case CommandLine::Action::Fetch:
    case CommandLine::Action::Load:
        QTimer::singleShot(settleMs, this, &CommandRunner::runJob);
        break;
    case CommandLine::Action::Compare:
        QTimer::singleShot(settleMs, this, &CommandRunner::runComparison);
        break;
    case CommandLine::Action::Window:
        QTimer::singleShot(m_options.screenshotDelayMs, this, [this] { finish(0); });
        break;
    }
}

void CommandRunner::serve()
{
    const QString base = m_lab->server().baseUrl().toString();
    print(stdout,
          u"AsyncLab server listening on %1 (Ctrl+C to stop)\n"
          "Routes: /delay/<ms>  /bytes/<n>  /drip?bytes=N&ms=T  /status/<code>  /json  /badjson\n"
          "        /flaky/<key>?fail=K  /redirect/<n>  /redirectloop\n"
          "        /truncate/<n>  /garbage  /close  /hang\n"_s.arg(base));
}

void CommandRunner::runJob()
{
    JobRunner &jobs = m_lab->jobs();
    connect(&jobs, &JobRunner::finished, this, [this](int id) {
        const OperationRecord *record = m_lab->log().find(id);
        print(stdout, m_options.json ? compactJson(Report::operationJson(*record))
                                     : Report::operationText(*record));
        finish(record->status == OperationStatus::Succeeded ? 0 : 1);
    });
    if (m_options.action == CommandLine::Action::Fetch)
        jobs.fetch(m_lab->resolveUrl(m_options.target), m_options.mode);
    else
        jobs.loadFile(m_options.target, m_options.mode);
}

void CommandRunner::runComparison()
{
    const Scenario scenario = *Scenario::named(m_options.scenario);
    ScenarioRunner &runner = m_lab->scenarios();
    if (!m_options.json)
        connect(&runner, &ScenarioRunner::status, this, [](const QString &s) { print(stderr, s + u'\n'); });
    connect(&runner, &ScenarioRunner::comparisonFinished, this,
            [this, scenario](const QList<ScenarioRun> &runs) {
                print(stdout, m_options.json ? compactJson(Report::comparisonJson(scenario, runs))
                                             : Report::comparisonText(scenario, runs));
                finish(0);
            });
    connect(&runner, &ScenarioRunner::failed, this, [this](const QString &error) {
        print(stderr, u"asynclab: %1\n"_s.arg(error));
        finish(1);
    });
    runner.compare(scenario);
}

void CommandRunner::finish(int exitCode)
{
    if (m_options.screenshotPath.isEmpty() || !m_window) {
        QCoreApplication::exit(exitCode);
        return;
    }
    // Give the live views one more update so the picture shows the end of the run.
    QTimer::singleShot(400, this, [this, exitCode] {
        if (!m_window->grab().save(m_options.screenshotPath)) {
            print(stderr, u"asynclab: cannot write screenshot %1\n"_s.arg(m_options.screenshotPath));
            QCoreApplication::exit(1);
            return;
        }
        print(stderr, u"screenshot saved to %1\n"_s.arg(m_options.screenshotPath));
        QCoreApplication::exit(exitCode);
    });
}

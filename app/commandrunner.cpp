#include "commandrunner.h"
#include "compareview.h"
#include "demogallery.h"
#include "demoregistry.h"
#include "lab.h"
#include "labclock.h"
#include "mainwindow.h"
#include "report.h"
#include "units.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
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

QJsonObject demoJson(const QString &name, const QString &title, const DemoOutcome &outcome)
{
    QJsonArray bars;
    for (const auto &[label, value] : outcome.bars)
        bars.append(QJsonObject { { u"label"_s, label }, { u"value"_s, value } });
    return { { u"demo"_s, name },
             { u"title"_s, title },
             { u"ok"_s, outcome.ok },
             { u"error"_s, outcome.error },
             { u"summary"_s, outcome.summary },
             { u"figures"_s, outcome.figures },
             { u"bars"_s, bars },
             { u"barsUnit"_s, outcome.barsUnit } };
}

QString demoText(const QString &title, const DemoOutcome &outcome)
{
    QString text = u"%1\n\n%2\n\n"_s.arg(title, outcome.summary);
    qsizetype width = 0;
    for (auto it = outcome.figures.constBegin(); it != outcome.figures.constEnd(); ++it)
        width = std::max(width, it.key().size());
    for (auto it = outcome.figures.constBegin(); it != outcome.figures.constEnd(); ++it) {
        text += u"  %1  %2\n"_s.arg(it.key().leftJustified(width), formatFigure(it.value()));
    }
    if (!outcome.bars.isEmpty()) {
        text += u"\n%1:\n"_s.arg(outcome.barsUnit);
        for (const auto &[label, value] : outcome.bars)
            text += u"  %1  %2\n"_s.arg(label.leftJustified(24)).arg(value, 0, 'f', 1);
    }
    return text;
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
    case CommandLine::Action::Demo:
        QTimer::singleShot(settleMs, this, &CommandRunner::runDemo);
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
        print(stdout,
              m_options.json ? compactJson(Report::operationJson(*record))
                             : Report::operationText(*record));
        m_jobDone = true;
        m_jobExitCode = record->status == OperationStatus::Succeeded ? 0 : 1;
        if (m_options.screenshotAtMs < 0 || !m_window)
            finish(m_jobExitCode);
        else if (m_midwayShotTaken)
            QCoreApplication::exit(m_jobExitCode);
    });
    if (m_options.screenshotAtMs >= 0 && m_window) {
        const double due = labNowMs() + m_options.screenshotAtMs;
        QTimer::singleShot(m_options.screenshotAtMs, Qt::PreciseTimer, this,
                           [this, due] { grabMidway(due); });
    }
    // Through the window when there is one, so its progress bar and log show the job as if
    // it had been clicked.
    if (auto *window = qobject_cast<MainWindow *>(m_window.data())) {
        window->setMode(m_options.mode);
        if (m_options.action == CommandLine::Action::Fetch) {
            window->urlEdit()->setText(m_lab->resolveUrl(m_options.target).toString());
            window->fetch(m_options.target);
        } else {
            window->fileEdit()->setText(m_options.target);
            window->loadFile(m_options.target);
        }
        return;
    }
    if (m_options.action == CommandLine::Action::Fetch)
        jobs.fetch(m_lab->resolveUrl(m_options.target), m_options.mode);
    else
        jobs.loadFile(m_options.target, m_options.mode);
}

void CommandRunner::grabMidway(double dueMs)
{
    // A blocked GUI thread runs this timer late, once the freeze is over; the live views then
    // need a moment to show the freeze that delayed it.
    const int catchUpMs = labNowMs() - dueMs > 50 ? 400 : 0;
    QTimer::singleShot(catchUpMs, this, [this] {
        m_midwayShotTaken = true;
        if (!saveScreenshot())
            QCoreApplication::exit(1);
        else if (m_jobDone)
            QCoreApplication::exit(m_jobExitCode);
    });
}

void CommandRunner::runComparison()
{
    const Scenario scenario = *Scenario::named(m_options.scenario);
    if (m_window) {
        compareInWindow(scenario);
        return;
    }
    ScenarioRunner &runner = m_lab->scenarios();
    if (!m_options.json)
        connect(&runner, &ScenarioRunner::status, this,
                [](const QString &s) { print(stderr, s + u'\n'); });
    connect(&runner, &ScenarioRunner::comparisonFinished, this,
            [this, scenario](const QList<ScenarioRun> &runs) {
                print(stdout,
                      m_options.json ? compactJson(Report::comparisonJson(scenario, runs))
                                     : Report::comparisonText(scenario, runs));
                finish(0);
            });
    connect(&runner, &ScenarioRunner::failed, this, [this](const QString &error) {
        print(stderr, u"asynclab: %1\n"_s.arg(error));
        finish(1);
    });
    runner.compare(scenario);
}

void CommandRunner::compareInWindow(const Scenario &scenario)
{
    m_compareView = new CompareView(m_lab, m_window);
    m_compareView->selectScenario(scenario.name);
    m_compareView->show();
    if (!m_options.json)
        connect(&m_lab->scenarios(), &ScenarioRunner::status, this,
                [](const QString &s) { print(stderr, s + u'\n'); });
    connect(m_compareView, &CompareView::finished, this,
            [this, scenario](const QList<ScenarioRun> &runs) {
                // runs from the view carry the key press figures it measured
                print(stdout,
                      m_options.json ? compactJson(Report::comparisonJson(scenario, runs))
                                     : Report::comparisonText(scenario, runs));
                finish(0);
            });
    connect(m_compareView, &CompareView::failed, this, [this](const QString &error) {
        print(stderr, u"asynclab: %1\n"_s.arg(error));
        finish(1);
    });
    m_compareView->run();
}

void CommandRunner::runDemo()
{
    if (m_options.demo == "list"_L1)
        return listDemos();
    const QString name = m_options.demo;
    if (m_window) {
        // In the gallery, exactly as its Run button runs it.
        m_gallery = new DemoGallery(m_lab, m_window); // a window of its own, sized to fit
        m_gallery->show();
        m_gallery->selectDemo(name);
        connect(m_gallery, &DemoGallery::demoFinished, this, &CommandRunner::demoFinished);
        if (!m_options.json)
            connect(m_gallery->demo(name), &Demo::progress, this,
                    [](const QString &line) { print(stderr, line + u'\n'); });
        // Once the new window has painted, so its first paint is not measured as the demo's.
        QTimer::singleShot(500, m_gallery, &DemoGallery::runCurrent);
        return;
    }
    m_demoDir = std::make_unique<QTemporaryDir>();
    const DemoContext context = DemoRegistry::contextFor(m_lab, m_demoDir->path());
    Demo *demo = DemoRegistry::create(name, context, this);
    if (!m_options.json) {
        connect(demo, &Demo::progress, this,
                [](const QString &line) { print(stderr, line + u'\n'); });
    }
    connect(demo, &Demo::finished, this,
            [this, name](const DemoOutcome &outcome) { demoFinished(name, outcome); });
    demo->run();
}

void CommandRunner::demoFinished(const QString &name, const DemoOutcome &outcome)
{
    const Demo *demo = m_gallery ? m_gallery->demo(name) : findChild<Demo *>();
    const QString title = demo ? demo->title() : name;
    print(stdout,
          m_options.json ? compactJson(demoJson(name, title, outcome)) : demoText(title, outcome));
    if (!outcome.ok)
        print(stderr, u"asynclab: demo %1 failed: %2\n"_s.arg(name, outcome.error));
    finish(outcome.ok ? 0 : 1);
}

void CommandRunner::listDemos()
{
    QJsonArray list;
    QString text;
    QTemporaryDir dir;
    for (const DemoEntry &entry : DemoRegistry::all()) {
        const DemoContext context = DemoRegistry::contextFor(m_lab, dir.path());
        std::unique_ptr<Demo> demo(DemoRegistry::create(entry.name, context));
        list.append(QJsonObject { { u"name"_s, entry.name }, { u"title"_s, demo->title() } });
        text += u"%1  %2\n"_s.arg(entry.name.leftJustified(24), demo->title());
    }
    print(stdout, m_options.json ? QString::fromUtf8(QJsonDocument(list).toJson()) : text);
    finish(0);
}

void CommandRunner::finish(int exitCode)
{
    if ((m_options.screenshotPath.isEmpty() && m_options.outDir.isEmpty()) || !m_window) {
        QCoreApplication::exit(exitCode);
        return;
    }
    // Give the live views one more update so the picture shows the end of the run.
    QTimer::singleShot(400, this, [this, exitCode] {
        int code = exitCode;
        if (!m_options.outDir.isEmpty() && m_compareView) {
            QString error;
            if (m_compareView->saveResults(m_options.outDir, &error)) {
                print(stderr, u"results saved to %1\n"_s.arg(m_options.outDir));
            } else {
                print(stderr, u"asynclab: %1\n"_s.arg(error));
                code = 1;
            }
        }
        if (!m_options.screenshotPath.isEmpty() && !saveScreenshot())
            code = 1;
        QCoreApplication::exit(code);
    });
}

bool CommandRunner::saveScreenshot()
{
    QWidget *target = m_compareView ? static_cast<QWidget *>(m_compareView)
            : m_gallery             ? static_cast<QWidget *>(m_gallery)
                                    : m_window.data();
    if (!target->grab().save(m_options.screenshotPath)) {
        print(stderr, u"asynclab: cannot write screenshot %1\n"_s.arg(m_options.screenshotPath));
        return false;
    }
    print(stderr, u"screenshot saved to %1\n"_s.arg(m_options.screenshotPath));
    return true;
}

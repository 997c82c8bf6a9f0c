#include <windows/windowdriver.h>
#include <cli/commandrunner.h>
#include <windows/compareview.h>
#include <cli/console.h>
#include <windows/demogallery.h>
#include <engine/lab.h>
#include <common/labclock.h>
#include <windows/mainwindow.h>

#include <QCoreApplication>
#include <QLineEdit>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
// Lets the window show and the monitor collect a few quiet samples before measuring.
constexpr int SettleMs = 500;
} // namespace

WindowDriver::WindowDriver(Lab *lab, const CommandLine &options, MainWindow *window,
                           QObject *parent)
    : QObject(parent), m_lab(lab), m_options(options), m_window(window)
{
}

void WindowDriver::start()
{
    m_actionStartMs = labNowMs() + SettleMs;
    switch (m_options.action) {
    case CommandLine::Action::Serve: // never with a window: the command line refuses it
    case CommandLine::Action::Window:
        QTimer::singleShot(m_options.screenshotDelayMs, this, [this] { finish(0); });
        break;
    case CommandLine::Action::Fetch:
    case CommandLine::Action::Load:
        QTimer::singleShot(SettleMs, this, &WindowDriver::runJob);
        break;
    case CommandLine::Action::Compare:
        QTimer::singleShot(SettleMs, this, &WindowDriver::runComparison);
        break;
    case CommandLine::Action::Demo:
        QTimer::singleShot(SettleMs, this, &WindowDriver::runDemo);
        break;
    }
}

void WindowDriver::runJob()
{
    connect(&m_lab->jobs(), &JobRunner::finished, this, [this](int id) {
        CommandOutput::whenStallsSettled(
                m_lab, this, m_actionStartMs, [this, id](const QList<StallRecord> &stalls) {
                    const OperationRecord &record = *m_lab->log().find(id);
                    CommandOutput::printOperation(m_options, record, stalls);
                    m_jobDone = true;
                    m_jobExitCode = record.status == OperationStatus::Succeeded ? 0 : 1;
                    if (m_options.screenshotAtMs < 0)
                        finish(m_jobExitCode);
                    else if (m_midwayShotTaken)
                        QCoreApplication::exit(m_jobExitCode);
                });
    });
    if (m_options.screenshotAtMs >= 0) {
        const double due = labNowMs() + m_options.screenshotAtMs;
        QTimer::singleShot(m_options.screenshotAtMs, Qt::PreciseTimer, this,
                           [this, due] { grabMidway(due); });
    }
    // Through the window, so its progress bar and log show the job as if it had been clicked.
    m_window->setMode(m_options.mode);
    if (m_options.action == CommandLine::Action::Fetch) {
        m_window->urlEdit()->setText(m_lab->resolveUrl(m_options.target).toString());
        m_window->fetch(m_options.target);
    } else {
        m_window->fileEdit()->setText(m_options.target);
        m_window->loadFile(m_options.target);
    }
}

void WindowDriver::grabMidway(double dueMs)
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

void WindowDriver::runComparison()
{
    m_compareView = new CompareView(m_lab, m_window);
    m_compareView->selectScenario(m_options.scenario);
    m_compareView->show();
    connect(&m_lab->scenarios(), &ScenarioRunner::status, this,
            [this](const QString &s) { CommandOutput::printStatus(m_options, s); });
    connect(m_compareView, &CompareView::finished, this, [this](const QList<ScenarioRun> &runs) {
        // runs from the view carry the key press figures it measured
        CommandOutput::whenStallsSettled(
                m_lab, this, m_actionStartMs, [this, runs](const QList<StallRecord> &stalls) {
                    CommandOutput::printComparison(m_options, runs, stalls);
                    finish(0);
                });
    });
    connect(m_compareView, &CompareView::failed, this, [this](const QString &error) {
        Console::error(error);
        finish(1);
    });
    m_compareView->run();
}

void WindowDriver::runDemo()
{
    const QString name = m_options.demo;
    if (name == "list"_L1) {
        // A list needs no window: the same text as without one.
        CommandRunner *runner = new CommandRunner(m_lab, m_options, this);
        runner->start();
        return;
    }
    // In the gallery, exactly as its Run button runs it.
    m_gallery = new DemoGallery(m_lab, m_window); // a window of its own, sized to fit
    if (!CommandOutput::applyVariant(m_options, m_gallery->demo(name)))
        return;
    m_gallery->show();
    m_gallery->selectDemo(name);
    connect(m_gallery, &DemoGallery::demoFinished, this,
            [this](const QString &demo, const DemoOutcome &outcome) {
                CommandOutput::whenStallsSettled(
                        m_lab, this, m_actionStartMs,
                        [this, demo, outcome](const QList<StallRecord> &stalls) {
                            CommandOutput::printDemo(m_options, demo, outcome, stalls);
                            finish(outcome.ok ? 0 : 1);
                        });
            });
    connect(m_gallery->demo(name), &Demo::progress, this,
            [this](const QString &line) { CommandOutput::printStatus(m_options, line); });
    // Once the new window has painted, so its first paint is not measured as the demo's.
    QTimer::singleShot(500, m_gallery, &DemoGallery::runCurrent);
}

void WindowDriver::finish(int exitCode)
{
    if (m_options.screenshotPath.isEmpty() && m_options.outDir.isEmpty()) {
        QCoreApplication::exit(exitCode);
        return;
    }
    // Give the live views one more update so the picture shows the end of the run.
    QTimer::singleShot(400, this, [this, exitCode] {
        int code = exitCode;
        if (!m_options.outDir.isEmpty() && m_compareView) {
            QString error;
            if (m_compareView->saveResults(m_options.outDir, &error)) {
                Console::err(u"results saved to %1\n"_s.arg(m_options.outDir));
            } else {
                Console::error(error);
                code = 1;
            }
        }
        if (!m_options.screenshotPath.isEmpty() && !saveScreenshot())
            code = 1;
        QCoreApplication::exit(code);
    });
}

bool WindowDriver::saveScreenshot()
{
    QWidget *target = m_compareView ? static_cast<QWidget *>(m_compareView)
            : m_gallery             ? static_cast<QWidget *>(m_gallery)
                                    : static_cast<QWidget *>(m_window.data());
    if (!target->grab().save(m_options.screenshotPath)) {
        Console::error(u"cannot write screenshot %1"_s.arg(m_options.screenshotPath));
        return false;
    }
    Console::err(u"screenshot saved to %1\n"_s.arg(m_options.screenshotPath));
    return true;
}

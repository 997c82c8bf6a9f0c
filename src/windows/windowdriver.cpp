#include <windows/windowdriver.h>
#include <cli/console.h>
#include <common/labclock.h>
#include <demokit/demo.h>
#include <engine/lab.h>
#include <windows/compareview.h>
#include <windows/demogallery.h>
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
    : ActionRunner(lab, options, SettleMs, parent), m_window(window)
{
}

void WindowDriver::idle()
{
    QTimer::singleShot(m_options.screenshotDelayMs, this, [this] { finish(0); });
}

void WindowDriver::startJob()
{
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

void WindowDriver::done(int exitCode)
{
    const bool job = m_options.action == CommandLine::Action::Fetch
            || m_options.action == CommandLine::Action::Load;
    if (!job || m_options.screenshotAtMs < 0) {
        finish(exitCode);
        return;
    }
    m_jobDone = true;
    m_jobExitCode = exitCode;
    if (m_midwayShotTaken)
        QCoreApplication::exit(m_jobExitCode);
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

void WindowDriver::startComparison()
{
    m_compareView = new CompareView(m_lab, m_window);
    m_compareView->selectScenario(m_options.scenario);
    m_compareView->show();
    // runs from the view carry the key press figures it measured
    connect(m_compareView, &CompareView::finished, this, &WindowDriver::comparisonDone);
    connect(m_compareView, &CompareView::failed, this, &WindowDriver::failed);
    m_compareView->run();
}

Demo *WindowDriver::prepareDemo(const QString &name)
{
    // In the gallery, exactly as its Run button runs it.
    m_gallery = new DemoGallery(m_lab, m_window); // a window of its own, sized to fit
    return m_gallery->demo(name);
}

void WindowDriver::startDemo(Demo *demo)
{
    m_gallery->show();
    m_gallery->selectDemo(demo->name());
    connect(m_gallery, &DemoGallery::demoFinished, this, &WindowDriver::demoDone);
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
                Console::err(tr("results saved to %1\n").arg(m_options.outDir));
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
        Console::error(tr("cannot write screenshot %1").arg(m_options.screenshotPath));
        return false;
    }
    Console::err(tr("screenshot saved to %1\n").arg(m_options.screenshotPath));
    return true;
}

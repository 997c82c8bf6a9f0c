#pragma once

#include <cli/actionrunner.h>

#include <QPointer>

class CompareView;
class DemoGallery;
class MainWindow;

// Carries out a command-line action in the window: the window shows the run live and, with
// --screenshot, is grabbed into the file at the end (or midway with --screenshot-at); a comparison
// runs in the Compare view, which is what is grabbed and what --out saves; a demo runs in the
// concept gallery. Prints the same results as CommandRunner and ends the event loop.
class WindowDriver : public ActionRunner
{
    Q_OBJECT
public:
    WindowDriver(Lab *lab, const CommandLine &options, MainWindow *window,
                 QObject *parent = nullptr);

private:
    void idle() override;
    void startJob() override;
    void startComparison() override;
    Demo *prepareDemo(const QString &name) override;
    void startDemo(Demo *demo) override;
    void done(int exitCode) override;
    void grabMidway(double dueMs);
    void finish(int exitCode);
    bool saveScreenshot();

    QPointer<MainWindow> m_window;
    QPointer<CompareView> m_compareView;
    QPointer<DemoGallery> m_gallery;
    bool m_jobDone = false;
    int m_jobExitCode = 0;
    bool m_midwayShotTaken = false;
};

#pragma once

#include <cli/commandline.h>

#include <QObject>
#include <QPointer>

class CompareView;
class DemoGallery;
class Lab;
class MainWindow;
class QWidget;

// Carries out a command-line action in the window: the window shows the run live and, with
// --screenshot, is grabbed into the file at the end (or midway with --screenshot-at); a comparison
// runs in the Compare view, which is what is grabbed and what --out saves; a demo runs in the
// concept gallery. Prints the same results as CommandRunner and ends the event loop.
class WindowDriver : public QObject
{
    Q_OBJECT
public:
    WindowDriver(Lab *lab, const CommandLine &options, MainWindow *window,
                 QObject *parent = nullptr);
    void start();

private:
    void runJob();
    void runComparison();
    void runDemo();
    void grabMidway(double dueMs);
    void finish(int exitCode);
    bool saveScreenshot();

    Lab *m_lab;
    CommandLine m_options;
    QPointer<MainWindow> m_window;
    QPointer<CompareView> m_compareView;
    QPointer<DemoGallery> m_gallery;
    bool m_jobDone = false;
    int m_jobExitCode = 0;
    bool m_midwayShotTaken = false;
    double m_actionStartMs = 0; // stalls from here on are the action's
};

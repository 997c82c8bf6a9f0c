#pragma once

#include "commandline.h"

#include <QObject>
#include <QPointer>
#include <QTemporaryDir>
#include <memory>

class CompareView;
class DemoGallery;
struct DemoOutcome;
class Lab;
class QWidget;
struct Scenario;
struct ScenarioRun;
struct StallRecord;

// Carries out a command-line action (--fetch, --load, --compare, --serve, --screenshot), prints
// its result and ends the event loop with the exit code. With a window, the window shows the run
// live and is grabbed into the screenshot file at the end; a comparison then runs in the Compare
// view, which is what is grabbed and what --out saves.
class CommandRunner : public QObject
{
    Q_OBJECT
public:
    CommandRunner(Lab *lab, const CommandLine &options, QWidget *window = nullptr,
                  QObject *parent = nullptr);
    void start();

private:
    void serve();
    void runJob();
    void runComparison();
    void compareInWindow(const Scenario &scenario);
    void printComparison(const Scenario &scenario, const QList<ScenarioRun> &runs);
    QList<StallRecord> actionStalls() const; // the stalls since the action began
    void grabMidway(double dueMs);
    void runDemo();
    void listDemos();
    void demoFinished(const QString &name, const DemoOutcome &outcome);
    void finish(int exitCode);
    bool saveScreenshot();

    Lab *m_lab;
    CommandLine m_options;
    QPointer<QWidget> m_window;
    QPointer<CompareView> m_compareView;
    QPointer<DemoGallery> m_gallery; // --demo with a window: where it runs
    std::unique_ptr<QTemporaryDir> m_demoDir; // --demo without a window: its work folder
    bool m_jobDone = false;
    int m_jobExitCode = 0;
    bool m_midwayShotTaken = false;
    double m_actionStartMs = 0;
};

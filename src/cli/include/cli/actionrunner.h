#pragma once

#include <cli/commandline.h>

#include <QList>
#include <QObject>

class Demo;
class Lab;
struct DemoOutcome;
struct ScenarioRun;
struct StallRecord;

// Carries out a command-line action (--fetch, --load, --compare, --demo, or none) the same way
// with a window and without one: lets the monitor settle, starts the action, prints its result
// with the stalls during it (text or JSON), and ends with an exit code. CommandRunner starts the
// work headless, WindowDriver through the windows.
class ActionRunner : public QObject
{
    Q_OBJECT
public:
    void start();

protected:
    ActionRunner(Lab *lab, const CommandLine &options, int settleMs, QObject *parent);

    // No action: what to do before done().
    virtual void idle() = 0;
    // Starts the fetch or file load; finished() of the job it starts prints the result.
    virtual void startJob() = 0;
    // Starts the comparison; it ends in comparisonDone() or failed().
    virtual void startComparison() = 0;
    // The demo to run, not yet running, or null (the window could not make it).
    virtual Demo *prepareDemo(const QString &name) = 0;
    // Runs the prepared demo; it ends in demoDone().
    virtual void startDemo(Demo *demo) = 0;
    // The result is printed: end with this exit code.
    virtual void done(int exitCode) = 0;

    void comparisonDone(const QList<ScenarioRun> &runs);
    void demoDone(const QString &name, const DemoOutcome &outcome);
    void failed(const QString &error);
    void printStatus(const QString &line) const; // progress, on stderr unless --json

    Lab *m_lab;
    const CommandLine m_options;

private:
    void runJob();
    void runComparison();
    void runDemo();
    void listDemos();
    bool applyVariant(Demo *demo);
    // A stall is recorded just after it ends: calls `then` once the watchdog has recorded every
    // stall that may still be ending, with the stalls since the action started.
    void whenStallsSettled(std::function<void(const QList<StallRecord> &)> then);

    int m_settleMs;
    double m_actionStartMs = 0; // stalls from here on are the action's
    int m_jobId = 0;
};

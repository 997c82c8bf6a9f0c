#pragma once

#include <cli/commandline.h>

#include <QList>
#include <QObject>
#include <QTemporaryDir>
#include <functional>
#include <memory>

class Demo;
class Lab;
struct DemoOutcome;
struct OperationRecord;
struct ScenarioRun;
struct StallRecord;

// Types into something while a comparison runs and measures how long each key press waited, so
// a comparison has key press figures with a window and without one.
class KeyPressMeter
{
public:
    virtual ~KeyPressMeter() = default;
    virtual void start() = 0;
    virtual void stop() = 0; // presses already posted are still measured
    virtual void measure(ScenarioRun &run) const = 0; // presses posted during the run
};

// Carries out a command-line action without a window (--serve, --fetch, --load, --compare,
// --demo), prints its result and ends the event loop with the exit code. Needs only the engine.
class CommandRunner : public QObject
{
    Q_OBJECT
public:
    CommandRunner(Lab *lab, const CommandLine &options, QObject *parent = nullptr);
    void setKeyPressMeter(KeyPressMeter *meter) { m_keys = meter; }
    void start();

private:
    void serve();
    void runJob();
    void runComparison();
    void runDemo();
    void listDemos();

    Lab *m_lab;
    CommandLine m_options;
    KeyPressMeter *m_keys = nullptr;
    std::unique_ptr<QTemporaryDir> m_demoDir; // the demo's work folder
    double m_actionStartMs = 0; // stalls from here on are the action's
};

// How a command prints the results both runners share.
namespace CommandOutput {
// A stall is recorded just after it ends: calls `then` once the watchdog has recorded every
// stall that may still be ending, with the stalls since `sinceMs`.
void whenStallsSettled(Lab *lab, QObject *context, double sinceMs,
                       std::function<void(const QList<StallRecord> &)> then);
// Each result with the stalls during its action: the culprit line in text, every record in JSON.
void printOperation(const CommandLine &options, const OperationRecord &record,
                    const QList<StallRecord> &stalls);
void printComparison(const CommandLine &options, const QList<ScenarioRun> &runs,
                     const QList<StallRecord> &stalls);
void printDemo(const CommandLine &options, const QString &name, const DemoOutcome &outcome,
               const QList<StallRecord> &stalls);
void printStatus(const CommandLine &options, const QString &line); // progress, not with --json
// --variant: sets it on the demo, or prints why not and exits 2 (false).
bool applyVariant(const CommandLine &options, Demo *demo);
} // namespace CommandOutput

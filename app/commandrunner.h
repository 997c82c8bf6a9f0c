#pragma once

#include "commandline.h"

#include <QObject>
#include <QTemporaryDir>
#include <memory>

class Lab;
struct DemoOutcome;
struct OperationRecord;
struct ScenarioRun;

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
};

// How a command prints the results both runners share.
namespace CommandOutput {
void printOperation(const CommandLine &options, const OperationRecord &record);
void printComparison(const CommandLine &options, const QList<ScenarioRun> &runs);
void printDemo(const CommandLine &options, const QString &name, const DemoOutcome &outcome);
void printStatus(const CommandLine &options, const QString &line); // progress, not with --json
} // namespace CommandOutput

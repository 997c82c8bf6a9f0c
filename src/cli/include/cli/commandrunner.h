#pragma once

#include <cli/actionrunner.h>

#include <QTemporaryDir>
#include <memory>

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
class CommandRunner : public ActionRunner
{
    Q_OBJECT
public:
    CommandRunner(Lab *lab, const CommandLine &options, QObject *parent = nullptr);
    void setKeyPressMeter(KeyPressMeter *meter) { m_keys = meter; }

private:
    void idle() override;
    void startJob() override;
    void startComparison() override;
    Demo *prepareDemo(const QString &name) override;
    void startDemo(Demo *demo) override;
    void done(int exitCode) override;
    void serve();

    KeyPressMeter *m_keys = nullptr;
    std::unique_ptr<QTemporaryDir> m_demoDir; // the demo's work folder
};

#pragma once

#include <demokit/demo.h>

#include <QTemporaryDir>
#include <QTest>
#include <memory>

class Lab;

// How one run of a demo ended: the finished() signals it emitted and the last outcome.
struct DemoRun
{
    int finishedCount = 0;
    DemoOutcome outcome;
};

// Runs `demo` and waits up to timeoutMs for finished(), then 100 ms more so that a second
// finished() would be counted. A finished() from inside run() is reported as a warning.
DemoRun runDemo(Demo *demo, int timeoutMs);

// Runs `demo` to its end and checks the contract on the way: finished() exactly once, never from
// inside run(), with progress lines; the outcome Done with a summary. Call from a test function,
// then return when QTest::currentTestFailed().
void runToEnd(Demo *demo, int timeoutMs, DemoOutcome *outcome);

// What the gallery gives a demo: a started Lab (server and monitor) and a work folder, here a
// temporary one. Start it in initTestCase() with QVERIFY2(bench.start(), ...errorString()).
class DemoBench
{
public:
    DemoBench();
    ~DemoBench();

    bool start();
    QString errorString() const;
    Lab *lab() const { return m_lab.get(); }
    QString workDir() const { return m_dir.path(); }
    DemoContext context(const QString &workDir = {}) const;
    Demo *create(const QString &name, QObject *parent) const; // through the registry, as Run does

private:
    std::unique_ptr<Lab> m_lab;
    QTemporaryDir m_dir;
    QString m_error;
};

// What every test of one demo starts from: a started bench, and short ways to make, run and
// give a context to demos. A test that needs more before its first function defines its own
// initTestCase() and calls startBench() first.
class DemoTestCase : public QObject
{
    Q_OBJECT
protected:
    using Run = DemoRun;
    void startBench() { QVERIFY2(m_bench.start(), qPrintable(m_bench.errorString())); }
    Demo *create(const QString &name) { return m_bench.create(name, this); }
    static Run run(Demo *demo, int timeoutMs) { return runDemo(demo, timeoutMs); }
    // The outcome of ::runToEnd(), or an empty one when it failed: then return from the test
    // function when QTest::currentTestFailed(), as after any helper that verifies.
    static DemoOutcome runToEnd(Demo *demo, int timeoutMs);
    // runToEnd() of the demo called `name`, made with create(); demo() gives it until the test
    // function ends.
    DemoOutcome runToEnd(const QString &name, int timeoutMs);
    Demo *demo() const { return m_demo.get(); }
    DemoContext context(const QString &workDir = {}) const { return m_bench.context(workDir); }

    DemoBench m_bench;

private slots:
    void initTestCase() { startBench(); }
    void cleanup() { m_demo.reset(); }

private:
    std::unique_ptr<Demo> m_demo;
};

// A figure of an outcome as a number (0 when missing): by row and column, or a figure of the
// whole run by its column.
double figure(const DemoOutcome &outcome, const QString &row, const QString &column);
double figure(const DemoOutcome &outcome, const QString &column);

#pragma once

#include <demokit/demo.h>

#include <QTemporaryDir>
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

// A figure of an outcome as a number (0 when missing).
double figure(const DemoOutcome &outcome, const QString &key);

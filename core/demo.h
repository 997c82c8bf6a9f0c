#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>
#include <functional>

class EmbeddedServer;
class JobRunner;
class OperationLog;
class ResponsivenessMonitor;

// What a demo measured. The window and `asynclab --demo NAME` show the same figures.
struct DemoOutcome {
    bool ok = true; // false: the demo itself could not run (not: "the race lost updates")
    QString error; // one line when !ok
    QString summary; // one or two sentences saying what the numbers show, true to the numbers
    QJsonObject figures; // name -> number/string, machine-readable (printed by --json)
    QList<QPair<QString, double>> bars; // optional small bar chart: label -> value
    QString barsUnit; // e.g. "ms", "lost updates", "x speedup"
};

// Everything a demo may use; owned by the caller, alive for the demo's whole life.
struct DemoContext {
    EmbeddedServer *server = nullptr;
    ResponsivenessMonitor *monitor = nullptr;
    OperationLog *log = nullptr;
    JobRunner *jobs = nullptr;
    QString workDir; // a writable folder for files the demo creates
};

// One concept of async programming, shown by running real code. Lives on the GUI thread.
class Demo : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QString name() const = 0; // command-line name, e.g. "race"
    virtual QString title() const = 0; // e.g. "Race condition"
    virtual QString explanation() const = 0; // "What you are seeing": a few plain sentences
    // Ids of the source snippets shown beside the demo, marked in the real sources with
    // `//! [id]` ... `//! [id]` lines and extracted at build time.
    virtual QStringList snippetIds() const = 0;

    // Starts the demo; emits finished() exactly once, later (never from inside run()).
    virtual void run() = 0;
    virtual void cancel() { }
    virtual bool isRunning() const = 0;

signals:
    void progress(const QString &line); // a live log line: what just happened
    void finished(const DemoOutcome &outcome);
};

using DemoFactory = std::function<Demo *(const DemoContext &context, QObject *parent)>;

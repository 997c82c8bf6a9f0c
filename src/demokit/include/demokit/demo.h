#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>
#include <functional>

class EmbeddedServer;
class ResponsivenessMonitor;

// One line of a plot: a value per x (e.g. per number of connections).
struct DemoSeries
{
    QString name;
    QList<QPair<double, double>> points; // x, y; in the order measured
};

// A small chart of lines against one x, both axes logarithmic: e.g. req/s against connections,
// one line per server.
struct DemoPlot
{
    QString title; // e.g. "throughput"
    QString unit; // of y, e.g. "req/s"
    QList<DemoSeries> series;
};

// What a demo measured. The window and `asynclab --demo NAME` show the same figures.
struct DemoOutcome
{
    bool ok = true; // false: the demo itself could not run (not: "the race lost updates")
    QString error; // one line when !ok
    QString summary; // one or two sentences saying what the numbers show, true to the numbers
    QJsonObject figures; // name -> number/string, machine-readable (printed by --json)
    QList<QPair<QString, double>> bars; // optional small bar chart: label -> value
    QString barsUnit; // e.g. "ms", "lost updates", "x speedup"
    QString barsCategory; // what each bar is, e.g. "in flight at most"
    QString barsNote; // what a reader could take the bars for and should not
    QList<DemoPlot> plots; // optional, shown instead of the bars; all share one x
    QString plotsX; // what x is, e.g. "connections"
};

// Everything a demo may use; owned by the caller, alive for the demo's whole life.
struct DemoContext
{
    EmbeddedServer *server = nullptr;
    ResponsivenessMonitor *monitor = nullptr;
    QString workDir; // a writable folder for files the demo creates
};

// One concept of async programming, shown by running real code. Lives on the GUI thread.
// A subclass starts each run with beginRun() and ends it with finish(); the base keeps the run's
// state, so that every run ends with exactly one finished(), canceled or not.
class Demo : public QObject
{
    Q_OBJECT
public:
    QString name() const { return m_name; } // command-line name, e.g. "race"
    QString title() const { return m_title; } // e.g. "Race condition"
    virtual QString explanation() const = 0; // "What you are seeing": a few plain sentences
    // Ids of the source snippets shown beside the demo, marked in the real sources with
    // `//! [id]` ... `//! [id]` lines and extracted at build time.
    virtual QStringList snippetIds() const = 0;

    // Starts the demo; emits finished() exactly once, later (never from inside run()).
    virtual void run() = 0;
    // Stops a running demo: finished() follows with the error "canceled", at once or when the
    // step in progress ends. Does nothing when not running or already canceled.
    void cancel();
    bool isRunning() const { return m_running; }

    // Ways to run it a person can choose between before Run, e.g. what a request handler does;
    // empty when there is one way. setVariant() while not running.
    virtual QStringList variants() const { return {}; }
    virtual int variant() const { return 0; }
    virtual void setVariant(int index) { Q_UNUSED(index); }

signals:
    void progress(const QString &line); // a live log line: what just happened
    // The run moves on to a new phase ("on a worker thread"), a few words marked on the lag chart.
    void phase(const QString &label);
    // What the run has measured so far (its plots, bars and figures), for live views.
    void measured(const DemoOutcome &soFar);
    void finished(const DemoOutcome &outcome);

protected:
    Demo(const DemoContext &context, QString name, QString title, QObject *parent);

    const DemoContext &context() const { return m_context; }

    // Starts a run; false when one is going already.
    bool beginRun();
    // Ends the run: stopRun(), then finished(). Does nothing when no run is going, so a run ends
    // once however many of its paths get here.
    void finish(const DemoOutcome &outcome);
    void fail(const QString &error); // finish() with ok false and this error
    void finishCanceled(const QString &summary = {}); // finish() with the error "canceled"
    bool isCanceled() const { return m_canceled; } // cancel() was called during this run
    // For a derived destructor, after cancel(): Qt 6.4 runs a chain's next continuation when a
    // continuation posted to this object is discarded, and discarding happens in ~QObject, when
    // the next step's context (this object) is already gone: Qt then asserts. Discarding them
    // here, while the whole object lives, lets the chain's remaining steps end and report to
    // nobody (the run has ended).
    void dropPostedContinuations();

    // Changes when a run begins and when it ends. A callback captures it and checks isCurrent()
    // first, so that one from a run that has ended does nothing.
    int currentGeneration() const { return m_generation; }
    bool isCurrent(int generation) const { return generation == m_generation; }

    // What cancel() does, once per run: stop what can stop now, and finish now or when the step
    // in progress ends. By default the run finishes at once.
    virtual void cancelRun() { finishCanceled(); }
    // The run has just ended: stop its timers and queues. Called once per run, before finished().
    virtual void stopRun() { }

private:
    DemoContext m_context;
    QString m_name;
    QString m_title;
    int m_generation = 0;
    bool m_running = false;
    bool m_canceled = false;
};

using DemoFactory = std::function<Demo *(const DemoContext &context, QObject *parent)>;

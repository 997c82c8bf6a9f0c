#pragma once

#include <demokit/demooutcome.h>

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <QVariantList>
#include <functional>
#include <memory>

class QNetworkAccessManager;

class EmbeddedServer;
class ResponsivenessMonitor;

// Everything a demo may use; owned by the caller, alive for the demo's whole life.
struct DemoContext
{
    EmbeddedServer *server = nullptr;
    ResponsivenessMonitor *monitor = nullptr;
    QString workDir; // a writable folder for files the demo creates
    // Who the demo is, from its registry entry (DemoRegistry::create() fills them in).
    QString name;
    QString title;
};

// One concept of async programming, shown by running real code. Lives on the GUI thread.
// A subclass starts each run with beginRun() and ends it with finish(); the base keeps the run's
// state, so that every run ends with exactly one finished(), canceled or not.
class Demo : public QObject
{
    Q_OBJECT
public:
    ~Demo() override;

    QString name() const { return m_context.name; } // command-line name, e.g. "race"
    QString title() const { return m_context.title; } // e.g. "Race condition"
    // "What you are seeing": a few plain sentences, from the demo's explanation file by default,
    // its %1, %2... filled in with the explanation's arguments.
    virtual QString explanation() const;
    // Ids of the source snippets shown beside the demo, marked in the real sources with
    // `//! [id]` ... `//! [id]` lines and extracted at build time.
    QStringList snippetIds() const { return m_snippetIds; }

    // Starts the demo; emits finished() exactly once, later (never from inside run()).
    virtual void run() = 0;
    // Stops a running demo: finished() follows with the status Canceled, at once or when the
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
    Demo(const DemoContext &context, QStringList snippetIds, QObject *parent);

    const DemoContext &context() const { return m_context; }
    // What fills in the explanation's %1, %2... in order (numbers or text): set in the constructor,
    // and again when an option the explanation shows changes.
    void setExplanationArguments(const QVariantList &arguments)
    {
        m_explanationArguments = arguments;
    }

    // Starts a run; false when one is going already.
    bool beginRun();
    // Ends the run: stopRun(), then finished(). Does nothing when no run is going, so a run ends
    // once however many of its paths get here.
    void finish(const DemoOutcome &outcome);
    void fail(const QString &error); // finish() with the status Failed and this error
    void finishCanceled(const QString &summary = {}); // finish() with the status Canceled
    bool isCanceled() const { return m_canceled; } // cancel() was called during this run
    // The summary of a run canceled between two steps (and of cancelRun() by default).
    virtual QString canceledSummary() const { return {}; }
    // Moves a run of steps on to `next`, a member function of the demo, unless cancel() came
    // during the step that just ended: then the run finishes canceled.
    template<typename T>
    void advance(void (T::*next)())
    {
        if (isCanceled())
            finishCanceled(canceledSummary());
        else
            (static_cast<T *>(this)->*next)();
    }

    // The kit: what every demo needs and would otherwise write again.
    // The demo's network manager, made on first use. Its replies and the jobs using them must
    // die before it: pass those to deleteBeforeNetwork().
    QNetworkAccessManager *network();
    // Aborts every request of network() still in flight: each reply finishes with an error.
    void abortReplies();
    // The demo's own thread pool, so that teardown waits for this demo's tasks only.
    QThreadPool *pool() { return &m_pool; }
    // `object` (a fetch job, a reply) is deleted by teardown() before the network manager, if
    // it is still alive then. Returns it.
    template<typename T>
    T *deleteBeforeNetwork(T *object)
    {
        m_beforeNetwork.removeIf([](const QPointer<QObject> &p) { return p.isNull(); });
        m_beforeNetwork.append(object);
        return object;
    }
    // The first line of every derived destructor, while the derived members still live: ends a
    // running run without telling anyone (signals blocked, cancel()), waits for the pool's tasks,
    // deletes what must go before the network manager and the manager, and drops the
    // continuations posted to this object. Each demo's own stop flags and threads go first.
    void teardown();
    // The text of the demo's explanation file (resources :/explanations/<name>.md), translated,
    // with its %1, %2... left for the demo to fill in.
    QString explanationText() const;

    // Changes when a run begins and when it ends. A callback captures it and checks isCurrent()
    // first, so that one from a run that has ended does nothing.
    int currentGeneration() const { return m_generation; }
    bool isCurrent(int generation) const { return generation == m_generation; }

    // What cancel() does, once per run: stop what can stop now, and finish now or when the step
    // in progress ends. By default the run finishes at once.
    virtual void cancelRun() { finishCanceled(canceledSummary()); }
    // The run has just ended: stop its timers and queues. Called once per run, before finished().
    virtual void stopRun() { }

private:
    // Qt 6.4 runs a chain's next continuation when a continuation posted to this object is
    // discarded, and discarding happens in ~QObject, when the next step's context (this object)
    // is already gone: Qt then asserts. Discarding them in teardown(), while the whole object
    // lives, lets the chain's remaining steps end and report to nobody (the run has ended).
    void dropPostedContinuations();

    DemoContext m_context;
    QThreadPool m_pool;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QList<QPointer<QObject>> m_beforeNetwork;
    QStringList m_snippetIds;
    QVariantList m_explanationArguments;
    int m_generation = 0;
    bool m_running = false;
    bool m_canceled = false;
};

using DemoFactory = std::function<Demo *(const DemoContext &context, QObject *parent)>;

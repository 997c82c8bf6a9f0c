#pragma once

#include <demokit/demo.h>

#include <QFutureWatcher>
#include <QMutex>
#include <QThreadPool>
#include <atomic>
#include <memory>

struct sqlite3;

// A real SQLite database through Qt SQL and one slow query over it: run on the GUI thread (the
// window freezes for the whole query), on a worker thread with a connection of its own (progress
// from SQLite's progress handler, the window stays smooth), canceled half-way (sqlite3_interrupt
// stops it inside SQLite), and what Qt says when a thread asks for another thread's connection.
class DatabaseDemo : public Demo
{
    Q_OBJECT
public:
    struct Options
    {
        int rows = 1000000; // in the generated table
        int outerRows = 40; // the query compares this many orders with every other one
        int cancelAfterMs = 600; // into the query that the demo cancels itself
    };

    // What one run of the slow query did; also what the worker hands back to the GUI thread.
    struct QueryResult
    {
        bool ok = false;
        bool interrupted = false;
        QString error;
        qint64 count = 0;
        qint64 sum = 0;
        qint64 ticks = 0; // calls of the progress handler, one per ProgressInstructions
        double ms = 0;
    };

    // The worker's connection, which another thread may interrupt while it runs a query.
    struct Interrupter
    {
        QMutex mutex;
        sqlite3 *handle = nullptr; // set while the connection is open
        std::atomic<bool> requested = false;
        void interrupt();
    };

    static constexpr int ProgressInstructions = 200000; // SQLite VM steps between progress calls

    explicit DatabaseDemo(const DemoContext &context, QObject *parent = nullptr);
    ~DatabaseDemo() override;

    const Options &options() const { return m_options; }
    void setOptions(const Options &options); // while not running
    QString databasePath() const;
    // True while the query runs on the worker (the phase a Cancel interrupts).
    bool isQueryOnWorker() const { return m_phase == Phase::WorkerQuery; }

    void run() override;

private:
    enum class Phase { Idle, Generate, GuiQuery, WorkerQuery, CanceledQuery, WrongThread };

    void cancelRun() override;
    void stopRun() override;
    void generated();
    void queryOnGuiThread();
    void queryOnWorker(Phase phase);
    void workerQueryDone();
    void askFromWrongThread();
    void wrongThreadDone();
    DemoOutcome outcome() const;

    Options m_options;
    Phase m_phase = Phase::Idle;
    QFutureWatcher<QString> m_generator;
    QFutureWatcher<QueryResult> m_query;
    QFutureWatcher<QStringList> m_wrongThread;
    std::shared_ptr<Interrupter> m_interrupter;
    QString m_guiConnection;
    double m_phaseStartMs = 0;
    double m_cancelAtMs = 0;
    int m_lastPercent = -1;
    QueryResult m_gui;
    double m_guiStallMs = 0;
    QueryResult m_worker;
    double m_workerStallMs = 0;
    QueryResult m_canceled;
    double m_cancelToEndMs = 0;
    QStringList m_wrongThreadReport; // warning, validity, what a query on it said
    double m_generateMs = 0;
    bool m_generatedNow = false;
};

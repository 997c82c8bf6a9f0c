#pragma once

#include <demokit/demo.h>
#include <demokit/simulatedtyping.h>

#include <QElapsedTimer>
#include <QList>
#include <QPointer>

class FetchJob;
struct FetchResult;

// Two races. Threads add to one counter without protection, under a QMutex and with std::atomic;
// and "search as you type", where a slow answer to an old query can overwrite the newest one
// unless every answer is checked against the id of the latest request.
class RaceDemo : public Demo
{
    Q_OBJECT
public:
    struct Options
    {
        int threads = 4; // the constructor raises it to QThread::idealThreadCount()
        int incrementsPerThread = 200000;
        int runs = 5; // per counter variant
        QString query; // typed one letter at a time; "asynclab" by default
        int keyIntervalMs = 30;
        int minDelayMs = 50; // each keystroke fetches /delay/<random ms in [min, max]>
        int maxDelayMs = 400;
        quint32 seed = 1; // chosen so the unguarded search ends on a stale answer, by 200 ms
    };

    explicit RaceDemo(const DemoContext &context, QObject *parent = nullptr);
    ~RaceDemo() override;

    const Options &options() const { return m_options; }
    void setOptions(const Options &options); // while not running

    void run() override;

private:
    enum Variant { Unprotected, Mutex, Atomic, VariantCount };
    struct SearchRun
    {
        QList<int> delaysMs; // of each keystroke's request
        int typed = 0;
        int pending = 0;
        int shown = -1; // index of the query whose answer is on screen
        int staleOverwrites = 0; // an older query's answer replaced a newer one's
        int dropped = 0; // answers the guard threw away
        QString error;
    };

    void cancelRun() override;
    void stopRun() override;
    void startCounterRun();
    void counterRunDone(Variant variant, qint64 counted, double ms);
    void startSearch(bool guarded);
    void keyTyped(int index);
    void showAnswer(int index, const FetchResult &result);
    void dropAnswer(int index);
    void searchRequestDone(FetchJob *job);
    void endSearch();
    SearchRun &search() { return m_guarded ? m_guardedSearch : m_unguardedSearch; }
    QString searchTime() const;
    DemoOutcome outcome() const;

    Options m_options;
    SimulatedTyping m_typing;
    QElapsedTimer m_searchClock;
    QList<QPointer<FetchJob>> m_jobs;
    int m_step = 0; // counter runs done, over all variants
    QList<qint64> m_lost[VariantCount];
    double m_ms[VariantCount] = {};
    bool m_guarded = false;
    int m_latestRequestId = 0;
    SearchRun m_unguardedSearch;
    SearchRun m_guardedSearch;
};

#pragma once

#include <demokit/demo.h>

#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QThreadPool>

// CPU-bound work gets faster only with more cores; I/O-bound work gets faster with concurrency,
// even on one thread. Both measured: SHA-256 of 8 MiB chunks on one worker thread and then on all
// cores, and slow fetches one after another and then all at once.
class ParallelismDemo : public Demo
{
    Q_OBJECT
public:
    static constexpr int Chunks = 64;
    static constexpr qsizetype ChunkBytes = qsizetype(8) << 20;
    static constexpr int Fetches = 6; // within one network manager's 6 connections to a host
    static constexpr int DelayMs = 150;

    explicit ParallelismDemo(const DemoContext &context, QObject *parent = nullptr);
    ~ParallelismDemo() override;

    void run() override;

private:
    void cancelRun() override;
    void hashOnOneThread();
    void hashOnAllCores();
    void fetchOneAfterAnother(int remaining);
    void fetchAllAtOnce();
    void onFetchedAtOnce(bool ok);
    void step(const QString &label, double startMs);
    void summarise();

    QFutureWatcher<QByteArray> m_oneThread;
    QFutureWatcher<QByteArray> m_allCores;
    DemoOutcome m_outcome;
    QByteArray m_oneThreadDigest;
    double m_startMs = 0;
    double m_maxStallMs = 0;
    int m_done = 0;
    int m_failed = 0;
};

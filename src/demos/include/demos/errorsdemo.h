#pragma once

#include <demokit/demo.h>

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QList>
#include <QNetworkAccessManager>
#include <QCoroTask>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <memory>

class FetchJob;
struct FetchResult;
class QSemaphore;

// What goes wrong in async code, and how it comes back to the caller: an exception thrown in a
// worker task, a request that takes too long, a flaky server retried with exponential backoff,
// and a two-step file write (temporary file, then rename) canceled half-way.
class ErrorsDemo : public Demo
{
    Q_OBJECT
public:
    static constexpr int SlowRequestMs = 5000;
    static constexpr int DeadlineMs = 300;
    static constexpr int FlakyFailures = 3; // /flaky answers 503 this many times, then 200
    static constexpr int MaxAttempts = 6;
    static constexpr int FirstBackoffMs = 100; // doubles after every failed attempt
    static constexpr int FileChunks = 8;
    static constexpr int CancelAfterChunk = 4;

    explicit ErrorsDemo(const DemoContext &context, QObject *parent = nullptr);
    ~ErrorsDemo() override;

    void run() override;

    QString completeFilePath() const;
    QString canceledFilePath() const;

private:
    void cancelRun() override;
    QString canceledSummary() const override;
    void throwInTask();
    void exceptionStepDone(bool thrown, const QString &what);
    void fetchWithDeadline();
    void deadlineDone(const FetchResult &result, double ms);
    void startRetries();
    QCoro::Task<> retryWithBackoff();
    void retriesDone(const FetchResult &result);
    void writeCompleteFile();
    void writeCanceledFile();
    void writeFile(const QString &path, bool cancelMidway);
    void chunkWritten(int resultIndex);
    void fileWriteDone();
    DemoOutcome outcome() const;

    QPointer<FetchJob> m_job;
    QTimer m_backoff; // between two attempts
    QFutureWatcher<int> m_writer;
    std::shared_ptr<QSemaphore> m_resumeWriter;
    QString m_writingPath;
    bool m_cancelMidway = false;
    QElapsedTimer m_clock;

    bool m_exceptionDelivered = false;
    QString m_exceptionMessage;
    QString m_exceptionCaughtOn;
    bool m_deadlineDetected = false;
    double m_deadlineAfterMs = 0;
    QString m_deadlineError;
    QString m_retryUrl;
    int m_attempts = 0;
    bool m_retrySucceeded = false;
    QList<int> m_backoffMs;
    double m_retryTotalMs = 0;
    qint64 m_completeFileBytes = -1; // -1: no file
    int m_chunksBeforeCancel = 0;
    bool m_partialFileExists = false;
    QStringList m_leftoverFiles;
    QString m_error;
};

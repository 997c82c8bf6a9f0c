#pragma once

#include <demokit/demo.h>

#include <QCoroTask>
#include <QList>
#include <QNetworkAccessManager>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>

// One small pipeline (fetch the server's JSON list, parse it on a worker thread, write a summary
// file) written three ways: callbacks, QFuture continuations and coroutines. Each runs against a
// good answer, an HTTP error and broken JSON; the files and the error messages must match.
class ThreeStylesDemo : public Demo
{
    Q_OBJECT
public:
    enum Style { Callbacks, Futures, Coroutines, StyleCount };
    enum Case { Good, HttpError, BadJson, CaseCount };
    static constexpr int Items = 500;
    static constexpr int TimedRuns = 5; // per style; the median is shown
    static constexpr int TimeoutMs = 20000; // the whole run; the local server answers in ms

    explicit ThreeStylesDemo(const DemoContext &context, QObject *parent = nullptr);
    ~ThreeStylesDemo() override;

    void run() override;

    static QString styleName(Style style); // "callbacks", "futures", "coroutines"
    // The summary file a style writes for a case, inside workDir.
    QString outputPath(Style style, Case c) const;

private:
    struct Job
    {
        int id = 0;
        QUrl url;
        QString path;
    };
    struct Step
    {
        Style style;
        Case c;
    };
    void cancelRun() override;
    void stopRun() override;
    void runNext();
    void runWithCallbacks(const Job &job);
    void runWithFutures(const Job &job);
    QCoro::Task<> runWithCoroutines(Job job);
    void done(const Job &job, const QString &error);
    void queueNext(const Job &job);
    DemoOutcome outcome() const;

    QTimer m_timeout;
    QList<Step> m_plan; // the first step is an untimed warm-up
    int m_next = 0; // into m_plan
    int m_currentJob = 0;
    double m_jobStartMs = 0;
    QString m_errors[CaseCount][StyleCount];
    QList<double> m_goodMs[StyleCount];
};

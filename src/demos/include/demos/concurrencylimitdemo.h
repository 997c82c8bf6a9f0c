#pragma once

#include <demokit/demo.h>

#include <QList>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

// The same batch of slow fetches with at most 1, 2, 6, 16 or any number in flight at once, kept by
// a small queue of our own; the server counts how many it really had to answer at the same time.
class ConcurrencyLimitDemo : public Demo
{
    Q_OBJECT
public:
    static constexpr int Fetches = 50;
    static constexpr int DelayMs = 100;
    static constexpr int Unlimited = 0;
    static constexpr int PerManager = 6; // QNetworkAccessManager's connections to one host

    struct Setting
    {
        int limit; // Unlimited: no queue of our own
        int managers; // network managers the requests are spread over
    };
    static QList<Setting> settings();

    explicit ConcurrencyLimitDemo(const DemoContext &context, QObject *parent = nullptr);
    ~ConcurrencyLimitDemo() override;

    void run() override;

    static QString settingLabel(const Setting &setting);

private:
    void startSetting();
    void startMore();
    void onFetched(QNetworkReply *reply);
    QNetworkAccessManager *leastBusyManager();
    void stopRun() override;

    QList<QNetworkAccessManager *> m_managers;
    QList<int> m_busy; // requests in flight per manager
    QList<QUrl> m_queue; // fetches not started yet
    DemoOutcome m_outcome;
    int m_setting = 0;
    int m_limit = Unlimited;
    int m_inFlight = 0;
    int m_peakInFlight = 0;
    int m_done = 0;
    int m_failed = 0;
    double m_startMs = 0;
    double m_lastReportMs = 0; // the last live progress line of the setting that runs
};

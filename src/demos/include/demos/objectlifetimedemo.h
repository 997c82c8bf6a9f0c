#pragma once

#include <demokit/demo.h>

#include <QElapsedTimer>
#include <QList>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSet>

class FetchJob;
struct FetchResult;

// A panel is closed while its request is still in flight, three times over: with a naive
// callback that still points at the panel, with a QPointer guard, and with the panel as the
// connection's context object.
class ObjectLifetimeDemo : public Demo
{
    Q_OBJECT
public:
    static constexpr int RequestDelayMs = 300;
    static constexpr int CloseAfterMs = 100;

    explicit ObjectLifetimeDemo(const DemoContext &context, QObject *parent = nullptr);
    ~ObjectLifetimeDemo() override;

    void run() override;

private:
    enum class Variant { Naive, QPointerGuard, Context };

    void cancelRun() override;
    void start();
    QObject *openPanel(const QString &name);
    FetchJob *startRequest();
    void closePanels();
    void showIn(QObject *panel, const FetchResult &result);
    void requestDone(FetchJob *job, Variant variant, const FetchResult &result);
    DemoOutcome outcome() const;

    QElapsedTimer m_clock;
    QList<QPointer<FetchJob>> m_jobs;
    QList<QPointer<QObject>> m_panels;
    QSet<const QObject *> m_livePanels; // addresses only, kept by destroyed(); never dereferenced
    int m_lateResults = 0;
    int m_wouldTouchDeadPanel = 0;
    int m_droppedByQPointer = 0;
    int m_contextCallbacksRun = 0;
    int m_droppedByContext = 0;
    int m_panelsUpdated = 0;
    QString m_error;
};

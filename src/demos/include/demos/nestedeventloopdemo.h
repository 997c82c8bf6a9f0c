#pragma once

#include <demokit/demo.h>

#include <QList>
#include <QStringList>

// A click handler that "waits" in a nested QEventLoop keeps the window painting, but lets a
// second click run the same handler before the first has returned. Beside it, the handler that
// returns at once and continues later, with a busy flag, runs the clicks one after the other.
class NestedEventLoopDemo : public Demo
{
    Q_OBJECT
public:
    static constexpr int WorkMs = 200; // how long each click's work takes
    static constexpr int SecondClickAfterMs = 50;

    explicit NestedEventLoopDemo(const DemoContext &context, QObject *parent = nullptr);
    ~NestedEventLoopDemo() override;

    void run() override;

private:
    struct Variant
    {
        QStringList order; // "start 1", "start 2", ...
        bool reentered = false;
        int maxDepth = 0;
        int clicksDone = 0;
    };

    void cancelRun() override;
    void clickUnsafe(int click);
    void clickSafe(int click);
    void safeWorkDone(int click);
    void startSafe();
    void postClicks(void (NestedEventLoopDemo::*handler)(int));
    void note(Variant &variant, const QString &event, const QString &detail);
    bool enter(Variant &variant);
    bool finishIfCanceled();
    DemoOutcome outcome() const;

    int m_depth = 0; // handler calls that have started and not yet returned
    bool m_busy = false;
    QList<int> m_waitingClicks;
    Variant m_unsafe;
    Variant m_safe;
    double m_unsafeStartMs = 0;
    double m_unsafeMaxStallMs = 0;
};

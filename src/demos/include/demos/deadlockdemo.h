#pragma once

#include <demokit/demo.h>

#include <QThreadPool>
#include <atomic>

// Three ways to wait forever, each caught by a timeout, each beside its fix: the GUI thread
// waiting for something only its own event loop can deliver; two threads taking two locks in
// opposite order; a task waiting for another task queued behind it in a one-thread pool.
class DeadlockDemo : public Demo
{
    Q_OBJECT
public:
    static constexpr int GuiTimeoutMs = 1500; // the longest the GUI thread is blocked
    static constexpr int LockTimeoutMs = 1000;
    static constexpr int PoolTimeoutMs = 1000;
    static constexpr int FixedLockRounds = 20000; // per thread, in the consistent lock order

    explicit DeadlockDemo(const DemoContext &context, QObject *parent = nullptr);
    ~DeadlockDemo() override;

    void run() override;

private:
    struct Trap
    {
        bool detected = false;
        double timeToDetectMs = 0;
        double fixedMs = 0; // how long the fixed version took to get its result
        bool fixedTimedOut = false;
    };

    void cancelRun() override;
    QString canceledSummary() const override;
    void guiTrap();
    void guiFixed();
    void lockOrderTrap();
    void lockOrderFixed();
    void poolTrap();
    void poolFixedWithContinuation();
    void poolFixedWithBiggerPool();
    DemoOutcome outcome() const;

    QThreadPool m_lockThreads;
    QThreadPool m_onePool;
    QThreadPool m_twoPool;
    Trap m_gui;
    Trap m_lockOrder;
    int m_lockOrderFixedTimeouts = 0;
    Trap m_pool;
    Trap m_biggerPool;
    std::atomic_bool m_stop = false; // set by cancel and on destruction: every wait ends early
};

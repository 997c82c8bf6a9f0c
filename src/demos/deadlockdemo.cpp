#include <demos/deadlockdemo.h>
#include <common/units.h>
#include <demokit/cancelslices.h>
#include <stalls/responsivenessmonitor.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QMutex>
#include <QSemaphore>
#include <QTimer>
#include <QtConcurrentRun>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct WaitResult
{
    bool timedOut = false;
    double ms = 0;
};

struct LockPair
{
    QMutex first;
    QMutex second;
    QSemaphore aReady; // for the two threads to meet, with a timeout
    QSemaphore bReady;
};

bool tryLockFor(QMutex *mutex, int timeoutMs, const std::atomic_bool &stop)
{
    return CancelSlices::tryUnlessStopped(stop, timeoutMs,
                                          [mutex](int ms) { return mutex->tryLock(ms); });
}

bool tryAcquireFor(QSemaphore *semaphore, int timeoutMs, const std::atomic_bool &stop)
{
    return CancelSlices::tryUnlessStopped(
            stop, timeoutMs, [semaphore](int ms) { return semaphore->tryAcquire(1, ms); });
}

// Waits until the other thread gets here too, or the timeout passes.
void meet(QSemaphore *iAmHere, QSemaphore *otherIsHere, int timeoutMs, const std::atomic_bool &stop)
{
    iAmHere->release();
    tryAcquireFor(otherIsHere, timeoutMs, stop);
}

// Takes `mine`, waits until the other thread holds its own lock too, then asks for `theirs`.
WaitResult lockInOppositeOrder(QMutex *mine, QMutex *theirs, QSemaphore *iAmReady,
                               QSemaphore *otherIsReady, int timeoutMs,
                               const std::atomic_bool &stop)
{
    if (!tryLockFor(mine, timeoutMs, stop))
        return { true, 0 };
    meet(iAmReady, otherIsReady, timeoutMs, stop);
    QElapsedTimer clock;
    clock.start();
    //! [deadlock-lock-order]
    // Thread A holds `first` and asks for `second`; thread B holds `second` and asks for `first`.
    // Each waits for the other to let go: without a timeout, both would wait forever.
    const bool gotTheirs = tryLockFor(theirs, timeoutMs, stop);
    //! [deadlock-lock-order]
    const WaitResult result { !gotTheirs, elapsedMs(clock) };
    if (gotTheirs)
        theirs->unlock();
    mine->unlock();
    return result;
}

//! [deadlock-lock-order-fix]
// Both threads take the locks in one agreed order, first then second, whichever they think of
// first; a thread holding `second` therefore never waits for `first`. (std::scoped_lock(a, b)
// gets the same guarantee by backing off and retrying.)
int lockInOneOrder(QMutex *first, QMutex *second, int rounds, int timeoutMs,
                   const std::atomic_bool &stop)
{
    int timeouts = 0;
    for (int i = 0; i < rounds && !stop.load(); ++i) {
        if (!tryLockFor(first, timeoutMs, stop)) {
            ++timeouts;
            continue;
        }
        if (tryLockFor(second, timeoutMs, stop))
            second->unlock();
        else
            ++timeouts;
        first->unlock();
    }
    return timeouts;
}
//! [deadlock-lock-order-fix]

//! [deadlock-pool-starvation]
// Runs on a pool thread and waits for a second task queued on the same pool. With one thread in
// the pool, the second task can only start once this one returns: it never will, in time.
WaitResult waitForTaskInSamePool(QThreadPool *pool, int timeoutMs, const std::atomic_bool *stop)
{
    auto done = std::make_shared<QSemaphore>(); // outlives a wait that gave up
    pool->start([done] { done->release(); });
    QElapsedTimer clock;
    clock.start();
    const bool finished = tryAcquireFor(done.get(), timeoutMs, *stop);
    return { !finished, elapsedMs(clock) };
}
//! [deadlock-pool-starvation]

QString detectedText(const WaitResult &wait)
{
    return wait.timedOut ? QCoreApplication::translate("DeadlockDemo",
                                                       "timed out after %1 ms: deadlock detected")
                                   .arg(std::round(wait.ms))
                         : QCoreApplication::translate("DeadlockDemo", "got it after %1 ms")
                                   .arg(wait.ms, 0, 'f', 1);
}

double rounded(double ms)
{
    return std::round(ms * 10) / 10;
}

} // namespace

DeadlockDemo::DeadlockDemo(const DemoContext &context, QObject *parent)
    : Demo(context,
           { u"deadlock-gui-trap"_s, u"deadlock-gui-fix"_s, u"deadlock-lock-order"_s,
             u"deadlock-lock-order-fix"_s, u"deadlock-pool-starvation"_s, u"deadlock-pool-fix"_s },
           parent)
{
    setExplanationArguments({ GuiTimeoutMs, LockTimeoutMs, PoolTimeoutMs });
    m_lockThreads.setMaxThreadCount(2);
    m_onePool.setMaxThreadCount(1);
    m_twoPool.setMaxThreadCount(2);
}

DeadlockDemo::~DeadlockDemo()
{
    // Every wait in these pools has a timeout and checks the stop flag between short slices, so
    // this returns within a slice.
    m_stop.store(true);
    m_lockThreads.waitForDone();
    m_onePool.waitForDone();
    m_twoPool.waitForDone();
    teardown();
}

void DeadlockDemo::run()
{
    if (!beginRun())
        return;
    m_gui = {};
    m_lockOrder = {};
    m_lockOrderFixedTimeouts = 0;
    m_pool = {};
    m_biggerPool = {};
    m_stop.store(false);
    // Blocking happens in an event handler, after run() has returned.
    QTimer::singleShot(0, this, [this] { advance(&DeadlockDemo::guiTrap); });
}

void DeadlockDemo::cancelRun()
{
    emit progress(tr("canceling: the waiting threads stop at once"));
    m_stop.store(true);
}

QString DeadlockDemo::canceledSummary() const
{
    return tr("Canceled between two steps.");
}

void DeadlockDemo::guiTrap()
{
    emit phase(tr("(a) GUI thread waits on itself"));
    emit progress(tr("(a) the GUI thread waits for a result its own event loop must deliver; "
                     "the watchdog gives up after %1 ms")
                          .arg(GuiTimeoutMs));
    auto delivered = std::make_shared<QSemaphore>(); // outlives a wait that gave up
    QElapsedTimer clock;
    clock.start();
    //! [deadlock-gui-trap]
    // The result comes through a queued call to an object on this thread: it runs only when this
    // thread's event loop runs, and the wait below is what keeps the loop from running.
    QMetaObject::invokeMethod(
            this, [delivered] { delivered->release(); }, Qt::QueuedConnection);
    const bool arrived = delivered->tryAcquire(1, GuiTimeoutMs); // a watchdog: never wait forever
    //! [deadlock-gui-trap]
    m_gui.detected = !arrived;
    m_gui.timeToDetectMs = elapsedMs(clock);
    if (context().monitor)
        context().monitor->checkpoint(); // the freeze just ended: record it now
    emit progress(tr("    GUI thread %1; the event loop runs again")
                          .arg(detectedText({ !arrived, m_gui.timeToDetectMs })));
    // Queued behind the delivery above, so by now it has run: the result was there all along,
    // waiting for the event loop.
    QMetaObject::invokeMethod(
            this,
            [this, delivered, clock] {
                emit progress(
                        delivered->available() == 1
                                ? tr("    the result the GUI thread waited for was delivered %1 ms "
                                     "after the "
                                     "wait began, as soon as the event loop ran")
                                          .arg(elapsedMs(clock), 0, 'f', 0)
                                : tr("    the result the GUI thread waited for has still not "
                                     "arrived"));
                advance(&DeadlockDemo::guiFixed);
            },
            Qt::QueuedConnection);
}

void DeadlockDemo::guiFixed()
{
    QElapsedTimer clock;
    clock.start();
    //! [deadlock-gui-fix]
    // Ask for the result and return to the event loop; it calls back when the result is there.
    QMetaObject::invokeMethod(
            this,
            [this, clock] {
                m_gui.fixedMs = elapsedMs(clock);
                emit progress(tr("    fixed: asked and returned to the event loop; the result "
                                 "arrived after "
                                 "%1 ms, nothing froze")
                                      .arg(m_gui.fixedMs, 0, 'f', 1));
                advance(&DeadlockDemo::lockOrderTrap);
            },
            Qt::QueuedConnection);
    //! [deadlock-gui-fix]
}

void DeadlockDemo::lockOrderTrap()
{
    emit phase(tr("(b) two locks"));
    emit progress(tr("(b) thread A takes lock 1 then lock 2, thread B lock 2 then lock 1; "
                     "each waits at most %1 ms")
                          .arg(LockTimeoutMs));
    auto locks = std::make_shared<LockPair>();
    QList<QFuture<WaitResult>> threads = {
        QtConcurrent::run(&m_lockThreads,
                          [locks, stop = &m_stop] {
                              return lockInOppositeOrder(&locks->first, &locks->second,
                                                         &locks->aReady, &locks->bReady,
                                                         LockTimeoutMs, *stop);
                          }),
        QtConcurrent::run(&m_lockThreads,
                          [locks, stop = &m_stop] {
                              return lockInOppositeOrder(&locks->second, &locks->first,
                                                         &locks->bReady, &locks->aReady,
                                                         LockTimeoutMs, *stop);
                          }),
    };
    QtFuture::whenAll(threads.begin(), threads.end())
            .then(this, [this](const QList<QFuture<WaitResult>> &done) {
                if (isCanceled())
                    return finishCanceled(tr("Canceled: the waiting threads stopped early."));
                const WaitResult a = done.at(0).result();
                const WaitResult b = done.at(1).result();
                m_lockOrder.detected = a.timedOut || b.timedOut;
                m_lockOrder.timeToDetectMs =
                        std::min(a.timedOut ? a.ms : 1e9, b.timedOut ? b.ms : 1e9);
                if (!m_lockOrder.detected)
                    m_lockOrder.timeToDetectMs = 0;
                emit progress(tr("    thread A %1").arg(detectedText(a)));
                emit progress(tr("    thread B %1").arg(detectedText(b)));
                advance(&DeadlockDemo::lockOrderFixed);
            });
}

void DeadlockDemo::lockOrderFixed()
{
    auto locks = std::make_shared<LockPair>();
    QElapsedTimer clock;
    clock.start();
    QList<QFuture<int>> threads = {
        QtConcurrent::run(&m_lockThreads,
                          [locks, stop = &m_stop] {
                              // start together
                              meet(&locks->aReady, &locks->bReady, LockTimeoutMs, *stop);
                              return lockInOneOrder(&locks->first, &locks->second, FixedLockRounds,
                                                    LockTimeoutMs, *stop);
                          }),
        QtConcurrent::run(&m_lockThreads,
                          [locks, stop = &m_stop] {
                              meet(&locks->bReady, &locks->aReady, LockTimeoutMs, *stop);
                              return lockInOneOrder(&locks->first, &locks->second, FixedLockRounds,
                                                    LockTimeoutMs, *stop);
                          }),
    };
    QtFuture::whenAll(threads.begin(), threads.end())
            .then(this, [this, clock](const QList<QFuture<int>> &done) {
                if (isCanceled())
                    return finishCanceled(tr("Canceled: the waiting threads stopped early."));
                m_lockOrder.fixedMs = elapsedMs(clock);
                m_lockOrderFixedTimeouts = done.at(0).result() + done.at(1).result();
                m_lockOrder.fixedTimedOut = m_lockOrderFixedTimeouts > 0;
                emit progress(tr("    fixed: both threads take lock 1 before lock 2; %1 rounds (%2 "
                                 "per thread) took %3 ms with %4 timeouts")
                                      .arg(2 * FixedLockRounds)
                                      .arg(FixedLockRounds)
                                      .arg(m_lockOrder.fixedMs, 0, 'f', 1)
                                      .arg(m_lockOrderFixedTimeouts));
                advance(&DeadlockDemo::poolTrap);
            });
}

void DeadlockDemo::poolTrap()
{
    emit phase(tr("(c) full pool"));
    emit progress(tr("(c) a task in a one-thread pool waits (at most %1 ms) for a second task in "
                     "the same pool")
                          .arg(PoolTimeoutMs));
    QtConcurrent::run(&m_onePool, waitForTaskInSamePool, &m_onePool, PoolTimeoutMs, &m_stop)
            .then(this, [this](const WaitResult &wait) {
                if (isCanceled())
                    return finishCanceled(tr("Canceled: the waiting threads stopped early."));
                m_pool.detected = wait.timedOut;
                m_pool.timeToDetectMs = wait.timedOut ? wait.ms : 0;
                emit progress(tr("    the waiting task %1; the second task ran only after it "
                                 "returned")
                                      .arg(detectedText(wait)));
                advance(&DeadlockDemo::poolFixedWithContinuation);
            });
}

void DeadlockDemo::poolFixedWithContinuation()
{
    QElapsedTimer clock;
    clock.start();
    //! [deadlock-pool-fix]
    // Nothing waits inside the pool: the second step is chained to the first and starts when the
    // pool's only thread is free again.
    QtConcurrent::run(&m_onePool, [] {
        return 6;
    }).then(&m_onePool, [](int first) {
          return first * 7;
      }).then(this, [this, clock](int answer) {
        m_pool.fixedMs = elapsedMs(clock);
        emit progress(tr("    fixed with a continuation on the same one-thread pool: both "
                         "steps done (%1) after %2 ms")
                              .arg(answer)
                              .arg(m_pool.fixedMs, 0, 'f', 1));
        advance(&DeadlockDemo::poolFixedWithBiggerPool);
    });
    //! [deadlock-pool-fix]
}

void DeadlockDemo::poolFixedWithBiggerPool()
{
    QElapsedTimer clock;
    clock.start();
    QtConcurrent::run(&m_twoPool, waitForTaskInSamePool, &m_twoPool, PoolTimeoutMs, &m_stop)
            .then(this, [this, clock](const WaitResult &wait) {
                if (isCanceled())
                    return finishCanceled(tr("Canceled: the waiting threads stopped early."));
                m_biggerPool.detected = wait.timedOut;
                m_biggerPool.timeToDetectMs = wait.timedOut ? wait.ms : 0;
                m_biggerPool.fixedMs = wait.ms;
                emit progress(tr("    fixed with a two-thread pool: the same waiting task %1")
                                      .arg(detectedText(wait)));
                finish(outcome());
            });
}

DemoOutcome DeadlockDemo::outcome() const
{
    DemoOutcome o;
    o.setFigure(DemoFigure::englishKey("GUI thread waits on itself"),
                DemoFigure::englishKey("detected"), m_gui.detected);
    o.setFigure(DemoFigure::englishKey("GUI thread waits on itself"),
                DemoFigure::englishKey("to detect"), std::round(m_gui.timeToDetectMs),
                DemoFigure::englishKey("ms"));
    o.setFigure(DemoFigure::englishKey("GUI thread waits on itself"),
                DemoFigure::englishKey("blocked at most"), GuiTimeoutMs,
                DemoFigure::englishKey("ms"));
    o.setFigure(DemoFigure::englishKey("GUI thread, fixed"), DemoFigure::englishKey("to result"),
                rounded(m_gui.fixedMs), DemoFigure::englishKey("ms"));
    o.setFigure(DemoFigure::englishKey("opposite lock order"), DemoFigure::englishKey("detected"),
                m_lockOrder.detected);
    o.setFigure(DemoFigure::englishKey("opposite lock order"), DemoFigure::englishKey("to detect"),
                std::round(m_lockOrder.timeToDetectMs), DemoFigure::englishKey("ms"));
    o.setFigure(DemoFigure::englishKey("one lock order"),
                DemoFigure::englishKey("rounds (both threads)"), 2 * FixedLockRounds);
    o.setFigure(DemoFigure::englishKey("one lock order"), DemoFigure::englishKey("timeouts"),
                m_lockOrderFixedTimeouts);
    o.setFigure(DemoFigure::englishKey("one lock order"), DemoFigure::englishKey("time"),
                rounded(m_lockOrder.fixedMs), DemoFigure::englishKey("ms"));
    o.setFigure(DemoFigure::englishKey("pool starvation"), DemoFigure::englishKey("detected"),
                m_pool.detected);
    o.setFigure(DemoFigure::englishKey("pool starvation"), DemoFigure::englishKey("to detect"),
                std::round(m_pool.timeToDetectMs), DemoFigure::englishKey("ms"));
    o.setFigure(DemoFigure::englishKey("pool, continuation"), DemoFigure::englishKey("time"),
                rounded(m_pool.fixedMs), DemoFigure::englishKey("ms"));
    o.setFigure(DemoFigure::englishKey("pool of two threads"), DemoFigure::englishKey("timed out"),
                m_biggerPool.detected);
    o.setFigure(DemoFigure::englishKey("pool of two threads"), DemoFigure::englishKey("time"),
                rounded(m_biggerPool.fixedMs), DemoFigure::englishKey("ms"));
    // rounded as in the figures and the summary: whole ms to detect, tenths for the fixes
    o.bars = { { DemoFigure::englishKey("GUI thread waits on itself"),
                 std::round(m_gui.timeToDetectMs) },
               { DemoFigure::englishKey("GUI thread, fixed"), rounded(m_gui.fixedMs) },
               { DemoFigure::englishKey("locks in opposite order"),
                 std::round(m_lockOrder.timeToDetectMs) },
               { DemoFigure::englishKey("locks in one order"), rounded(m_lockOrder.fixedMs) },
               { DemoFigure::englishKey("pool task waits on its pool"),
                 std::round(m_pool.timeToDetectMs) },
               { DemoFigure::englishKey("pool task, fixed"), rounded(m_pool.fixedMs) } };
    o.barsUnit = DemoFigure::englishKey("ms until detected / until done");
    o.barsCategory = DemoFigure::englishKey("trap, then its fix");
    o.barsNote = tr("The traps' long bars are the timeouts the demo sets to catch each deadlock, "
                    "not work: a real deadlock would wait forever.");

    const auto verdict = [](const Trap &trap) {
        // rounded as the figures are (roundDurations()): one number for one measurement
        return trap.detected ? tr("detected after %1 ms")
                                       .arg(numberLocale().toString(roundedMs(trap.timeToDetectMs)))
                             : tr("not detected");
    };
    o.summary =
            tr("GUI thread waiting on its own event loop: %1 (the GUI thread was blocked that "
               "long); opposite lock order: %2; pool starvation: %3. The fixes got their results "
               "in %4 ms, %5 ms (%6 timeouts in %7 rounds) and %8 ms.")
                    .arg(verdict(m_gui), verdict(m_lockOrder), verdict(m_pool))
                    .arg(m_gui.fixedMs, 0, 'f', 1)
                    .arg(m_lockOrder.fixedMs, 0, 'f', 1)
                    .arg(m_lockOrderFixedTimeouts)
                    .arg(2 * FixedLockRounds)
                    .arg(m_pool.fixedMs, 0, 'f', 1);
    return o;
}

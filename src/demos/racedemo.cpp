#include <demos/racedemo.h>
#include <httpserver/embeddedserver.h>
#include <engine/fetchjob.h>

#include <QCoreApplication>
#include <QMutex>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QThread>
#include <QtConcurrentRun>
#include <atomic>
#include <cmath>
#include <latch>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct SharedCounter
{
    explicit SharedCounter(int threads) : start(threads) { }
    std::latch start; // releases all threads together, so their loops really overlap
    volatile int plain = 0;
    int locked = 0;
    QMutex mutex;
    std::atomic<int> atomic = 0;
};

// Gives up the core between a read and its write once every 1000 increments, as the scheduler
// may do at any moment anyway: that makes the gap show on a busy or one-core machine too, where
// the threads rarely run at the very same time. All three variants yield equally often.
void yieldSometimes(int i)
{
    if (i % 1000 == 0)
        QThread::yieldCurrentThread();
}

//! [race-unprotected]
// Two threads may both read 5 and both write 6: one update is lost. That is a data race,
// undefined behaviour in C++, and exactly the bug on show. volatile only stops the compiler
// from keeping the counter in a register; it does not make the read and the write one step.
void addUnprotected(volatile int *counter, int times)
{
    for (int i = 1; i <= times; ++i) {
        const int value = *counter; // read
        yieldSometimes(i); // other threads add to the counter meanwhile...
        *counter = value + 1; // ...and this write wipes out what they added
    }
}
//! [race-unprotected]

//! [race-mutex]
void addWithMutex(int *counter, QMutex *mutex, int times)
{
    for (int i = 1; i <= times; ++i) {
        const QMutexLocker locker(mutex); // the others wait here until this thread unlocks
        const int value = *counter;
        yieldSometimes(i); // other threads may run, but none gets past the lock
        *counter = value + 1;
    }
}
//! [race-mutex]

//! [race-atomic]
void addAtomic(std::atomic<int> *counter, int times)
{
    for (int i = 1; i <= times; ++i) {
        counter->fetch_add(1); // read, add and write as one indivisible step: there is no gap
        yieldSometimes(i);
    }
}
//! [race-atomic]

QString variantLabel(int variant)
{
    static const QString labels[] = { DemoFigure::englishKey("unprotected"),
                                      DemoFigure::englishKey("QMutex"),
                                      DemoFigure::englishKey("std::atomic") };
    return labels[variant];
}

QString quoted(const QString &query, int shownIndex)
{
    return shownIndex < 0 ? QCoreApplication::translate("RaceDemo", "(nothing)")
                          : u"\"%1\""_s.arg(query.left(shownIndex + 1));
}

} // namespace

RaceDemo::RaceDemo(const DemoContext &context, QObject *parent)
    : Demo(context,
           { u"race-unprotected"_s, u"race-mutex"_s, u"race-atomic"_s, u"race-search-unguarded"_s,
             u"race-search-guard"_s },
           parent)
{
    Options options;
    options.threads = std::max(options.threads, QThread::idealThreadCount());
    options.query = u"asynclab"_s;
    setOptions(options); // the pool's size and the explanation follow them
    connect(&m_typing, &SimulatedTyping::keyTyped, this, &RaceDemo::keyTyped);
}

RaceDemo::~RaceDemo()
{
    teardown(); // counter runs are short; the pool waits for them
}

void RaceDemo::setOptions(const Options &options)
{
    Q_ASSERT(!isRunning());
    m_options = options;
    setExplanationArguments(
            { m_options.keyIntervalMs, m_options.minDelayMs, m_options.maxDelayMs });
    pool()->setMaxThreadCount(m_options.threads);
}

void RaceDemo::run()
{
    if (!beginRun())
        return;
    m_step = 0;
    for (int v = 0; v < VariantCount; ++v) {
        m_lost[v].clear();
        m_ms[v] = 0;
    }
    m_unguardedSearch = {};
    m_guardedSearch = {};
    emit progress(tr("%1 threads each add 1 to a shared counter %2 times, %3 runs per variant")
                          .arg(m_options.threads)
                          .arg(m_options.incrementsPerThread)
                          .arg(m_options.runs));
    QTimer::singleShot(0, this, &RaceDemo::startCounterRun);
}

void RaceDemo::cancelRun()
{
    emit progress(tr("canceling"));
    m_typing.stop();
    const bool searching = m_step == VariantCount * m_options.runs;
    const QList<QPointer<FetchJob>> jobs = m_jobs;
    for (const QPointer<FetchJob> &job : jobs) {
        if (job)
            job->cancel(); // finished() comes back synchronously, through searchRequestDone()
    }
    if (searching && search().pending == 0)
        endSearch();
    // A counter run in progress ends within milliseconds and then sees isCanceled().
}

void RaceDemo::startCounterRun()
{
    if (isCanceled()) {
        finishCanceled(tr("Canceled during the counter runs."));
        return;
    }
    if (m_step == VariantCount * m_options.runs) {
        startSearch(false);
        return;
    }
    const auto variant = Variant(m_step / m_options.runs);
    const int times = m_options.incrementsPerThread;
    auto counter = std::make_shared<SharedCounter>(m_options.threads);
    QList<QFuture<void>> threads;
    for (int t = 0; t < m_options.threads; ++t) {
        threads.append(QtConcurrent::run(pool(), [counter, variant, times] {
            counter->start.arrive_and_wait();
            switch (variant) {
            case Unprotected:
                addUnprotected(&counter->plain, times);
                break;
            case Mutex:
                addWithMutex(&counter->locked, &counter->mutex, times);
                break;
            case Atomic:
                addAtomic(&counter->atomic, times);
                break;
            case VariantCount:
                break;
            }
        }));
    }
    QElapsedTimer timer;
    timer.start();
    // The future's completion orders the threads' writes before the reads below.
    QtFuture::whenAll(threads.begin(), threads.end())
            .then(this, [this, counter, variant, timer](const QList<QFuture<void>> &) {
                const qint64 counted = variant == Unprotected ? qint64(counter->plain)
                        : variant == Mutex                    ? qint64(counter->locked)
                                                              : qint64(counter->atomic.load());
                counterRunDone(variant, counted, double(timer.nsecsElapsed()) / 1e6);
            });
}

void RaceDemo::counterRunDone(Variant variant, qint64 counted, double ms)
{
    const qint64 expected = qint64(m_options.threads) * m_options.incrementsPerThread;
    m_lost[variant].append(expected - counted);
    m_ms[variant] += ms;
    emit progress(tr("%1 run %2/%3: expected %4, counted %5, lost %6 updates (%7 ms)")
                          .arg(variantLabel(variant))
                          .arg(m_lost[variant].size())
                          .arg(m_options.runs)
                          .arg(expected)
                          .arg(counted)
                          .arg(expected - counted)
                          .arg(ms, 0, 'f', 1));
    ++m_step;
    startCounterRun();
}

void RaceDemo::startSearch(bool guarded)
{
    m_guarded = guarded;
    SearchRun &s = search();
    s = {};
    QRandomGenerator random(m_options.seed); // the same delays for both runs
    for (qsizetype i = 0; i < m_options.query.size(); ++i)
        s.delaysMs.append(random.bounded(m_options.minDelayMs, m_options.maxDelayMs + 1));
    emit progress(guarded ? tr("search as you type, WITH a request-id guard:")
                          : tr("search as you type, without a guard:"));
    m_searchClock.start();
    m_typing.start(SimulatedTyping::evenly(m_options.query, m_options.keyIntervalMs));
}

QString RaceDemo::searchTime() const
{
    return u"%1 ms"_s.arg(m_searchClock.elapsed(), 4);
}

void RaceDemo::keyTyped(int index)
{
    SearchRun &s = search();
    s.typed = index + 1;
    const int delayMs = s.delaysMs.at(index);
    emit progress(tr("%1  typed %2, its results take %3 ms")
                          .arg(searchTime(), quoted(m_options.query, index))
                          .arg(delayMs));
    auto *job = deleteBeforeNetwork(
            new FetchJob(network(), context().server->url(u"/delay/%1"_s.arg(delayMs)), {}, this));
    m_jobs.append(job);
    ++s.pending;
    if (!m_guarded) {
        //! [race-search-unguarded]
        connect(job, &FetchJob::finished, this, [this, index](const FetchResult &result) {
            showAnswer(index, result); // whichever answer arrives last stays on screen
        });
        //! [race-search-unguarded]
    } else {
        //! [race-search-guard]
        const int requestId = ++m_latestRequestId;
        connect(job, &FetchJob::finished, this,
                [this, index, requestId](const FetchResult &result) {
                    if (requestId != m_latestRequestId) { // a newer query was typed since: stale
                        dropAnswer(index);
                        return;
                    }
                    showAnswer(index, result);
                });
        //! [race-search-guard]
    }
    connect(job, &FetchJob::finished, this, [this, job] { searchRequestDone(job); });
    job->start();
}

void RaceDemo::showAnswer(int index, const FetchResult &result)
{
    if (result.canceled)
        return;
    SearchRun &s = search();
    if (!result.ok()) {
        s.error = tr("the request for %1 failed: %2")
                          .arg(quoted(m_options.query, index), result.error);
        emit progress(s.error);
        return;
    }
    if (index < s.shown) {
        ++s.staleOverwrites;
        emit progress(tr("%1  answer for %2 arrives late and REPLACES the newer %3 on screen")
                              .arg(searchTime(), quoted(m_options.query, index),
                                   quoted(m_options.query, s.shown)));
    } else {
        emit progress(
                tr("%1  answer for %2 shown").arg(searchTime(), quoted(m_options.query, index)));
    }
    s.shown = index;
}

void RaceDemo::dropAnswer(int index)
{
    ++search().dropped;
    emit progress(tr("%1  answer for %2 dropped: not the latest request")
                          .arg(searchTime(), quoted(m_options.query, index)));
}

void RaceDemo::searchRequestDone(FetchJob *job)
{
    job->deleteLater();
    m_jobs.removeOne(job);
    SearchRun &s = search();
    --s.pending;
    if (s.pending == 0 && (s.typed == m_options.query.size() || isCanceled()))
        endSearch();
}

void RaceDemo::endSearch()
{
    const SearchRun &s = search();
    if (isCanceled()) {
        finishCanceled(tr("Canceled during the search."));
        return;
    }
    const bool newestWon = s.shown == m_options.query.size() - 1;
    emit progress(tr("the screen ends on %1 after typing %2: %3")
                          .arg(quoted(m_options.query, s.shown),
                               quoted(m_options.query, int(m_options.query.size()) - 1),
                               newestWon ? tr("the newest query won") : tr("a STALE answer won")));
    if (m_guarded)
        finish(outcome());
    else
        startSearch(true);
}

void RaceDemo::stopRun()
{
    m_typing.stop();
}

DemoOutcome RaceDemo::outcome() const
{
    DemoOutcome o;
    o.setRunFigure(DemoFigure::englishKey("threads"), m_options.threads);
    o.setRunFigure(DemoFigure::englishKey("increments per thread"), m_options.incrementsPerThread);
    o.setRunFigure(DemoFigure::englishKey("runs per variant"), m_options.runs);
    qint64 total[VariantCount] = {};
    int runsThatLost[VariantCount] = {};
    for (int v = 0; v < VariantCount; ++v) {
        QStringList perRun;
        for (qint64 lost : m_lost[v]) {
            total[v] += lost;
            runsThatLost[v] += lost > 0 ? 1 : 0;
            perRun.append(QString::number(lost));
        }
        const QString label = variantLabel(v);
        o.setFigure(label, DemoFigure::englishKey("lost updates"), double(total[v]));
        o.setFigure(label, DemoFigure::englishKey("runs with lost updates"), runsThatLost[v]);
        o.setFigure(label, DemoFigure::englishKey("lost per run"), perRun.join(u", "_s));
        o.setFigure(label, DemoFigure::englishKey("total"), std::round(m_ms[v] * 10) / 10,
                    DemoFigure::englishKey("ms"));
        const double mean = m_lost[v].isEmpty() ? 0 : double(total[v]) / m_lost[v].size();
        o.bars.append({ variantLabel(v), std::round(mean) });
    }
    o.barsUnit = DemoFigure::englishKey("lost updates per run (mean)");
    o.barsCategory = DemoFigure::englishKey("protection");

    const QString &query = m_options.query;
    const int last = int(query.size()) - 1;
    o.setFigure(DemoFigure::englishKey("search"), DemoFigure::englishKey("query"), query);
    o.setFigure(DemoFigure::englishKey("search"), DemoFigure::englishKey("seed"),
                double(m_options.seed));
    // in the summary's order: without the guard, then with it
    o.setFigure(DemoFigure::englishKey("search without guard"),
                DemoFigure::englishKey("shown at the end"),
                query.left(m_unguardedSearch.shown + 1));
    o.setFigure(DemoFigure::englishKey("search without guard"),
                DemoFigure::englishKey("stale overwrites"), m_unguardedSearch.staleOverwrites);
    o.setFigure(DemoFigure::englishKey("search with guard"),
                DemoFigure::englishKey("shown at the end"), query.left(m_guardedSearch.shown + 1));
    o.setFigure(DemoFigure::englishKey("search with guard"),
                DemoFigure::englishKey("stale overwrites"), m_guardedSearch.staleOverwrites);
    o.setFigure(DemoFigure::englishKey("search with guard"),
                DemoFigure::englishKey("answers dropped"), m_guardedSearch.dropped);

    // The plain arithmetic first, then why the loss repeats: a reader seeing the same loss four
    // times would otherwise take the race for something deterministic.
    QStringList sentences;
    const qint64 expected = qint64(m_options.threads) * m_options.incrementsPerThread;
    if (!m_lost[Unprotected].isEmpty()) {
        const qint64 meanLost = qRound64(double(total[Unprotected]) / m_lost[Unprotected].size());
        sentences << tr("Unprotected: expected %L1, got about %L2 per run.")
                             .arg(expected)
                             .arg(expected - meanLost);
    }
    sentences << tr("Unprotected, %1 of %2 runs lost updates (%3 in all); QMutex lost %4 and "
                    "std::atomic %5.")
                         .arg(runsThatLost[Unprotected])
                         .arg(m_options.runs)
                         .arg(total[Unprotected])
                         .arg(total[Mutex])
                         .arg(total[Atomic])
              << tr("Without a guard the search ended on %1 after typing %2 (%n stale "
                    "overwrite(s)).",
                    nullptr, m_unguardedSearch.staleOverwrites)
                         .arg(quoted(query, m_unguardedSearch.shown), quoted(query, last))
              << tr("With the guard it ended on %1 (%n stale overwrite(s)).", nullptr,
                    m_guardedSearch.staleOverwrites)
                         .arg(quoted(query, m_guardedSearch.shown));
    if (!m_lost[Unprotected].isEmpty()) {
        sentences << tr("The losses are alike from run to run because every thread yields at the "
                        "same points of its loop, so the threads take turns the same way each "
                        "time; in real code the interleaving, and so the loss, changes from run "
                        "to run.");
    }
    o.summary = sentences.join(u' ');
    const QString error =
            !m_unguardedSearch.error.isEmpty() ? m_unguardedSearch.error : m_guardedSearch.error;
    if (!error.isEmpty()) {
        o.status = DemoOutcome::Status::Failed;
        o.error = error;
    }
    return o;
}

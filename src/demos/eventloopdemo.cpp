#include <demos/eventloopdemo.h>
#include <demokit/cancelslices.h>
#include <httpserver/embeddedserver.h>
#include <common/labclock.h>
#include <stalls/responsivenessmonitor.h>
#include <common/units.h>

#include <QNetworkReply>
#include <QThread>
#include <QtConcurrentRun>
#include <algorithm>

using namespace Qt::StringLiterals;

EventLoopDemo::EventLoopDemo(const DemoContext &context, QObject *parent)
    : Demo(context, { u"event-loop-sources"_s, u"event-loop-long-handler"_s }, parent)
{
    setExplanationArguments({ TickMs, BlockAtMs, BlockMs });
    pool()->setMaxThreadCount(2);
    m_ticker.setTimerType(Qt::PreciseTimer);
    m_ticker.setInterval(TickMs);
    connect(&m_ticker, &QTimer::timeout, this, &EventLoopDemo::onTick);
    m_blocker.setTimerType(Qt::PreciseTimer);
    m_blocker.setSingleShot(true);
    m_blocker.setInterval(BlockAtMs);
    connect(&m_blocker, &QTimer::timeout, this, &EventLoopDemo::longHandler);
    m_end.setSingleShot(true);
    m_end.setInterval(RunMs);
    connect(&m_end, &QTimer::timeout, this, &EventLoopDemo::summarise);
    connect(&m_quietResult, &QFutureWatcherBase::finished, this, [this] {
        if (isRunning() && !m_quietResult.isCanceled())
            record(u"worker result (posted)"_s, m_quietResult.result());
    });
    connect(&m_blockedResult, &QFutureWatcherBase::finished, this, [this] {
        if (isRunning() && !m_blockedResult.isCanceled())
            record(u"worker result (posted)"_s, m_blockedResult.result());
    });
}

EventLoopDemo::~EventLoopDemo()
{
    teardown();
}

double EventLoopDemo::now() const
{
    return labNowMs() - m_startMs;
}

void EventLoopDemo::run()
{
    if (!beginRun())
        return;
    m_events.clear();
    // Opens the two connections first, so that a reply's lateness is the event loop's alone.
    auto warmUps = std::make_shared<int>(2);
    for (int i = 0; i < 2; ++i) {
        QNetworkReply *reply =
                network()->get(QNetworkRequest(context().server->url(u"/delay/20"_s)));
        connect(reply, &QNetworkReply::finished, this,
                [this, reply, warmUps, generation = currentGeneration()] {
                    reply->deleteLater();
                    if (--*warmUps == 0 && isCurrent(generation))
                        startTimeline();
                });
    }
}

void EventLoopDemo::startTimeline()
{
    m_ticks = 0;
    m_startMs = labNowMs();
    m_nextTickDueMs = TickMs;
    //! [event-loop-sources]
    m_ticker.start(); // a timer every 10 ms
    fetch(QuietFetchMs); // replies arrive as events from the network
    fetch(BlockedFetchMs);
    postResult(&m_quietResult, QuietResultMs); // worker results are posted to this thread
    postResult(&m_blockedResult, BlockedResultMs);
    m_blocker.start(); // at 500 ms: the long handler
    //! [event-loop-sources]
    m_end.start();
    emit progress(tr("Started: a %1 ms timer, fetches the server answers after %2 and %3 ms, and "
                     "worker results ready at %4 and %5 ms.")
                          .arg(TickMs)
                          .arg(QuietFetchMs)
                          .arg(BlockedFetchMs)
                          .arg(QuietResultMs)
                          .arg(BlockedResultMs));
}

void EventLoopDemo::fetch(int delayMs)
{
    const double sentMs = now();
    QNetworkReply *reply =
            network()->get(QNetworkRequest(context().server->url(u"/delay/%1"_s.arg(delayMs))));
    // Due when the server sends the answer: the request's send time plus the server's delay.
    connect(reply, &QNetworkReply::readyRead, this,
            [this, reply, dueMs = sentMs + delayMs, generation = currentGeneration()] {
                if (isCurrent(generation))
                    record(u"network reply (readyRead)"_s, dueMs);
                reply->disconnect(this); // the first data is the event of interest
            });
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

void EventLoopDemo::postResult(QFutureWatcher<double> *watcher, int readyAtMs)
{
    const double start = m_startMs;
    watcher->setFuture(QtConcurrent::run(pool(), [start, readyAtMs](QPromise<double> &promise) {
        // A worker finishing at a known moment; its result is an event for the GUI thread. It
        // sleeps in short slices, so that a cancel or a quit ends it at once.
        CancelSlices::sleepUnlessStopped([&] { return start + readyAtMs - labNowMs(); },
                                         [&] { return promise.isCanceled(); });
        promise.addResult(labNowMs() - start);
    }));
}

void EventLoopDemo::onTick()
{
    const double ran = now();
    const double due = m_nextTickDueMs;
    ++m_ticks;
    // Qt's schedule for a precise timer: every interval, or one interval after a late tick.
    m_nextTickDueMs += TickMs;
    if (m_nextTickDueMs < ran)
        m_nextTickDueMs = ran + TickMs;
    const bool late = ran - due > 5;
    m_events.append({ u"timer tick"_s, due, ran });
    // Most ticks are on time and would flood the log; the late ones and every 20th are shown.
    if (late || m_ticks % 20 == 0)
        emit progress(tr("%1 ms  timer tick #%2, due %3 ms: %4 late")
                              .arg(ran, 7, 'f', 1)
                              .arg(m_ticks)
                              .arg(due, 0, 'f', 1)
                              .arg(formatDuration(std::max(0.0, ran - due))));
}

void EventLoopDemo::record(const QString &what, double dueMs)
{
    const double ran = now();
    m_events.append({ what, dueMs, ran });
    emit progress(tr("%1 ms  %2, due %3 ms: %4 late")
                          .arg(ran, 7, 'f', 1)
                          .arg(what)
                          .arg(dueMs, 0, 'f', 1)
                          .arg(formatDuration(std::max(0.0, ran - dueMs))));
}

void EventLoopDemo::longHandler()
{
    emit progress(tr("%1 ms  the long handler starts: the GUI thread is busy for %2 ms")
                          .arg(now(), 7, 'f', 1)
                          .arg(BlockMs));
    const double start = now();
    //! [event-loop-long-handler]
    // A handler doing 300 ms of work; while it runs, the loop dispatches nothing else.
    const double until = labNowMs() + BlockMs;
    while (labNowMs() < until) { }
    //! [event-loop-long-handler]
    m_events.append({ u"long handler"_s, double(BlockAtMs), start });
    emit progress(tr("%1 ms  the long handler returns").arg(now(), 7, 'f', 1));
}

void EventLoopDemo::summarise()
{
    m_ticker.stop();
    context().monitor->checkpoint();
    const double blockStart = BlockAtMs;
    const double blockEnd = BlockAtMs + BlockMs;
    double quietTick = 0;
    double blockedTick = 0;
    double blocked[2] = {}; // reply, result
    double quiet[2] = {};
    int seen = 0;
    for (const Event &e : std::as_const(m_events)) {
        const bool dueInBlock = e.dueMs >= blockStart - TickMs && e.dueMs < blockEnd;
        if (e.what == u"timer tick"_s) {
            (dueInBlock ? blockedTick : quietTick) =
                    std::max(dueInBlock ? blockedTick : quietTick, e.delayMs());
        } else if (e.what != u"long handler"_s) {
            const int kind = e.what.startsWith(u"network"_s) ? 0 : 1;
            (dueInBlock ? blocked : quiet)[kind] = e.delayMs();
            ++seen;
        }
    }
    if (seen < 4)
        return fail(tr("only %1 of 4 replies and results arrived").arg(seen));
    const double stall = context().monitor->maxStallBetween(m_startMs, labNowMs());
    DemoOutcome outcome;
    outcome.setFigure(DemoFigure::englishKey("loop free"), DemoFigure::englishKey("timer tick"),
                      quietTick, DemoFigure::englishKey("ms late"));
    outcome.setFigure(DemoFigure::englishKey("loop free"), DemoFigure::englishKey("network reply"),
                      quiet[0], DemoFigure::englishKey("ms late"));
    outcome.setFigure(DemoFigure::englishKey("loop free"), DemoFigure::englishKey("worker result"),
                      quiet[1], DemoFigure::englishKey("ms late"));
    outcome.setFigure(DemoFigure::englishKey("loop blocked"), DemoFigure::englishKey("timer tick"),
                      blockedTick, DemoFigure::englishKey("ms late"));
    outcome.setFigure(DemoFigure::englishKey("loop blocked"),
                      DemoFigure::englishKey("network reply"), blocked[0],
                      DemoFigure::englishKey("ms late"));
    outcome.setFigure(DemoFigure::englishKey("loop blocked"),
                      DemoFigure::englishKey("worker result"), blocked[1],
                      DemoFigure::englishKey("ms late"));
    outcome.setRunFigure(DemoFigure::englishKey("long handler"), BlockMs,
                         DemoFigure::englishKey("ms"));
    outcome.setRunFigure(DemoFigure::englishKey("monitor max stall"), stall,
                         DemoFigure::englishKey("ms"));
    outcome.setRunFigure(DemoFigure::englishKey("timer ticks"), m_ticks);
    outcome.bars = { { DemoFigure::englishKey("tick (free)"), quietTick },
                     { DemoFigure::englishKey("reply (free)"), quiet[0] },
                     { DemoFigure::englishKey("result (free)"), quiet[1] },
                     { DemoFigure::englishKey("tick (blocked)"), blockedTick },
                     { DemoFigure::englishKey("reply (blocked)"), blocked[0] },
                     { DemoFigure::englishKey("result (blocked)"), blocked[1] } };
    outcome.barsUnit = DemoFigure::englishKey("ms late");
    outcome.barsCategory = DemoFigure::englishKey("what waited, with the loop free or blocked");
    outcome.summary =
            tr("With the loop free, the timer, the reply and the worker's result ran at most %1 "
               "late. During the %2 handler, the tick, the reply and the result due then ran %3, "
               "%4 and %5 late; the monitor measured a %6 stall.")
                    .arg(formatDuration(std::max({ quietTick, quiet[0], quiet[1] })),
                         formatDuration(BlockMs), formatDuration(blockedTick),
                         formatDuration(blocked[0]), formatDuration(blocked[1]),
                         formatDuration(stall));
    finish(outcome);
}

void EventLoopDemo::cancelRun()
{
    m_quietResult.cancel();
    m_blockedResult.cancel();
    finishCanceled();
    abortReplies();
}

void EventLoopDemo::stopRun()
{
    m_ticker.stop();
    m_blocker.stop();
    m_end.stop();
}

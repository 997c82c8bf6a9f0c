#include <demos/wherethewaitdemo.h>
#include <httpserver/embeddedserver.h>
#include <common/labclock.h>
#include <stalls/responsivenessmonitor.h>
#include <common/units.h>

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace {
constexpr int NetworkManagers = 4; // each opens at most 6 connections to one host

//! [blocking-get]
// One GET through a blocking socket: each waitFor...() parks the calling thread in the kernel
// until the server answers. The short slices only let a worker notice a cancel.
bool blockingGet(const QUrl &url, const std::atomic<bool> &cancel)
{
    QTcpSocket socket;
    socket.connectToHost(url.host(), quint16(url.port()));
    if (!socket.waitForConnected(5000))
        return false;
    socket.write("GET " + url.path().toUtf8() + " HTTP/1.1\r\nHost: " + url.authority().toUtf8()
                 + "\r\nConnection: close\r\n\r\n");
    QByteArray response;
    const double deadline = labNowMs() + 10000;
    while (socket.state() == QAbstractSocket::ConnectedState && !cancel && labNowMs() < deadline) {
        socket.waitForReadyRead(100);
        response += socket.readAll();
    }
    response += socket.readAll();
    return response.startsWith("HTTP/1.1 200");
}
//! [blocking-get]

void raisePeak(std::atomic<int> &peak, int value)
{
    int seen = peak;
    while (value > seen && !peak.compare_exchange_weak(seen, value)) { }
}

// Threads in this process right now (Linux), or -1.
int processThreadCount()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (QByteArray line = status.readLine(); !line.isEmpty(); line = status.readLine()) {
        if (line.startsWith("Threads:"))
            return line.mid(8).trimmed().toInt();
    }
    return -1;
}
} // namespace

WhereTheWaitDemo::WhereTheWaitDemo(const DemoContext &context, QObject *parent)
    : Demo(context,
           { u"wait-on-gui-thread"_s, u"wait-on-workers"_s, u"wait-on-event-loop"_s,
             u"blocking-get"_s },
           parent)
{
    setExplanationArguments({ DelayMs, GuiFetches, formatDuration(GuiFetches * DelayMs), Fetches,
                              NetworkManagers });
    pool()->setMaxThreadCount(Fetches);
    m_liveThreads.setInterval(100);
    connect(&m_liveThreads, &QTimer::timeout, this, &WhereTheWaitDemo::reportLiveThreads);
}

WhereTheWaitDemo::~WhereTheWaitDemo()
{
    m_cancel = true; // blocked workers notice within 100 ms
    teardown();
}

void WhereTheWaitDemo::run()
{
    if (!beginRun())
        return;
    m_cancel = false;
    m_outcome = {};
    emit phase(tr("GUI thread waits"));
    emit progress(tr("In a moment the window freezes for about %1: %2 fetches wait on the GUI "
                     "thread.")
                          .arg(formatDuration(GuiFetches * DelayMs))
                          .arg(GuiFetches));
    // Long enough for the window to paint the line above before the freeze.
    QTimer::singleShot(300, this, [this, generation = currentGeneration()] {
        if (isCurrent(generation))
            waitOnGuiThread();
    });
}

void WhereTheWaitDemo::waitOnGuiThread()
{
    const QUrl url = context().server->url(u"/delay/%1"_s.arg(DelayMs));
    const double start = labNowMs();
    int ok = 0;
    //! [wait-on-gui-thread]
    // The click handler itself waits: nothing else runs on the GUI thread until all are done.
    for (int i = 0; i < GuiFetches; ++i)
        ok += blockingGet(url, m_cancel);
    //! [wait-on-gui-thread]
    context().monitor->checkpoint();
    if (ok != GuiFetches)
        return fail(tr("a fetch on the GUI thread failed"));
    endWay(DemoFigure::englishKey("GUI thread"), GuiFetches, start, 1);
    waitOnWorkers();
}

void WhereTheWaitDemo::waitOnWorkers()
{
    emit phase(tr("workers wait"));
    emit progress(tr("Now %1 fetches on %1 worker threads, one blocking call each.").arg(Fetches));
    const QUrl url = context().server->url(u"/delay/%1"_s.arg(DelayMs));
    m_done = m_failed = 0;
    m_blockedPeak = 0;
    m_startMs = labNowMs();
    m_liveThreads.start();
    //! [wait-on-workers]
    for (int i = 0; i < Fetches; ++i) {
        QtConcurrent::run(pool(), [this, url] {
            raisePeak(m_blockedPeak, ++m_blockedNow);
            const bool ok = blockingGet(url, m_cancel); // this worker waits here
            --m_blockedNow;
            return ok;
        }).then(this, [this, generation = currentGeneration()](bool ok) {
            if (isCurrent(generation))
                onWorkerFetched(ok);
        });
    }
    //! [wait-on-workers]
}

void WhereTheWaitDemo::onWorkerFetched(bool ok)
{
    m_failed += ok ? 0 : 1;
    if (++m_done < Fetches)
        return;
    m_liveThreads.stop();
    context().monitor->checkpoint();
    if (m_failed > 0)
        return fail(tr("%1 fetches on worker threads failed").arg(m_failed));
    endWay(DemoFigure::englishKey("worker threads"), Fetches, m_startMs, m_blockedPeak);
    waitOnEventLoop();
}

void WhereTheWaitDemo::waitOnEventLoop()
{
    emit phase(tr("event loop, no wait"));
    emit progress(tr("Now %1 fetches on the event loop: no thread waits for any one of them.")
                          .arg(Fetches));
    const QUrl url = context().server->url(u"/delay/%1"_s.arg(DelayMs));
    m_done = m_failed = 0;
    m_threadsBefore = processThreadCount();
    m_startMs = labNowMs();
    delete m_managers;
    m_managers = new QObject(this);
    QList<QNetworkAccessManager *> managers;
    for (int i = 0; i < NetworkManagers; ++i)
        managers.append(new QNetworkAccessManager(m_managers));
    //! [wait-on-event-loop]
    for (int i = 0; i < Fetches; ++i) {
        QNetworkReply *reply = managers.at(i % NetworkManagers)->get(QNetworkRequest(url));
        // Returns at once; finished() arrives as an event when the answer is complete.
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            onReplyFinished(reply->error() == QNetworkReply::NoError);
        });
    }
    //! [wait-on-event-loop]
}

void WhereTheWaitDemo::onReplyFinished(bool ok)
{
    if (!isRunning())
        return;
    m_failed += ok ? 0 : 1;
    if (++m_done < Fetches)
        return;
    context().monitor->checkpoint();
    if (m_failed > 0)
        return fail(tr("%1 fetches on the event loop failed").arg(m_failed));
    endWay(DemoFigure::englishKey("event loop"), Fetches, m_startMs, 0);
    m_outcome.setFigure(DemoFigure::englishKey("event loop"),
                        DemoFigure::englishKey("network threads"),
                        std::max(0, processThreadCount() - m_threadsBefore));
    m_managers->deleteLater();
    m_managers = nullptr;

    const DemoOutcome &f = m_outcome;
    const auto fetches = [&f](const QString &way) { return f.figure(way, u"fetches"_s).toInt(); };
    const auto time = [&f](const QString &way, const QString &column) {
        return formatDuration(f.figure(way, column).toDouble());
    };
    const QString gui = u"GUI thread"_s;
    const QString workers = u"worker threads"_s;
    const QString loop = u"event loop"_s;
    QStringList sentences;
    sentences << tr("GUI thread: %1 fetches took %2 with the GUI thread itself waiting; longest "
                    "freeze %3.")
                         .arg(fetches(gui))
                         .arg(time(gui, u"time"_s), time(gui, u"max stall"_s));
    sentences << tr("Worker threads: %1 fetches took %2 with %3 threads blocked at once; longest "
                    "freeze %4.")
                         .arg(fetches(workers))
                         .arg(time(workers, u"time"_s))
                         .arg(f.figure(workers, u"threads blocked"_s).toInt())
                         .arg(time(workers, u"max stall"_s));
    sentences << tr("Event loop: %1 fetches took %2 with no thread blocked for any one fetch (the "
                    "network managers added %3 threads, which wait for all their requests "
                    "together); longest freeze %4.")
                         .arg(fetches(loop))
                         .arg(time(loop, u"time"_s))
                         .arg(f.figure(loop, u"network threads"_s).toInt())
                         .arg(time(loop, u"max stall"_s));
    m_outcome.summary = sentences.join(u' ');
    m_outcome.barsUnit = DemoFigure::englishKey("ms longest freeze");
    m_outcome.barsCategory = DemoFigure::englishKey("where the %1 waits happen").arg(Fetches);
    finish(m_outcome);
}

void WhereTheWaitDemo::reportLiveThreads()
{
    emit progress(tr("%1 worker threads blocked in a fetch right now; %2 done; the process has %3 "
                     "threads")
                          .arg(m_blockedNow.load())
                          .arg(m_done)
                          .arg(processThreadCount()));
}

void WhereTheWaitDemo::endWay(const QString &key, int fetches, double startMs, int threadsBlocked)
{
    const double wallMs = labNowMs() - startMs;
    const double stallMs = context().monitor->maxStallBetween(startMs, labNowMs());
    m_outcome.setFigure(key, DemoFigure::englishKey("fetches"), fetches);
    m_outcome.setFigure(key, DemoFigure::englishKey("time"), roundedMs(wallMs),
                        DemoFigure::englishKey("ms"));
    m_outcome.setFigure(key, DemoFigure::englishKey("max stall"), roundedMs(stallMs),
                        DemoFigure::englishKey("ms"));
    m_outcome.setFigure(key, DemoFigure::englishKey("threads blocked"), threadsBlocked);
    m_outcome.bars.append({ key, roundedMs(stallMs) });
    emit progress(
            tr("%1: %2 fetches in %3, longest freeze %4")
                    .arg(DemoOutcome::translatedKey(key))
                    .arg(fetches)
                    .arg(formatDuration(roundedMs(wallMs)), formatDuration(roundedMs(stallMs))));
}

void WhereTheWaitDemo::cancelRun()
{
    m_cancel = true; // blocked workers notice within 100 ms; their results are dropped
    finishCanceled();
    delete m_managers; // aborts the event-loop way's requests
    m_managers = nullptr;
}

void WhereTheWaitDemo::stopRun()
{
    m_liveThreads.stop();
}

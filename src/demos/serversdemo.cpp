#include <demos/serversdemo.h>

#include <httpserver/embeddedserver.h>
#include <serverlab/loadgenerator.h>
#include <httpserver/openfilelimit.h>
#include <serverlab/onethreadserver.h>
#include <serverlab/processcensus.h>
#include <serverlab/threadperconnectionserver.h>
#include <serverlab/threadpoolserver.h>
#include <common/units.h>

#include <QElapsedTimer>
#include <QJsonValue>
#include <QLocale>
#include <QMetaObject>
#include <QThread>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int LineEveryMs = 500;
constexpr int SliceMs = 10; // the worker looks for cancel() this often

QString count(qint64 n)
{
    return QLocale::c().toString(n).replace(u',', u' ');
}

int poolThreads()
{
    return ThreadPoolServer::defaultThreads();
}

QByteArray namePrefix(ServersDemo::Server server)
{
    switch (server) {
    case ServersDemo::Server::OneThread:
        return "one-thread";
    case ServersDemo::Server::ThreadPool:
        return "pool worker";
    case ServersDemo::Server::ThreadPerConnection:
        return "per-conn";
    case ServersDemo::Server::EventLoop:
        return "event loop";
    }
    return {};
}

} // namespace

QString ServersDemo::serverName(Server server)
{
    switch (server) {
    case Server::OneThread:
        return u"one thread"_s;
    case Server::ThreadPool:
        return u"pool of %1"_s.arg(poolThreads());
    case Server::ThreadPerConnection:
        return u"thread per connection"_s;
    case Server::EventLoop:
        return u"event loop"_s;
    }
    return {};
}

ServersDemo::ServersDemo(const DemoContext &context, QObject *parent)
    : Demo(context, Name.toString(), Title.toString(), parent)
{
}

ServersDemo::~ServersDemo()
{
    blockSignals(true);
    m_cancel = true;
    joinWorker();
    restoreFileLimit();
}

void ServersDemo::setOptions(const Options &options)
{
    Q_ASSERT(!isRunning());
    m_options = options;
}

QStringList ServersDemo::variants() const
{
    return { u"wait %1 ms"_s.arg(BackendWaitMs),
             u"compute %1 ms, wait %2 ms"_s.arg(ComputeMs).arg(BackendWaitMs) };
}

void ServersDemo::setVariant(int index)
{
    Q_ASSERT(!isRunning());
    m_options.handler = index == 1 ? Handler::ComputeThenWait : Handler::Wait;
}

QByteArray ServersDemo::requestPath(Handler handler)
{
    QByteArray path = "/delay/" + QByteArray::number(BackendWaitMs)
            + "?bytes=" + QByteArray::number(AnswerBytes);
    if (handler == Handler::ComputeThenWait)
        path += "&cpu=" + QByteArray::number(ComputeMs);
    return path;
}

QString ServersDemo::explanation() const
{
    rlimit files {};
    getrlimit(RLIMIT_NOFILE, &files);
    QStringList counts;
    for (const int c : m_options.connections)
        counts.append(count(c));
    return u"Four servers in this process, each on 127.0.0.1, answer the same request with the "
           "same handler: it waits %1 ms for a simulated backend (in the event loop by a timer, "
           "in the others by a blocking wait) and answers 1 KiB; the second variant first "
           "computes %2 ms on the CPU. One thread serves one request at a time and closes each "
           "connection, so at most about 10 requests a second get through. The pool has %3 "
           "threads (2 x the cores) that do the same. Thread per connection gives every "
           "connection a thread of its own (a 64 KiB stack), and the event loop is AsyncLab's own "
           "server: one thread for all connections. A load generator on a thread of its own keeps "
           "C keep-alive connections busy (C = %4), each sending its next request as soon as the "
           "last is answered, for %5 per server and C after a warm-up (%6, or until every "
           "connection is open, up to 2 s). It measures requests per second, the p50 and p99 "
           "latency of the requests answered, and errors (refused, reset, 503, a request waiting "
           "over %7 counts as a timeout). Meanwhile the run counts each server's threads by their "
           "names in /proc/self/task and reads the process's resident memory (RSS): its growth is "
           "the server's memory plus the generator's own (its per-connection buffers); the "
           "kernel's socket buffers are not in it, memory an earlier step freed can be used again "
           "without showing, and a one-time jump of a few tens of MiB can be the stall watchdog "
           "loading symbols for its first report. Both ends of every connection are in this "
           "process, so C connections need 2 x C open files: the run raises the open-file limit "
           "from %8 to %9 (the hard limit; further where the system lets this process lift that "
           "too), and a C beyond what it allows is shown as what it is, "
           "as is a thread the system refuses. The charts: throughput, p99, threads and RSS "
           "growth against C, both axes logarithmic, one colour per server. In the second variant "
           "the event loop's one thread computes every request's %10 ms itself: at most %11 "
           "answers a second, and C = 1000 queues %12 of computing before the first wait can end, "
           "while the thread servers compute on all the cores. All of it runs on worker threads, "
           "so the window never waits for it; but thousands of busy threads compete with the GUI "
           "thread for the cores, and a freeze the Stalls tab calls \"waiting for a CPU\" is "
           "that. With the computing handler, thread per connection at C = 1000 and more keeps "
           "hundreds of threads wanting a core at once, and the window then freezes for up to "
           "seconds: the cost of a thread per client lands on everything else in the process."_s
                   .arg(BackendWaitMs)
                   .arg(ComputeMs)
                   .arg(poolThreads())
                   .arg(counts.join(u", "_s), formatDuration(m_options.measureMs),
                        formatDuration(m_options.warmupMs), formatDuration(m_options.timeoutMs))
                   .arg(count(qint64(files.rlim_cur)),
                        m_options.openFileLimit ? count(qint64(m_options.openFileLimit))
                                                : count(qint64(files.rlim_max)))
                   .arg(ComputeMs)
                   .arg(1000 / ComputeMs)
                   .arg(formatDuration(1000.0 * ComputeMs));
}

QStringList ServersDemo::snippetIds() const
{
    return { u"servers-thread-handler"_s,        u"servers-one-thread"_s, u"servers-thread-pool"_s,
             u"servers-thread-per-connection"_s, u"servers-event-loop"_s, u"servers-generator"_s };
}

void ServersDemo::run()
{
    if (!beginRun())
        return;
    joinWorker(); // a canceled run's worker has ended already: it finished only after that
    m_steps.clear();
    m_cancel = false;
    // Each connection is two descriptors here; raise the soft limit as far as the system lets.
    const OpenFileLimit::Change files = m_options.openFileLimit
            ? OpenFileLimit::set(rlim_t(m_options.openFileLimit))
            : OpenFileLimit::raise();
    if (!m_restoreFileLimit)
        m_fileLimitBefore = files.before;
    // Lowered on purpose (to show the limit): put back afterwards.
    m_restoreFileLimit =
            m_restoreFileLimit || (m_options.openFileLimit && files.now < files.before);
    m_fileLimitDuring = files.now;
    double load[1] = { -1 };
    m_loadAverage = getloadavg(load, 1) == 1 ? load[0] : -1;
    emit progress(u"open-file limit %1 -> %2; the request: GET %3; load average %4"_s.arg(
            count(qint64(m_fileLimitBefore)), count(qint64(m_fileLimitDuring)),
            QString::fromLatin1(requestPath()), QString::number(m_loadAverage, 'f', 2)));
    m_worker = std::thread([this, options = m_options, generation = currentGeneration()] {
        work(options, generation);
    });
}

void ServersDemo::cancelRun()
{
    // The worker notices within SliceMs, stops the server and generator of its step, and
    // reports; the run finishes then (see work()).
    m_cancel = true;
}

void ServersDemo::stopRun()
{
    m_cancel = true;
    restoreFileLimit();
}

void ServersDemo::restoreFileLimit()
{
    if (!m_restoreFileLimit)
        return;
    OpenFileLimit::set(m_fileLimitBefore);
    m_restoreFileLimit = false;
}

void ServersDemo::joinWorker()
{
    if (m_worker.joinable())
        m_worker.join();
}

void ServersDemo::post(int generation, std::function<void()> onGuiThread)
{
    // Queued to this object: dropped if it is gone, and stale once the run has ended.
    QMetaObject::invokeMethod(
            this,
            [this, generation, f = std::move(onGuiThread)] {
                if (isCurrent(generation))
                    f();
            },
            Qt::QueuedConnection);
}

void ServersDemo::work(Options options, int generation)
{
    for (const Server server : std::as_const(options.servers)) {
        for (const int connections : std::as_const(options.connections)) {
            if (m_cancel)
                break;
            const Step step = runStep(options, server, connections, generation);
            post(generation, [this, step] {
                m_steps.append(step);
                QString line = u"  %1, C=%2: %3 req/s, p99 %4, %5 threads, RSS +%6 MiB, %7 "
                               "errors, %8 timeouts"_s
                                       .arg(serverName(step.server), count(step.connections))
                                       .arg(qRound(step.requestsPerSecond))
                                       .arg(step.ok > 0 ? formatDuration(step.p99Ms)
                                                        : u"none (no answers)"_s)
                                       .arg(step.threads)
                                       .arg(step.rssGrowthMib(), 0, 'f', 1)
                                       .arg(step.errors)
                                       .arg(step.timeouts);
                if (!step.failure.isEmpty())
                    line += u"; %1"_s.arg(step.failure);
                emit progress(line);
                emit measured(outcome());
            });
        }
    }
    const bool canceled = m_cancel;
    post(generation, [this, canceled] {
        if (canceled || isCanceled()) {
            // What the steps before measured stays to be seen: figures and plots, not ok.
            DemoOutcome partial = outcome();
            partial.ok = false;
            partial.error = u"canceled"_s;
            partial.summary = u"Canceled after %1 of the steps. %2"_s.arg(m_steps.size())
                                      .arg(partial.summary);
            finish(partial);
        } else {
            finish(outcome());
        }
    });
}

ServersDemo::Step ServersDemo::runStep(const Options &options, Server server, int connections,
                                       int generation)
{
    Step step;
    step.server = server;
    step.connections = connections;
    const QString name = serverName(server);
    post(generation, [this, name, connections] {
        emit progress(u"%1, C=%2 …"_s.arg(name, count(connections)));
    });
    // No malloc_trim() here, though it would make each start lower: it holds the allocator's
    // locks while it works, and the GUI thread, allocating meanwhile, froze for up to 90 ms.
    step.rssStartKib = step.rssPeakKib = ProcessCensus::residentKib();

    std::unique_ptr<ThreadedServer> threaded;
    std::unique_ptr<EmbeddedServer> loop;
    quint16 port = 0;
    switch (server) {
    case Server::OneThread:
        threaded = std::make_unique<OneThreadServer>();
        break;
    case Server::ThreadPool:
        threaded = std::make_unique<ThreadPoolServer>();
        break;
    case Server::ThreadPerConnection:
        threaded = std::make_unique<ThreadPerConnectionServer>();
        break;
    case Server::EventLoop:
        //! [servers-event-loop]
        // AsyncLab's own server: one thread, every connection a socket object on its event loop,
        // every backend wait a deadline in one queue.
        loop = std::make_unique<EmbeddedServer>();
        loop->setThreadName(QString::fromLatin1(namePrefix(server)));
        //! [servers-event-loop]
        break;
    }
    if (loop) {
        if (!loop->start()) {
            step.failure = u"the server did not start: %1"_s.arg(loop->errorString());
            return step;
        }
        port = loop->port();
    } else {
        if (!threaded->start()) {
            step.failure = u"the server did not start: %1"_s.arg(threaded->errorString());
            return step;
        }
        port = threaded->port();
    }

    // Both ends of each connection are in this process.
    const int budget = LoadGenerator::descriptorBudget();
    step.opened = std::min(connections, budget);
    if (step.opened < connections) {
        step.failure = u"the open-file limit (%1) leaves room for %2 of the %3 connections "
                       "(2 descriptors each)"_s.arg(count(qint64(m_fileLimitDuring)),
                                                    count(step.opened), count(connections));
    }
    //! [servers-generator]
    // C keep-alive clients on a thread of their own (epoll), never the server's event loop.
    LoadGenerator generator;
    LoadGenerator::Options load;
    load.port = port;
    load.path = requestPath(options.handler);
    load.connections = step.opened;
    load.warmupMs = options.warmupMs;
    load.maxWarmupMs = options.maxWarmupMs;
    load.durationMs = options.measureMs;
    load.timeoutMs = options.timeoutMs;
    generator.start(load);
    //! [servers-generator]
    step.ran = step.opened > 0;

    QElapsedTimer clock;
    clock.start();
    qint64 nextSample = 0;
    qint64 nextLine = LineEveryMs;
    const QByteArray prefix = namePrefix(server);
    while (!generator.isFinished()) {
        if (m_cancel)
            generator.cancel();
        std::this_thread::sleep_for(std::chrono::milliseconds(SliceMs));
        if (clock.elapsed() < nextSample)
            continue;
        nextSample = clock.elapsed() + options.sampleMs;
        step.threads = std::max(step.threads, ProcessCensus::threadsNamed(prefix));
        step.serverConnections =
                std::max(step.serverConnections,
                         threaded ? threaded->openConnections() : loop->openConnections());
        step.rssPeakKib = std::max(step.rssPeakKib, ProcessCensus::residentKib());
        if (clock.elapsed() >= nextLine) {
            nextLine += LineEveryMs;
            const QString line =
                    u"    %1 connected, %2 accepted, %3 answered, %4 threads, RSS +%5 MiB"_s
                            .arg(count(generator.connectedNow()), count(step.serverConnections),
                                 count(generator.answeredNow()))
                            .arg(step.threads)
                            .arg(double(step.rssPeakKib - step.rssStartKib) / 1024, 0, 'f', 1);
            post(generation, [this, line] { emit progress(line); });
        }
    }
    generator.wait();
    const LoadGenerator::Result &r = generator.result();
    if (!r.error.isEmpty())
        step.failure = r.error;
    step.peakConnected = r.peakConnected;
    step.requestsPerSecond = r.requestsPerSecond();
    step.p50Ms = r.percentileMs(0.5);
    step.p99Ms = r.percentileMs(0.99);
    step.ok = r.ok;
    step.errors = r.errors() + (connections - step.opened);
    step.timeouts = r.timeouts;
    step.unanswered = r.unanswered;

    QElapsedTimer stopping;
    stopping.start();
    if (threaded) {
        threaded->stop();
        step.threadsCounted = threaded->peakThreads();
        step.threadFailures = threaded->threadFailures();
        step.acceptFailures = threaded->acceptFailures();
        if (step.threadFailures > 0 || step.acceptFailures > 0) {
            const QString what = u"%1 threads refused, %2 accepts failed (%3)"_s.arg(
                    count(step.threadFailures), count(step.acceptFailures),
                    threaded->lastFailure());
            step.failure = step.failure.isEmpty() ? what : step.failure + u"; "_s + what;
        }
    } else {
        loop->stop();
    }
    step.stopMs = double(stopping.nsecsElapsed()) / 1e6;
    return step;
}

DemoOutcome ServersDemo::outcome() const
{
    DemoOutcome o;
    const QList<Server> servers = m_options.servers;
    DemoPlot throughput { u"req/s"_s, {}, {} };
    DemoPlot p99 { u"p99"_s, u"ms"_s, {} };
    DemoPlot threads { u"threads"_s, {}, {} };
    DemoPlot rss { u"RSS +"_s, u"MiB"_s, {} };
    for (const Server server : servers) {
        DemoSeries t { serverName(server), {} };
        DemoSeries l = t;
        DemoSeries n = t;
        DemoSeries m = t;
        for (const Step &step : m_steps) {
            if (step.server != server || !step.ran)
                continue;
            const double c = step.connections;
            t.points.append({ c, step.requestsPerSecond });
            if (step.ok > 0)
                l.points.append({ c, step.p99Ms });
            n.points.append({ c, double(step.threads) });
            m.points.append({ c, step.rssGrowthMib() });
        }
        throughput.series.append(t);
        p99.series.append(l);
        threads.series.append(n);
        rss.series.append(m);
    }
    o.plots = { throughput, p99, threads, rss };
    o.plotsX = u"connections (C)"_s;

    for (const Step &step : m_steps) {
        const QString row = u"%1, C=%2"_s.arg(serverName(step.server)).arg(step.connections);
        o.figures.insert(row + u": req/s"_s, qRound(step.requestsPerSecond));
        // No answer, no latency: "none", not a 0 that reads as instant.
        const auto latency = [&step](double ms) {
            return step.ok > 0 ? QJsonValue(std::round(ms * 10) / 10) : QJsonValue(u"none"_s);
        };
        o.figures.insert(row + u": p50 ms"_s, latency(step.p50Ms));
        o.figures.insert(row + u": p99 ms"_s, latency(step.p99Ms));
        o.figures.insert(row + u": errors"_s, double(step.errors));
        o.figures.insert(row + u": timeouts"_s, double(step.timeouts));
        o.figures.insert(row + u": threads"_s, step.threads);
        o.figures.insert(row + u": RSS MiB"_s, std::round(step.rssGrowthMib() * 10) / 10);
    }

    // The summary says what these numbers show, whatever they are.
    QStringList sentences;
    const auto stepsOf = [this](Server server) {
        QList<Step> list;
        for (const Step &step : m_steps) {
            if (step.server == server && step.ran)
                list.append(step);
        }
        return list;
    };
    const QList<Step> loopSteps = stepsOf(Server::EventLoop);
    if (!loopSteps.isEmpty()) {
        int most = 0;
        for (const Step &s : loopSteps)
            most = std::max(most, s.threads);
        const Step &top = loopSteps.last();
        const QString served = top.ok > 0 ? u"at %1 req/s with p99 %2 (%3x the handler's %4 ms)"_s
                                                    .arg(qRound(top.requestsPerSecond))
                                                    .arg(formatDuration(top.p99Ms))
                                                    .arg(top.p99Ms / BackendWaitMs, 0, 'f', 1)
                                                    .arg(BackendWaitMs)
                                          : u"but answered none in the measured %1"_s.arg(
                                                  formatDuration(m_options.measureMs));
        // errors are said where the table shows them, not left for the reader to find
        const QString errors = top.errors > 0
                ? u", with %1 error%2 (refused, reset, 503 or never opened)"_s
                          .arg(count(top.errors))
                          .arg(top.errors == 1 ? QString() : u"s"_s)
                : QString();
        sentences.append(
                u"The event loop used %1 thread%2 at every C; at C=%3 it held %4 "
                "connections %5%6."_s.arg(most)
                        .arg(most == 1 ? QString() : u"s"_s)
                        .arg(count(top.connections), count(top.serverConnections), served, errors));
    }
    const QList<Step> perConnection = stepsOf(Server::ThreadPerConnection);
    if (!perConnection.isEmpty()) {
        QStringList each;
        for (const Step &s : perConnection)
            each.append(u"%1 at C=%2"_s.arg(count(s.threads), count(s.connections)));
        const Step &top = perConnection.last();
        sentences.append(
                u"Thread per connection needed a thread for each connection (%1, the "
                "acceptor included) and RSS grew by %2 MiB at C=%3."_s.arg(each.join(u", "_s))
                        .arg(top.rssGrowthMib(), 0, 'f', 1)
                        .arg(count(top.connections)));
    }
    for (const Server server : { Server::OneThread, Server::ThreadPool }) {
        const QList<Step> list = stepsOf(server);
        if (list.isEmpty())
            continue;
        double best = 0;
        double worstP99 = 0;
        for (const Step &s : list) {
            best = std::max(best, s.requestsPerSecond);
            worstP99 = std::max(worstP99, s.p99Ms);
        }
        QString name = serverName(server);
        name[0] = name.at(0).toUpper();
        sentences.append(u"%1 served at most %2 req/s (p99 up to %3), whatever C."_s.arg(
                name, QString::number(best, 'f', 1), formatDuration(worstP99)));
    }
    // The same reason for several servers (the open-file limit at one C) is said once.
    QList<std::pair<QString, QStringList>> reasons;
    for (const Step &step : m_steps) {
        if (step.failure.isEmpty())
            continue;
        const QString reason = u"at C=%1, %2"_s.arg(count(step.connections), step.failure);
        auto it = std::find_if(reasons.begin(), reasons.end(),
                               [&](const auto &entry) { return entry.first == reason; });
        if (it == reasons.end())
            reasons.append({ reason, { serverName(step.server) } });
        else
            it->second.append(serverName(step.server));
    }
    QStringList failures;
    for (const auto &[reason, names] : reasons)
        failures.append(u"%1 (%2)"_s.arg(reason, names.join(u", "_s)));
    if (!failures.isEmpty())
        sentences.append(u"Could not run fully: %1."_s.arg(failures.join(u"; "_s)));
    sentences.append(u"Open-file limit: %1 -> %2; load average %3 at the start (other "
                     "programs share the cores)."_s.arg(count(qint64(m_fileLimitBefore)),
                                                        count(qint64(m_fileLimitDuring)),
                                                        QString::number(m_loadAverage, 'f', 2)));
    o.summary = sentences.join(u' ');
    return o;
}

#include <demos/serversdemo.h>
#include "serversoutcome.h"
#include "serversstep.h"

#include <httpserver/openfilelimit.h>
#include <serverlab/threadpoolserver.h>
#include <common/units.h>

#include <QMetaObject>
#include <cstdlib>
#include <memory>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

ServersDemo::ServersDemo(const DemoContext &context, QObject *parent)
    : Demo(context,
           { u"servers-thread-handler"_s, u"servers-one-thread"_s, u"servers-thread-pool"_s,
             u"servers-thread-per-connection"_s, u"servers-event-loop"_s, u"servers-generator"_s },
           parent)
{
}

ServersDemo::~ServersDemo()
{
    m_cancel = true;
    joinWorker();
    restoreFileLimit();
    teardown();
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
        counts.append(countText(c));
    return explanationText()
            .arg(BackendWaitMs)
            .arg(ComputeMs)
            .arg(ThreadPoolServer::defaultThreads())
            .arg(counts.join(u", "_s), formatDuration(m_options.measureMs),
                 formatDuration(m_options.warmupMs), formatDuration(m_options.timeoutMs))
            .arg(countText(qint64(files.rlim_cur)),
                 m_options.openFileLimit ? countText(qint64(m_options.openFileLimit))
                                         : countText(qint64(files.rlim_max)))
            .arg(ComputeMs)
            .arg(1000 / ComputeMs)
            .arg(formatDuration(1000.0 * ComputeMs));
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
    emit progress(tr("open-file limit %1 -> %2; the request: GET %3; load average %4")
                          .arg(countText(qint64(m_fileLimitBefore)),
                               countText(qint64(m_fileLimitDuring)),
                               QString::fromLatin1(requestPath()),
                               QString::number(m_loadAverage, 'f', 2)));
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
    ServersStepRunner runner(options, m_fileLimitDuring, m_cancel,
                             [this, generation](const QString &line) {
                                 post(generation, [this, line] { emit progress(line); });
                             });
    for (const Server server : std::as_const(options.servers)) {
        for (const int connections : std::as_const(options.connections)) {
            if (m_cancel)
                break;
            const Step step = runner.run(server, connections);
            post(generation, [this, step] {
                m_steps.append(step);
                QString line = tr("  %1, C=%2: %3 req/s, p99 %4, %5 threads, RSS +%6 MiB, %7 "
                                  "errors, %8 timeouts")
                                       .arg(serverName(step.server), countText(step.connections))
                                       .arg(qRound(step.requestsPerSecond))
                                       .arg(step.ok > 0 ? formatDuration(step.p99Ms)
                                                        : tr("none (no answers)"))
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
            // What the steps before measured stays to be seen: figures and plots.
            DemoOutcome partial = outcome();
            partial.status = DemoOutcome::Status::Canceled;
            partial.summary = tr("Canceled after %1 of the steps. %2")
                                      .arg(m_steps.size())
                                      .arg(partial.summary);
            finish(partial);
        } else {
            finish(outcome());
        }
    });
}

DemoOutcome ServersDemo::outcome() const
{
    return ServersOutcomeBuilder(
                   { m_options, m_steps, m_fileLimitBefore, m_fileLimitDuring, m_loadAverage })
            .build();
}

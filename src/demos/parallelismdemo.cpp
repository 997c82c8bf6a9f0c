#include "parallelismdemo.h"
#include <httpserver/embeddedserver.h>
#include <common/labclock.h>
#include <stalls/responsivenessmonitor.h>
#include <engine/sha256.h>
#include <common/units.h>

#include <QNetworkReply>
#include <QSet>
#include <QThread>
#include <QTimer>
#include <QtConcurrentMap>
#include <QtConcurrentRun>
#include <mutex>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {
// The threads that hashed at least one chunk since the last clear(): "all cores were used" is a
// fact about the run that no timing blurs.
class ThreadTally
{
public:
    void note()
    {
        const std::scoped_lock lock(m_mutex);
        m_threads.insert(QThread::currentThread());
    }
    void clear()
    {
        const std::scoped_lock lock(m_mutex);
        m_threads.clear();
    }
    int count() const
    {
        const std::scoped_lock lock(m_mutex);
        return int(m_threads.size());
    }

private:
    mutable std::mutex m_mutex;
    QSet<const QThread *> m_threads;
};

ThreadTally &hashingThreads()
{
    static ThreadTally tally;
    return tally;
}

// One 8 MiB block of data, made once; each chunk hashes its own index in front of it.
const QByteArray &chunkData()
{
    static const QByteArray data = [] {
        QByteArray block(4096, Qt::Uninitialized);
        quint32 x = 2463534242u;
        for (char &c : block) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            c = char(x);
        }
        return block.repeated(ParallelismDemo::ChunkBytes / block.size());
    }();
    return data;
}

//! [cpu-chunk]
// Pure computation on one 8 MiB chunk: no waiting, only a core can make it go faster.
QByteArray hashChunk(int index)
{
    Sha256 hash;
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(&index), sizeof index));
    hash.addData(chunkData());
    hashingThreads().note();
    return hash.hexDigest();
}
//! [cpu-chunk]

QByteArray combined(const QList<QByteArray> &digests)
{
    return Sha256::hexOf(digests.join());
}

QList<int> chunkIndexes()
{
    QList<int> indexes(ParallelismDemo::Chunks);
    std::iota(indexes.begin(), indexes.end(), 0);
    return indexes;
}
} // namespace

ParallelismDemo::ParallelismDemo(const DemoContext &context, QObject *parent)
    : Demo(context,
           { u"cpu-chunk"_s, u"cpu-one-thread"_s, u"cpu-all-cores"_s, u"io-all-at-once"_s }, parent)
{
    setExplanationArguments(
            { Chunks, formatBytes(ChunkBytes), QThread::idealThreadCount(), Fetches, DelayMs });
    // Not the global pool: Qt 6.4's image code splits large conversions and scalings over the
    // global pool and waits for them on the calling thread, the GUI thread when it paints; a
    // global pool full of long tasks froze the window for the whole run here.
    pool()->setMaxThreadCount(QThread::idealThreadCount());
    connect(&m_oneThread, &QFutureWatcherBase::finished, this, [this] {
        if (!isRunning() || m_oneThread.isCanceled())
            return;
        m_oneThreadDigest = m_oneThread.result();
        step(DemoFigure::englishKey("CPU, %1 thread").arg(1), m_startMs);
        hashOnAllCores();
    });
    connect(&m_allCores, &QFutureWatcherBase::finished, this, [this] {
        if (!isRunning() || m_allCores.isCanceled())
            return;
        const int cores = QThread::idealThreadCount();
        step(DemoFigure::englishKey("CPU, %1 cores").arg(cores), m_startMs);
        m_outcome.setRunFigure(DemoFigure::englishKey("threads hashing, all cores"),
                               hashingThreads().count());
        m_outcome.setRunFigure(DemoFigure::englishKey("same result"),
                               combined(m_allCores.future().results()) == m_oneThreadDigest);
        m_startMs = labNowMs();
        fetchOneAfterAnother(Fetches);
    });
}

ParallelismDemo::~ParallelismDemo()
{
    teardown(); // both ways of hashing run on the demo's pool
}

void ParallelismDemo::run()
{
    if (!beginRun())
        return;
    m_outcome = {};
    m_outcome.barsUnit = DemoFigure::englishKey("ms");
    m_outcome.barsCategory = DemoFigure::englishKey("work, on one thread or all at once");
    m_maxStallMs = 0;
    chunkData(); // made once, before anything is timed
    QTimer::singleShot(0, this, &ParallelismDemo::hashOnOneThread);
}

void ParallelismDemo::hashOnOneThread()
{
    if (!isRunning())
        return;
    emit phase(tr("hash: one worker"));
    emit progress(tr("Hashing %1 chunks of %2 on one worker thread…")
                          .arg(Chunks)
                          .arg(formatBytes(ChunkBytes)));
    m_startMs = labNowMs();
    //! [cpu-one-thread]
    m_oneThread.setFuture(QtConcurrent::run(pool(), [](QPromise<QByteArray> &promise) {
        QList<QByteArray> digests;
        for (int i = 0; i < Chunks; ++i) {
            if (promise.isCanceled())
                return;
            digests.append(hashChunk(i));
        }
        promise.addResult(combined(digests));
    }));
    //! [cpu-one-thread]
}

void ParallelismDemo::hashOnAllCores()
{
    emit phase(tr("hash: all cores"));
    emit progress(tr("Hashing the same chunks on all %1 cores…").arg(QThread::idealThreadCount()));
    hashingThreads().clear();
    m_startMs = labNowMs();
    //! [cpu-all-cores]
    // One task per chunk, on a pool with a thread per core.
    m_allCores.setFuture(QtConcurrent::mapped(pool(), chunkIndexes(), hashChunk));
    //! [cpu-all-cores]
}

void ParallelismDemo::fetchOneAfterAnother(int remaining)
{
    if (!isRunning())
        return;
    if (remaining == 0) {
        step(DemoFigure::englishKey("I/O, one at a time"), m_startMs);
        return fetchAllAtOnce();
    }
    if (remaining == Fetches)
        emit phase(tr("fetch one by one"));
    emit progress(tr("Fetching %1 slow pages one after another…").arg(Fetches));
    QNetworkReply *reply =
            network()->get(QNetworkRequest(context().server->url(u"/delay/%1"_s.arg(DelayMs))));
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, remaining, generation = currentGeneration()] {
                reply->deleteLater();
                if (!isCurrent(generation))
                    return;
                if (reply->error() != QNetworkReply::NoError)
                    return fail(reply->errorString());
                fetchOneAfterAnother(remaining - 1);
            });
}

void ParallelismDemo::fetchAllAtOnce()
{
    emit phase(tr("fetch all at once"));
    emit progress(tr("Fetching the same %1 pages all at once…").arg(Fetches));
    m_done = m_failed = 0;
    m_startMs = labNowMs();
    //! [io-all-at-once]
    // All requests go out now; this thread waits for none of them, the event loop is told as
    // each answer arrives.
    for (int i = 0; i < Fetches; ++i) {
        QNetworkReply *reply =
                network()->get(QNetworkRequest(context().server->url(u"/delay/%1"_s.arg(DelayMs))));
        connect(reply, &QNetworkReply::finished, this,
                [this, reply, generation = currentGeneration()] {
                    reply->deleteLater();
                    if (isCurrent(generation))
                        onFetchedAtOnce(reply->error() == QNetworkReply::NoError);
                });
    }
    //! [io-all-at-once]
}

void ParallelismDemo::onFetchedAtOnce(bool ok)
{
    m_failed += ok ? 0 : 1;
    if (++m_done < Fetches)
        return;
    if (m_failed > 0)
        return fail(tr("%1 fetches failed").arg(m_failed));
    step(DemoFigure::englishKey("I/O, all at once"), m_startMs);
    summarise();
}

void ParallelismDemo::step(const QString &label, double startMs)
{
    const double ms = roundedMs(labNowMs() - startMs);
    context().monitor->checkpoint();
    const double stallMs = roundedMs(context().monitor->maxStallBetween(startMs, labNowMs()));
    m_maxStallMs = std::max(m_maxStallMs, stallMs);
    m_outcome.bars.append({ label, ms });
    emit progress(tr("%1: %2; longest GUI freeze meanwhile %3")
                          .arg(DemoOutcome::translatedKey(label), formatDuration(ms),
                               formatDuration(stallMs)));
}

void ParallelismDemo::summarise()
{
    const double cpuOne = m_outcome.bars.at(0).second;
    const double cpuAll = m_outcome.bars.at(1).second;
    const double ioOne = m_outcome.bars.at(2).second;
    const double ioAll = m_outcome.bars.at(3).second;
    const int cores = QThread::idealThreadCount();
    const double cpuSpeedup = qRound(cpuOne / cpuAll * 100) / 100.0;
    const double ioSpeedup = qRound(ioOne / ioAll * 100) / 100.0;
    m_outcome.setFigure(DemoFigure::englishKey("CPU, one thread"), DemoFigure::englishKey("time"),
                        cpuOne, DemoFigure::englishKey("ms"));
    m_outcome.setFigure(DemoFigure::englishKey("CPU, all cores"), DemoFigure::englishKey("time"),
                        cpuAll, DemoFigure::englishKey("ms"));
    m_outcome.setRunFigure(DemoFigure::englishKey("cores"), cores);
    m_outcome.setRunFigure(DemoFigure::englishKey("CPU speedup"), cpuSpeedup,
                           DemoFigure::englishKey("×"));
    m_outcome.setFigure(DemoFigure::englishKey("I/O, one at a time"),
                        DemoFigure::englishKey("time"), ioOne, DemoFigure::englishKey("ms"));
    m_outcome.setFigure(DemoFigure::englishKey("I/O, all at once"), DemoFigure::englishKey("time"),
                        ioAll, DemoFigure::englishKey("ms"));
    m_outcome.setRunFigure(DemoFigure::englishKey("I/O speedup"), ioSpeedup,
                           DemoFigure::englishKey("×"));
    m_outcome.setRunFigure(DemoFigure::englishKey("GUI max stall"), m_maxStallMs,
                           DemoFigure::englishKey("ms"));
    m_outcome.summary =
            tr("Hashing took %1 on one thread and %2 on %3 cores: %4× faster (at most %3× is "
               "possible). The %5 fetches took %6 one after another and %7 all at once: %8× "
               "faster, on a single thread.")
                    .arg(formatDuration(cpuOne), formatDuration(cpuAll))
                    .arg(cores)
                    .arg(cpuSpeedup, 0, 'f', 2)
                    .arg(Fetches)
                    .arg(formatDuration(ioOne), formatDuration(ioAll))
                    .arg(ioSpeedup, 0, 'f', 2);
    if (!m_outcome.figure(u"same result"_s).toBool())
        return fail(tr("the two ways of hashing gave different results"));
    finish(m_outcome);
}

void ParallelismDemo::cancelRun()
{
    m_oneThread.cancel();
    m_allCores.cancel();
    finishCanceled();
    abortReplies();
}

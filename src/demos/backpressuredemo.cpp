#include <demos/backpressuredemo.h>
#include <engine/sha256.h>
#include <common/units.h>

#include <QFile>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <malloc.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 BlockBytes = 1 << 20;
constexpr double LineEveryMs = 500;
// A late tick catches up a little at a time: hashing 2 MiB holds the GUI thread a few ms, and
// ticks twice as late as due still keep the consumer's pace.
constexpr qint64 MaxBytesPerTick = 2 << 20;

// This process's resident memory in KiB, from /proc/self/statm (its second field, in pages).
qint64 residentKib()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * (sysconf(_SC_PAGESIZE) / 1024) : -1;
}

QString modeName(bool bounded)
{
    return bounded ? DemoFigure::englishKey("bounded") : DemoFigure::englishKey("unbounded");
}

// Closes `socket` at once, unheard by `listener`, and forgets it; nothing when there is none.
void dropSocket(QTcpSocket *&socket, QObject *listener)
{
    if (!socket)
        return;
    socket->disconnect(listener);
    socket->abort();
    socket->deleteLater();
    socket = nullptr;
}

} // namespace

StreamProducer::StreamProducer() : m_hash(std::make_unique<Sha256>())
{
    m_block.resize(BlockBytes);
    QRandomGenerator random(251); // the same stream every time
    random.fillRange(reinterpret_cast<quint32 *>(m_block.data()), BlockBytes / 4);
}

StreamProducer::~StreamProducer() = default;

void StreamProducer::serve(qint64 bytes)
{
    stop();
    m_total = bytes;
    bytesWritten = bytesSent = 0;
    heldBack = 0;
    heldBackUs = 0;
    m_hash = std::make_unique<Sha256>();
    m_server = new QTcpServer(this);
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        emit failed(tr("the producer cannot listen: %1").arg(m_server->errorString()));
        return;
    }
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        if (m_socket)
            return;
        m_socket = m_server->nextPendingConnection();
        m_server->close();
        //! [backpressure-producer]
        // The producer writes only while its socket's buffer is below the high-water mark, and
        // goes on when the socket reports that the kernel took some: a slow reader holds it back.
        connect(m_socket, &QTcpSocket::bytesWritten, this, [this](qint64 written) {
            bytesSent += written;
            if (m_waiting.isValid()) {
                const qint64 us = m_waiting.nsecsElapsed() / 1000;
                heldBackUs += us;
                if (us >= HeldBackMs * 1000)
                    ++heldBack;
                m_waiting.invalidate();
            }
            pump();
        });
        //! [backpressure-producer]
        pump();
    });
    emit listening(m_server->serverPort());
}

void StreamProducer::stop()
{
    dropSocket(m_socket, this);
    if (m_server) {
        m_server->deleteLater();
        m_server = nullptr;
    }
    m_waiting.invalidate();
}

void StreamProducer::pump()
{
    //! [backpressure-producer-loop]
    while (bytesWritten < m_total && m_socket->bytesToWrite() < HighWaterBytes) {
        const qint64 offset = bytesWritten % BlockBytes;
        const qint64 n = std::min({ ChunkBytes, BlockBytes - offset, m_total - bytesWritten });
        const QByteArrayView chunk(m_block.constData() + offset, n);
        m_hash->addData(chunk);
        m_socket->write(chunk.data(), n);
        bytesWritten += n;
    }
    if (bytesWritten < m_total) {
        m_waiting.start(); // until the next bytesWritten()
        return;
    }
    //! [backpressure-producer-loop]
    if (m_socket->bytesToWrite() == 0 && m_hash) {
        emit allSent(m_hash->hexDigest());
        m_hash.reset();
    }
}

BackpressureDemo::BackpressureDemo(const DemoContext &context, QObject *parent)
    : Demo(context,
           { u"backpressure-bounded"_s, u"backpressure-unbounded"_s, u"backpressure-producer"_s },
           parent)
{
    m_producerThread.setObjectName(u"stream producer"_s);
    m_tick.setTimerType(Qt::PreciseTimer);
    m_tick.setInterval(TickMs);
    connect(&m_tick, &QTimer::timeout, this, &BackpressureDemo::tick);
    setOptions({}); // the explanation shows them
}

BackpressureDemo::~BackpressureDemo()
{
    teardown();
    if (m_producerThread.isRunning()) {
        // The producer and its sockets go in their own thread; it does nothing that takes long.
        StreamProducer *producer = m_producer.release();
        QMetaObject::invokeMethod(
                producer, [producer] { delete producer; }, Qt::BlockingQueuedConnection);
        m_producerThread.quit();
        m_producerThread.wait();
    }
}

void BackpressureDemo::setOptions(const Options &options)
{
    Q_ASSERT(!isRunning());
    m_options = options;
    setExplanationArguments({ formatBytes(m_options.streamBytes),
                              formatBytes(m_options.consumeBytesPerSecond),
                              formatBytes(m_options.readBufferBytes) });
}

void BackpressureDemo::run()
{
    if (!beginRun())
        return;
    for (Measured &m : m_measured)
        m = {};
    m_mode = Unbounded;
    if (!m_producer) {
        m_producer = std::make_unique<StreamProducer>();
        m_producer->moveToThread(&m_producerThread);
        connect(m_producer.get(), &StreamProducer::listening, this,
                &BackpressureDemo::connectConsumer);
        connect(m_producer.get(), &StreamProducer::failed, this, [this](const QString &error) {
            if (isRunning())
                fail(error);
        });
        connect(m_producer.get(), &StreamProducer::allSent, this, [this](const QByteArray &sha) {
            if (!isRunning() || !m_socket)
                return;
            Measured &m = m_measured[m_mode];
            m.producerSha = sha;
            m.producerDoneMs = double(m_clock.nsecsElapsed()) / 1e6;
            emit progress(tr("  %1  the producer has handed on its last byte")
                                  .arg(formatDuration(m.producerDoneMs)));
            maybeEndMode();
        });
    }
    if (!m_producerThread.isRunning())
        m_producerThread.start();
    QTimer::singleShot(0, this, [this, generation = currentGeneration()] {
        if (isCurrent(generation))
            startMode();
    });
}

void BackpressureDemo::startMode()
{
    emit progress(m_mode == Bounded
                          ? tr("BOUNDED: a %1 read buffer, reading only what can be processed")
                                    .arg(formatBytes(m_options.readBufferBytes))
                          : tr("UNBOUNDED: reading everything as it arrives into a queue"));
    QMetaObject::invokeMethod(m_producer.get(),
                              [producer = m_producer.get(), bytes = m_options.streamBytes] {
                                  producer->serve(bytes);
                              });
}

void BackpressureDemo::connectConsumer(quint16 port)
{
    if (!isRunning())
        return;
    Measured &m = m_measured[m_mode];
    m.startRssKib = m.peakRssKib = residentKib();
    m_hash = std::make_unique<Sha256>();
    m_queue.clear();
    m_frontOffset = 0;
    m_queued = 0;
    m_socket = new QTcpSocket(this);
    if (m_mode == Bounded) {
        //! [backpressure-bounded]
        // At most this much waits in the socket; past it Qt stops reading from the kernel, the
        // kernel's buffer fills and TCP tells the sender to wait.
        m_socket->setReadBufferSize(m_options.readBufferBytes);
        //! [backpressure-bounded]
        m_readBuffer.resize(m_options.readBufferBytes);
        // Arrivals wake the consumer, which takes only what its pace allows.
        connect(m_socket, &QTcpSocket::readyRead, this, &BackpressureDemo::consume);
    } else {
        //! [backpressure-unbounded]
        // Everything that arrives is taken at once into a queue of our own, however far the
        // processing is behind: nothing ever tells the sender to slow down.
        connect(m_socket, &QTcpSocket::readyRead, this, &BackpressureDemo::onReadyRead);
        //! [backpressure-unbounded]
    }
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (isRunning() && m_measured[m_mode].delivered < m_options.streamBytes)
            fail(tr("the stream broke: %1").arg(m_socket->errorString()));
    });
    m_clock.start();
    m_lastLineMs = 0;
    m_socket->connectToHost(QHostAddress::LocalHost, port);
    m_tick.start();
}

void BackpressureDemo::onReadyRead()
{
    //! [backpressure-unbounded-read]
    QByteArray bytes = m_socket->readAll();
    m_queued += bytes.size();
    m_queue.push_back(std::move(bytes));
    //! [backpressure-unbounded-read]
}

qint64 BackpressureDemo::queueBytes() const
{
    return m_mode == Bounded ? (m_socket ? m_socket->bytesAvailable() : 0) : m_queued;
}

void BackpressureDemo::consumeBytes(QByteArrayView bytes)
{
    m_hash->addData(bytes);
    m_measured[m_mode].delivered += bytes.size();
}

// Each tick, and each arrival in bounded mode, processes what the consumer's pace allows since
// the stream began.
void BackpressureDemo::consume()
{
    if (!m_socket)
        return;
    Measured &m = m_measured[m_mode];
    const double nowMs = double(m_clock.nsecsElapsed()) / 1e6;
    const qint64 allowed = qint64(nowMs / 1000 * double(m_options.consumeBytesPerSecond));
    qint64 budget = std::clamp<qint64>(allowed - m.delivered, 0, MaxBytesPerTick);
    m.peakQueueBytes = std::max(m.peakQueueBytes, queueBytes());
    if (m_mode == Bounded) {
        //! [backpressure-bounded-read]
        // Read only as much as can be processed now; the rest stays where it is.
        while (budget > 0) {
            const qint64 n = m_socket->read(m_readBuffer.data(),
                                            std::min<qint64>(budget, m_readBuffer.size()));
            if (n <= 0)
                break;
            consumeBytes(QByteArrayView(m_readBuffer.constData(), n));
            budget -= n;
        }
        //! [backpressure-bounded-read]
    } else {
        while (budget > 0 && !m_queue.empty()) {
            const QByteArray &front = m_queue.front();
            const qint64 n = std::min<qint64>(budget, front.size() - m_frontOffset);
            consumeBytes(QByteArrayView(front).sliced(m_frontOffset, n));
            budget -= n;
            m_queued -= n;
            m_frontOffset += n;
            if (m_frontOffset == front.size()) {
                m_queue.pop_front();
                m_frontOffset = 0;
            }
        }
    }
    maybeEndMode();
}

void BackpressureDemo::tick()
{
    consume();
    if (!m_socket)
        return;
    Measured &m = m_measured[m_mode];
    m.peakRssKib = std::max(m.peakRssKib, residentKib());
    const double nowMs = double(m_clock.nsecsElapsed()) / 1e6;
    if (nowMs - m_lastLineMs >= LineEveryMs) {
        m_lastLineMs = nowMs;
        emit progress(liveLine());
    }
}

QString BackpressureDemo::liveLine() const
{
    const Measured &m = m_measured[m_mode];
    const qint64 growth = std::max<qint64>(0, residentKib() - m.startRssKib) * 1024;
    // One mark per 16 MiB of growth, at the end of a line of fixed width: the log becomes a plot
    // of memory over time.
    const QString plot = QString(int(std::min<qint64>(growth >> 24, 20)), u'█');
    const double nowMs = double(m_clock.nsecsElapsed()) / 1e6;
    const auto whole = [](qint64 bytes) { return QString::number(bytes >> 20).rightJustified(3); };
    return tr("  %1  queue %2 MiB  RSS +%3 MiB  sent %4 MiB  |%5")
            .arg(formatDuration(nowMs).rightJustified(7), whole(queueBytes()), whole(growth),
                 whole(m_producer->bytesWritten), plot);
}

void BackpressureDemo::maybeEndMode()
{
    const Measured &m = m_measured[m_mode];
    if (m_socket && m.delivered == m_options.streamBytes && !m.producerSha.isEmpty())
        endMode();
}

void BackpressureDemo::endMode()
{
    Measured &m = m_measured[m_mode];
    m.ms = double(m_clock.nsecsElapsed()) / 1e6;
    m.consumerSha = m_hash->hexDigest();
    m.heldBack = m_producer->heldBack;
    m.heldBackMs = double(m_producer->heldBackUs) / 1000;
    m_tick.stop();
    emit progress(liveLine());
    dropConsumer();
    malloc_trim(0); // give the unbounded queue's memory back to the system now
    emit progress(tr("  %1: %2 in %3 (%4 MiB/s); RSS peaked %5 above its start, the queue at "
                     "%6; the producer waited %8 in all, %7 times over 1 ms")
                          .arg(DemoOutcome::translatedKey(modeName(m_mode == Bounded)))
                          .arg(formatBytes(m.delivered), formatDuration(m.ms))
                          .arg(double(m.delivered) / (1 << 20) / (m.ms / 1000), 0, 'f', 1)
                          .arg(formatBytes((m.peakRssKib - m.startRssKib) * 1024),
                               formatBytes(m.peakQueueBytes))
                          .arg(m.heldBack)
                          .arg(formatDuration(m.heldBackMs)));
    if (isCanceled())
        return;
    if (++m_mode < ModeCount) {
        QTimer::singleShot(0, this, [this, generation = currentGeneration()] {
            if (isCurrent(generation))
                startMode();
        });
        return;
    }
    finish(outcome());
}

// The consumer's connection closed and what it had queued dropped, unprocessed.
void BackpressureDemo::dropConsumer()
{
    dropSocket(m_socket, this);
    m_queue.clear();
    m_queued = 0;
}

void BackpressureDemo::stopRun()
{
    m_tick.stop();
    dropConsumer();
    if (m_producer)
        QMetaObject::invokeMethod(m_producer.get(), [p = m_producer.get()] { p->stop(); });
}

DemoOutcome BackpressureDemo::outcome() const
{
    DemoOutcome o;
    o.setRunFigure(DemoFigure::englishKey("stream"), double(m_options.streamBytes),
                   DemoFigure::englishKey("bytes"));
    o.setRunFigure(DemoFigure::englishKey("consumer reads"),
                   double(m_options.consumeBytesPerSecond), DemoFigure::englishKey("bytes/s"));
    o.setFigure(DemoFigure::englishKey("bounded"), DemoFigure::englishKey("read buffer"),
                double(m_options.readBufferBytes), DemoFigure::englishKey("bytes"));
    for (int mode = 0; mode < ModeCount; ++mode) {
        const Measured &m = m_measured[mode];
        const QString name = modeName(mode == Bounded);
        const double growthMib = double(m.peakRssKib - m.startRssKib) / 1024;
        o.setFigure(name, DemoFigure::englishKey("RSS at start"),
                    qRound(double(m.startRssKib) / 1024), DemoFigure::englishKey("MiB"));
        o.setFigure(name, DemoFigure::englishKey("RSS growth"), std::round(growthMib * 10) / 10,
                    DemoFigure::englishKey("MiB"));
        o.setFigure(name, DemoFigure::englishKey("peak queue"), double(m.peakQueueBytes),
                    DemoFigure::englishKey("bytes"));
        o.setFigure(name, DemoFigure::englishKey("delivered"), double(m.delivered),
                    DemoFigure::englishKey("bytes"));
        o.setFigure(name, DemoFigure::englishKey("time"), m.ms, DemoFigure::englishKey("ms"));
        o.setFigure(name, DemoFigure::englishKey("throughput"),
                    std::round(double(m.delivered) / (1 << 20) / (m.ms / 1000) * 10) / 10,
                    DemoFigure::englishKey("MiB/s"));
        o.setFigure(name, DemoFigure::englishKey("producer done"), m.producerDoneMs,
                    DemoFigure::englishKey("ms"));
        o.setFigure(name, DemoFigure::englishKey("producer waits over %1 ms").arg(1), m.heldBack);
        o.setFigure(name, DemoFigure::englishKey("producer waited"), m.heldBackMs,
                    DemoFigure::englishKey("ms"));
        o.setFigure(name, DemoFigure::englishKey("SHA-256"), QString::fromLatin1(m.consumerSha));
        const bool bounded = mode == Bounded;
        o.bars.append({ bounded ? DemoFigure::englishKey("bounded: RSS growth")
                                : DemoFigure::englishKey("unbounded: RSS growth"),
                        growthMib });
        o.bars.append({ bounded ? DemoFigure::englishKey("bounded: peak queue")
                                : DemoFigure::englishKey("unbounded: peak queue"),
                        double(m.peakQueueBytes) / (1 << 20) });
    }
    o.barsUnit = DemoFigure::englishKey("MiB");
    const Measured &b = m_measured[Bounded];
    const Measured &u = m_measured[Unbounded];
    const bool same = b.consumerSha == u.consumerSha && b.consumerSha == b.producerSha
            && u.consumerSha == u.producerSha && b.delivered == u.delivered;
    o.setRunFigure(DemoFigure::englishKey("same data delivered"), same);
    o.summary = tr("Both delivered the same %1 (SHA-256 %2…), unbounded in %3 and bounded in %4. "
                   "Unbounded, the producer was done after %5 and memory grew by %6 with up to %7 "
                   "queued; it had waited %8 in all. Bounded, memory grew by %9 and the queue "
                   "never held more than %10; the producer waited %11 in all (%12 waits over 1 "
                   "ms) and finished at %13.")
                        .arg(formatBytes(b.delivered))
                        .arg(QString::fromLatin1(b.consumerSha.left(12)), formatDuration(u.ms),
                             formatDuration(b.ms), formatDuration(u.producerDoneMs),
                             formatBytes((u.peakRssKib - u.startRssKib) * 1024),
                             formatBytes(u.peakQueueBytes), formatDuration(u.heldBackMs),
                             formatBytes((b.peakRssKib - b.startRssKib) * 1024))
                        .arg(formatBytes(b.peakQueueBytes), formatDuration(b.heldBackMs))
                        .arg(b.heldBack)
                        .arg(formatDuration(b.producerDoneMs));
    if (!same) {
        o.status = DemoOutcome::Status::Failed;
        o.error = tr("the two runs did not deliver the same bytes");
    }
    return o;
}

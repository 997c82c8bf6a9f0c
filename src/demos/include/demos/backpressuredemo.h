#pragma once

#include <demokit/demo.h>

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <deque>
#include <memory>

class QTcpServer;
class QTcpSocket;
class Sha256;

// Streams a fixed number of bytes to the one client that connects, as fast as the connection
// takes them, from its own thread: it keeps at most HighWaterBytes in its socket's write buffer
// and waits for bytesWritten() before writing more. Counters are read from the GUI thread.
class StreamProducer : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 HighWaterBytes = 1 << 20;
    static constexpr qint64 ChunkBytes = 64 << 10;
    static constexpr double HeldBackMs = 1; // a wait this long is the consumer holding it back

    StreamProducer();
    ~StreamProducer() override;

    // In the producer's thread: listens on 127.0.0.1 and streams `bytes` to the first client.
    void serve(qint64 bytes);
    void stop();

    std::atomic<qint64> bytesWritten = 0; // taken by the socket (into its write buffer)
    std::atomic<qint64> bytesSent = 0; // handed on to the kernel (bytesWritten signals)
    std::atomic<int> heldBack = 0; // waits for bytesWritten() longer than HeldBackMs
    std::atomic<qint64> heldBackUs = 0; // how long it waited for bytesWritten() in all

signals:
    void listening(quint16 port);
    void failed(const QString &error);
    void allSent(const QByteArray &sha256Hex);

private:
    void pump();

    QTcpServer *m_server = nullptr;
    QTcpSocket *m_socket = nullptr;
    std::unique_ptr<Sha256> m_hash;
    QByteArray m_block; // the stream repeats this block
    qint64 m_total = 0;
    QElapsedTimer m_waiting; // valid while waiting for the socket to take more
};

// A fast producer and a slow consumer: unbounded, the consumer reads everything as it arrives
// into a queue of its own and memory grows with the queue; bounded, the socket's read buffer is
// limited and the consumer reads only as fast as it processes, so TCP's flow control holds the
// producer back and memory stays flat. The same bytes arrive both ways.
class BackpressureDemo : public Demo
{
    Q_OBJECT
public:
    static constexpr int TickMs = 10;

    struct Options
    {
        qint64 streamBytes = qint64(256) << 20;
        qint64 consumeBytesPerSecond = qint64(56) << 20; // how fast the consumer processes
        qint64 readBufferBytes = 256 << 10; // the bounded socket's read buffer
    };

    explicit BackpressureDemo(const DemoContext &context, QObject *parent = nullptr);
    ~BackpressureDemo() override;

    const Options &options() const { return m_options; }
    void setOptions(const Options &options); // while not running

    void run() override;

private:
    enum Mode { Unbounded, Bounded, ModeCount };
    struct Measured
    {
        qint64 startRssKib = 0;
        qint64 peakRssKib = 0;
        qint64 peakQueueBytes = 0;
        qint64 delivered = 0;
        double ms = 0;
        double producerDoneMs = -1; // when the producer had handed on its last byte
        QByteArray consumerSha;
        QByteArray producerSha;
        int heldBack = 0;
        double heldBackMs = 0;
    };

    void stopRun() override;
    void startMode();
    void connectConsumer(quint16 port);
    void onReadyRead();
    void consume();
    void tick();
    void consumeBytes(QByteArrayView bytes);
    qint64 queueBytes() const;
    void maybeEndMode();
    void endMode();
    void dropConsumer();
    QString liveLine() const;
    DemoOutcome outcome() const;

    Options m_options;
    QThread m_producerThread;
    std::unique_ptr<StreamProducer> m_producer;
    QTcpSocket *m_socket = nullptr;
    std::unique_ptr<Sha256> m_hash;
    std::deque<QByteArray> m_queue; // unbounded: everything read, not yet processed
    qsizetype m_frontOffset = 0; // bytes of m_queue.front() already processed
    qint64 m_queued = 0;
    QByteArray m_readBuffer; // bounded: one fixed buffer the consumer reads into
    QTimer m_tick;
    QElapsedTimer m_clock;
    double m_lastLineMs = 0;
    int m_mode = Bounded;
    Measured m_measured[ModeCount];
};

#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <atomic>
#include <thread>
#include <vector>

// C keep-alive connections to a server on 127.0.0.1, each sending its next request as soon as the
// answer to the last one is in, for a fixed time. It runs on a thread of its own with
// non-blocking sockets and epoll, so it is never the event loop of the server it measures.
class LoadGenerator
{
    Q_DECLARE_TR_FUNCTIONS(LoadGenerator)
public:
    struct Options
    {
        quint16 port = 0;
        QByteArray path = "/delay/100";
        int connections = 100;
        int warmupMs = 0; // answers in this first part are not counted
        // The warm-up goes on, up to this long, until every connection is open: with thousands
        // of clients the measured time then starts when all of them are there.
        int maxWarmupMs = 0;
        int durationMs = 2000; // measured, after the warm-up
        int timeoutMs = 1000; // a request or connect waiting longer is a timeout (counted once)
        // false: one request per connection, then the thread ends and the connections stay open
        // until the generator is destroyed or started again (for memory per pending request).
        bool repeat = true;
    };

    struct Result
    {
        int connections = 0; // opened (asked for, less those the descriptor budget refused)
        int peakConnected = 0;
        qint64 ok = 0; // 200 answers in the measured time
        qint64 unavailable = 0; // 503
        qint64 otherStatus = 0;
        qint64 refused = 0; // connect refused
        qint64 reset = 0; // reset or closed with a request unanswered, or connect failed
        qint64 timeouts = 0; // requests or connects that waited longer than timeoutMs
        qint64 unanswered = 0; // requests still without an answer at the end
        qint64 socketFailures = 0; // socket() failed, e.g. at the open-file limit
        double seconds = 0; // the measured time
        std::vector<quint32> latencyUs; // of each 200 answer counted in ok
        QString error; // the generator could not run at all

        qint64 errors() const
        {
            return unavailable + otherStatus + refused + reset + socketFailures;
        }
        double requestsPerSecond() const { return seconds > 0 ? double(ok) / seconds : 0; }
        double percentileMs(double p) const; // of latencyUs; 0 when empty
    };

    LoadGenerator();
    ~LoadGenerator(); // cancels and waits
    LoadGenerator(const LoadGenerator &) = delete;
    LoadGenerator &operator=(const LoadGenerator &) = delete;

    // Starts the generator's thread; a run still going is canceled and waited for first.
    void start(const Options &options);
    void cancel(); // the thread ends within about 10 ms
    void wait();
    bool isFinished() const { return m_finished.load(); }
    const Result &result() const { return m_result; } // after isFinished() or wait()

    // Live, readable from any thread while it runs.
    int connectedNow() const { return m_connectedNow.load(); }
    qint64 answeredNow() const { return m_answeredNow.load(); }

    // Connections this process can still open to itself: both ends of each take a descriptor
    // here, so it is half of what the open-file limit leaves, less a reserve for the rest.
    static int descriptorBudget(int reserve = 256);
    static int openDescriptors();

private:
    struct Connection;
    void run();
    void connectOne(size_t i);
    void send(size_t i);
    void drop(size_t i, bool reconnect);
    void handle(size_t i, quint32 flags);
    void checkTimeouts(qint64 now);

    Options m_options;
    Result m_result;
    std::thread m_thread;
    std::atomic<bool> m_cancel = false;
    std::atomic<bool> m_finished = true;
    std::atomic<int> m_connectedNow = 0;
    std::atomic<qint64> m_answeredNow = 0;
    int m_epoll = -1;
    std::vector<Connection> m_connections;
    qint64 m_countFrom = 0; // ns on the steady clock: the end of the warm-up
    qint64 m_sent = 0;
    QByteArray m_request;
};

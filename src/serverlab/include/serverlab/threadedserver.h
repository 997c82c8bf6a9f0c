#pragma once

#include <QCoreApplication>
#include <QString>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <unordered_set>

#if defined(__SANITIZE_ADDRESS__)
inline constexpr size_t threadedServerStackBytes = 512 * 1024; // the sanitizer's frames are larger
#else
inline constexpr size_t threadedServerStackBytes = 64 * 1024;
#endif

// What the thread-based servers share: a listening socket on 127.0.0.1, blocking calls only
// (accept, recv, a blocking wait for the simulated backend, send), the same request handler as
// the event-loop server (ServerRoutes), and threads with small stacks and names, counted. Each
// subclass decides only which threads serve which connections.
class ThreadedServer
{
    Q_DECLARE_TR_FUNCTIONS(ThreadedServer)
public:
    // Small stacks: thousands of threads must fit. The handler needs a few KiB.
    static constexpr size_t StackBytes = threadedServerStackBytes;

    virtual ~ThreadedServer();
    ThreadedServer(const ThreadedServer &) = delete;
    ThreadedServer &operator=(const ThreadedServer &) = delete;

    bool start(quint16 port = 0); // listens on 127.0.0.1 (0: any free port), starts its threads
    void stop(); // wakes every thread and waits until all have ended
    bool isRunning() const { return m_listenFd >= 0; }
    quint16 port() const { return m_port; }
    QString errorString() const;

    // The prefix of every name its threads carry (see /proc/self/task/*/comm).
    QString threadNamePrefix() const { return QString::fromLatin1(m_threadPrefix); }
    int liveThreads() const { return m_live.load(); }
    int peakThreads() const { return m_peak.load(); }
    int openConnections() const; // accepted and not yet closed
    int peakConnections() const; // the most open at once since start()
    qint64 requestsServed() const { return m_served.load(); }
    int threadFailures() const { return m_threadFailures.load(); } // thread creation failed
    int acceptFailures() const { return m_acceptFailures.load(); } // e.g. out of descriptors
    QString lastFailure() const; // the system's words for the last failure, or empty

protected:
    explicit ThreadedServer(const char *threadPrefix);

    virtual bool startThreads() = 0;

    // Starts a detached thread named `name` with a stack of stackBytes that runs `body`; false
    // (with the reason kept for lastFailure()) when the system refuses.
    bool spawn(const char *name, std::function<void()> body, size_t stackBytes = StackBytes);
    // Blocking accept(); -1 once the server stops. A refusal by the system (no descriptors
    // left) is counted and waited out briefly, never spun on.
    int acceptOne();
    // Answers the requests that arrive on fd, one after the other, and closes it. keepAlive
    // false: one request, answered with `Connection: close`, so the next client gets its turn.
    void serveConnection(int fd, bool keepAlive);
    bool isStopping() const { return m_stopping.load(); }
    void noteFailure(const QString &what, int error);
    void closeConnection(int fd); // closes fd, which stop() will then no longer touch

private:
    static void *threadMain(void *task);
    void threadEnded();

    const char *m_threadPrefix;
    int m_listenFd = -1;
    quint16 m_port = 0;
    QString m_error;
    std::atomic<bool> m_stopping = false;
    std::atomic<int> m_live = 0;
    std::atomic<int> m_peak = 0;
    std::atomic<qint64> m_served = 0;
    std::atomic<int> m_threadFailures = 0;
    std::atomic<int> m_acceptFailures = 0;
    mutable std::mutex m_mutex; // guards what follows
    std::condition_variable m_allEnded;
    std::unordered_set<int> m_open; // connections being served, for stop() to wake
    int m_peakOpen = 0; // under m_mutex, as m_open
    QString m_lastFailure;
};

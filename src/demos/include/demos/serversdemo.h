#pragma once

#include <demokit/demo.h>

#include <QList>
#include <QString>
#include <atomic>
#include <functional>
#include <thread>

// Four servers under the same load, all on 127.0.0.1 in this process: one thread serving one
// request at a time, a thread per connection, a fixed pool of threads and one event loop (the
// embedded server). Each answers the same request (a 100 ms wait for a simulated backend, then
// 1 KiB; or 2 ms of CPU first) to C keep-alive clients of a load generator on its own thread,
// for C = 10, 100, 1000 and 10 000, and the run counts each server's threads and memory. All of
// it runs on a worker thread: the GUI thread only shows what comes back.
class ServersDemo : public Demo
{
    Q_OBJECT
public:
    static constexpr int BackendWaitMs = 100;
    static constexpr int ComputeMs = 2;
    static constexpr int AnswerBytes = 1024;

    enum class Server { OneThread, ThreadPool, ThreadPerConnection, EventLoop };
    static QString serverName(Server server);
    enum class Handler { Wait, ComputeThenWait };

    struct Options
    {
        QList<Server> servers = { Server::OneThread, Server::ThreadPool,
                                  Server::ThreadPerConnection, Server::EventLoop };
        QList<int> connections = { 10, 100, 1000, 10000 };
        Handler handler = Handler::Wait;
        int warmupMs = 300; // connections open and first answers, not counted
        int maxWarmupMs = 2000; // longer while not every connection is open yet
        int measureMs = 1500;
        int timeoutMs = 1000; // a request unanswered this long is a timeout
        int sampleMs = 250; // how often threads and RSS are read
        quint64 openFileLimit = 0; // 0: raise the soft limit to the hard limit
    };

    // One server at one C.
    struct Step
    {
        Server server = Server::EventLoop;
        int connections = 0; // asked for
        bool ran = false; // the server started and the generator ran
        QString failure; // what kept it from running (fully), or empty
        int opened = 0; // connections the generator could open
        int peakConnected = 0; // by the clients: the kernel's accept queue counts too
        int serverConnections = 0; // peak of the connections the server had accepted
        double requestsPerSecond = 0;
        double p50Ms = 0;
        double p99Ms = 0;
        qint64 ok = 0;
        qint64 errors = 0; // refused, reset, 503 and other statuses, sockets not opened
        qint64 timeouts = 0;
        qint64 unanswered = 0;
        int threads = 0; // peak of the server's threads, counted by name
        int threadsCounted = -1; // the thread servers' own peak count, to cross-check
        int threadFailures = 0;
        int acceptFailures = 0;
        qint64 rssStartKib = 0;
        qint64 rssPeakKib = 0;
        double stopMs = 0; // how long stopping the server took
        double rssGrowthMib() const { return double(rssPeakKib - rssStartKib) / 1024; }
    };

    explicit ServersDemo(const DemoContext &context, QObject *parent = nullptr);
    ~ServersDemo() override;

    const Options &options() const { return m_options; }
    void setOptions(const Options &options); // while not running
    QList<Step> steps() const { return m_steps; } // of the last run, as far as it got

    QString explanation() const override;
    QStringList variants() const override;
    int variant() const override { return int(m_options.handler); }
    void setVariant(int index) override;
    void run() override;

    // What each client asks for: /delay/100?bytes=1024, with &cpu=2 for the second handler.
    QByteArray requestPath() const { return requestPath(m_options.handler); }
    static QByteArray requestPath(Handler handler);

    // The open-file limit before the last run and what the run set it to.
    quint64 fileLimitBefore() const { return m_fileLimitBefore; }
    quint64 fileLimitDuring() const { return m_fileLimitDuring; }

private:
    void cancelRun() override;
    void stopRun() override;
    void work(Options options, int generation); // on m_worker
    void post(int generation, std::function<void()> onGuiThread);
    void joinWorker();
    void restoreFileLimit();
    DemoOutcome outcome() const;

    Options m_options;
    QList<Step> m_steps;
    std::thread m_worker;
    std::atomic<bool> m_cancel = false;
    quint64 m_fileLimitBefore = 0;
    quint64 m_fileLimitDuring = 0;
    double m_loadAverage = -1; // of the machine, as the run started
    bool m_restoreFileLimit = false;
};

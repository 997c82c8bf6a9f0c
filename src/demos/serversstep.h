#pragma once

#include <demos/serversdemo.h>

#include <QByteArray>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>

class EmbeddedServer;
class LoadGenerator;
class ThreadedServer;

// The prefix of the names of a server's threads, by which the run counts them.
QByteArray threadPrefix(ServersDemo::Server server);
// The server's row of figures at C connections, e.g. "pool of 8, C=100": a figure key.
QString figureRow(ServersDemo::Server server, int connections);

// One step of the servers demo, on its worker thread: starts one server, puts it under C
// connections of the load generator, samples its threads and memory meanwhile, and stops it.
class ServersStepRunner
{
public:
    using Report = std::function<void(const QString &line)>; // a live log line, from the worker
    ServersStepRunner(const ServersDemo::Options &options, quint64 fileLimit,
                      const std::atomic<bool> &cancel, Report report);
    ~ServersStepRunner();

    ServersDemo::Step run(ServersDemo::Server server, int connections);

private:
    bool startServer(); // false, with the step's failure, when it could not
    void openAsManyAsTheLimitLets();
    void runLoad(); // until the generator is done or canceled
    void sample(); // the server's threads, connections and the process's RSS
    void takeResult(const LoadGenerator &generator);
    void stopServer();

    const ServersDemo::Options m_options;
    const quint64 m_fileLimit;
    const std::atomic<bool> &m_cancel;
    const Report m_report;
    ServersDemo::Step m_step;
    std::unique_ptr<ThreadedServer> m_threaded;
    std::unique_ptr<EmbeddedServer> m_loop;
    std::unique_ptr<LoadGenerator> m_generator;
    quint16 m_port = 0;
};

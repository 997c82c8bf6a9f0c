#include <serverlab/threadpoolserver.h>

#include <algorithm>
#include <thread>

ThreadPoolServer::ThreadPoolServer(int threads)
    : ThreadedServer("pool worker"), m_threads(threads > 0 ? threads : defaultThreads())
{
}

int ThreadPoolServer::defaultThreads()
{
    return int(2 * std::max(1u, std::thread::hardware_concurrency()));
}

ThreadPoolServer::~ThreadPoolServer()
{
    stop();
}

bool ThreadPoolServer::startThreads()
{
    //! [servers-thread-pool]
    // The kernel's accept queue is the pool's work queue: each idle worker takes the next client.
    for (int i = 0; i < m_threads; ++i) {
        const bool started = spawn("pool worker", [this] {
            for (int fd; (fd = acceptOne()) >= 0;)
                serveConnection(fd, false);
        });
        if (!started)
            return false;
    }
    //! [servers-thread-pool]
    return true;
}

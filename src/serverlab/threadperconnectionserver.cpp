#include <serverlab/threadperconnectionserver.h>

#include <unistd.h>

ThreadPerConnectionServer::ThreadPerConnectionServer(size_t stackBytes)
    : ThreadedServer("per-conn"), m_stackBytes(stackBytes)
{
}

ThreadPerConnectionServer::~ThreadPerConnectionServer()
{
    stop();
}

bool ThreadPerConnectionServer::startThreads()
{
    return spawn("per-conn accept", [this] {
        //! [servers-thread-per-connection]
        for (int fd; (fd = acceptOne()) >= 0;) {
            if (!spawn(
                        "per-conn", [this, fd] { serveConnection(fd, true); }, m_stackBytes))
                closeConnection(fd); // no thread for it: the client sees its connection close
        }
        //! [servers-thread-per-connection]
    });
}

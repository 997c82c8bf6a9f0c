#include <serverlab/onethreadserver.h>

OneThreadServer::OneThreadServer() : ThreadedServer("one-thread") { }

OneThreadServer::~OneThreadServer()
{
    stop();
}

bool OneThreadServer::startThreads()
{
    //! [servers-one-thread]
    return spawn("one-thread", [this] {
        for (int fd; (fd = acceptOne()) >= 0;)
            serveConnection(fd, false);
    });
    //! [servers-one-thread]
}

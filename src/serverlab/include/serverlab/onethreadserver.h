#pragma once

#include <serverlab/threadedserver.h>

// One thread that accepts a connection, reads its request, waits for the backend, answers with
// `Connection: close` and only then accepts the next: one request at a time, ten a second at
// most when each waits 100 ms. Everyone else waits in the kernel's accept queue.
class OneThreadServer : public ThreadedServer
{
public:
    OneThreadServer();
    ~OneThreadServer() override;

protected:
    bool startThreads() override;
};

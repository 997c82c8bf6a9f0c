#pragma once

#include <serverlab/threadedserver.h>

// One thread accepts; every connection gets a thread of its own (named "per-conn", with a small
// stack) that serves its keep-alive requests until the client leaves. C clients need C threads.
// When the system refuses a thread, that client is disconnected and the failure counted.
class ThreadPerConnectionServer : public ThreadedServer
{
public:
    // stackBytes: each connection thread's stack (the acceptor's is StackBytes)
    explicit ThreadPerConnectionServer(size_t stackBytes = StackBytes);
    ~ThreadPerConnectionServer() override;

protected:
    bool startThreads() override;

private:
    size_t m_stackBytes;
};

#pragma once

#include <serverlab/threadedserver.h>

// A fixed pool of threads (twice the cores by default), each doing what the one-thread server
// does: accept, read, wait for the backend, answer with `Connection: close`. At most `threads`
// requests are in service at once; the other clients wait in the accept queue.
class ThreadPoolServer : public ThreadedServer
{
public:
    explicit ThreadPoolServer(int threads = 0); // 0: 2 x the cores
    ~ThreadPoolServer() override;

    int threads() const { return m_threads; }
    static int defaultThreads(); // 2 x the cores

protected:
    bool startThreads() override;

private:
    int m_threads;
};

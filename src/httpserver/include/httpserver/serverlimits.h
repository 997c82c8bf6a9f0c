#pragma once

#include <QtGlobal>
#include <atomic>

// Limits the server holds itself, whatever a client sends.
struct ServerLimits
{
    int maxHeadBytes = 16 * 1024; // request line + headers; more -> 431
    int idleTimeoutMs = 30000; // a connection with no complete request for this long is closed
    // Further connections get a short 503 and are closed. 0: sized to the open-file limit, which
    // the server first raises to the hard limit.
    int maxConnections = 0;
};

// Written only by the server thread, readable from any thread.
struct ServerCounters
{
    std::atomic<int> openConnections = 0;
    std::atomic<qint64> requestsServed = 0;
    std::atomic<int> requestsInFlight = 0;
    std::atomic<int> peakRequestsInFlight = 0;

    void requestStarted()
    {
        const int now = ++requestsInFlight;
        int peak = peakRequestsInFlight.load();
        while (now > peak && !peakRequestsInFlight.compare_exchange_weak(peak, now)) { }
    }
    // answered == false: the connection went away before the answer was complete
    void requestEnded(bool answered)
    {
        --requestsInFlight;
        if (answered)
            ++requestsServed;
    }
};

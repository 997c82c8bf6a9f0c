#pragma once

#include <stalls/watchprotocol.h>

#include <condition_variable>
#include <mutex>
#include <pthread.h>
#include <thread>

class ProbeLink;

// What only the inside of a watched program can tell about a freeze, taken while it lasts: the
// handlers the GUI thread froze in (the handler trace: events, signals, slots) and, in a Python
// program, its Python frames. A thread of the probe's own reads the heartbeat every 10 ms; between
// freezes that read is all it does. During one it copies the trace (a sequence-counted array the
// GUI thread no longer writes), names it only when it changed, and has CPython write the threads'
// frames to an anonymous file, as faulthandler's watchdog does; the notes go to AsyncLab, which
// joins them to the stacks it samples from outside.
class StallNotes
{
public:
    static constexpr int IntervalMs = 10;
    static constexpr int LateMs = 30; // before AsyncLab's smallest default threshold (50 ms)

    StallNotes(ProbeLink *link, const WatchProtocol::Heartbeat &heartbeat, int tickMs);
    ~StallNotes();
    StallNotes(const StallNotes &) = delete;
    StallNotes &operator=(const StallNotes &) = delete;

    void start(); // on the GUI thread, whose frames it notes
    void stop(); // returns once the thread has ended

private:
    void run();

    ProbeLink *m_link;
    const WatchProtocol::Heartbeat &m_heartbeat;
    int m_tickMs;
    pthread_t m_gui {};
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false; // under m_mutex
};

#include "stallnotes.h"
#include "probelink.h"
#include <common/labclock.h>
#include <stalls/handlertrace.h>
#include <stalls/pythontrace.h>

StallNotes::StallNotes(ProbeLink *link, const WatchProtocol::Heartbeat &heartbeat, int tickMs)
    : m_link(link), m_heartbeat(heartbeat), m_tickMs(tickMs)
{
}

StallNotes::~StallNotes()
{
    stop();
}

void StallNotes::start()
{
    if (m_thread.joinable())
        return;
    m_gui = pthread_self();
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
    pthread_setname_np(m_thread.native_handle(), "asynclab notes");
}

void StallNotes::stop()
{
    if (!m_thread.joinable())
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void StallNotes::run()
{
    PythonTrace python; // finds CPython in this process, if the program runs one
    double notedBeat = -1; // the tick the freeze being noted began after
    HandlerTrace::Snapshot lastChain;
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_wake.wait_for(lock, std::chrono::milliseconds(IntervalMs));
        if (m_stopping)
            break;
        lock.unlock();
        const double beat = m_heartbeat.beatMs.load(std::memory_order_acquire);
        const double now = labNowMs();
        if (beat >= 0 && now - beat - m_tickMs > LateMs) {
            // The GUI thread is frozen in a handler: what the trace points to is alive and stays
            // put until it returns; a chain that changed under the copy is not valid, and noted at
            // the next look.
            const HandlerTrace::Snapshot chain = HandlerTrace::snapshot();
            if (chain.valid && (beat != notedBeat || !HandlerTrace::sameChain(chain, lastChain))) {
                m_link->send(WatchProtocol::handlerLine(beat, HandlerTrace::describe(chain)));
                lastChain = chain;
            }
            notedBeat = beat;
            if (python.isAvailable()) {
                const Stack frames = PythonTrace::framesOf(python.dump(), m_gui);
                if (!frames.isEmpty())
                    m_link->send(WatchProtocol::pythonLine(beat, now, frames));
            }
        }
        lock.lock();
    }
}

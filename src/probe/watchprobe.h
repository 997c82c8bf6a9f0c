#pragma once

#include <stalls/watchprotocol.h>

#include <QObject>
#include <atomic>
#include <memory>

class ProbeLink;
class ResponsivenessMonitor;
class StallNotes;

// Inside a watched program, on its main thread: the responsiveness monitor, its lag samples sent
// to AsyncLab through a ProbeLink and its heartbeat published where AsyncLab reads it. Stalls are
// seen and sampled from AsyncLab (ProgramWatchdog): nothing here stops or signals the thread.
// What only the inside knows, the handlers a freeze began in and a Python program's frames, the
// handler trace and StallNotes add while a freeze lasts.
class WatchProbe : public QObject
{
    Q_OBJECT
public:
    explicit WatchProbe(ProbeLink *link);
    ~WatchProbe() override;
    void start();
    void finish();
    int tickIntervalMs() const;

    // The heartbeat AsyncLab reads from outside: static storage, so that it stays readable (and
    // reads "stopped") after the probe is gone.
    static WatchProtocol::Heartbeat &heartbeat();

private:
    ProbeLink *m_link;
    std::unique_ptr<ResponsivenessMonitor> m_monitor;
    std::unique_ptr<StallNotes> m_notes;
};

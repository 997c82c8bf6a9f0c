#pragma once

#include <QObject>
#include <memory>

class ProbeLink;
class ResponsivenessMonitor;
class StallWatchdog;

// Inside a watched program, on its main thread: the responsiveness monitor and the stall
// watchdog, their lag samples and stall records sent to AsyncLab through a ProbeLink.
class WatchProbe : public QObject
{
    Q_OBJECT
public:
    WatchProbe(ProbeLink *link, double thresholdMs);
    ~WatchProbe() override;
    bool start(QString *error);
    // Stops watching; a stall still going on is recorded and sent first.
    void finish();

private:
    void stopWhenAlone();

    ProbeLink *m_link;
    std::unique_ptr<ResponsivenessMonitor> m_monitor;
    std::unique_ptr<StallWatchdog> m_watchdog;
};

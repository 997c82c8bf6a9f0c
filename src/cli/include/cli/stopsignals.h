#pragma once

#include <QSocketNotifier>
#include <functional>
#include <memory>

// SIGINT, SIGTERM and SIGHUP, handed to the event loop: the handler only writes the signal's
// number to a socket (write is async-signal-safe; errno is restored), and `onSignal` runs on the
// thread that made this object. The default handlers come back when it is destroyed.
class StopSignals
{
public:
    explicit StopSignals(std::function<void(int)> onSignal);
    ~StopSignals();
    StopSignals(const StopSignals &) = delete;
    StopSignals &operator=(const StopSignals &) = delete;

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};

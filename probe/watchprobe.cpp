#include "watchprobe.h"
#include "probelink.h"
#include "responsivenessmonitor.h"
#include "stallwatchdog.h"
#include "watchprotocol.h"

#include <QCoreApplication>
#include <QTimer>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

WatchProbe::WatchProbe(ProbeLink *link, double thresholdMs)
    : m_link(link),
      m_monitor(std::make_unique<ResponsivenessMonitor>()),
      m_watchdog(std::make_unique<StallWatchdog>())
{
    m_monitor->setHistoryMs(0); // the samples go to AsyncLab; the probe keeps none
    m_watchdog->setThresholdMs(thresholdMs);
    m_watchdog->setOwnCode({}); // the culprit is the innermost frame in the program itself
    connect(m_monitor.get(), &ResponsivenessMonitor::sampled, this, [this](const LagSample &s) {
        m_link->sendLag(s);
        if (m_link->isGone())
            QTimer::singleShot(0, this, &WatchProbe::stopWhenAlone);
    });
    connect(m_watchdog.get(), &StallWatchdog::stallRecorded, this,
            [this](const StallRecord &record) { m_link->send(WatchProtocol::stallLine(record)); });
}

WatchProbe::~WatchProbe()
{
    stopWhenAlone();
}

bool WatchProbe::start(QString *error)
{
    if (!m_watchdog->start(&m_monitor->heartbeat(), m_monitor->intervalMs())) {
        *error = m_watchdog->errorString();
        return false;
    }
    m_monitor->start();
    return true;
}

void WatchProbe::stopWhenAlone()
{
    m_monitor->stop();
    m_watchdog->stop();
}

namespace {
// Read once, while the library loads, and taken out of the environment so that programs this
// one starts are not watched (and do not stream into the same socket) as well.
struct Settings
{
    QByteArray socketPath;
    double thresholdMs = StallWatchdog::DefaultThresholdMs;
    pid_t pid = 0;
    bool armed = false;
};
Settings settings;
ProbeLink *link = nullptr;
WatchProbe *probe = nullptr;

void removeSelfFromPreload()
{
    Dl_info info {};
    const char *preload = std::getenv(WatchProtocol::PreloadVariable);
    if (!preload || dladdr(reinterpret_cast<void *>(&removeSelfFromPreload), &info) == 0
        || !info.dli_fname)
        return;
    QByteArrayList kept;
    const QByteArray self(info.dli_fname);
    for (const QByteArray &entry : QByteArray(preload).split(':')) {
        if (!entry.isEmpty() && entry != self)
            kept.append(entry);
    }
    if (kept.isEmpty())
        unsetenv(WatchProtocol::PreloadVariable);
    else
        setenv(WatchProtocol::PreloadVariable, kept.join(':').constData(), 1);
}

[[maybe_unused]] const bool environmentRead = [] {
    const char *path = std::getenv(WatchProtocol::SocketVariable);
    if (!path || !*path)
        return false;
    settings.socketPath = path;
    if (const char *threshold = std::getenv(WatchProtocol::ThresholdVariable)) {
        const double ms = std::atof(threshold);
        if (ms > 0)
            settings.thresholdMs = ms;
    }
    settings.pid = getpid();
    settings.armed = true;
    unsetenv(WatchProtocol::SocketVariable);
    unsetenv(WatchProtocol::ThresholdVariable);
    removeSelfFromPreload();
    return true;
}();

void stopProbe()
{
    // A forked child inherits the probe without its threads: it must neither join nor write.
    if (getpid() != settings.pid || !link)
        return;
    delete probe;
    probe = nullptr;
    link->send(WatchProtocol::byeLine());
    link->finish(1000);
    delete link;
    link = nullptr;
}

// Runs in the program's QCoreApplication constructor, on its main thread, once the event
// dispatcher exists.
void startProbe()
{
    if (!settings.armed || getpid() != settings.pid || link)
        return;
    settings.armed = false;
    link = new ProbeLink(settings.socketPath);
    link->start();
    const QString running = QString::fromLatin1(qVersion());
    const QString built = u"%1.%2"_s.arg(QT_VERSION_MAJOR).arg(QT_VERSION_MINOR);
    QString error;
    if (!running.startsWith(built + u'.')) {
        error = u"the program uses Qt %1, the probe is built for Qt %2"_s.arg(running, built);
    } else {
        probe = new WatchProbe(link, settings.thresholdMs);
        if (!probe->start(&error)) {
            delete probe;
            probe = nullptr;
        }
    }
    if (!probe) {
        link->send(WatchProtocol::refusedLine(getpid(), error));
        link->finish(500);
        delete link;
        link = nullptr;
        return;
    }
    link->send(
            WatchProtocol::helloLine(getpid(), running, QCoreApplication::applicationFilePath()));
    qAddPostRoutine(stopProbe);
    std::fprintf(stderr, "asynclab: watching the responsiveness of this program (pid %d)\n",
                 int(getpid()));
}
} // namespace

Q_COREAPP_STARTUP_FUNCTION(startProbe)

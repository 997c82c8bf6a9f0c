#include "watchprobe.h"
#include "probelink.h"
#include <stalls/responsivenessmonitor.h>
#include <stalls/stallwatchdog.h>
#include <stalls/watchprotocol.h>

#include <QCoreApplication>
#include <QTimer>
#include <cstdio>
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
    m_watchdog->setRecordsStallAtStop(true);
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

void WatchProbe::finish()
{
    m_monitor->stop();
    m_watchdog->stop();
    // The last record is queued for this thread; its event loop may never run again.
    QCoreApplication::sendPostedEvents(m_watchdog.get(), QEvent::MetaCall);
}

void WatchProbe::stopWhenAlone()
{
    m_monitor->stop();
    m_watchdog->stop();
}

namespace {
struct Settings
{
    QByteArray socketPath;
    double thresholdMs = StallWatchdog::DefaultThresholdMs;
    pid_t pid = 0;
};
Settings settings;
ProbeLink *link = nullptr;
WatchProbe *probe = nullptr;

void removeSelfFromPreload()
{
    Dl_info info {};
    const QByteArray preload = qgetenv(WatchProtocol::PreloadVariable);
    if (preload.isEmpty() || dladdr(reinterpret_cast<void *>(&removeSelfFromPreload), &info) == 0
        || !info.dli_fname)
        return;
    QByteArrayList kept;
    const QByteArray self(info.dli_fname);
    for (const QByteArray &entry : preload.split(':')) {
        if (!entry.isEmpty() && entry != self)
            kept.append(entry);
    }
    if (kept.isEmpty())
        qunsetenv(WatchProtocol::PreloadVariable);
    else
        qputenv(WatchProtocol::PreloadVariable, kept.join(':'));
}

// Taken out of the environment by the process that watches itself, so the programs it starts are
// not watched (and do not stream into the same socket) too; a wrapper that is not a Qt program
// (env, a shell script) passes them on to the Qt program it starts.
bool readSettings()
{
    settings.socketPath = qgetenv(WatchProtocol::SocketVariable);
    if (settings.socketPath.isEmpty())
        return false;
    bool ok = false;
    const double ms = qEnvironmentVariable(WatchProtocol::ThresholdVariable).toDouble(&ok);
    if (ok && ms > 0)
        settings.thresholdMs = ms;
    settings.pid = getpid();
    qunsetenv(WatchProtocol::SocketVariable);
    qunsetenv(WatchProtocol::ThresholdVariable);
    removeSelfFromPreload();
    return true;
}

void stopProbe()
{
    // A forked child inherits the probe without its threads: it must neither join nor write.
    if (getpid() != settings.pid || !link)
        return;
    probe->finish();
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
    if (link || !readSettings())
        return;
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

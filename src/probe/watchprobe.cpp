#include "watchprobe.h"
#include "probelink.h"
#include "stallnotes.h"
#include <stalls/handlertrace.h>
#include <stalls/responsivenessmonitor.h>
#include <stalls/watchprotocol.h>

#include <QCoreApplication>
#include <QTimer>
#include <cstdio>
#include <dlfcn.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

WatchProbe::WatchProbe(ProbeLink *link)
    : m_link(link), m_monitor(std::make_unique<ResponsivenessMonitor>())
{
    m_monitor->setHistoryMs(0); // the samples go to AsyncLab; the probe keeps none
    connect(m_monitor.get(), &ResponsivenessMonitor::sampled, this, [this](const LagSample &s) {
        // A store to a lock-free atomic per tick (three after a freeze): the whole cost of being
        // watched between stalls. Each store is whole, so a reader outside sees no torn value.
        WatchProtocol::Heartbeat &beat = heartbeat();
        const double previous = beat.beatMs.load(std::memory_order_relaxed);
        if (previous >= 0 && s.atMs - previous >= 2 * m_monitor->intervalMs()) {
            beat.gapFromMs.store(previous, std::memory_order_relaxed);
            beat.gapToMs.store(s.atMs, std::memory_order_relaxed);
        }
        beat.beatMs.store(s.atMs, std::memory_order_release);
        m_link->sendLag(s);
        if (m_link->isGone())
            QTimer::singleShot(0, this, &WatchProbe::finish);
    });
}

WatchProbe::~WatchProbe()
{
    finish();
}

WatchProtocol::Heartbeat &WatchProbe::heartbeat()
{
    static WatchProtocol::Heartbeat beat;
    return beat;
}

void WatchProbe::start()
{
    m_monitor->start();
    heartbeat().beatMs.store(m_monitor->heartbeat().load(), std::memory_order_release);
    // On the main thread, whose deliveries and emissions the trace follows from now on.
    HandlerTrace::install();
    m_notes = std::make_unique<StallNotes>(m_link, heartbeat(), m_monitor->intervalMs());
    m_notes->start();
}

void WatchProbe::finish()
{
    if (m_notes)
        m_notes->stop(); // before the trace goes: the notes thread reads it
    HandlerTrace::uninstall();
    m_monitor->stop();
    heartbeat().beatMs.store(-1, std::memory_order_release);
}

int WatchProbe::tickIntervalMs() const
{
    return m_monitor->intervalMs();
}

namespace {
struct Settings
{
    QByteArray socketPath;
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
    settings.pid = getpid();
    qunsetenv(WatchProtocol::SocketVariable);
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
        probe = new WatchProbe(link);
        probe->start();
    }
    if (!probe) {
        link->send(WatchProtocol::refusedLine(getpid(), error));
        link->finish(500);
        delete link;
        link = nullptr;
        return;
    }
    WatchProtocol::Hello hello;
    hello.pid = getpid();
    hello.tid = syscall(SYS_gettid); // this is the main thread: the constructor runs here
    hello.qtVersion = running;
    hello.program = QCoreApplication::applicationFilePath();
    hello.heartbeat = quintptr(&WatchProbe::heartbeat());
    hello.startBeatMs = WatchProbe::heartbeat().beatMs.load();
    hello.tickMs = probe->tickIntervalMs();
    link->send(WatchProtocol::helloLine(hello));
    qAddPostRoutine(stopProbe);
    std::fprintf(stderr, "asynclab: watching the responsiveness of this program (pid %d)\n",
                 int(getpid()));
}
} // namespace

Q_COREAPP_STARTUP_FUNCTION(startProbe)

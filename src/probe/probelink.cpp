#include "probelink.h"
#include <stalls/watchprotocol.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

ProbeLink::ProbeLink(QByteArray socketPath) : m_socketPath(std::move(socketPath)), m_pid(getpid())
{
}

ProbeLink::~ProbeLink()
{
    finish(0);
}

void ProbeLink::start()
{
    m_thread = std::thread([this] { run(); });
    pthread_setname_np(m_thread.native_handle(), "asynclab probe");
}

void ProbeLink::send(QByteArray line)
{
    // A forked child has no link thread, and the lock may have been held when it was forked.
    if (m_gone.load() || getpid() != m_pid)
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_lines.push_back(std::move(line));
        while (qsizetype(m_lines.size()) > MaxLines)
            m_lines.pop_front();
    }
    m_wake.notify_one();
}

void ProbeLink::sendLag(const LagSample &sample)
{
    if (m_gone.load() || getpid() != m_pid)
        return;
    const std::lock_guard lock(m_mutex);
    m_lag.push_back(sample);
    while (qsizetype(m_lag.size()) > MaxLagSamples) {
        m_lag.pop_front();
        ++m_dropped;
    }
}

void ProbeLink::finish(int timeoutMs)
{
    if (!m_thread.joinable() || getpid() != m_pid)
        return;
    std::unique_lock lock(m_mutex);
    m_stopping = true;
    m_wake.notify_one();
    const bool done = m_done.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                                      [this] { return m_finished; });
    lock.unlock();
    if (done)
        m_thread.join();
    else
        m_thread.detach(); // stuck writing to a reader that stopped reading: never wait for it
}

bool ProbeLink::writeAll(int fd, const QByteArray &data)
{
    qsizetype written = 0;
    while (written < data.size()) {
        pollfd pfd { fd, POLLOUT, 0 };
        const int ready = poll(&pfd, 1, WriteTimeoutMs);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0 || (pfd.revents & (POLLERR | POLLHUP)))
            return false; // AsyncLab is gone, or stopped reading for longer than we wait
        // MSG_NOSIGNAL: a closed reader gives EPIPE, not a SIGPIPE that would kill the host.
        const ssize_t n = ::send(fd, data.constData() + written, size_t(data.size() - written),
                                 MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            return false;
        }
        written += n;
    }
    return true;
}

void ProbeLink::run()
{
    const int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    bool ok = fd >= 0 && size_t(m_socketPath.size()) < sizeof(address.sun_path);
    if (ok) {
        std::memcpy(address.sun_path, m_socketPath.constData(), size_t(m_socketPath.size()));
        ok = ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) == 0;
    }
    std::unique_lock lock(m_mutex);
    while (ok) {
        m_wake.wait_for(lock, std::chrono::milliseconds(FlushIntervalMs));
        QList<QByteArray> lines(m_lines.begin(), m_lines.end());
        m_lines.clear();
        const QList<LagSample> lag(m_lag.begin(), m_lag.end());
        m_lag.clear();
        const qint64 dropped = std::exchange(m_dropped, 0);
        const bool stopping = m_stopping;
        lock.unlock();
        QByteArray batch;
        if (dropped > 0)
            batch += WatchProtocol::droppedLine(dropped);
        if (!lag.isEmpty())
            batch += WatchProtocol::lagLine(lag);
        for (const QByteArray &line : lines)
            batch += line;
        ok = batch.isEmpty() || writeAll(fd, batch);
        lock.lock();
        if (stopping && m_lines.empty())
            break;
    }
    if (!ok) {
        m_gone.store(true);
        m_lines.clear();
        m_lag.clear();
    }
    m_finished = true;
    lock.unlock();
    m_done.notify_all();
    if (fd >= 0)
        ::close(fd);
}

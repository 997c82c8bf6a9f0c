#include <serverlab/loadgenerator.h>

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <limits>
#include <dirent.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
}

constexpr int WaitMs = 10; // how often the thread looks at the clock and for cancel()
constexpr qint64 TimeoutScanNs = 100 * 1000000;

} // namespace

struct LoadGenerator::Connection
{
    int fd = -1;
    bool connected = false;
    bool waiting = false; // a request (or the connect) is outstanding
    bool timedOut = false; // counted as a timeout already
    qint64 since = 0; // when the request was sent or the connect begun
    std::string received;
};

double LoadGenerator::Result::percentileMs(double p) const
{
    if (latencyUs.empty())
        return 0;
    std::vector<quint32> values = latencyUs;
    const size_t k = std::min(values.size() - 1, size_t(p * double(values.size())));
    std::nth_element(values.begin(), values.begin() + qsizetype(k), values.end());
    return values[k] / 1000.0;
}

LoadGenerator::LoadGenerator() = default;

LoadGenerator::~LoadGenerator()
{
    cancel();
    wait();
    for (Connection &c : m_connections) {
        if (c.fd >= 0)
            ::close(c.fd);
    }
    if (m_epoll >= 0)
        ::close(m_epoll);
}

void LoadGenerator::start(const Options &options)
{
    cancel();
    wait();
    for (Connection &c : m_connections) {
        if (c.fd >= 0)
            ::close(c.fd);
    }
    m_connections.clear();
    if (m_epoll >= 0)
        ::close(m_epoll);
    m_options = options;
    m_result = {};
    m_cancel = false;
    m_finished = false;
    m_connectedNow = 0;
    m_answeredNow = 0;
    m_sent = 0;
    m_request = "GET " + options.path
            + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(options.port) + "\r\n\r\n";
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    m_thread = std::thread([this] { run(); });
}

void LoadGenerator::cancel()
{
    m_cancel = true;
}

void LoadGenerator::wait()
{
    if (m_thread.joinable())
        m_thread.join();
}

int LoadGenerator::openDescriptors()
{
    int count = 0;
    if (DIR *dir = opendir("/proc/self/fd")) {
        while (const dirent *entry = readdir(dir)) {
            if (entry->d_name[0] != '.')
                ++count;
        }
        closedir(dir);
    }
    return count;
}

int LoadGenerator::descriptorBudget(int reserve)
{
    rlimit files {};
    if (getrlimit(RLIMIT_NOFILE, &files) != 0)
        return 0;
    const qint64 left = qint64(files.rlim_cur) - openDescriptors() - reserve;
    return int(std::clamp<qint64>(left / 2, 0, 1 << 20));
}

void LoadGenerator::run()
{
    Result &r = m_result;
    if (m_epoll < 0) {
        // read before tr(), which may change errno
        const QString reason = QString::fromLocal8Bit(strerror(errno));
        r.error = tr("epoll_create1 failed: %1").arg(reason);
        m_finished = true;
        return;
    }
    const qint64 start = nowNs();
    const qint64 warmupNs = qint64(m_options.warmupMs) * 1000000;
    const qint64 maxWarmupNs = std::max(warmupNs, qint64(m_options.maxWarmupMs) * 1000000);
    // Until the warm-up ends, m_countFrom lies beyond any answer.
    m_countFrom = maxWarmupNs > warmupNs ? std::numeric_limits<qint64>::max() : start + warmupNs;
    qint64 until = m_countFrom == std::numeric_limits<qint64>::max()
            ? std::numeric_limits<qint64>::max()
            : m_countFrom + qint64(m_options.durationMs) * 1000000;
    m_connections.resize(size_t(std::max(0, m_options.connections)));
    for (size_t i = 0; i < m_connections.size() && !m_cancel; ++i)
        connectOne(i);
    r.connections = int(std::count_if(m_connections.begin(), m_connections.end(),
                                      [](const Connection &c) { return c.fd >= 0; }));
    std::vector<epoll_event> events(1024);
    qint64 lastScan = start;
    bool allSent = false;
    while (!m_cancel && !(allSent && !m_options.repeat)) {
        const qint64 now = nowNs();
        if (m_countFrom == std::numeric_limits<qint64>::max() && now - start >= warmupNs
            && (m_connectedNow >= r.connections || now - start >= maxWarmupNs)) {
            m_countFrom = now;
            until = now + qint64(m_options.durationMs) * 1000000;
        }
        if (now >= until)
            break;
        const int n = epoll_wait(m_epoll, events.data(), int(events.size()), WaitMs);
        for (int i = 0; i < n; ++i)
            handle(size_t(events[size_t(i)].data.u64), events[size_t(i)].events);
        if (now - lastScan >= TimeoutScanNs) {
            lastScan = now;
            checkTimeouts(now);
        }
        if (!m_options.repeat && m_sent >= qint64(r.connections))
            allSent = true;
    }
    const qint64 end = nowNs();
    checkTimeouts(end);
    r.seconds = double(std::max<qint64>(0, end - std::min(end, m_countFrom))) / 1e9;
    for (const Connection &c : m_connections) {
        if (c.fd >= 0 && c.connected && c.waiting)
            ++r.unanswered;
    }
    if (m_options.repeat) {
        for (Connection &c : m_connections) {
            if (c.fd >= 0)
                ::close(c.fd);
            c.fd = -1;
        }
        m_connectedNow = 0;
    }
    m_finished = true;
}

void LoadGenerator::connectOne(size_t i)
{
    Connection &c = m_connections[i];
    c = {};
    c.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c.fd < 0) {
        ++m_result.socketFailures;
        const int error = errno; // tr() may change errno
        if (m_result.error.isEmpty() && error != EMFILE && error != ENFILE)
            m_result.error = tr("socket() failed: %1").arg(QString::fromLocal8Bit(strerror(error)));
        return;
    }
    const int one = 1;
    setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(m_options.port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    c.waiting = true;
    c.since = nowNs();
    ::connect(c.fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
    epoll_event event {};
    event.events = EPOLLOUT | EPOLLIN | EPOLLRDHUP;
    event.data.u64 = i;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &event);
}

void LoadGenerator::send(size_t i)
{
    Connection &c = m_connections[i];
    c.since = nowNs();
    c.waiting = true;
    c.timedOut = false;
    ++m_sent;
    if (::send(c.fd, m_request.constData(), size_t(m_request.size()), MSG_NOSIGNAL)
        != m_request.size()) {
        ++m_result.reset;
        drop(i, m_options.repeat);
    }
}

void LoadGenerator::drop(size_t i, bool reconnect)
{
    Connection &c = m_connections[i];
    if (c.connected)
        --m_connectedNow;
    ::close(c.fd);
    c.fd = -1;
    if (reconnect && !m_cancel)
        connectOne(i);
}

void LoadGenerator::handle(size_t i, quint32 flags)
{
    Connection &c = m_connections[i];
    Result &r = m_result;
    if (c.fd < 0)
        return;
    if (!c.connected && (flags & (EPOLLOUT | EPOLLERR | EPOLLHUP))) {
        int error = 0;
        socklen_t length = sizeof error;
        getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &length);
        if (error || !(flags & EPOLLOUT)) {
            ++(error == ECONNREFUSED ? r.refused : r.reset);
            drop(i, m_options.repeat);
            return;
        }
        c.connected = true;
        r.peakConnected = std::max(r.peakConnected, ++m_connectedNow);
        epoll_event event {};
        event.events = EPOLLIN | EPOLLRDHUP;
        event.data.u64 = i;
        epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &event);
        send(i);
        if (c.fd < 0)
            return;
    }
    if (!(flags & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)))
        return;
    char buffer[4096];
    bool closed = false;
    for (;;) {
        const ssize_t n = ::recv(c.fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            c.received.append(buffer, size_t(n));
            continue;
        }
        closed = n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
        break;
    }
    // Answers of the servers measured here: a status line, Content-Length, a small body.
    for (;;) {
        const size_t end = c.received.find("\r\n\r\n");
        if (end == std::string::npos)
            break;
        const size_t lengthAt = c.received.find("Content-Length: ");
        const size_t length =
                lengthAt < end ? size_t(std::atoll(c.received.c_str() + lengthAt + 16)) : 0;
        if (c.received.size() < end + 4 + length)
            break;
        const int status = c.received.size() > 12 ? std::atoi(c.received.c_str() + 9) : 0;
        const bool closes = c.received.find("Connection: close") < end;
        c.received.erase(0, end + 4 + length);
        const qint64 now = nowNs();
        c.waiting = false;
        ++m_answeredNow;
        if (now >= m_countFrom) {
            if (status == 200) {
                ++r.ok;
                r.latencyUs.push_back(
                        quint32(std::min<qint64>((now - c.since) / 1000, 0xffffffff)));
            } else if (status == 503) {
                ++r.unavailable;
            } else {
                ++r.otherStatus;
            }
        }
        if (closes) {
            drop(i, m_options.repeat);
            return;
        }
        if (m_options.repeat)
            send(i);
        if (c.fd < 0)
            return;
    }
    if (closed) {
        if (c.waiting)
            ++r.reset;
        drop(i, m_options.repeat);
    }
}

void LoadGenerator::checkTimeouts(qint64 now)
{
    const qint64 limit = qint64(m_options.timeoutMs) * 1000000;
    for (Connection &c : m_connections) {
        if (c.fd >= 0 && c.waiting && !c.timedOut && now - c.since > limit) {
            c.timedOut = true;
            ++m_result.timeouts;
        }
    }
}

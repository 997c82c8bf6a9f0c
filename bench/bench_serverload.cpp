// Load generator for the embedded server: C keep-alive connections, each sending one request after
// the other, on its own thread with non-blocking sockets and epoll so the server's event loop is
// not also the client's. Prints req/s, p50/p99 latency, 503s and errors; --hold measures the
// server's memory per pending request instead. Against the in-process server by default, or
// --port P (--pid for its memory) for `asynclab --serve`. Figures only.
#include "embeddedserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QThread>
#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;
using Clock = std::chrono::steady_clock;

namespace {

qint64 rssKiB(qint64 pid)
{
    QFile status(pid ? u"/proc/%1/status"_s.arg(pid) : u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

struct Connection
{
    int fd = -1;
    bool connected = false;
    Clock::time_point sentAt;
    std::string received;
};

struct Result
{
    qint64 ok = 0;
    qint64 unavailable = 0; // 503
    qint64 otherStatus = 0;
    qint64 errors = 0; // refused, reset or closed without an answer
    std::vector<quint32> latencyUs;
};

class Generator
{
public:
    Generator(quint16 port, QByteArray request) : m_port(port), m_request(std::move(request))
    {
        m_epoll = epoll_create1(0);
    }
    ~Generator()
    {
        for (Connection &c : m_connections)
            if (c.fd >= 0)
                ::close(c.fd);
        ::close(m_epoll);
    }

    void open(int count)
    {
        m_connections.resize(size_t(count));
        for (size_t i = 0; i < m_connections.size(); ++i)
            connectOne(i);
    }

    // Keeps every connection busy until the deadline; reconnects the ones the server closes.
    void run(Clock::time_point until, bool repeat, Result &result)
    {
        std::vector<epoll_event> events(1024);
        while (Clock::now() < until && !(m_holdDone && !repeat)) {
            const int n = epoll_wait(m_epoll, events.data(), int(events.size()), 50);
            for (int i = 0; i < n; ++i)
                handle(events[size_t(i)].data.u64, events[size_t(i)].events, repeat, result);
            if (!repeat && m_sent == qint64(m_connections.size()))
                m_holdDone = true;
        }
    }

private:
    void connectOne(size_t i)
    {
        Connection &c = m_connections[i];
        c = {};
        c.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        if (c.fd < 0) {
            std::perror("socket");
            return;
        }
        const int one = 1;
        setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_port = htons(m_port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::connect(c.fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
        epoll_event event {};
        event.events = EPOLLOUT | EPOLLIN | EPOLLRDHUP;
        event.data.u64 = i;
        epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &event);
    }

    void send(size_t i)
    {
        Connection &c = m_connections[i];
        c.sentAt = Clock::now();
        ++m_sent;
        if (::write(c.fd, m_request.constData(), size_t(m_request.size())) != m_request.size())
            c.received = "!";
    }

    void drop(size_t i, bool repeat)
    {
        ::close(m_connections[i].fd);
        m_connections[i].fd = -1;
        if (repeat)
            connectOne(i);
    }

    void handle(size_t i, quint32 flags, bool repeat, Result &result)
    {
        Connection &c = m_connections[i];
        if (c.fd < 0)
            return;
        if (!c.connected && (flags & EPOLLOUT)) {
            int error = 0;
            socklen_t length = sizeof error;
            getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &length);
            if (error) {
                ++result.errors;
                drop(i, repeat);
                return;
            }
            c.connected = true;
            epoll_event event {};
            event.events = EPOLLIN | EPOLLRDHUP;
            event.data.u64 = i;
            epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &event);
            send(i);
        }
        if (!(flags & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)))
            return;
        char buffer[4096];
        bool closed = false;
        for (;;) {
            const ssize_t n = ::read(c.fd, buffer, sizeof buffer);
            if (n > 0) {
                c.received.append(buffer, size_t(n));
                continue;
            }
            closed = n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
            break;
        }
        // One small answer at a time: status line, Content-Length, body.
        for (;;) {
            const size_t end = c.received.find("\r\n\r\n");
            if (end == std::string::npos)
                break;
            const size_t lengthAt = c.received.find("Content-Length: ");
            const size_t length = lengthAt < end ? std::stoul(c.received.substr(lengthAt + 16)) : 0;
            if (c.received.size() < end + 4 + length)
                break;
            const int status = c.received.size() > 12 ? std::atoi(c.received.c_str() + 9) : 0;
            const bool closes = c.received.find("Connection: close") < end;
            c.received.erase(0, end + 4 + length);
            if (status == 200) {
                ++result.ok;
                result.latencyUs.push_back(
                        quint32(std::chrono::duration_cast<std::chrono::microseconds>(Clock::now()
                                                                                      - c.sentAt)
                                        .count()));
            } else if (status == 503) {
                ++result.unavailable;
            } else {
                ++result.otherStatus;
            }
            if (closes) {
                drop(i, repeat);
                return;
            }
            if (repeat)
                send(i);
        }
        if (closed) {
            ++result.errors;
            drop(i, repeat);
        }
    }

    quint16 m_port;
    QByteArray m_request;
    int m_epoll;
    std::vector<Connection> m_connections;
    qint64 m_sent = 0;
    bool m_holdDone = false;
};

void raiseOpenFileLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
        std::printf("open-file limit raised to %llu\n",
                    static_cast<unsigned long long>(limit.rlim_cur));
    }
}

double percentile(std::vector<quint32> &values, double p)
{
    if (values.empty())
        return 0;
    const size_t k = std::min(values.size() - 1, size_t(p * double(values.size())));
    std::nth_element(values.begin(), values.begin() + qsizetype(k), values.end());
    return values[k] / 1000.0;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_NO_GLIB", "1"); // as `asynclab --serve`: Qt's own dispatcher scales better
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption connectionsOption(u"connections"_s, u"Concurrent connections."_s,
                                               u"C"_s, u"1000"_s);
    const QCommandLineOption secondsOption(u"seconds"_s, u"Run time (default 10)."_s, u"S"_s,
                                           u"10"_s);
    const QCommandLineOption pathOption(u"path"_s, u"Route (default /delay/100)."_s, u"PATH"_s,
                                        u"/delay/100"_s);
    const QCommandLineOption portOption(u"port"_s, u"An already running server's port."_s,
                                        u"PORT"_s);
    const QCommandLineOption pidOption(u"pid"_s, u"That server's process id, for --hold."_s,
                                       u"PID"_s);
    const QCommandLineOption holdOption(
            u"hold"_s, u"Send one request per connection and report server RSS per pending one."_s);
    const QCommandLineOption maxOption(u"max-connections"_s,
                                       u"In-process server's connection cap."_s, u"N"_s);
    parser.addOptions({ connectionsOption, secondsOption, pathOption, portOption, pidOption,
                        holdOption, maxOption });
    parser.process(app);
    raiseOpenFileLimit();
    const int connections = parser.value(connectionsOption).toInt();
    const bool hold = parser.isSet(holdOption);

    EmbeddedServer server;
    quint16 port = quint16(parser.value(portOption).toUInt());
    const qint64 pid = parser.value(pidOption).toLongLong();
    if (!port) {
        ServerLimits limits;
        if (parser.isSet(maxOption))
            limits.maxConnections = parser.value(maxOption).toInt();
        if (!server.start(0, limits)) {
            std::fprintf(stderr, "%s\n", qPrintable(server.errorString()));
            return 1;
        }
        port = server.port();
    }
    const QByteArray request = "GET " + parser.value(pathOption).toUtf8()
            + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) + "\r\n\r\n";

    const qint64 rssBefore = rssKiB(pid);
    Result result;
    std::atomic<bool> sent = false;
    Generator generator(port, request);
    generator.open(connections);
    const auto start = Clock::now();
    const auto until = start + std::chrono::seconds(parser.value(secondsOption).toInt());
    std::thread client([&] {
        generator.run(until, !hold, result);
        sent = true;
    });
    if (hold) {
        while (!sent)
            QThread::msleep(10);
        // In process the counter says when every request is parsed; otherwise give it a moment.
        if (!parser.isSet(portOption)) {
            while (server.requestsInFlight() < connections && Clock::now() < until)
                QThread::msleep(10);
        } else {
            QThread::msleep(2000);
        }
        const qint64 rssHeld = rssKiB(pid);
        std::printf("%d pending %s: RSS %lld KiB -> %lld KiB, %.2f KiB per pending request%s\n",
                    connections, qPrintable(parser.value(pathOption)),
                    static_cast<long long>(rssBefore), static_cast<long long>(rssHeld),
                    double(rssHeld - rssBefore) / connections,
                    parser.isSet(portOption) ? "" : " (client sockets included)");
        client.join();
        return 0;
    }
    client.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("%d connections %s %.1f s: %.0f req/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, "
                "%lld x 503, %lld other, %lld errors\n",
                connections, qPrintable(parser.value(pathOption)), seconds,
                double(result.ok) / seconds, percentile(result.latencyUs, 0.5),
                percentile(result.latencyUs, 0.99), percentile(result.latencyUs, 1.0),
                static_cast<long long>(result.unavailable),
                static_cast<long long>(result.otherStatus), static_cast<long long>(result.errors));
    return 0;
}

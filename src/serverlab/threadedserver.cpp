#include <serverlab/threadedserver.h>

#include <httpserver/serverroutes.h>

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <http_parser.h>
#include <memory>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxHeadBytes = 16 * 1024;
constexpr int IdleTimeoutS = 30; // a connection with no request for this long is closed

// One request at a time from a blocking socket, parsed by http_parser: the parser is paused at
// the end of each request, and what it has not parsed yet stays for the next one.
class RequestReader
{
public:
    enum class Status { Request, Closed, Bad, TooLarge };

    explicit RequestReader(int fd) : m_fd(fd)
    {
        http_parser_init(&m_parser, HTTP_REQUEST);
        m_parser.data = this;
    }

    Status next(ServerRoutes::Request &request)
    {
        m_request = {};
        m_complete = false;
        m_headBytes = 0;
        m_field.clear();
        m_inValue = false;
        if (HTTP_PARSER_ERRNO(&m_parser) == HPE_PAUSED)
            http_parser_pause(&m_parser, 0);
        for (;;) {
            if (m_pos < m_length) {
                const size_t parsed = http_parser_execute(&m_parser, &settings(), m_buffer + m_pos,
                                                          m_length - m_pos);
                m_pos += parsed;
                const http_errno error = HTTP_PARSER_ERRNO(&m_parser);
                if (m_complete) {
                    request = std::move(m_request);
                    return Status::Request;
                }
                if (error != HPE_OK)
                    return m_headBytes > MaxHeadBytes ? Status::TooLarge : Status::Bad;
            }
            m_pos = m_length = 0;
            const ssize_t n = ::recv(m_fd, m_buffer, sizeof m_buffer, 0);
            if (n <= 0)
                return Status::Closed; // the client left, the idle timeout, or stop()
            m_length = size_t(n);
        }
    }

    bool keepAlive() const { return http_should_keep_alive(&m_parser) != 0; }

private:
    static RequestReader *self(http_parser *p) { return static_cast<RequestReader *>(p->data); }
    static const http_parser_settings &settings()
    {
        static const http_parser_settings s = [] {
            http_parser_settings s;
            http_parser_settings_init(&s);
            s.on_url = [](http_parser *p, const char *at, size_t n) {
                self(p)->m_request.target.append(at, qsizetype(n));
                return self(p)->count(n);
            };
            s.on_header_field = [](http_parser *p, const char *at, size_t n) {
                RequestReader *r = self(p);
                if (r->m_inValue)
                    r->m_field.clear();
                r->m_inValue = false;
                r->m_field.append(at, qsizetype(n));
                return r->count(n + 4);
            };
            s.on_header_value = [](http_parser *p, const char *at, size_t n) {
                RequestReader *r = self(p);
                if (!r->m_inValue && r->m_field.compare("host", Qt::CaseInsensitive) == 0)
                    ++r->m_request.hostCount;
                if (r->m_field.compare("host", Qt::CaseInsensitive) == 0)
                    r->m_request.host.append(at, qsizetype(n));
                r->m_inValue = true;
                return r->count(n);
            };
            s.on_headers_complete = [](http_parser *p) {
                RequestReader *r = self(p);
                r->m_request.method = http_method_str(http_method(p->method));
                r->m_request.http11 =
                        p->http_major > 1 || (p->http_major == 1 && p->http_minor >= 1);
                return 0;
            };
            s.on_message_complete = [](http_parser *p) {
                self(p)->m_complete = true;
                http_parser_pause(p, 1);
                return 0;
            };
            return s;
        }();
        return s;
    }
    int count(size_t n)
    {
        m_headBytes += n;
        return m_headBytes > MaxHeadBytes ? -1 : 0;
    }

    int m_fd;
    http_parser m_parser;
    char m_buffer[4096];
    size_t m_pos = 0;
    size_t m_length = 0;
    ServerRoutes::Request m_request;
    QByteArray m_field;
    bool m_inValue = false;
    bool m_complete = false;
    size_t m_headBytes = 0;
};

bool sendAll(int fd, const QByteArray &bytes)
{
    qsizetype sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n =
                ::send(fd, bytes.constData() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        sent += n;
    }
    return true;
}

QByteArray answer(const ServerRoutes::Response &response, bool keepAlive, bool headOnly)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
            + ServerRoutes::reasonPhrase(response.status)
            + "\r\nContent-Type: " + response.contentType
            + "\r\nContent-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    if (!keepAlive)
        head += "Connection: close\r\n";
    return head + "\r\n" + (headOnly ? QByteArray() : response.body);
}

ServerRoutes::Response plain(int status, const QByteArray &line)
{
    ServerRoutes::Response response;
    response.status = status;
    response.body = line + '\n';
    return response;
}

struct Task
{
    ThreadedServer *server;
    char name[16];
    std::function<void()> body;
};

} // namespace

ThreadedServer::ThreadedServer(const char *threadPrefix) : m_threadPrefix(threadPrefix) { }

ThreadedServer::~ThreadedServer()
{
    // A subclass's destructor stops first; this is for one that did not.
    stop();
}

QString ThreadedServer::errorString() const
{
    return m_error;
}

int ThreadedServer::openConnections() const
{
    std::lock_guard lock(m_mutex);
    return int(m_open.size());
}

int ThreadedServer::peakConnections() const
{
    std::lock_guard lock(m_mutex);
    return m_peakOpen;
}

QString ThreadedServer::lastFailure() const
{
    std::lock_guard lock(m_mutex);
    return m_lastFailure;
}

void ThreadedServer::noteFailure(const QString &what, int error)
{
    std::lock_guard lock(m_mutex);
    m_lastFailure = u"%1: %2"_s.arg(what, QString::fromLocal8Bit(strerror(error)));
}

bool ThreadedServer::start(quint16 port)
{
    if (isRunning()) {
        m_error = tr("the server is already running on port %1").arg(m_port);
        return false;
    }
    m_stopping = false;
    m_served = 0;
    m_threadFailures = 0;
    m_acceptFailures = 0;
    m_peak = 0;
    {
        std::lock_guard lock(m_mutex);
        m_peakOpen = 0;
    }
    m_lastFailure.clear();
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int one = 1;
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK); // loopback only
    socklen_t length = sizeof address;
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0
        || ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
        || ::listen(fd, SOMAXCONN) != 0
        || getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        // read before tr(), which may change errno
        const QString reason = QString::fromLocal8Bit(strerror(errno));
        m_error = tr("cannot listen on 127.0.0.1:%1: %2").arg(port).arg(reason);
        if (fd >= 0)
            ::close(fd);
        return false;
    }
    m_listenFd = fd;
    m_port = ntohs(address.sin_port);
    if (!startThreads()) {
        m_error = tr("cannot start its threads: %1").arg(lastFailure());
        stop();
        return false;
    }
    m_error.clear();
    return true;
}

void ThreadedServer::stop()
{
    if (m_listenFd < 0)
        return;
    m_stopping = true;
    // shutdown() wakes a thread blocked in accept() or recv() on that socket; one in the
    // backend's wait wakes by itself, and then finds the connection shut.
    ::shutdown(m_listenFd, SHUT_RDWR);
    std::unique_lock lock(m_mutex);
    for (const int fd : m_open)
        ::shutdown(fd, SHUT_RDWR);
    m_allEnded.wait(lock, [this] { return m_live.load() == 0; });
    lock.unlock();
    ::close(m_listenFd);
    m_listenFd = -1;
    m_port = 0;
}

bool ThreadedServer::spawn(const char *name, std::function<void()> body, size_t stackBytes)
{
    auto task = std::make_unique<Task>();
    task->server = this;
    strncpy(task->name, name, sizeof task->name - 1);
    task->name[sizeof task->name - 1] = 0;
    task->body = std::move(body);
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setstacksize(&attributes, stackBytes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    {
        std::lock_guard lock(m_mutex);
        const int live = ++m_live;
        if (live > m_peak)
            m_peak = live;
    }
    pthread_t thread;
    const int error = pthread_create(&thread, &attributes, &ThreadedServer::threadMain, task.get());
    pthread_attr_destroy(&attributes);
    if (error != 0) {
        ++m_threadFailures;
        noteFailure(tr("a new thread"), error);
        threadEnded();
        return false;
    }
    task.release(); // the thread owns it now
    return true;
}

void *ThreadedServer::threadMain(void *data)
{
    std::unique_ptr<Task> task(static_cast<Task *>(data));
    pthread_setname_np(pthread_self(), task->name);
    task->body();
    task->body = nullptr;
    task->server->threadEnded(); // the last use of the server: it may be gone right after
    return nullptr;
}

void ThreadedServer::threadEnded()
{
    std::lock_guard lock(m_mutex);
    if (--m_live == 0)
        m_allEnded.notify_all();
}

int ThreadedServer::acceptOne()
{
    while (!m_stopping) {
        const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd >= 0) {
            std::lock_guard lock(m_mutex);
            if (m_stopping) {
                ::close(fd);
                return -1;
            }
            m_open.insert(fd);
            m_peakOpen = std::max(m_peakOpen, int(m_open.size()));
            return fd;
        }
        const int error = errno;
        if (m_stopping)
            break;
        if (error == EINTR || error == ECONNABORTED)
            continue;
        ++m_acceptFailures;
        noteFailure(u"accept()"_s, error);
        // Out of descriptors or memory: retrying at once would spin; a moment later some may
        // have been freed.
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return -1;
}

void ThreadedServer::closeConnection(int fd)
{
    std::lock_guard lock(m_mutex);
    m_open.erase(fd);
    ::close(fd);
}

void ThreadedServer::serveConnection(int fd, bool keepAlive)
{
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    const timeval idle { IdleTimeoutS, 0 };
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &idle, sizeof idle);
    ServerRoutes routes;
    routes.setPort(m_port);
    routes.setInterrupt(&m_stopping);
    RequestReader reader(fd);
    while (!m_stopping) {
        ServerRoutes::Request request;
        const RequestReader::Status status = reader.next(request);
        if (status == RequestReader::Status::Closed)
            break;
        if (status != RequestReader::Status::Request) {
            sendAll(fd,
                    answer(status == RequestReader::Status::TooLarge
                                   ? plain(431, "the request head is larger than 16 KiB")
                                   : plain(400, "this is not an HTTP request"),
                           false, false));
            break;
        }
        //! [servers-thread-handler]
        // The same handler as the event loop's; the backend's wait blocks this thread.
        ServerRoutes::Response response = routes.respond(request);
        if (response.kind != ServerRoutes::Response::Kind::Complete)
            response = plain(501, "this server answers only complete responses, e.g. /delay");
        if (response.delayMs > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(response.delayMs));
        const bool again = keepAlive && reader.keepAlive();
        if (!sendAll(fd, answer(response, again, request.method == "HEAD")))
            break;
        //! [servers-thread-handler]
        ++m_served;
        if (!again)
            break;
    }
    closeConnection(fd);
}

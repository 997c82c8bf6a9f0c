#include <httpserver/serverroutes.h>

#include <QThread>
#include <algorithm>
#include <optional>
#include <time.h>

namespace {

using Response = ServerRoutes::Response;

Response text(int status, const QByteArray &line)
{
    Response response;
    response.status = status;
    response.body = line + '\n';
    return response;
}

Response badRequest(const QByteArray &reason)
{
    return text(400, reason);
}

// A plain decimal number within [min, max]; signs, spaces, exponents and overflow are refused.
std::optional<qint64> parseNumber(std::optional<QByteArrayView> text, qint64 min, qint64 max)
{
    if (!text || text->isEmpty() || text->size() > 12)
        return std::nullopt;
    qint64 value = 0;
    for (const char c : *text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    if (value < min || value > max)
        return std::nullopt;
    return value;
}

std::optional<QByteArrayView> queryValue(QByteArrayView query, QByteArrayView key)
{
    while (!query.isEmpty()) {
        const qsizetype amp = query.indexOf('&');
        const QByteArrayView pair = amp < 0 ? query : query.first(amp);
        query = amp < 0 ? QByteArrayView() : query.sliced(amp + 1);
        const qsizetype eq = pair.indexOf('=');
        if ((eq < 0 ? pair : pair.first(eq)) == key)
            return eq < 0 ? QByteArrayView() : pair.sliced(eq + 1);
    }
    return std::nullopt;
}

QByteArray number(qint64 value)
{
    return QByteArray::number(value);
}

Response redirect(const QByteArray &location)
{
    Response response = text(302, "redirecting to " + location);
    response.headers.emplaceBack("Location", location);
    return response;
}

QByteArray jsonBody(int items)
{
    QByteArray json = R"({"source":"AsyncLab","items":[)";
    for (int id = 1; id <= items; ++id) {
        if (id > 1)
            json += ',';
        json += R"({"id":)" + number(id) + R"(,"name":"item )" + number(id) + R"(","value":)"
                + number(ServerRoutes::jsonValue(id)) + '}';
    }
    json += "]}";
    return json;
}

bool validKey(QByteArrayView key)
{
    return !key.isEmpty() && key.size() <= 64 && std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.';
    });
}

} // namespace

ServerRoutes::Response ServerRoutes::respond(const Request &request)
{
    if (request.hostCount > 1 || (request.hostCount == 0 && request.http11))
        return badRequest("an HTTP/1.1 request needs exactly one Host header");
    // A foreign Host means a page reached us through DNS rebinding: refuse it.
    if (request.hostCount == 1 && !hostAllowed(request.host))
        return text(403,
                    "Host must be 127.0.0.1:" + number(m_port) + ", localhost:" + number(m_port)
                            + " or [::1]:" + number(m_port));
    if (request.method != "GET" && request.method != "HEAD") {
        Response response = text(405, "only GET and HEAD are allowed");
        response.headers.emplaceBack("Allow", "GET, HEAD");
        return response;
    }
    const QByteArrayView target(request.target);
    if (!target.startsWith('/'))
        return badRequest("the request target must be a path");
    const qsizetype question = target.indexOf('?');
    if (question < 0)
        return route(target, {});
    return route(target.first(question), target.sliced(question + 1));
}

ServerRoutes::Response ServerRoutes::route(QByteArrayView path, QByteArrayView query)
{
    const QByteArrayView rest = path.sliced(1);
    const qsizetype slash = rest.indexOf('/');
    const QByteArrayView name = slash < 0 ? rest : rest.first(slash);
    const std::optional<QByteArrayView> arg =
            slash < 0 ? std::nullopt : std::optional(rest.sliced(slash + 1));

    if (name == "delay") {
        const auto ms = parseNumber(arg, 0, MaxDelayMs);
        if (!ms)
            return badRequest("/delay/<ms> needs a whole number of milliseconds from 0 to 60000");
        const auto cpu = parseNumber(queryValue(query, "cpu").value_or("0"), 0, MaxCpuMs);
        if (!cpu)
            return badRequest("/delay/<ms>?cpu=<ms> needs a whole number of milliseconds from 0 "
                              "to 1000");
        const auto size = parseNumber(queryValue(query, "bytes").value_or("0"), 0, MaxDelayBytes);
        if (!size)
            return badRequest("/delay/<ms>?bytes=<n> needs a whole number of bytes from 0 to "
                              "1048576");
        // The CPU part runs here, on the thread that handles the request, before the wait.
        const QByteArray computed =
                *cpu > 0 ? " after computing " + number(compute(int(*cpu))) : QByteArray();
        Response response = text(200, "answered after " + number(*ms) + " ms" + computed);
        if (*size > 0) {
            response.body = response.body.left(qsizetype(*size) - 1);
            response.body += QByteArray(qsizetype(*size) - 1 - response.body.size(), '.') + '\n';
        }
        response.delayMs = int(*ms);
        return response;
    }
    if (name == "bytes" || name == "truncate") {
        const auto n = parseNumber(arg, 0, MaxBytes);
        if (!n)
            return badRequest('/' + name.toByteArray()
                              + "/<n> needs a whole number of bytes from 0 to 1073741824");
        Response response;
        response.kind = name == "bytes" ? Response::Kind::Pattern : Response::Kind::Truncate;
        response.contentType = "application/octet-stream";
        response.length = *n;
        return response;
    }
    if (name == "status") {
        const auto code = parseNumber(arg, 200, 599);
        if (!code)
            return badRequest("/status/<code> needs a status code from 200 to 599");
        return text(int(*code), number(*code) + ' ' + reasonPhrase(int(*code)));
    }
    if (name == "flaky")
        return flaky(arg.value_or(QByteArrayView()), query);
    if (name == "redirect") {
        const auto n = parseNumber(arg, 0, MaxRedirects);
        if (!n)
            return badRequest("/redirect/<n> needs a whole number from 0 to 100");
        return redirect(*n == 0 ? QByteArray("/json") : "/redirect/" + number(*n - 1));
    }
    // The remaining routes take no path parameter.
    if (arg)
        return text(404, "no route " + path.toByteArray());
    if (name == "json") {
        const auto items = parseNumber(queryValue(query, "items").value_or("20"), 0, MaxJsonItems);
        if (!items)
            return badRequest("/json?items=<n> needs a whole number from 0 to 10000");
        Response response;
        response.contentType = "application/json";
        response.body = jsonBody(int(*items));
        return response;
    }
    if (name == "badjson") {
        Response response;
        response.contentType = "application/json";
        response.body = R"({"source":"AsyncLab","items":[{"id":1,"name":"item 1",)";
        return response;
    }
    if (name == "drip") {
        const auto bytes = parseNumber(queryValue(query, "bytes"), 0, MaxDripBytes);
        const auto ms = parseNumber(queryValue(query, "ms"), 0, MaxDelayMs);
        if (!bytes)
            return badRequest("/drip needs bytes=<n> from 0 to 67108864");
        if (!ms)
            return badRequest("/drip needs ms=<t> from 0 to 60000");
        Response response;
        response.kind = Response::Kind::Drip;
        response.length = *bytes;
        response.durationMs = int(*ms);
        return response;
    }
    if (name == "redirectloop")
        return redirect("/redirectloop");
    if (name == "garbage") {
        static const char garbage[] = "\x16\x03\x01 this is not HTTP \x00\xff\xfe\r\n\r\n";
        Response response;
        response.kind = Response::Kind::Garbage;
        response.body = QByteArray(garbage, sizeof garbage - 1);
        return response;
    }
    if (name == "close" || name == "hang") {
        Response response;
        response.kind = name == "close" ? Response::Kind::Close : Response::Kind::Hang;
        return response;
    }
    return text(404, "no route " + path.toByteArray());
}

ServerRoutes::Response ServerRoutes::flaky(QByteArrayView key, QByteArrayView query)
{
    const auto fail = parseNumber(queryValue(query, "fail"), 0, 1000);
    if (!validKey(key) || !fail)
        return badRequest("/flaky/<key>?fail=<n> needs a key of up to 64 letters, digits, '-', '_' "
                          "or '.' and n from 0 to 1000");
    auto it = m_flaky.find(key.toByteArray());
    if (it == m_flaky.end()) {
        // Remembering every key a client invents would grow without bound: forget the stalest.
        if (m_flaky.size() >= MaxFlakyKeys)
            m_flaky.erase(std::min_element(
                    m_flaky.begin(), m_flaky.end(),
                    [](const FlakyKey &a, const FlakyKey &b) { return a.lastUse < b.lastUse; }));
        it = m_flaky.insert(key.toByteArray(), {});
    }
    ++it->requests;
    it->lastUse = ++m_flakyClock;
    if (it->requests <= *fail && queryValue(query, "drop") == "1") {
        Response response; // a server that goes away before answering
        response.kind = Response::Kind::Close;
        return response;
    }
    if (it->requests <= *fail) {
        Response response = text(503, "failure " + number(it->requests) + " of " + number(*fail));
        response.headers.emplaceBack("Retry-After", "0");
        return response;
    }
    return text(200, "ok after " + number(*fail) + " failures");
}

quint64 ServerRoutes::compute(int cpuMs) const
{
    // CPU time of this thread, not wall time: a thread that waits for a core still computes
    // for the whole cpuMs once it runs.
    const auto cpuNs = [] {
        timespec now {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
    };
    const qint64 until = cpuNs() + qint64(cpuMs) * 1000000;
    quint64 value = 0x9E3779B97F4A7C15ull;
    do {
        for (int i = 0; i < 4096; ++i)
            value = (value ^ (value >> 31)) * 0xBF58476D1CE4E5B9ull + quint64(i);
    } while (cpuNs() < until
             && !(m_interrupt ? m_interrupt->load()
                              : QThread::currentThread()->isInterruptionRequested()));
    return value % 1000000007;
}

bool ServerRoutes::hostAllowed(const QByteArray &host) const
{
    const QByteArray port = ':' + number(m_port);
    const QByteArray lower = host.toLower();
    return lower == "127.0.0.1" + port || lower == "localhost" + port || lower == "[::1]" + port;
}

QByteArray ServerRoutes::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 206:
        return "Partial Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 413:
        return "Content Too Large";
    case 418:
        return "I'm a Teapot";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    }
    return status < 400 ? "Status" : status < 500 ? "Client Error" : "Server Error";
}

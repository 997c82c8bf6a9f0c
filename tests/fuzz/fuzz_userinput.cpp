// libFuzzer target: what AsyncLab parses from a person. The same text as the URL field (through
// Lab::resolveUrl), as the argument of --fetch and --load and as any other option, and as the
// query string of /drip and the key and query of /flaky. The first byte picks an extra option.
#include <cli/commandline.h>
#include <engine/lab.h>
#include <httpserver/serverroutes.h>

#include <QCoreApplication>
#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

Lab *g_lab = nullptr;

void check(bool condition)
{
    if (!condition)
        std::abort();
}

void commandLine(const QStringList &arguments)
{
    const auto parsed = CommandLine::parse(arguments);
    if (const auto *exit = std::get_if<CommandLine::Exit>(&parsed))
        check(exit->code == 0 || exit->code == 2);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    static Lab lab;
    if (!lab.server().start())
        std::abort();
    g_lab = &lab;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    static const QStringList options = { u"--fetch"_s,      u"--load"_s,     u"--port"_s,
                                         u"--mode"_s,       u"--delay"_s,    u"--at"_s,
                                         u"--demo"_s,       u"--scenario"_s, u"--max-connections"_s,
                                         u"--screenshot"_s, u"--serve"_s,    u"--json"_s };
    const QString option = options.at(data[0] % options.size());
    const QByteArrayView bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const QString text = QString::fromUtf8(bytes);

    const QUrl url = g_lab->resolveUrl(text);
    if (text.trimmed().startsWith(u'/') && url.isValid() && !url.isRelative())
        check(url.scheme() == u"http"_s);

    commandLine({ u"asynclab"_s, u"--fetch"_s, text });
    commandLine({ u"asynclab"_s, u"--load"_s, text });
    commandLine({ u"asynclab"_s, option, text });
    commandLine({ u"asynclab"_s, u"--fetch"_s, text, option, text });

    ServerRoutes routes;
    routes.setPort(8080);
    ServerRoutes::Request request;
    request.method = "GET";
    request.host = "127.0.0.1:8080";
    request.hostCount = 1;
    for (const QByteArray &target :
         { "/drip?" + bytes.toByteArray(), "/flaky/" + bytes.toByteArray(),
           "/flaky/key?" + bytes.toByteArray(), "/json?" + bytes.toByteArray() }) {
        request.target = target;
        for (int i = 0; i < 2; ++i) {
            const ServerRoutes::Response response = routes.respond(request);
            check(response.status >= 200 && response.status <= 599);
            check(response.length >= 0 && response.length <= ServerRoutes::MaxBytes);
            check(response.durationMs >= 0 && response.durationMs <= ServerRoutes::MaxDelayMs);
        }
    }
    return 0;
}

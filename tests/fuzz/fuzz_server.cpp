// libFuzzer target: arbitrary bytes as a client's side of one connection, through the server's
// whole request path in memory. The first byte picks how the input is split into TCP-like pieces.
#include <httpserver/memoryexchange.h>

#include <QCoreApplication>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype chunk = data[0] < 128 ? 0 : data[0] - 127;
    const QByteArrayView input(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const MemoryExchange::Result result = MemoryExchange::run(input, chunk);
    // Whatever came in, an answer that was started is a well-formed status line.
    if (!result.output.isEmpty() && !result.output.startsWith("HTTP/1.1 ")
        && !result.output.startsWith("\x16\x03\x01")) // /garbage is meant to be nonsense
        std::abort();
    return 0;
}

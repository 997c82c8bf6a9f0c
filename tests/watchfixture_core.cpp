// A plain QCoreApplication program for tst_watch: it parses for a while on its main thread,
// then exits with the status it is given. Options: --freeze MS, --exit N, --run MS (stay this
// long), --delay MS (before the freeze, default 200), --fork (start a child that outlives it),
// --abort (crash after the freeze), --no-loop (freeze at once and end, never running an event
// loop, as a command-line tool does), --sleep (the freeze waits in a sleep instead of computing),
// --say (prints "ready" once the event loop runs, "freezing" and "thawed" around the freeze, for
// a test that attaches to it).
#include <QCoreApplication>
#include <QTimer>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
volatile unsigned long long sink = 0;

__attribute__((noinline)) void parseRecords(int ms)
{
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    unsigned long long sum = 0;
    while (std::chrono::steady_clock::now() < end) {
        for (int i = 0; i < 1000; ++i)
            sum = sum * 131 + unsigned(i);
    }
    sink = sum;
}

int option(const QStringList &args, const QString &name, int fallback)
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1).toInt() : fallback;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int freezeMs = option(args, u"--freeze"_s, 300);
    const int status = option(args, u"--exit"_s, 0);
    const int runMs = option(args, u"--run"_s, 0);
    const int delayMs = option(args, u"--delay"_s, 200);
    if (args.contains(u"--no-loop"_s)) {
        parseRecords(freezeMs);
        return status;
    }
    if (args.contains(u"--fork"_s)) {
        if (fork() == 0) {
            usleep(1500 * 1000); // outlives the parent, holding what it inherited
            _exit(0);
        }
    }
    const auto say = [&args](const char *line) {
        if (args.contains(u"--say"_s)) {
            std::printf("%s\n", line);
            std::fflush(stdout);
        }
    };
    QTimer::singleShot(0, &app, [&] { say("ready"); });
    QTimer::singleShot(delayMs, &app, [&] {
        say("freezing");
        if (args.contains(u"--sleep"_s))
            usleep(useconds_t(freezeMs) * 1000);
        else
            parseRecords(freezeMs);
        say("thawed");
        if (args.contains(u"--abort"_s))
            std::abort();
        QTimer::singleShot(std::max(200, runMs), &app,
                           [status] { QCoreApplication::exit(status); });
    });
    return app.exec();
}

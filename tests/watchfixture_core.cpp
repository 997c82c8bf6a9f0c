// A plain QCoreApplication program for tst_watch: it parses for a while on its main thread,
// then exits with the status it is given. Options: --freeze MS, --exit N, --run MS (stay this
// long), --delay MS (before the freeze, default 200), --fork (start a child that outlives it),
// --abort (crash after the freeze), --no-loop (freeze at once and end, never running an event
// loop, as a command-line tool does), --freezes A,B,.. (freezes of these lengths, 250 ms apart),
// --forever (loop from the delay on and never return), --deadlock (lock a mutex it holds),
// --sleeps MS (sleep MS with usleep, nanosleep and sem_timedwait, and exit 1 when one returned
// early), --die-early (print a line and abort before the application object exists).
// Before a freeze that does not end it prints "freezing".
#include <QCoreApplication>
#include <QTimer>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <pthread.h>
#include <semaphore.h>
#include <time.h>
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

__attribute__((noinline)) void spinForever()
{
    unsigned long long sum = 0;
    for (;;) {
        for (int i = 0; i < 1000; ++i)
            sum = sum * 131 + unsigned(i);
        sink = sum;
    }
}

__attribute__((noinline)) void lockTwice()
{
    static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER; // not recursive: the second waits
    pthread_mutex_lock(&mutex);
    pthread_mutex_lock(&mutex);
    sink = sink + 1; // not a tail call: this frame stays on the stack
}

double msSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count();
}

// Each call must last `ms` and return as it does unwatched: usleep and nanosleep 0, sem_timedwait
// -1 with ETIMEDOUT. Prints what each did; false when one was cut short.
__attribute__((noinline)) bool sleepThreeWays(int ms)
{
    bool ok = true;
    const auto check = [&](const char *name, int result, int error, int expected, int expectedError,
                           std::chrono::steady_clock::time_point start) {
        const double took = msSince(start);
        const bool right = result == expected && error == expectedError && took >= ms * 0.98;
        std::printf("%s returned %d (errno %d) after %.1f ms%s\n", name, result, error, took,
                    right ? "" : ": cut short");
        ok = ok && right;
    };
    auto start = std::chrono::steady_clock::now();
    int result = usleep(useconds_t(ms) * 1000);
    check("usleep", result, result == 0 ? 0 : errno, 0, 0, start);
    start = std::chrono::steady_clock::now();
    const timespec wait { ms / 1000, long(ms % 1000) * 1000000L };
    result = nanosleep(&wait, nullptr);
    check("nanosleep", result, result == 0 ? 0 : errno, 0, 0, start);
    sem_t semaphore;
    sem_init(&semaphore, 0, 0);
    timespec deadline {};
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += (deadline.tv_nsec + long(ms % 1000) * 1000000L) / 1000000000L + ms / 1000;
    deadline.tv_nsec = (deadline.tv_nsec + long(ms % 1000) * 1000000L) % 1000000000L;
    start = std::chrono::steady_clock::now();
    result = sem_timedwait(&semaphore, &deadline);
    check("sem_timedwait", result, result == 0 ? 0 : errno, -1, ETIMEDOUT, start);
    sem_destroy(&semaphore);
    std::fflush(stdout);
    return ok;
}

int option(const QStringList &args, const QString &name, int fallback)
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1).toInt() : fallback;
}

void announceFreeze()
{
    std::printf("freezing\n");
    std::fflush(stdout);
}
} // namespace

int main(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--die-early") == 0) {
            std::fprintf(stderr, "fixture: cannot connect to the display\n");
            std::abort();
        }
    }
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
    const qsizetype freezesAt = args.indexOf(u"--freezes"_s);
    if (freezesAt >= 0 && freezesAt + 1 < args.size()) {
        // One freeze, then 250 ms of an idle event loop before the next.
        QList<int> lengths;
        for (const QString &length : args.at(freezesAt + 1).split(u','))
            lengths.append(length.toInt());
        std::function<void()> next = [&] {
            if (lengths.isEmpty()) {
                QCoreApplication::exit(status);
                return;
            }
            parseRecords(lengths.takeFirst());
            QTimer::singleShot(250, &app, next);
        };
        QTimer::singleShot(delayMs, &app, next);
        return app.exec();
    }
    QTimer::singleShot(delayMs, &app, [&] {
        if (args.contains(u"--forever"_s)) {
            announceFreeze();
            spinForever();
        }
        if (args.contains(u"--deadlock"_s)) {
            announceFreeze();
            lockTwice();
        }
        if (args.contains(u"--sleeps"_s)) {
            QCoreApplication::exit(sleepThreeWays(option(args, u"--sleeps"_s, 300)) ? status : 1);
            return;
        }
        parseRecords(freezeMs);
        if (args.contains(u"--abort"_s))
            std::abort();
        QTimer::singleShot(std::max(200, runMs), &app,
                           [status] { QCoreApplication::exit(status); });
    });
    return app.exec();
}

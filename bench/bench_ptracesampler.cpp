// The cost of sampling another program with ptrace, as `asynclab watch` does during a freeze: how
// long each sample stops the thread (seize, interrupt, unwind with libdwfl, detach), how deep the
// stacks are, and whether the sampled program can tell: a child that sleeps in a loop counts the
// sleeps cut short (EINTR) and how late they ended, sampled and not. Figures only.
#include "benchstats.h"
#include <watch/ptracesampler.h>

#include <QList>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

namespace {
volatile unsigned long long sink = 0;
volatile bool spinning = true; // never cleared: the child is killed

__attribute__((noinline)) void spin(int depth)
{
    if (depth > 0) {
        spin(depth - 1);
        sink = sink + 1;
        return;
    }
    while (spinning)
        sink = sink * 131 + 7;
}

struct SleepFigures
{
    int sleeps = 0;
    int cutShort = 0;
    double lateMsTotal = 0;
    double lateMsMax = 0;
};

// Sleeps 2 ms `count` times, as a program's timer-less wait would, and reports how it went.
SleepFigures sleepLoop(int count)
{
    SleepFigures figures;
    for (int i = 0; i < count; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const timespec wait { 0, 2000000 };
        if (nanosleep(&wait, nullptr) != 0)
            ++figures.cutShort;
        const double late =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                        .count()
                - 2.0;
        ++figures.sleeps;
        figures.lateMsTotal += late;
        figures.lateMsMax = std::max(figures.lateMsMax, late);
    }
    return figures;
}

pid_t startChild(bool sleeper, int sleeps, int pipeOut)
{
    const pid_t pid = fork();
    if (pid != 0)
        return pid;
    if (sleeper) {
        const SleepFigures figures = sleepLoop(sleeps);
        [[maybe_unused]] const ssize_t n = write(pipeOut, &figures, sizeof figures);
        _exit(0);
    }
    spin(30);
    _exit(0);
}

void sampleChild(const char *name, pid_t pid, int samples, int intervalMs)
{
    PtraceSampler sampler(pid);
    QList<double> stopped;
    QList<double> depths;
    int failed = 0;
    for (int i = 0; i < samples; ++i) {
        const PtraceSampler::Result result = sampler.sample(pid, 100);
        if (result.outcome == PtraceSampler::Outcome::Captured) {
            stopped.append(result.stoppedUs);
            depths.append(double(result.frames.size()));
        } else if (result.outcome == PtraceSampler::Outcome::Refused) {
            std::printf("%s: refused: %s\n", name, qPrintable(result.error));
            return;
        } else {
            ++failed;
        }
        const timespec pause { 0, long(intervalMs) * 1000000L };
        nanosleep(&pause, nullptr);
    }
    std::printf("%-8s %5lld samples (%d without a stack): stopped median %.0f us, p90 %.0f us, "
                "p99 %.0f us, max %.0f us; %.0f frames\n",
                name, qlonglong(stopped.size()), failed, percentile(stopped, 0.5),
                percentile(stopped, 0.9), percentile(stopped, 0.99), percentile(stopped, 1.0),
                percentile(depths, 0.5));
}

SleepFigures readFigures(int fd, pid_t pid)
{
    SleepFigures figures;
    [[maybe_unused]] const ssize_t n = read(fd, &figures, sizeof figures);
    waitpid(pid, nullptr, 0);
    return figures;
}

void printSleeps(const char *name, const SleepFigures &f)
{
    std::printf("%-30s %d sleeps of 2 ms: %d cut short, late by %.3f ms on average, %.3f ms at "
                "most\n",
                name, f.sleeps, f.cutShort, f.lateMsTotal / std::max(1, f.sleeps), f.lateMsMax);
}
} // namespace

int main(int argc, char *argv[])
{
    const int samples = argc > 1 ? std::atoi(argv[1]) : 500;
    const pid_t busy = startChild(false, 0, -1);
    sampleChild("busy", busy, samples, 2);
    kill(busy, SIGKILL);
    waitpid(busy, nullptr, 0);

    const int sleeps = samples;
    int fds[2];
    if (pipe(fds) != 0)
        return 1;
    pid_t sleeper = startChild(true, sleeps, fds[1]);
    printSleeps("unwatched", readFigures(fds[0], sleeper));
    sleeper = startChild(true, sleeps, fds[1]);
    sampleChild("sleeping", sleeper, samples, 2);
    printSleeps("sampled every 2 ms meanwhile", readFigures(fds[0], sleeper));
    return 0;
}

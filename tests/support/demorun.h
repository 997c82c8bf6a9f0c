#pragma once

#include "demo.h"

// How one run of a demo ended: the finished() signals it emitted and the last outcome.
struct DemoRun
{
    int finishedCount = 0;
    DemoOutcome outcome;
};

// Runs `demo` and waits up to timeoutMs for finished(), then 100 ms more so that a second
// finished() would be counted. A finished() from inside run() is reported as a warning.
DemoRun runDemo(Demo *demo, int timeoutMs);

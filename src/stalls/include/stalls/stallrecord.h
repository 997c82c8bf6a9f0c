#pragma once

#include <stalls/handlertrace.h>
#include <stalls/stackframe.h>
#include <stalls/threadstate.h>

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// One look at the stalled thread: what the kernel said it was doing and, when the thread ran the
// sampler's signal handler in time, its stack.
struct StallSample
{
    double atMs = 0; // labNowMs()
    ThreadActivity activity = ThreadActivity::Unknown;
    WaitReason reason = WaitReason::None;
    bool answered = false; // false: "no sample", the thread did not run the handler in time
    bool truncated = false; // deeper than StackSampler::MaxFrames
    Stack stack; // symbolised, innermost first; empty when not answered
    QList<HandlerStep> handler; // the handlers running, outermost first; empty without hooks
    Stack pythonStack; // Python frames, innermost first, in a Python program
};

// The innermost frame in the program's own code, as most samples had it.
struct StallCulprit
{
    Q_DECLARE_TR_FUNCTIONS(StallCulprit)
public:
    QString function; // demangled, without parameters: "BlockingFetcher::fetch"
    QString file; // "src/engine/blockingfetcher.cpp"; empty without line tables
    QString path; // absolute, for showing the source
    int line = 0;
    int samples = 0; // samples whose innermost own frame was in this function
    double share = 0; // of the samples that have a stack
    QString module; // "asynclab", "libProjectExplorer.so.4"; "python" for a Python frame
    // What the culprit called that held the thread, when that was library code:
    // "QProcess::waitForFinished (libQt6Core.so.6)"; empty when the culprit itself ran.
    QString call;
    QStringList callers; // the next own functions outwards, innermost first: "Window::onTimer"

    bool isKnown() const { return !function.isEmpty(); }
    // "BlockingFetcher::fetch (src/engine/blockingfetcher.cpp:36)", or with no line tables
    // "BlockingFetcher::fetch (asynclab)"
    QString location() const;
    // "Utils::QtcProcess::runBlocking (libUtils.so.4), waiting in QWaitCondition::wait
    // (libQt6Core.so.6), called from ProjectExplorer::GccToolChain::gccHeaderPaths"
    QString sentence(bool waiting) const;
};

// One call path a stall's samples shared (function names, innermost first), and how many had it.
struct StallPath
{
    Stack stack; // one sample's stack on this path
    int samples = 0;
    double share = 0; // of the samples that have a stack
    ThreadActivity activity = ThreadActivity::Unknown; // what most of them were doing
    WaitReason reason = WaitReason::None; // and on what, when waiting

    QString activityText() const; // "busy", "waiting on a lock or future (futex)"
};

// One freeze of the GUI thread, seen while it happened.
struct StallRecord
{
    Q_DECLARE_TR_FUNCTIONS(StallRecord)
public:
    int id = 0;
    double startMs = 0; // when the thread's heartbeat was due and did not come (labNowMs)
    double durationMs = 0;
    int sampleCount = 0;
    int unansweredCount = 0; // "no sample"
    int truncatedCount = 0;
    double busyShare = 0; // of all samples
    double waitingShare = 0;
    double cpuWaitSampleShare = 0; // of all samples: runnable, but waiting for a CPU
    // Of the watched part of the stall, the time the thread spent on a run queue, and the CPU time
    // it ran, from the kernel's schedstat (set before summarizeStall); -1 when not known.
    double cpuWaitShare = -1;
    double cpuRunMs = -1;
    WaitReason mainWait = WaitReason::None; // what most waiting samples waited on
    StallCulprit culprit;
    Stack stack; // one representative full stack: a sample whose culprit is the culprit
    QString event; // what the thread was handling: "MouseButtonRelease on QPushButton 'Fetch'"
    bool eventsTimed = false; // false where nothing timed the events (a watched program)
    // The handlers that were running, outermost first, from the event and signal hooks and the
    // stack: "MouseButtonRelease on QPushButton 'load' \"Load\"", "QAbstractButton::clicked(bool)",
    // "MainWindow::onLoad". Empty where no hooks ran.
    QStringList handler;
    Stack pythonStack; // Python frames on the thread, innermost first, in a Python program
    QString pattern; // a known cause (StallPatterns id: "process"); empty when none matches
    QString program; // whose code "own" means: "AsyncLab", or the watched program's name
    // The most common call paths, most common first (at most MaxPaths); `stack` is the first's.
    QList<StallPath> paths;
    bool open = false; // still going when it was recorded: the watch ended during it
    bool startUp = false; // began before the thread's event loop first ran
    static constexpr int MaxPaths = 3;

    double endMs() const { return startMs + durationMs; }
    // The stall split for one bar: computing on a CPU, waiting for a CPU (on a run queue),
    // asleep in the kernel; the rest had no sample.
    struct Shares
    {
        double busy = 0;
        double cpuWait = 0;
        double waiting = 0;
    };
    Shares shares() const;
    // Most of the stall went to waiting for a CPU: the machine, not AsyncLab's code, caused it,
    // and it has no culprit.
    bool isCpuStarved() const;
    // It happened while the thread painted a window (an UpdateRequest or Paint event): the
    // program's own drawing, whatever work was going on meanwhile.
    bool duringPainting() const;
    // AsyncLab's own window at work: painting (which waits for the display server on a busy
    // machine) or its widgets' and windows' own code, not the code a person ran in it (a job's or
    // a demo's, which live in other libraries).
    bool isAsyncLabsWindow() const;
    // "busy 98%", "waiting 99% on a lock or future (futex)", "busy 30%, waiting for a CPU 60%",
    // "waiting for a CPU 85% (other programs were running)", "no sample"
    QString activityText() const;
    // For a CPU-starved stall: "the machine had no CPU to give: 85% of it on a run queue, 12 ms
    // of CPU time"
    QString cpuCauseText() const;
    // "not in AsyncLab's code", "not in qtcreator's code"
    QString notOwnText() const;
    // "MouseButtonRelease on QPushButton 'load' → clicked() → MainWindow::onLoad", or the event
    QString handlerText() const;
};

// The handler chain for people: the hooks' steps, each signal or queued functor followed by the
// function it called and the innermost event by its handler, both found on the stack.
QStringList handlerChain(const QList<HandlerStep> &steps, const Stack &stack);

// Sets the record's run-queue share and CPU time from the scheduler's account at the stall's first
// and last look.
void setCpuFigures(StallRecord &record, const SchedReading &first, const SchedReading &last);

// Fills the figures of `record` (counts, shares, culprit, call paths, representative stack) from
// its samples; a CPU-starved stall gets no culprit.
void summarizeStall(StallRecord &record, const QList<StallSample> &samples);

// What makes two stacks the same call path: their functions (or modules, where a frame has no
// name), innermost first, whatever line or instruction each was at.
QString callPathKey(const Stack &stack);
// "hashBigFile ← Window::onTimer ← QTimer::timeout": `depth` named functions from the culprit (or
// the innermost named frame) outwards.
QString callChainText(const Stack &stack, const StallCulprit &culprit, int depth = 3);

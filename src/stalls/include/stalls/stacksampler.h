#pragma once

#include <QString>
#include <array>
#include <sys/types.h>

// Captures the call stack of another thread of this process: the sampling thread sends the
// target a real-time signal with tgkill, the target's handler records raw return addresses into
// preallocated memory and wakes the sampler with sem_post. The sampler waits with a timeout: a
// thread that has the signal blocked, or sleeps uninterruptibly, never runs the handler, and then
// the sample is "no answer", never a hang. Symbols are looked up later, elsewhere (Symbolizer).
class StackSampler
{
public:
    static constexpr int MaxFrames = 128; // deeper stacks are truncated to their innermost frames

    enum class Outcome {
        Captured,
        NoAnswer, // the target did not run the handler within the timeout
        Failed, // the signal could not be sent (no such thread) or the sampler is not installed
    };

    struct Result
    {
        Outcome outcome = Outcome::Failed;
        int depth = 0;
        bool truncated = false;
        double latencyUs = 0; // signal sent to stack captured
        std::array<void *, MaxFrames> frames {};
    };

    // Installs the handler once per process and warms the unwinder up. Safe to call repeatedly.
    static bool install(QString *error = nullptr);
    static int signalNumber();

    // One sample of thread `tid` of this process. Only one thread samples at a time (the calls
    // are serialised inside); the target may be any thread but the caller.
    static Result sample(pid_t tid, int timeoutMs);

    // Withdraws a request the target has not answered yet, so that a late delivery of the signal
    // (when the target unblocks it) captures nothing. Call when a stall ends.
    static void withdraw();
};

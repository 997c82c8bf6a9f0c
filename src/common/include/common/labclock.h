#pragma once

#include <chrono>

// One monotonic time base, in milliseconds, shared by the monitor and every operation record so
// that stalls can be matched to the operations that ran while they happened.
inline double labNowMs()
{
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

#pragma once

#include <export/recording.h>

class AttachSession;
class Lab;
class WatchSession;

// What AsyncLab's own GUI thread went through between fromMs and toMs (labNowMs): its stalls,
// lag, long events and the operations that ran. Call on the GUI thread.
Recording labRecording(Lab &lab, double fromMs, double toMs);
// What the probe saw of a watched program's main thread, from the start of the watch.
Recording watchRecording(const WatchSession &session);
// What AsyncLab saw of a running program it attached to: the stalls it sampled, and the window's
// answers to _NET_WM_PING as its lag.
Recording attachRecording(const AttachSession &session);

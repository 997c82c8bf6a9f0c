#pragma once

#include <engine/operationrecord.h>

#include <QString>

// A short, stable name for the calling thread: "GUI thread" for the application's main thread,
// the QThread's objectName when it has one, otherwise "worker N" numbered in order of first use.
QString currentThreadLabel();
// The calling thread's timeline lane: the GUI thread's, or a worker's with the number above.
LaneId currentThreadLane();

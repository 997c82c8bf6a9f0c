#pragma once

#include <engine/lab.h>

#include <memory>

// What a test of the application starts from.

// Settings and standard paths of a test, never the user's: QStandardPaths' test mode and an
// organisation of the tests' own. Call first, in initTestCase().
void useTestSettings();

// A started Lab (server listening, monitor and stall watchdog running), as the window and the
// command line start it; null after a warning that says why when it cannot start. In a test:
// `m_lab = startedLab(); QVERIFY(m_lab);`
std::unique_ptr<Lab> startedLab();
// startedLab(), and null also (after a warning) when its stall watchdog is not running: for tests
// of what the watchdog finds.
std::unique_ptr<Lab> startedLabWatchingStalls();

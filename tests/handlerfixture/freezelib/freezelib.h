#pragma once

#include <QtGlobal>

#if defined(FREEZELIB_BUILD)
#define FREEZELIB_EXPORT Q_DECL_EXPORT
#else
#define FREEZELIB_EXPORT Q_DECL_IMPORT
#endif

// The freezing code of watchfixture_handlers, kept in a shared library of the program's own, as
// real applications keep theirs.
namespace FreezeLib {
FREEZELIB_EXPORT void crunch(int ms); // computes for ms on the calling thread
FREEZELIB_EXPORT void waitForWorker(int ms); // starts a thread that works ms, and waits for it
} // namespace FreezeLib

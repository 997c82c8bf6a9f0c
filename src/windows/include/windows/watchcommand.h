#pragma once

#include <QStringList>

// `asynclab watch [--json] [--duration S] [--threshold MS] -- PROGRAM [ARGS...]`: watches the
// responsiveness of another Qt 6 program. `arguments` start with "asynclab", "watch". Returns
// the exit status: the program's.
int runWatchCommand(int &argc, char **argv, const QStringList &arguments, bool withDisplay);

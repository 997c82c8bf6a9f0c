#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

class WatchOutputs;

// `asynclab watch --pid PID`: what AsyncLab can learn of a program that is already running,
// printed when the duration is over, the program ends, or AsyncLab gets SIGINT, SIGTERM or
// SIGHUP; the program runs on. Returns the exit status: 0, or 1 when the process does not exist
// or may not be traced (one line on standard error), or the gate's.
struct AttachOptions
{
    qint64 pid = 0;
    bool json = false;
    double durationMs = 0;
    double thresholdMs = 50;
    QString outputPath; // --output: the report there instead of on standard output
    QStringList ownGlobs; // --own: more of the program's own code (see OwnCode)
};
int runAttachCommand(int &argc, char **argv, const AttachOptions &options,
                     const WatchOutputs &outputs);

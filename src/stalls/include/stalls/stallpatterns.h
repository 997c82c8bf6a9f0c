#pragma once

#include <stalls/stackframe.h>

#include <QList>
#include <QRegularExpression>
#include <QString>

struct StallRecord;

// Known causes of a frozen GUI thread, recognised by the functions on a stall's stack, each with
// one line of advice and the gallery demo that shows the fix. One table: a stack that matches no
// row gets no guess.
namespace StallPatterns {
struct Pattern
{
    QString id; // "process"
    const char *what; // QT_TR_NOOP: "waiting for a process"
    const char *advice; // QT_TR_NOOP: one line, what to do instead
    QString demo; // DemoRegistry name, or empty
    QRegularExpression functions; // matched against StackFrame::shortFunction()
    int frames = 1; // how many frames must match
};

const QList<Pattern> &all();
const Pattern *find(const QString &id);
// The id of the first row in the table that a frame of the stall's stack matches; "no-cpu" for
// a stall the machine caused. Empty when nothing matches.
QString match(const StallRecord &record);
QString matchStack(const Stack &stack);

QString what(const QString &id); // translated
QString advice(const QString &id);
QString demo(const QString &id);
// "waiting for a process: react to QProcess::finished() instead of waitForFinished() (gallery:
// three-styles)", or empty
QString sentence(const QString &id);
} // namespace StallPatterns

#pragma once

#include <QString>
#include <QStringList>

// The lines around one line of a source file, for showing where a stall was.
struct SourceExcerpt
{
    bool found = false;
    QString path;
    int firstLine = 0; // number of lines.first()
    int focusLine = 0;
    QStringList lines;

    // Reads `context` lines either side of `line` from `path`, when the file is there.
    static SourceExcerpt read(const QString &path, int line, int context = 4);
};

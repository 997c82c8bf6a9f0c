#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>

// What every benchmark's command line has: its description, --help and its options. Parses the
// application's arguments; --help and a bad option end the program, as process() does.
inline void parseBenchOptions(QCommandLineParser &parser, const QString &description,
                              const QList<QCommandLineOption> &options)
{
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    parser.addOptions(options);
    parser.process(*QCoreApplication::instance());
}

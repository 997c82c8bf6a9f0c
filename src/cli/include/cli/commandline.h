#pragma once

#include <engine/runmode.h>

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <variant>

class QCommandLineParser;

// What the user asked for on the command line.
struct CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
public:
    enum class Action { Window, Serve, Fetch, Load, Compare, Demo, Lesson };
    Action action = Action::Window;
    RunMode mode = RunMode::Async;
    bool modeGiven = false;
    quint16 port = 0;
    int maxConnections = 0; // 0: sized to the open-file limit
    QString target; // URL for Fetch, path for Load
    QString scenario;
    QString screenshotPath;
    int screenshotDelayMs = 1500;
    int screenshotAtMs = -1; // >= 0: grab this long after the job starts, not after it ends
    QString outDir; // --compare results: CSV, JSON and PNGs
    bool json = false;
    QString demo; // --demo: a registered demo's name, or "list"
    int variant = 0; // --variant: the demo's way to run, from 1; 0: its default
    QString tracePath; // --trace: the Chrome Trace Event Format
    QString profilePath; // --profile: speedscope's format
    int lesson = 0; // --lesson: a lesson's number, from 1; 0 with --lesson list
    int delayMs = 0; // --delay: the server's delay in a lesson that fetches; 0: the lesson's
    int prediction = -1; // --predict: the index of the choice predicted, -1 without

    bool needsWindow() const
    {
        return action == Action::Window || !screenshotPath.isEmpty() || !outDir.isEmpty();
    }

    struct Exit
    {
        int code;
        QString output; // --help/--version text or an error line
    };
    // Either the parsed options, or how to exit at once (help, version, or a usage error).
    static std::variant<CommandLine, Exit> parse(const QStringList &arguments);

private:
    // Each reads and checks a group of options: an error message, or empty.
    QString readServer(const QCommandLineParser &parser);
    QString readAction(const QCommandLineParser &parser);
    QString readScreenshot(const QCommandLineParser &parser);
    QString readExports(const QCommandLineParser &parser);
    QString readLesson(const QCommandLineParser &parser);
};

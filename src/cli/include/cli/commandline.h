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
    enum class Action { Window, Serve, Fetch, Load, Compare, Demo };
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
};

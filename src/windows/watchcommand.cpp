#include <windows/watchcommand.h>
#include <cli/attachcommand.h>
#include <cli/console.h>
#include <cli/stopsignals.h>
#include <cli/translations.h>
#include <watch/watchreport.h>
#include <watch/watchsession.h>
#include <windows/watchwindow.h>
#include <common/labclock.h>
#include <export/qttestfunctions.h>
#include <export/recordings.h>
#include <cli/watchoutputs.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
int usageError(const QString &message)
{
    Console::err(u"asynclab watch: %1\n"_s.arg(message)
                 + QCoreApplication::translate("watch", "Try 'asynclab watch --help'.") + u'\n');
    return 2;
}

// The report to standard output, or to `output`; false (with a message) when it cannot be written.
bool printReport(const WatchSession &session, bool json, bool stacks, const QString &output)
{
    if (!session.probeMessage().isEmpty())
        Console::err(u"asynclab: %1\n"_s.arg(session.probeMessage()));
    if (!session.samplingMessage().isEmpty())
        Console::err(u"asynclab: %1\n"_s.arg(QCoreApplication::translate("watch", "no stacks: %1")
                                                     .arg(session.samplingMessage())));
    const QByteArray report = WatchReport(session).bytes(
            json ? WatchReport::Format::Json : WatchReport::Format::Text,
            stacks ? WatchReport::Stacks::Full : WatchReport::Stacks::Paths);
    return WatchOutputs::writeReport(report, output);
}

QString helpText(const QCommandLineParser &parser)
{
    QString text = parser.helpText();
    // The parser names the executable from an application object, which does not exist yet.
    text.replace(0, text.indexOf(u'\n'),
                 QCoreApplication::translate("watch",
                                             "Usage: asynclab watch [options] -- "
                                             "PROGRAM [ARGS...]"));
    return text;
}
} // namespace

int runWatchCommand(int &argc, char **argv, const QStringList &arguments, bool withDisplay)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
            "watch",
            "Starts PROGRAM, a Qt 6 program, and measures how responsive its main thread is: lag, "
            "stalls over the threshold, and for each stall the function of PROGRAM that caused "
            "it, computing (busy) or waiting. With a display a Watch window shows it live; "
            "otherwise, or with --json, a report is printed when the watch ends: PROGRAM ended, "
            "the duration is over, or AsyncLab got SIGINT, SIGTERM or SIGHUP (it then ends "
            "PROGRAM: SIGTERM, SIGKILL 3 s later). A stall still going then is reported as open. "
            "PROGRAM never outlives AsyncLab.\n\n"
            "Exit status: PROGRAM's own; 128 + N when signal N killed it; 127 when it cannot "
            "start; 0 when the duration or the window ended it; 128 + N when AsyncLab got signal "
            "N; 2 for a usage error; with --fail-over or --fail-over-busy, 123 when PROGRAM "
            "succeeded "
            "and a stall failed the gate.\n\n"
            "Without a display, and with QT_QPA_PLATFORM=offscreen or minimal, no window opens. "
            "With --pid, AsyncLab attaches to a running program instead and leaves it running."));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.addHelpOption();
    const QCommandLineOption json(
            u"json"_s, QCoreApplication::translate("watch", "Report as JSON, open no window."));
    const QCommandLineOption duration(
            u"duration"_s,
            QCoreApplication::translate("watch",
                                        "End the watch (and PROGRAM) after S seconds; AsyncLab "
                                        "then ends too, also with a window."),
            u"S"_s);
    const QCommandLineOption threshold(
            u"threshold"_s,
            QCoreApplication::translate(
                    "watch", "A stall is a freeze longer than MS milliseconds (default: 50)."),
            u"MS"_s, u"50"_s);
    const QCommandLineOption output(
            u"output"_s,
            QCoreApplication::translate(
                    "watch",
                    "Write the report to FILE instead of standard output (also with a window)."),
            u"FILE"_s);
    const QCommandLineOption stacks(
            u"stacks"_s,
            QCoreApplication::translate("watch",
                                        "Show each stall's full stack in the text report."));
    const QCommandLineOption pid(
            u"pid"_s,
            QCoreApplication::translate("watch",
                                        "Attach to the running program PID instead of starting "
                                        "one: its stacks through ptrace, its state from /proc, "
                                        "its X11 window's answers to _NET_WM_PING; it runs on."),
            u"PID"_s);
    const QCommandLineOption own(
            u"own"_s,
            QCoreApplication::translate(
                    "watch",
                    "Count modules or source files whose path matches GLOB as the program's own "
                    "code, besides its executable and its private libraries and plugins "
                    "(repeatable)."),
            u"GLOB"_s);
    parser.addOptions({ json, duration, threshold, output, stacks, pid, own });
    WatchOutputs outputs;
    parser.addOptions(outputs.options());
    parser.addPositionalArgument(
            u"PROGRAM"_s,
            QCoreApplication::translate("watch", "The program to start, and its arguments."),
            u"-- PROGRAM [ARGS...]"_s);
    QStringList parsed = arguments;
    parsed.removeAt(1); // "watch"
    if (!parser.parse(parsed))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s) || parser.isSet(u"help-all"_s)) {
        std::fprintf(stdout, "%s", qPrintable(helpText(parser)));
        return 0;
    }
    QStringList command = parser.positionalArguments();
    if (command.isEmpty() && !parser.isSet(pid))
        return usageError(QCoreApplication::translate(
                "watch", "name the program to watch: asynclab watch -- PROGRAM [ARGS...]"));
    if (!command.isEmpty() && parser.isSet(pid))
        return usageError(QCoreApplication::translate(
                "watch", "--pid watches a running program: name no program to start"));
    bool ok = true;
    double durationMs = 0;
    if (parser.isSet(duration)) {
        durationMs = parser.value(duration).toDouble(&ok) * 1000;
        if (!ok || durationMs <= 0)
            return usageError(QCoreApplication::translate(
                                      "watch", "--duration wants seconds above 0, not \"%1\"")
                                      .arg(parser.value(duration)));
    }
    const double thresholdMs = parser.value(threshold).toDouble(&ok);
    if (!ok || thresholdMs < 1)
        return usageError(QCoreApplication::translate(
                                  "watch", "--threshold wants milliseconds, at least 1, not \"%1\"")
                                  .arg(parser.value(threshold)));
    const QString outputFile = parser.value(output);
    if (parser.isSet(output) && outputFile.isEmpty())
        return usageError(QCoreApplication::translate("watch", "--output wants a file name"));
    if (const QString why =
                outputFile.isEmpty() ? QString() : WatchOutputs::cannotWrite(outputFile);
        !why.isEmpty())
        return usageError(why);

    if (QString error; !outputs.read(parser, &error))
        return usageError(error);
    if (parser.isSet(pid)) {
        const qint64 attachTo = parser.value(pid).toLongLong(&ok);
        if (!ok || attachTo <= 0)
            return usageError(
                    QCoreApplication::translate("watch", "--pid wants a process id, not \"%1\"")
                            .arg(parser.value(pid)));
        return runAttachCommand(argc, argv,
                                { attachTo, parser.isSet(json), durationMs, thresholdMs, outputFile,
                                  parser.values(own) },
                                outputs);
    }

    const bool window = withDisplay && !parser.isSet(json);
    std::unique_ptr<QCoreApplication> app = window ? std::make_unique<QApplication>(argc, argv)
                                                   : std::make_unique<QCoreApplication>(argc, argv);
    // Closing the window ends the watch through WatchWindow::closed, which writes the report and
    // the files first; not by quitting the application under them.
    if (window)
        QGuiApplication::setQuitOnLastWindowClosed(false);
    installTranslations();
    WatchSession session;
    session.setProgram(command.takeFirst(), command);
    session.setDurationMs(durationMs);
    session.setThresholdMs(thresholdMs);
    session.setOwnGlobs(parser.values(own));
    session.setOutputToStderr(parser.isSet(json));
    QtTestFunctions functions; // for a Qt Test executable: the test function of each stall
    QObject::connect(&session, &WatchSession::programOutput, app.get(),
                     [&functions](const QByteArray &out) { functions.read(out, labNowMs()); });
    int status = 0;
    // A stop signal ends the watch; once it has ended (a window left open to read), AsyncLab.
    const StopSignals stopSignals([&session, &status](int signal) {
        if (session.isFinished())
            QCoreApplication::exit(status);
        else
            session.interrupt(signal);
    });
    std::unique_ptr<WatchWindow> view;
    if (window) {
        view = std::make_unique<WatchWindow>(&session);
        view->show();
    }
    QObject::connect(&session, &WatchSession::finished, app.get(), [&](int programStatus) {
        const bool written =
                printReport(session, parser.isSet(json), parser.isSet(stacks), outputFile);
        status = outputs.conclude(watchRecording(session), written ? programStatus : 1, &functions);
        // After a signal or a --duration AsyncLab goes, window or not: it was asked to stop.
        // A window left open otherwise is there to be read; closing it ends AsyncLab.
        if (!view || !view->isVisible() || session.receivedSignal() != 0 || durationMs > 0)
            QCoreApplication::exit(status);
    });
    if (view) {
        QObject::connect(view.get(), &WatchWindow::closed, app.get(), [&] {
            if (session.isFinished())
                QCoreApplication::exit(status);
            else
                session.stop(); // the report follows when the program has ended
        });
    }
    session.start();
    return app->exec();
}

#include <windows/watchcommand.h>
#include <watch/watchsession.h>
#include <windows/watchwindow.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QJsonDocument>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {
int usageError(const QString &message)
{
    std::fprintf(stderr, "asynclab watch: %s\nTry 'asynclab watch --help'.\n", qPrintable(message));
    return 2;
}

void printReport(const WatchSession &session, bool json)
{
    if (!session.probeMessage().isEmpty())
        std::fprintf(stderr, "asynclab: %s\n", qPrintable(session.probeMessage()));
    const QByteArray out =
            json ? QJsonDocument(session.reportJson()).toJson() : session.reportText().toUtf8();
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    std::fflush(stdout);
}
} // namespace

int runWatchCommand(int &argc, char **argv, const QStringList &arguments, bool withDisplay)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Starts PROGRAM, a Qt 6 program, and measures how responsive its main thread is: lag, "
            "stalls over the threshold, and for each stall the function of PROGRAM that caused it, "
            "computing (busy) or waiting. With a display a Watch window shows it live; otherwise, "
            "or with --json, a report is printed when PROGRAM ends or the duration is over. The "
            "exit "
            "status is PROGRAM's (128 + N when signal N killed it, 127 when it cannot start, 0 "
            "when "
            "the duration ended it)."_s);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.addHelpOption();
    const QCommandLineOption json(u"json"_s, u"Print the report as JSON, open no window."_s);
    const QCommandLineOption duration(u"duration"_s,
                                      u"End the watch (and PROGRAM) after S seconds."_s, u"S"_s);
    const QCommandLineOption threshold(
            u"threshold"_s, u"A stall is a freeze longer than MS milliseconds (default: 50)."_s,
            u"MS"_s, u"50"_s);
    parser.addOptions({ json, duration, threshold });
    parser.addPositionalArgument(u"PROGRAM"_s, u"The program to start, and its arguments."_s,
                                 u"-- PROGRAM [ARGS...]"_s);
    QStringList parsed = arguments;
    parsed.removeAt(1); // "watch"
    if (!parser.parse(parsed))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        std::fprintf(stdout, "%s", qPrintable(parser.helpText()));
        return 0;
    }
    QStringList command = parser.positionalArguments();
    if (command.isEmpty())
        return usageError(u"name the program to watch: asynclab watch -- PROGRAM [ARGS...]"_s);
    bool ok = true;
    double durationMs = 0;
    if (parser.isSet(duration)) {
        durationMs = parser.value(duration).toDouble(&ok) * 1000;
        if (!ok || durationMs <= 0)
            return usageError(
                    u"--duration wants seconds above 0, not \"%1\""_s.arg(parser.value(duration)));
    }
    const double thresholdMs = parser.value(threshold).toDouble(&ok);
    if (!ok || thresholdMs < 1)
        return usageError(u"--threshold wants milliseconds, at least 1, not \"%1\""_s.arg(
                parser.value(threshold)));

    const bool window = withDisplay && !parser.isSet(json);
    std::unique_ptr<QCoreApplication> app = window ? std::make_unique<QApplication>(argc, argv)
                                                   : std::make_unique<QCoreApplication>(argc, argv);
    WatchSession session;
    session.setProgram(command.takeFirst(), command);
    session.setDurationMs(durationMs);
    session.setThresholdMs(thresholdMs);
    session.setOutputToStderr(parser.isSet(json));
    std::unique_ptr<WatchWindow> view;
    if (window) {
        view = std::make_unique<WatchWindow>(&session);
        view->show();
    }
    QObject::connect(&session, &WatchSession::finished, app.get(), [&](int status) {
        printReport(session, parser.isSet(json));
        if (!view || !view->isVisible())
            QCoreApplication::exit(status);
    });
    if (view) {
        QObject::connect(view.get(), &WatchWindow::closed, app.get(), [&] {
            if (session.isFinished())
                QCoreApplication::exit(session.exitStatus());
            else
                session.stop(); // the report follows when the program has ended
        });
    }
    session.start();
    return app->exec();
}

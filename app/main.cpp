#include "commandline.h"
#include "commandrunner.h"
#include "lab.h"
#include "labapplication.h"
#include "mainwindow.h"
#include "watchcommand.h"

#include <QApplication>
#include <QFile>
#include <QIcon>
#include <QLoggingCategory>
#include <QTimer>
#include <cstdio>
#include <ctime>
#include <sys/resource.h>
#include <unistd.h>

// Off unless asked for: QT_LOGGING_RULES="asynclab.startup.info=true"
Q_LOGGING_CATEGORY(lcStartup, "asynclab.startup", QtWarningMsg)

using namespace Qt::StringLiterals;

namespace {
// The server and the fetch demos hold a thousand connections at once, each end a descriptor.
void raiseOpenFileLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

int fail(const QString &message)
{
    std::fprintf(stderr, "asynclab: %s\n", qPrintable(message));
    return 1;
}

// Milliseconds since the kernel started this process (10 ms resolution), so startup time includes
// loading the libraries, not only what main() does.
double msSinceProcessStart()
{
    QFile stat(u"/proc/self/stat"_s);
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Field 22 (starttime) counts clock ticks since boot; fields after the ")" of the name.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    timespec now {};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double startMs = fields.at(19).toDouble() * 1000.0 / double(sysconf(_SC_CLK_TCK));
    return double(now.tv_sec) * 1000 + double(now.tv_nsec) / 1e6 - startMs;
}

bool hasDisplay()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
            || qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}
} // namespace

int main(int argc, char *argv[])
{
    raiseOpenFileLimit();
    QCoreApplication::setApplicationName(u"AsyncLab"_s);
    QCoreApplication::setOrganizationName(u"AsyncLab"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ASYNCLAB_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (arguments.size() > 1 && arguments.at(1) == u"watch")
        return runWatchCommand(argc, argv, arguments, hasDisplay());
    const auto parsed = CommandLine::parse(arguments);
    if (const auto *exit = std::get_if<CommandLine::Exit>(&parsed)) {
        if (exit->code != 0) {
            std::fprintf(stderr, "asynclab: %s\nTry 'asynclab --help'.\n",
                         qPrintable(exit->output));
        } else {
            std::fprintf(stdout, "%s\n", qPrintable(exit->output));
        }
        return exit->code;
    }
    const CommandLine options = std::get<CommandLine>(parsed);

    if (!options.needsWindow()) {
        LabCoreApplication app(argc, argv);
        Lab lab;
        if (!lab.start(options.port))
            return fail(lab.errorString());
        CommandRunner runner(&lab, options);
        runner.start();
        return app.exec();
    }

    if (!hasDisplay() && (!options.screenshotPath.isEmpty() || !options.outDir.isEmpty()))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // pictures need no screen
    LabApplication app(argc, argv);
    QApplication::setWindowIcon(QIcon(u":/icons/asynclab.svg"_s));
    QApplication::setDesktopFileName(u"asynclab"_s);
    Lab lab;
    if (!lab.start(options.port))
        return fail(lab.errorString());
    MainWindow window(&lab);
    if (options.modeGiven)
        window.setMode(options.mode);
    window.show();
    QTimer::singleShot(0, &window, [] {
        qCInfo(lcStartup, "window shown %.0f ms after process start", msSinceProcessStart());
    });
    CommandRunner runner(&lab, options, &window);
    if (options.action != CommandLine::Action::Window || !options.screenshotPath.isEmpty())
        runner.start();
    return app.exec();
}

#include <cli/commandline.h>
#include <cli/commandrunner.h>
#include <cli/console.h>
#include <cli/translations.h>
#include <engine/lab.h>
#include <windows/labapplication.h>
#include <windows/mainwindow.h>
#include <windows/offscreentyping.h>
#include <common/oneline.h>
#include <windows/windowdriver.h>
#include <windows/watchcommand.h>

#include <QApplication>
#include <QFile>
#include <QIcon>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>
#include <ctime>
#include <memory>
#include <unistd.h>

// Off unless asked for: QT_LOGGING_RULES="asynclab.startup.info=true"
Q_LOGGING_CATEGORY(lcStartup, "asynclab.startup", QtWarningMsg)

using namespace Qt::StringLiterals;

namespace {
int fail(const QString &message)
{
    Console::error(message);
    return 1;
}

// The offscreen platform, which draws screenshots and types into the comparison's unseen text
// field, says on every window that it cannot resize it to its size hints; nothing is wrong then.
QtMessageHandler g_defaultHandler = nullptr;
void dropPlatformNoise(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && message == "This plugin does not support propagateSizeHints()"_L1)
        return;
    g_defaultHandler(type, context, message);
}

// Qt wants a private runtime folder and warns on every run without one (XDG_RUNTIME_DIR unset, as
// in containers and over ssh): give it one for this run.
std::unique_ptr<QTemporaryDir> ensureRuntimeDir()
{
    if (qEnvironmentVariableIsSet("XDG_RUNTIME_DIR"))
        return {};
    auto dir = std::make_unique<QTemporaryDir>(); // mode 0700, as Qt requires
    if (dir->isValid())
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(dir->path()));
    return dir;
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
    g_defaultHandler = qInstallMessageHandler(dropPlatformNoise);
    const std::unique_ptr<QTemporaryDir> runtimeDir = ensureRuntimeDir();
    QCoreApplication::setApplicationName(u"AsyncLab"_s);
    QCoreApplication::setOrganizationName(u"AsyncLab"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ASYNCLAB_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (arguments.size() > 1 && arguments.at(1) == u"watch")
        return runWatchCommand(argc, argv, arguments, hasDisplay());
    const auto parsed = CommandLine::parse(arguments);
    if (std::holds_alternative<CommandLine::Exit>(parsed)) {
        // Translators need an application object: parsed again with one, the help and the
        // errors are in the user's language.
        QCoreApplication app(argc, argv);
        installTranslations();
        const auto exit = std::get<CommandLine::Exit>(CommandLine::parse(arguments));
        if (exit.code != 0) {
            Console::error(exit.output);
            Console::err(QCoreApplication::translate("main", "Try 'asynclab --help'.") + u'\n');
        } else {
            Console::out(exit.output + u'\n');
        }
        return exit.code;
    }
    const CommandLine options = std::get<CommandLine>(parsed);
    if (!options.needsWindow() && options.action != CommandLine::Action::Compare) {
        LabCoreApplication app(argc, argv);
        installTranslations();
        Lab lab;
        if (!lab.start(options.port, options.maxConnections))
            return fail(lab.errorString());
        CommandRunner runner(&lab, options);
        runner.start();
        return app.exec();
    }
    if (!options.needsWindow()) {
        // A comparison without a window still types while it runs, into a field no one sees.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        LabApplication app(argc, argv);
        installTranslations();
        Lab lab;
        if (!lab.start(options.port, options.maxConnections))
            return fail(lab.errorString());
        OffscreenTyping typing;
        CommandRunner runner(&lab, options);
        runner.setKeyPressMeter(&typing);
        runner.start();
        return app.exec();
    }

    if (!hasDisplay() && (!options.screenshotPath.isEmpty() || !options.outDir.isEmpty()))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // pictures need no screen
    LabApplication app(argc, argv);
    installTranslations();
    QApplication::setWindowIcon(QIcon(u":/icons/asynclab.svg"_s));
    QApplication::setDesktopFileName(u"asynclab"_s);
    Lab lab;
    if (!lab.start(options.port, options.maxConnections))
        return fail(lab.errorString());
    MainWindow window(&lab);
    if (options.modeGiven)
        window.setMode(options.mode);
    window.show();
    QTimer::singleShot(0, &window, [] {
        qCInfo(lcStartup, "window shown %.0f ms after process start", msSinceProcessStart());
    });
    WindowDriver driver(&lab, options, &window);
    if (options.action != CommandLine::Action::Window || !options.screenshotPath.isEmpty())
        driver.start();
    return app.exec();
}

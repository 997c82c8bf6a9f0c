#include <cli/attachcommand.h>
#include <watch/attachsession.h>
#include <cli/console.h>
#include <export/recordings.h>
#include <cli/stopsignals.h>
#include <cli/watchoutputs.h>

#include <QCoreApplication>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

int runAttachCommand(int &argc, char **argv, const AttachOptions &options,
                     const WatchOutputs &outputs)
{
    QCoreApplication app(argc, argv);
    AttachSession session;
    session.setPid(options.pid);
    session.setDurationMs(options.durationMs);
    session.setThresholdMs(options.thresholdMs);
    session.setOwnGlobs(options.ownGlobs);
    if (!session.start()) {
        Console::error(session.errorString());
        return 1;
    }
    const StopSignals stopSignals([&session](int) { session.stop(); });
    Console::err(QCoreApplication::translate("watch",
                                             "asynclab: attached to pid %1 (%2); Ctrl+C "
                                             "detaches\n")
                         .arg(options.pid)
                         .arg(session.program()));
    QObject::connect(&session, &AttachSession::finished, &app, [&] {
        const QByteArray report = options.json ? QJsonDocument(session.reportJson()).toJson()
                                               : session.reportText().toUtf8();
        const bool written = WatchOutputs::writeReport(report, options.outputPath);
        QCoreApplication::exit(
                outputs.conclude(attachRecording(session), written ? 0 : 1, nullptr));
    });
    return app.exec();
}

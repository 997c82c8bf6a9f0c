#include "processrunner.h"

#include <QProcess>

ProcessOutcome runProcess(const QString &program, const QStringList &arguments, int timeoutMs,
                          const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return { -1, process.readAllStandardOutput(),
                 "timed out\n" + process.readAllStandardError() };
    }
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
             process.readAllStandardOutput(), process.readAllStandardError() };
}

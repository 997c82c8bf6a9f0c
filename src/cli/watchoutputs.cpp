#include <cli/watchoutputs.h>
#include <cli/console.h>
#include <export/recording.h>
#include <export/responsivenessgate.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <cstdio>

using namespace Qt::StringLiterals;

WatchOutputs::WatchOutputs()
    : m_trace(u"trace"_s,
              tr("Write the stalls, their culprits and the lag to FILE in the Chrome Trace Event "
                 "Format (Perfetto, chrome://tracing, Qt Creator)."),
              u"FILE"_s),
      m_profile(u"profile"_s, tr("Write the stacks of the stalls to FILE in speedscope's format."),
                u"FILE"_s),
      m_failOver(u"fail-over"_s,
                 tr("Fail (exit status 123) when a stall lasted longer than MS milliseconds."),
                 u"MS"_s),
      m_failOverBusy(u"fail-over-busy"_s,
                     tr("Fail (exit status 123) when the main thread computed for longer than MS "
                        "milliseconds during one stall: its own CPU time, which other jobs on "
                        "the machine do not stretch."),
                     u"MS"_s),
      m_junit(u"junit"_s,
              tr("Write a JUnit XML report to FILE: one test case per stall, with its culprit "
                 "and stack."),
              u"FILE"_s)
{
}

QList<QCommandLineOption> WatchOutputs::options() const
{
    return { m_trace, m_profile, m_failOver, m_failOverBusy, m_junit };
}

bool WatchOutputs::read(const QCommandLineParser &parser, QString *error)
{
    for (const auto &[option, into] : { std::pair { &m_failOver, &m_failOverMs },
                                        std::pair { &m_failOverBusy, &m_failOverBusyMs } }) {
        if (!parser.isSet(*option))
            continue;
        bool ok = false;
        *into = parser.value(*option).toDouble(&ok);
        if (!ok || *into < 1) {
            *error = tr("--%1 wants milliseconds, at least 1, not \"%2\"")
                             .arg(option->names().first(), parser.value(*option));
            return false;
        }
    }
    m_tracePath = parser.value(m_trace);
    m_profilePath = parser.value(m_profile);
    m_junitPath = parser.value(m_junit);
    // Said now, not after a long watch whose results would then be lost.
    for (const QString &path : { m_tracePath, m_profilePath, m_junitPath }) {
        if (!path.isEmpty())
            *error = cannotWrite(path);
        if (!error->isEmpty())
            return false;
    }
    return true;
}

QString WatchOutputs::cannotWrite(const QString &path)
{
    const QFileInfo file(path);
    const QFileInfo folder(file.absolutePath());
    if (file.isDir())
        return tr("cannot write %1: it is a folder").arg(path);
    if (!folder.isDir())
        return tr("cannot write %1: there is no folder %2").arg(path, folder.filePath());
    if (file.exists() ? !file.isWritable() : !folder.isWritable())
        return tr("cannot write %1: permission denied").arg(path);
    if (!file.exists()) {
        // Some folders refuse new files whatever their permissions say (/proc, a read-only
        // mount): the file is made, and removed at once. NewOnly: never one that was there.
        QFile probe(path);
        if (!probe.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return tr("cannot write %1: %2").arg(path, probe.errorString());
        probe.close();
        probe.remove();
    }
    return {};
}

int WatchOutputs::conclude(const Recording &recording, int programStatus,
                           const QtTestFunctions *functions) const
{
    int status = programStatus;
    QString error;
    if (!recording.save(m_tracePath, m_profilePath, &error)) {
        Console::error(error);
        status = status == 0 ? 1 : status;
    }
    ResponsivenessGate gate;
    gate.setWallLimitMs(m_failOverMs);
    gate.setBusyLimitMs(m_failOverBusyMs);
    if (!gate.isActive() && m_junitPath.isEmpty())
        return status;
    gate.judge(recording.stalls, functions, recording.originMs);
    for (const QString &line : gate.lines())
        Console::err(u"asynclab: %1\n"_s.arg(line));
    const double watchedMs = recording.endMs - recording.originMs;
    if (!m_junitPath.isEmpty()
        && !gate.saveJunit(m_junitPath, recording.processName, watchedMs, &error)) {
        Console::error(error);
        status = status == 0 ? 1 : status;
    }
    if (gate.failed() && status == 0)
        Console::error(tr("a stall failed the responsiveness gate: exit status %1")
                               .arg(ResponsivenessGate::FailedStatus));
    return gate.exitStatus(status);
}

bool WatchOutputs::writeReport(const QByteArray &report, const QString &path)
{
    if (path.isEmpty()) {
        std::fwrite(report.constData(), 1, size_t(report.size()), stdout);
        std::fflush(stdout);
        return true;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(report) != report.size() || !file.commit()) {
        Console::error(tr("cannot write the report to %1: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

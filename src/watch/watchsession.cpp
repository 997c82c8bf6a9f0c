#include <watch/watchsession.h>
#include <common/labclock.h>
#include <stalls/stallreport.h>
#include <common/units.h>
#include <stalls/watchprotocol.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QRandomGenerator>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <dlfcn.h>

using namespace Qt::StringLiterals;

namespace {
constexpr double HistoryMs = 3600000; // the report covers the last hour of a longer watch

QString endName(WatchSession::End end)
{
    switch (end) {
    case WatchSession::End::Running:
        return u"running"_s;
    case WatchSession::End::Exited:
        return u"exited"_s;
    case WatchSession::End::Crashed:
        return u"crashed"_s;
    case WatchSession::End::DurationOver:
        return u"duration"_s;
    case WatchSession::End::FailedToStart:
        return u"failedToStart"_s;
    }
    return {};
}

QString probeName(WatchSession::Probe probe)
{
    switch (probe) {
    case WatchSession::Probe::Waiting:
        return u"waiting"_s;
    case WatchSession::Probe::Running:
        return u"running"_s;
    case WatchSession::Probe::Refused:
        return u"refused"_s;
    case WatchSession::Probe::Absent:
        return u"absent"_s;
    }
    return {};
}

// An AddressSanitizer build of the probe needs the sanitizer's runtime loaded before it, ahead of
// everything the program links: the one this (equally instrumented) AsyncLab runs with.
QString sanitizerRuntime()
{
#if defined(__SANITIZE_ADDRESS__)
    Dl_info info {};
    if (void *init = dlsym(RTLD_DEFAULT, "__asan_init");
        init && dladdr(init, &info) && info.dli_fname)
        return QString::fromLocal8Bit(info.dli_fname);
#endif
    return {};
}

QString percent(double share)
{
    return u"%1%"_s.arg(std::lround(share * 100));
}
} // namespace

WatchSession::WatchSession(QObject *parent) : QObject(parent), m_server(new QLocalServer(this))
{
    m_lag.setHistoryMs(HistoryMs);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &WatchSession::acceptConnection);
    connect(&m_process, &QProcess::finished, this, &WatchSession::programFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &WatchSession::programError);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, [this] {
        const QByteArray out = m_process.readAllStandardOutput();
        std::fwrite(out.constData(), 1, size_t(out.size()), stderr);
    });
    m_duration.setSingleShot(true);
    connect(&m_duration, &QTimer::timeout, this, [this] {
        m_end = End::DurationOver;
        stop();
    });
    m_kill.setSingleShot(true);
    m_kill.setInterval(TerminateGraceMs);
    connect(&m_kill, &QTimer::timeout, &m_process, &QProcess::kill);
    m_settle.setSingleShot(true);
    m_settle.setInterval(SettleMs);
    connect(&m_settle, &QTimer::timeout, this, &WatchSession::finish);
}

WatchSession::~WatchSession()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(TerminateGraceMs);
    }
}

void WatchSession::setProgram(const QString &program, const QStringList &arguments)
{
    m_program = program;
    m_arguments = arguments;
}

QString WatchSession::probePath()
{
    const QString overridden = qEnvironmentVariable("ASYNCLAB_PROBE");
    if (!overridden.isEmpty())
        return overridden;
    // Run from the build tree: the probe built beside it; installed: the one installed beside it.
    const QString build = QStringLiteral(ASYNCLAB_PROBE_BUILD_PATH);
    const QString binaryDir = QStringLiteral(ASYNCLAB_BINARY_DIR);
    if (QCoreApplication::applicationDirPath().startsWith(binaryDir) && QFileInfo::exists(build))
        return build;
    return QCoreApplication::applicationDirPath() + u"/../"_s
            + QStringLiteral(ASYNCLAB_PROBE_INSTALL_PATH);
}

QString WatchSession::serverName() const
{
    return m_server->fullServerName();
}

void WatchSession::start()
{
    m_startMs = labNowMs();
    const QString probe = probePath();
    if (!QFileInfo::exists(probe)) {
        m_startError = u"the watch probe %1 is missing"_s.arg(probe);
        m_end = End::FailedToStart;
        QTimer::singleShot(0, this, &WatchSession::finish);
        return;
    }
    const QString name =
            u"asynclab-watch-%1-%2"_s.arg(QCoreApplication::applicationPid())
                    .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
    if (!m_server->listen(name)) {
        m_startError = u"cannot listen on %1: %2"_s.arg(name, m_server->errorString());
        m_end = End::FailedToStart;
        QTimer::singleShot(0, this, &WatchSession::finish);
        return;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QStringList preload { probe };
    if (const QString runtime = sanitizerRuntime(); !runtime.isEmpty())
        preload.prepend(runtime);
    if (const QString given = env.value(QString::fromLatin1(WatchProtocol::PreloadVariable));
        !given.isEmpty())
        preload.append(given);
    env.insert(QString::fromLatin1(WatchProtocol::PreloadVariable), preload.join(u':'));
    env.insert(QString::fromLatin1(WatchProtocol::SocketVariable), m_server->fullServerName());
    env.insert(QString::fromLatin1(WatchProtocol::ThresholdVariable),
               QString::number(m_thresholdMs));
    m_process.setProcessEnvironment(env);
    m_process.setProcessChannelMode(m_outputToStderr ? QProcess::ForwardedErrorChannel
                                                     : QProcess::ForwardedChannels);
    m_process.setInputChannelMode(QProcess::ForwardedInputChannel);
    m_process.start(m_program, m_arguments);
    if (m_durationMs > 0)
        m_duration.start(int(std::ceil(m_durationMs)));
}

void WatchSession::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    m_kill.start();
}

void WatchSession::programError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return; // a crash also arrives as finished()
    m_startError = m_process.errorString();
    m_end = End::FailedToStart;
    m_programDone = true;
    m_duration.stop();
    finish();
}

void WatchSession::programFinished(int code, QProcess::ExitStatus status)
{
    m_endMs = labNowMs();
    m_duration.stop();
    m_kill.stop();
    m_programDone = true;
    m_code = code;
    if (m_end != End::DurationOver)
        m_end = status == QProcess::CrashExit ? End::Crashed : End::Exited;
    settle();
}

void WatchSession::settle()
{
    if (m_finished || !m_programDone)
        return;
    // The probe's last lines may still be on their way: wait for its goodbye or the end of the
    // connection, a bounded time (a forked child of the program may hold the socket open).
    const bool lineClosed = !m_socket || m_socket->state() == QLocalSocket::UnconnectedState;
    if (m_bye || (m_socket && lineClosed)) {
        finish();
        return;
    }
    if (!m_settle.isActive())
        m_settle.start();
}

void WatchSession::finish()
{
    if (m_finished)
        return;
    if (m_socket)
        readLines();
    m_finished = true;
    m_settle.stop();
    if (m_endMs == 0)
        m_endMs = labNowMs();
    if (m_probe == Probe::Waiting) {
        m_probe = Probe::Absent;
        emit probeChanged(m_probe);
    }
    m_server->close(); // removes the socket file
    emit finished(exitStatus());
}

void WatchSession::acceptConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        if (m_socket) {
            socket->deleteLater(); // one probe per watch
            continue;
        }
        m_socket = socket;
        socket->setParent(this);
        connect(socket, &QLocalSocket::readyRead, this, &WatchSession::readLines);
        connect(socket, &QLocalSocket::disconnected, this, [this] {
            readLines();
            settle();
        });
        readLines();
    }
}

void WatchSession::readLines()
{
    while (m_socket && m_socket->canReadLine())
        handleLine(m_socket->readLine());
}

void WatchSession::handleLine(const QByteArray &line)
{
    const QJsonObject json = QJsonDocument::fromJson(line).object();
    const QString type = json.value(u"type"_s).toString();
    if (type == u"lag") {
        for (const LagSample &sample : WatchProtocol::lagFromJson(json))
            m_lag.addSample(sample);
    } else if (type == u"stall") {
        StallRecord record = WatchProtocol::recordFromJson(json.value(u"record"_s).toObject());
        record.id = int(m_stalls.size()) + 1;
        m_stalls.append(record);
        emit stallRecorded(record);
    } else if (type == u"hello") {
        m_pid = json.value(u"pid"_s).toInteger();
        m_qtVersion = json.value(u"qt"_s).toString();
        m_probe = Probe::Running;
        emit probeChanged(m_probe);
    } else if (type == u"refused") {
        m_pid = json.value(u"pid"_s).toInteger();
        m_refusal = json.value(u"reason"_s).toString();
        m_probe = Probe::Refused;
        emit probeChanged(m_probe);
    } else if (type == u"dropped") {
        m_droppedSamples += json.value(u"samples"_s).toInteger();
    } else if (type == u"bye") {
        m_bye = true;
        settle();
    }
}

int WatchSession::exitStatus() const
{
    switch (m_end) {
    case End::FailedToStart:
        return CannotStartStatus;
    case End::Crashed:
        return 128 + m_code; // on Unix the "exit code" of a crash is the signal
    case End::DurationOver:
        return 0; // the watch ran its course; the program did not fail
    case End::Exited:
    case End::Running:
        break;
    }
    return m_code;
}

double WatchSession::elapsedMs() const
{
    return (m_endMs > 0 ? m_endMs : labNowMs()) - m_startMs;
}

QString WatchSession::probeMessage() const
{
    switch (m_probe) {
    case Probe::Refused:
        return u"nothing watched: %1"_s.arg(m_refusal);
    case Probe::Absent:
        if (m_end == End::FailedToStart)
            return u"cannot start %1: %2"_s.arg(m_program, m_startError);
        return u"nothing watched: %1 is not a Qt 6 program (it started no QCoreApplication)"_s.arg(
                m_program);
    case Probe::Waiting:
    case Probe::Running:
        break;
    }
    return {};
}

QJsonObject WatchSession::reportJson() const
{
    const LagStats stats = m_lag.statsBetween(m_startMs, m_endMs > 0 ? m_endMs : labNowMs());
    double frozenMs = 0;
    double busyMs = 0;
    double waitingMs = 0;
    // A program without an event loop has no lag samples, only the stall of its whole run.
    double maxStallMs = stats.maxStallMs;
    int recordsOver50Ms = 0;
    for (const StallRecord &record : m_stalls) {
        maxStallMs = std::max(maxStallMs, record.durationMs);
        if (record.durationMs > ResponsivenessMonitor::StallThresholdMs)
            ++recordsOver50Ms;
        frozenMs += record.durationMs;
        busyMs += record.busyShare * record.durationMs;
        waitingMs += record.waitingShare * record.durationMs;
    }
    QJsonObject json {
        { u"program"_s, m_program },
        { u"arguments"_s, QJsonArray::fromStringList(m_arguments) },
        { u"pid"_s, m_pid },
        { u"qt"_s, m_qtVersion.isEmpty() ? QJsonValue() : QJsonValue(m_qtVersion) },
        { u"probe"_s, probeName(m_probe) },
        { u"message"_s, probeMessage().isEmpty() ? QJsonValue() : QJsonValue(probeMessage()) },
        { u"ended"_s, endName(m_end) },
        { u"exitStatus"_s, exitStatus() },
        { u"signal"_s, m_end == End::Crashed ? QJsonValue(m_code) : QJsonValue() },
        { u"watchedMs"_s, elapsedMs() },
        { u"thresholdMs"_s, m_thresholdMs },
        { u"samples"_s, stats.samples },
        { u"droppedSamples"_s, m_droppedSamples },
        { u"maxStallMs"_s, maxStallMs },
        { u"p99LagMs"_s, stats.p99LagMs },
        { u"stallsOver50Ms"_s, std::max(stats.stallsOver50Ms, recordsOver50Ms) },
        { u"frozenMs"_s, frozenMs },
        { u"busyShare"_s, frozenMs > 0 ? busyMs / frozenMs : 0.0 },
        { u"waitingShare"_s, frozenMs > 0 ? waitingMs / frozenMs : 0.0 },
    };
    return StallReport::withStalls(json, m_stalls);
}

QString WatchSession::reportText() const
{
    const QJsonObject json = reportJson();
    QString text;
    const auto row = [&text](const QString &name, const QString &value) {
        text += u"%1%2\n"_s.arg(name, -16).arg(value);
    };
    row(u"program"_s, (QStringList { m_program } + m_arguments).join(u' '));
    if (!probeMessage().isEmpty())
        row(u"watch"_s, probeMessage());
    else
        row(u"watch"_s,
            u"pid %1, Qt %2, %3"_s.arg(m_pid).arg(m_qtVersion, formatDuration(elapsedMs())));
    switch (m_end) {
    case End::Exited:
        row(u"ended"_s, u"exited with status %1"_s.arg(m_code));
        break;
    case End::Crashed:
        row(u"ended"_s,
            u"killed by signal %1 (%2)"_s.arg(m_code).arg(
                    QString::fromLocal8Bit(strsignal(m_code))));
        break;
    case End::DurationOver:
        row(u"ended"_s, u"stopped by AsyncLab at the end of the duration"_s);
        break;
    case End::FailedToStart:
        row(u"ended"_s, u"did not start"_s);
        break;
    case End::Running:
        row(u"ended"_s, u"still running"_s);
        break;
    }
    if (m_probe != Probe::Running)
        return text;
    row(u"max stall"_s, formatDuration(json.value(u"maxStallMs"_s).toDouble()));
    row(u"p99 lag"_s, formatDuration(json.value(u"p99LagMs"_s).toDouble()));
    row(u"stalls > 50 ms"_s, QString::number(json.value(u"stallsOver50Ms"_s).toInt()));
    row(u"time frozen"_s, formatDuration(json.value(u"frozenMs"_s).toDouble()));
    if (!m_stalls.isEmpty()) {
        row(u"busy / waiting"_s,
            u"%1 / %2"_s.arg(percent(json.value(u"busyShare"_s).toDouble()),
                             percent(json.value(u"waitingShare"_s).toDouble())));
    }
    for (const StallRecord &record : m_stalls) {
        text += u"\nstall %1 at %2: %3, %4\n"_s.arg(record.id).arg(
                formatDuration(record.startMs - m_startMs), formatDuration(record.durationMs),
                record.activityText());
        text += u"  culprit  %1\n"_s.arg(record.culprit.isKnown()
                                                 ? record.culprit.location()
                                                 : u"none in the program's own code"_s);
        if (!record.culprit.isKnown()) {
            // A stripped program names none of its functions: the innermost named frame of a
            // library it called still says where.
            for (const StackFrame &frame : record.stack) {
                if (!frame.function.isEmpty() && !frame.module.startsWith(u"libc.so"_s)) {
                    text += u"  inside   %1\n"_s.arg(frame.location());
                    break;
                }
            }
        }
        for (const StackFrame &frame : record.stack)
            text += u"    %1%2\n"_s.arg(frame.own ? u"> "_s : u"  "_s, frame.location());
    }
    return text;
}

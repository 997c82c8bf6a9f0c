#include <watch/watchsession.h>
#include <common/labclock.h>
#include <stalls/owncode.h>
#include <stalls/watchprotocol.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QRandomGenerator>
#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <dlfcn.h>
#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
constexpr double HistoryMs = 3600000; // the report covers the last hour of a longer watch

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
} // namespace

WatchSession::WatchSession(QObject *parent) : QObject(parent), m_server(new QLocalServer(this))
{
    m_lag.setHistoryMs(HistoryMs);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &WatchSession::acceptConnection);
    connect(&m_process, &QProcess::finished, this, &WatchSession::programFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &WatchSession::programError);
    connect(&m_process, &QProcess::readyReadStandardOutput, this,
            [this] { readOutput(QProcess::StandardOutput); });
    connect(&m_process, &QProcess::readyReadStandardError, this,
            [this] { readOutput(QProcess::StandardError); });
    m_duration.setSingleShot(true);
    connect(&m_duration, &QTimer::timeout, this, [this] { stop(End::DurationOver); });
    connect(&m_watchdog, &ProgramWatchdog::stallUpdated, this, [this](StallRecord record) {
        record.program = programName();
        m_openStall = record;
        emit stallUpdated(record);
    });
    connect(&m_watchdog, &ProgramWatchdog::stallRecorded, this, &WatchSession::recordStall);
    connect(&m_watchdog, &ProgramWatchdog::samplingRefused, this,
            [this](const QString &reason) { m_samplingRefusal = reason; });
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

QString WatchSession::programName() const
{
    const QString name = QFileInfo(m_program).fileName();
    if (!OwnCode::isInterpreter(name))
        return name;
    for (const QString &argument : m_arguments) {
        if (!argument.startsWith(u'-'))
            return QFileInfo(argument).fileName();
    }
    return name;
}

QString WatchSession::serverName() const
{
    return m_server->fullServerName();
}

void WatchSession::start()
{
    m_startMs = labNowMs();
    m_startedAt = QDateTime::currentDateTimeUtc();
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
    if (const QString runtime = sanitizerRuntime(); !runtime.isEmpty()) {
        preload.prepend(runtime);
        // What a program built without the sanitizer leaks (an interpreter at exit) is not the
        // probe's to report.
        const QString options = env.value(u"ASAN_OPTIONS"_s);
        env.insert(u"ASAN_OPTIONS"_s,
                   options.isEmpty() ? u"detect_leaks=0"_s : options + u":detect_leaks=0"_s);
    }
    if (const QString given = env.value(QString::fromLatin1(WatchProtocol::PreloadVariable));
        !given.isEmpty())
        preload.append(given);
    env.insert(QString::fromLatin1(WatchProtocol::PreloadVariable), preload.join(u':'));
    env.insert(QString::fromLatin1(WatchProtocol::SocketVariable), m_server->fullServerName());
    m_process.setProcessEnvironment(env);
    // Both streams pass through AsyncLab: it keeps the last line for a program that dies early,
    // and times the lines of standard output (a Qt Test's results).
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    // The program never outlives AsyncLab: the kernel kills it when the thread that started it
    // (this, the GUI thread, which lives as long as AsyncLab) ends. Only async-signal-safe calls
    // here: this runs in the child between fork and exec.
    const pid_t parent = getpid();
    m_process.setChildProcessModifier([parent] {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(CannotStartStatus); // AsyncLab died before the line above took effect
    });
    m_process.setInputChannelMode(QProcess::ForwardedInputChannel);
    m_process.start(m_program, m_arguments);
    if (m_durationMs > 0)
        m_duration.start(int(std::ceil(m_durationMs)));
}

void WatchSession::stop(End end)
{
    if (m_process.state() == QProcess::NotRunning || m_programDone)
        return;
    if (m_end == End::Running)
        m_end = end;
    m_duration.stop();
    m_watchdog.stop(); // the stall going on now is recorded as it was when the watch ended
    if (m_endMs == 0)
        m_endMs = labNowMs();
    if (!m_kill.isActive()) {
        m_process.terminate();
        m_kill.start();
    }
}

void WatchSession::interrupt(int signal)
{
    if (m_receivedSignal != 0) {
        m_process.kill(); // asked twice: no grace
        return;
    }
    m_receivedSignal = signal;
    if (m_programDone) {
        finish(); // it ended on its own: report now, without waiting for the probe's last lines
        return;
    }
    stop(End::Interrupted);
}

void WatchSession::readOutput(QProcess::ProcessChannel channel)
{
    m_process.setReadChannel(channel);
    const QByteArray out = m_process.readAll();
    // Standard output is the program's own (AsyncLab's standard error with --json).
    const bool output = channel == QProcess::StandardOutput;
    std::FILE *to = output && !m_outputToStderr ? stdout : stderr;
    std::fwrite(out.constData(), 1, size_t(out.size()), to);
    std::fflush(to);
    if (output)
        emit programOutput(out);
    // The last complete or partial line that holds more than blanks.
    m_partialLine += out;
    const QList<QByteArray> lines = m_partialLine.split('\n');
    for (const QByteArray &line : lines) {
        if (!line.trimmed().isEmpty())
            m_lastLine = QString::fromLocal8Bit(line.trimmed()).left(300);
    }
    m_partialLine = lines.constLast().right(4096);
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
    if (m_endMs == 0)
        m_endMs = labNowMs();
    m_duration.stop();
    m_kill.stop();
    m_watchdog.stop();
    m_programDone = true;
    m_code = code;
    m_crashed = status == QProcess::CrashExit;
    if (m_end == End::Running)
        m_end = m_crashed ? End::Crashed : End::Exited;
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
    m_watchdog.stop();
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
    } else if (type == u"hello") {
        startWatchdog(json);
    } else if (type == u"refused") {
        m_pid = json.value(u"pid"_s).toInteger();
        m_refusal = json.value(u"reason"_s).toString();
        m_probe = Probe::Refused;
        emit probeChanged(m_probe);
    } else if (type == u"handler") {
        m_watchdog.addHandlerNote(json.value(u"beat"_s).toDouble(),
                                  WatchProtocol::handlerStepsFromJson(json));
    } else if (type == u"python") {
        m_watchdog.addPythonNote(json.value(u"beat"_s).toDouble(), json.value(u"atMs"_s).toDouble(),
                                 WatchProtocol::framesFromJson(json));
    } else if (type == u"dropped") {
        m_droppedSamples += json.value(u"samples"_s).toInteger();
    } else if (type == u"bye") {
        m_bye = true;
        settle();
    }
}

void WatchSession::startWatchdog(const QJsonObject &json)
{
    const WatchProtocol::Hello hello = WatchProtocol::helloFromJson(json);
    m_pid = hello.pid;
    m_qtVersion = hello.qtVersion;
    m_probe = Probe::Running;
    // Only the program AsyncLab started: a program it starts in turn does not stream.
    if (hello.pid == m_process.processId() && hello.heartbeat != 0 && hello.tid > 0
        && !m_programDone && m_end == End::Running) {
        m_watchdog.setThresholdMs(m_thresholdMs);
        m_watchdog.setOwnGlobs(m_ownGlobs);
        m_watchdog.start({ pid_t(hello.pid), pid_t(hello.tid), hello.heartbeat, hello.startBeatMs,
                           hello.tickMs });
    }
    emit probeChanged(m_probe);
}

void WatchSession::recordStall(StallRecord record)
{
    m_openStall.reset();
    record.program = programName();
    // Start-up is stall 0; the freezes after it count from 1, as the report lists them.
    record.id = record.startUp
            ? 0
            : int(std::count_if(m_stalls.cbegin(), m_stalls.cend(), [](const StallRecord &r) {
                  return !r.startUp;
              })) + 1;
    m_stalls.append(record);
    emit stallRecorded(record);
}

int WatchSession::programSignal() const
{
    return m_crashed ? m_code : 0; // on Unix the "exit code" of a crash is the signal
}

int WatchSession::exitStatus() const
{
    switch (m_end) {
    case End::FailedToStart:
        return CannotStartStatus;
    case End::Interrupted:
        return 128 + m_receivedSignal; // as a shell reports a command a signal ended
    case End::DurationOver:
    case End::Closed:
        return 0; // the watch ran its course; the program did not fail
    case End::Crashed:
    case End::Exited:
    case End::Running:
        break;
    }
    return m_crashed ? 128 + m_code : m_code;
}

double WatchSession::endMs() const
{
    return m_endMs > 0 ? m_endMs : labNowMs();
}

double WatchSession::elapsedMs() const
{
    return endMs() - m_startMs;
}

QString WatchSession::probeMessage() const
{
    switch (m_probe) {
    case Probe::Refused:
        return u"nothing watched: %1"_s.arg(m_refusal);
    case Probe::Absent:
        if (m_end == End::FailedToStart)
            return u"cannot start %1: %2"_s.arg(m_program, m_startError);
        if (m_crashed) {
            QString text = u"nothing watched: %1 died before its application object existed "
                           "(killed by signal %2, %3)"_s.arg(m_program)
                                   .arg(m_code)
                                   .arg(QString::fromLocal8Bit(strsignal(m_code)));
            if (!m_lastLine.isEmpty())
                text += u"; its last line: %1"_s.arg(m_lastLine);
            return text;
        }
        if (m_programDone)
            return u"nothing watched: %1 is not a Qt 6 program (it started no QCoreApplication)"_s
                    .arg(m_program);
        return u"nothing watched: %1 was stopped before its application object existed"_s.arg(
                m_program);
    case Probe::Waiting:
    case Probe::Running:
        break;
    }
    return {};
}

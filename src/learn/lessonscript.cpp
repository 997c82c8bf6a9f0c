#include <learn/lesson.h>
#include <learn/lessonscript.h>

#include <QCoreApplication>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

QString scriptLanguageName(ScriptLanguage language)
{
    return language == ScriptLanguage::JavaScript ? LessonScript::tr("JavaScript (Node)")
                                                  : LessonScript::tr("Python");
}

LessonScript::LessonScript(QObject *parent) : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(TimeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_process.kill();
        m_output += tr("\n(stopped after %1 s)").arg(TimeoutMs / 1000);
    });
    connect(&m_process, &QProcess::readyRead, this,
            [this] { m_output += QString::fromUtf8(m_process.readAll()); });
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        m_output += QString::fromUtf8(m_process.readAll());
        end(status == QProcess::NormalExit && code == 0);
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            end(false, m_process.errorString());
    });
}

LessonScript::~LessonScript()
{
    cancel();
}

QString LessonScript::interpreter(ScriptLanguage language)
{
    // Debian's /usr/bin first: a user's version manager may put another one earlier on PATH.
    const QString name = language == ScriptLanguage::JavaScript ? u"node"_s : u"python3"_s;
    const QString system = QStandardPaths::findExecutable(name, { u"/usr/bin"_s });
    return system.isEmpty() ? QStandardPaths::findExecutable(name) : system;
}

QString LessonScript::fileName(ScriptLanguage language)
{
    return language == ScriptLanguage::JavaScript ? u"lesson.js"_s : u"lesson.py"_s;
}

void LessonScript::run(const Lesson &lesson, ScriptLanguage language, const QUrl &serverUrl,
                       int delayMs)
{
    cancel();
    m_canceled = false;
    m_output.clear();
    m_clock.start();
    const QString program = interpreter(language);
    if (program.isEmpty())
        return end(false,
                   tr("%1 is not installed")
                           .arg(language == ScriptLanguage::JavaScript ? u"node"_s : u"python3"_s));
    // Resources are not files: the interpreter reads a copy.
    m_dir = std::make_unique<QTemporaryDir>();
    const QString path = m_dir->filePath(fileName(language));
    QFile::copy(lesson.scriptPath(fileName(language)), path);
    QStringList arguments { path, serverUrl.toString(QUrl::StripTrailingSlash) };
    // Debian's node 18 warns that fetch() is experimental on every run: noise for a student.
    if (language == ScriptLanguage::JavaScript)
        arguments.prepend(u"--no-warnings"_s);
    if (delayMs > 0)
        arguments.append(QString::number(delayMs));
    m_timeout.start();
    m_process.start(program, arguments);
}

void LessonScript::cancel()
{
    if (!isRunning())
        return;
    m_canceled = true; // what the killed process still reports is not a result
    m_process.kill();
    m_process.waitForFinished(1000); // killed: it ends at once
    m_timeout.stop();
}

void LessonScript::end(bool ok, const QString &error)
{
    m_timeout.stop();
    if (m_canceled)
        return;
    ScriptResult result;
    result.ok = ok;
    result.output = error.isEmpty() ? m_output : error;
    result.elapsedMs = double(m_clock.nsecsElapsed()) / 1e6;
    emit finished(result);
}

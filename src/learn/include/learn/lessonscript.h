#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <memory>

class QTemporaryDir;
struct Lesson;

// The languages a lesson also shows its idea in, beside C++/Qt.
enum class ScriptLanguage { JavaScript, Python };
QString scriptLanguageName(ScriptLanguage language); // "JavaScript (Node)", "Python"

struct ScriptResult
{
    bool ok = false; // it ran and exited with status 0
    QString output; // standard output and error, as printed
    double elapsedMs = 0;
};

Q_DECLARE_METATYPE(ScriptResult)

// Runs a lesson's JavaScript or Python file with the system's node or python3 against the
// embedded server: `node lesson.js BASE_URL [MS]`. Asynchronous: the GUI thread never waits.
class LessonScript : public QObject
{
    Q_OBJECT
public:
    static constexpr int TimeoutMs = 30000;

    explicit LessonScript(QObject *parent = nullptr);
    ~LessonScript() override;

    // The interpreter's full path, or empty when it is not installed.
    static QString interpreter(ScriptLanguage language);
    static QString fileName(ScriptLanguage language); // "lesson.js", "lesson.py"

    // delayMs 0: the script's own default. finished() follows, also when it cannot start.
    void run(const Lesson &lesson, ScriptLanguage language, const QUrl &serverUrl, int delayMs = 0);
    void cancel();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

signals:
    void finished(const ScriptResult &result);

private:
    void end(bool ok, const QString &error = {});

    QProcess m_process;
    QTimer m_timeout;
    QElapsedTimer m_clock;
    QString m_output;
    bool m_canceled = false;
    std::unique_ptr<QTemporaryDir> m_dir;
};

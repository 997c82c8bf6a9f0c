#include "appfixture.h"
#include <engine/lab.h>

#include <learn/lesson.h>
#include <learn/lessonscript.h>

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

// Every lesson's JavaScript and Python version runs with Debian's node and python3 against
// AsyncLab's embedded server and prints what its lesson says, so they can never rot.
class TestLessonScripts : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void printsWhatTheLessonSays_data();
    void printsWhatTheLessonSays();
    void failingScriptIsReported();

private:
    std::unique_ptr<Lab> m_lab;
};

namespace {
// At most a second where a lesson waits for the server (the scripts take it as their last
// argument): shorter, and Node's own cost per fetch on a loaded machine (100 ms and more) blurs
// the rounds a lesson counts.
constexpr int LongestDelayMs = 1000;
} // namespace

void TestLessonScripts::initTestCase()
{
    m_lab = startedLab();
    QVERIFY(m_lab);
    for (const auto language : { ScriptLanguage::JavaScript, ScriptLanguage::Python })
        QVERIFY2(!LessonScript::interpreter(language).isEmpty(),
                 "node and python3 are installed by scripts/install-deps");
}

void TestLessonScripts::printsWhatTheLessonSays_data()
{
    QTest::addColumn<int>("number");
    QTest::addColumn<int>("language");
    for (const Lesson &lesson : Course::lessons()) {
        QTest::addRow("%d %s.js", lesson.number, qPrintable(lesson.id))
                << lesson.number << int(ScriptLanguage::JavaScript);
        QTest::addRow("%d %s.py", lesson.number, qPrintable(lesson.id))
                << lesson.number << int(ScriptLanguage::Python);
    }
}

void TestLessonScripts::printsWhatTheLessonSays()
{
    QFETCH(int, number);
    QFETCH(int, language);
    const Lesson &lesson = *Course::find(number);
    LessonScript script;
    QSignalSpy finished(&script, &LessonScript::finished);
    QVERIFY(finished.isValid());
    script.run(lesson, ScriptLanguage(language), m_lab->server().baseUrl(),
               std::min(lesson.delayMs, LongestDelayMs));
    QVERIFY(finished.wait(LessonScript::TimeoutMs + 5000));
    const auto result = finished.first().first().value<ScriptResult>();
    QVERIFY2(result.ok, qPrintable(result.output));
    for (const QString &pattern : lesson.expect) {
        const QRegularExpression expected(pattern);
        QVERIFY2(expected.isValid(), qPrintable(pattern));
        QVERIFY2(expected.match(result.output).hasMatch(),
                 qPrintable(u"\"%1\" not in:\n%2"_s.arg(pattern, result.output)));
    }
}

void TestLessonScripts::failingScriptIsReported()
{
    // A server that refuses the connection: the script fails, and what it printed is shown.
    LessonScript script;
    QSignalSpy finished(&script, &LessonScript::finished);
    QVERIFY(finished.isValid());
    script.run(*Course::find(1), ScriptLanguage::JavaScript, QUrl(u"http://127.0.0.1:1"_s), 10);
    QVERIFY(finished.wait(LessonScript::TimeoutMs + 5000));
    const auto result = finished.first().first().value<ScriptResult>();
    QVERIFY2(!result.ok, qPrintable(result.output));
    QVERIFY2(result.output.contains(u"Failed to connect"_s), qPrintable(result.output));
}

QTEST_GUILESS_MAIN(TestLessonScripts)
#include "tst_lessonscripts.moc"

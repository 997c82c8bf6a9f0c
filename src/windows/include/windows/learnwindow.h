#pragma once

#include <learn/courseprogress.h>
#include <learn/lesson.h>
#include <learn/lessonscript.h>

#include <QWidget>

class HeartbeatWidget;
class Lab;
class LessonRunner;
class QButtonGroup;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QVBoxLayout;
struct LessonResult;

// The course: one lesson at a time, in order. Predict (pick a choice), Run (the lesson's real
// measurement, through the Lab the main window uses), Check (the prediction beside the
// measurement, judged from it), Explain (the idea, the code in C++, JavaScript and Python, the
// glossary), then Next. Progress is saved as it goes. Nothing runs while the window is closed.
class LearnWindow : public QWidget
{
    Q_OBJECT
public:
    explicit LearnWindow(Lab *lab, QWidget *parent = nullptr);
    ~LearnWindow() override;

    int currentLesson() const { return m_lesson.number; }
    void showLesson(int number);
    void resetProgress(); // without asking
    LessonRunner *runner() const { return m_runner; }

    QSize sizeHint() const override;

signals:
    // "Try more": the window a lesson belongs to, and for the gallery the demo to select.
    void exploreRequested(const Lesson &lesson); // "Try it in…": the window the lesson names
    void lessonChecked(int number, Judgment::Mark mark);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *createLessonList();
    QWidget *createLessonPane();
    QWidget *createCodeTabs();
    QWidget *createScriptTab(ScriptLanguage language, QPlainTextEdit **code);
    void fillList();
    void showChoices();
    void run();
    void showResult(const LessonResult &result);
    void showExplanation();
    void runScript(ScriptLanguage language);
    void showTerm(const QUrl &link);
    void askReset();
    void updateButtons();
    QString termLinks() const; // "Words in this lesson: ..." with glossary links

    Lab *m_lab;
    LessonRunner *m_runner;
    LessonScript *m_script;
    ScriptLanguage m_scriptLanguage = ScriptLanguage::JavaScript;
    CourseProgress m_progress;
    Lesson m_lesson;
    bool m_checked = false;

    QListWidget *m_list = nullptr;
    QLabel *m_done = nullptr;
    QLabel *m_title = nullptr;
    HeartbeatWidget *m_heartbeat = nullptr;
    QLabel *m_question = nullptr;
    QVBoxLayout *m_choiceLayout = nullptr;
    QButtonGroup *m_choices = nullptr;
    QPushButton *m_run = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_verdict = nullptr;
    QTextBrowser *m_explanation = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_cppWhere = nullptr;
    QPlainTextEdit *m_cpp = nullptr;
    QPlainTextEdit *m_js = nullptr;
    QPlainTextEdit *m_py = nullptr;
    bool m_hasInterpreter[2] = {};
    QPushButton *m_runScript[2] = {};
    QLabel *m_scriptStatus[2] = {};
    QPlainTextEdit *m_scriptOutput[2] = {};
    QTextBrowser *m_glossary = nullptr;
    QPushButton *m_explore = nullptr;
    QPushButton *m_previous = nullptr;
    QPushButton *m_next = nullptr;
};

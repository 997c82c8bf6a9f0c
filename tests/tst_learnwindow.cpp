#include "appfixture.h"
#include <widgets/heartbeatwidget.h>
#include <engine/lab.h>
#include <windows/demogallery.h>
#include <windows/learnwindow.h>
#include <windows/mainwindow.h>

#include <learn/courseprogress.h>
#include <learn/lesson.h>
#include <learn/lessonrunner.h>

#include <QAction>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <chrono>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

// The Learn window on the offscreen platform: predict, run, check, next; progress saved and
// restored; nothing running while it is closed; and how the main window leads to it.
class TestLearnWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void predictRunCheckNext();
    void progressIsRestored();
    void wrongPredictionNamesTheRightOne();
    void glossaryFromALesson();
    void runsTheJavaScriptVersion();
    void startOver();
    void costsNothingWhileClosed();
    void mainWindowInvitesUntilDismissed();
    void invitationLinkOpensTheCourse();
    void backToTheCourseFromAnotherWindow();
    void doneLessonKeepsItsExplanation();
    void switchingIsQuick();

private:
    LearnWindow *openWindow();
    Judgment::Mark answerAndRun(int choice);

    std::unique_ptr<Lab> m_lab;
    std::unique_ptr<LearnWindow> m_window;
};

void TestLearnWindow::initTestCase()
{
    useTestSettings();
    m_lab = startedLab();
    QVERIFY(m_lab);
}

void TestLearnWindow::init()
{
    CourseProgress().reset();
}

void TestLearnWindow::cleanup()
{
    m_window.reset();
}

LearnWindow *TestLearnWindow::openWindow()
{
    m_window = std::make_unique<LearnWindow>(m_lab.get());
    LessonOptions options;
    options.delayMs = 200; // the first lessons' server waits 2 s: too long for a test
    m_window->runner()->setOptions(options);
    m_window->show();
    [&] { QVERIFY(QTest::qWaitForWindowExposed(m_window.get())); }();
    return m_window.get();
}

Judgment::Mark TestLearnWindow::answerAndRun(int choice)
{
    auto *run = m_window->findChild<QPushButton *>(u"runLesson"_s);
    QSignalSpy checked(m_window.get(), &LearnWindow::lessonChecked);
    [&] {
        QVERIFY(run && checked.isValid());
        QVERIFY2(!run->isEnabled(), "a prediction comes first");
        QTest::mouseClick(m_window->findChild<QRadioButton *>(u"choice%1"_s.arg(choice)),
                          Qt::LeftButton);
        QVERIFY(run->isEnabled());
        QTest::mouseClick(run, Qt::LeftButton);
        QVERIFY(checked.wait(20000));
    }();
    return checked.isEmpty() ? Judgment::Mark::Ambiguous
                             : checked.first().at(1).value<Judgment::Mark>();
}

void TestLearnWindow::predictRunCheckNext()
{
    openWindow();
    QCOMPARE(m_window->currentLesson(), 1);
    auto *explanation = m_window->findChild<QTextBrowser *>(u"explanation"_s);
    QVERIFY(explanation->toPlainText().contains(u"appears once"_s)); // not before the check
    // Nor the code, whose comments would give the answer away.
    auto *tabs = m_window->findChild<QTabWidget *>(u"codeTabs"_s);
    QVERIFY(!tabs->isTabEnabled(0) && !tabs->isTabEnabled(2));
    QCOMPARE(tabs->currentWidget()->objectName(), u"glossary"_s);
    // Lesson 1 runs a Blocking fetch: the heartbeat stops for about the wait.
    QCOMPARE(answerAndRun(1), Judgment::Mark::Right);
    QVERIFY(tabs->isTabEnabled(0) && tabs->isTabEnabled(2));
    const QString verdict = m_window->findChild<QLabel *>(u"verdict"_s)->text();
    QVERIFY2(verdict.contains(u"Right."_s), qPrintable(verdict));
    QVERIFY2(explanation->toPlainText().contains(u"GUI thread"_s),
             qPrintable(explanation->toPlainText()));
    QCOMPARE(CourseProgress().mark(Course::find(1)->id), Judgment::Mark::Right);
    auto *list = m_window->findChild<QListWidget *>(u"lessonList"_s);
    QVERIFY2(list->item(0)->text().startsWith(u"✓"_s), qPrintable(list->item(0)->text()));

    QTest::mouseClick(m_window->findChild<QPushButton *>(u"nextLesson"_s), Qt::LeftButton);
    QCOMPARE(m_window->currentLesson(), 2);
    QCOMPARE(CourseProgress().current(), 2); // saved, if off the GUI thread
    QCOMPARE(m_window->findChild<QLabel *>(u"question"_s)->text(), Course::find(2)->question);
    QVERIFY(m_window->findChild<QLabel *>(u"verdict"_s)->text().isEmpty());
}

void TestLearnWindow::progressIsRestored()
{
    CourseProgress progress;
    progress.record(Course::find(1)->id, Judgment::Mark::Right);
    progress.record(Course::find(2)->id, Judgment::Mark::Wrong);
    progress.setCurrent(3);
    openWindow(); // as after a restart
    QCOMPARE(m_window->currentLesson(), 3);
    auto *list = m_window->findChild<QListWidget *>(u"lessonList"_s);
    QCOMPARE(list->currentRow(), 2);
    QVERIFY(list->item(0)->text().startsWith(u"✓"_s));
    QVERIFY(list->item(1)->text().startsWith(u"✗"_s));
    QVERIFY(m_window->findChild<QLabel *>(u"lessonTitle"_s)
                    ->text()
                    .contains(Course::find(3)->title));
}

void TestLearnWindow::wrongPredictionNamesTheRightOne()
{
    openWindow();
    QCOMPARE(answerAndRun(0), Judgment::Mark::Wrong); // "not at all", in Blocking mode
    const QString verdict = m_window->findChild<QLabel *>(u"verdict"_s)->text();
    QVERIFY2(verdict.contains(u"Not this time"_s), qPrintable(verdict));
    QVERIFY2(verdict.contains(Course::find(1)->choices[1].toHtmlEscaped()), qPrintable(verdict));
    QCOMPARE(CourseProgress().mark(Course::find(1)->id), Judgment::Mark::Wrong);
}

void TestLearnWindow::glossaryFromALesson()
{
    openWindow();
    auto *explanation = m_window->findChild<QTextBrowser *>(u"explanation"_s);
    emit explanation->anchorClicked(QUrl(u"term:event-loop"_s));
    auto *tabs = m_window->findChild<QTabWidget *>(u"codeTabs"_s);
    QCOMPARE(tabs->currentWidget()->objectName(), u"glossary"_s);
    QVERIFY(m_window->findChild<QTextBrowser *>(u"glossary"_s)
                    ->toPlainText()
                    .contains(u"event loop"_s));
}

void TestLearnWindow::runsTheJavaScriptVersion()
{
    CourseProgress().record(Course::find(2)->id, Judgment::Mark::Right); // its code is open
    openWindow();
    m_window->showLesson(2); // await fetch(): the heartbeat keeps beating
    auto *run = m_window->findChild<QPushButton *>(u"runJavaScript"_s);
    QVERIFY(run->isEnabled());
    QTest::mouseClick(run, Qt::LeftButton);
    const auto outputs = m_window->findChildren<QPlainTextEdit *>();
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(outputs.begin(), outputs.end(),
                                         [](const QPlainTextEdit *view) {
                                             return view->toPlainText().contains(
                                                     u"the heartbeat kept beating"_s);
                                         }),
                             20000);
}

void TestLearnWindow::startOver()
{
    CourseProgress progress;
    progress.record(Course::find(1)->id, Judgment::Mark::Right);
    progress.setCurrent(4);
    openWindow();
    m_window->resetProgress();
    QCOMPARE(m_window->currentLesson(), 1);
    QCOMPARE(CourseProgress().doneCount(), 0);
    QVERIFY(!m_window->findChild<QListWidget *>(u"lessonList"_s)
                     ->item(0)
                     ->text()
                     .startsWith(u"✓"_s));
}

void TestLearnWindow::costsNothingWhileClosed()
{
    openWindow();
    QVERIFY(m_window->findChild<HeartbeatWidget *>()->isAnimating());
    m_window->close();
    for (const QTimer *timer : m_window->findChildren<QTimer *>())
        QVERIFY2(!timer->isActive(), timer->parent()->metaObject()->className());
}

void TestLearnWindow::mainWindowInvitesUntilDismissed()
{
    CourseProgress().reset();
    QSettings().remove(u"learn/invitationDismissed"_s);
    {
        MainWindow window(m_lab.get());
        auto *result = window.findChild<QLabel *>(u"resultLine"_s);
        QVERIFY2(result->text().contains(u"learn:start"_s), qPrintable(result->text()));
        // F1 in the Help menu opens the course
        QAction *learn = nullptr;
        for (QAction *action : window.menuBar()->findChildren<QAction *>()) {
            if (action->shortcut() == QKeySequence(Qt::Key_F1))
                learn = action;
        }
        QVERIFY(learn);
        learn->trigger();
        QVERIFY(window.learnWindow()->isVisible());
        emit result->linkActivated(u"learn:dismiss"_s);
        QVERIFY(!result->text().contains(u"learn:start"_s));
    }
    MainWindow later(m_lab.get());
    QVERIFY(!later.findChild<QLabel *>(u"resultLine"_s)->text().contains(u"learn:start"_s));
}

// The invitation's link, followed from the keyboard as a click would: the label's own link
// handling, not a signal emitted by the test.
void TestLearnWindow::invitationLinkOpensTheCourse()
{
    CourseProgress().reset();
    QSettings().remove(u"learn/invitationDismissed"_s);
    MainWindow window(m_lab.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *result = window.findChild<QLabel *>(u"resultLine"_s);
    QVERIFY(result->textInteractionFlags() & Qt::LinksAccessibleByMouse);
    result->setFocus();
    QTest::keyClick(result, Qt::Key_Tab); // to the first link: "start the course"
    QTest::keyClick(result, Qt::Key_Return);
    QTRY_VERIFY(window.learnWindow()->isVisible());
}

// A lesson sends the student to the gallery; F1 there brings the course back, Ctrl+W closes the
// gallery: no window manager needed.
void TestLearnWindow::backToTheCourseFromAnotherWindow()
{
    MainWindow window(m_lab.get());
    window.show();
    QWidget *learn = window.learnWindow();
    learn->hide();
    window.showConceptGallery();
    QWidget *gallery = window.conceptGallery();
    gallery->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(gallery));
    QTest::keyClick(gallery, Qt::Key_F1);
    QTRY_VERIFY(learn->isVisible());
    gallery->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(gallery));
    QTest::keySequence(gallery, QKeySequence::Close);
    QTRY_VERIFY(!gallery->isVisible());
}

// Predicted and checked before: its explanation is there to read again, and a second run does
// not change the score.
void TestLearnWindow::doneLessonKeepsItsExplanation()
{
    CourseProgress().record(Course::find(1)->id, Judgment::Mark::Wrong);
    openWindow();
    m_window->showLesson(1);
    const QString explanation =
            m_window->findChild<QTextBrowser *>(u"explanation"_s)->toPlainText();
    QVERIFY2(!explanation.contains(u"appears once"_s), qPrintable(explanation));
    QVERIFY(explanation.size() > 200);
    QCOMPARE(answerAndRun(1), Judgment::Mark::Right);
    QCOMPARE(CourseProgress().mark(Course::find(1)->id), Judgment::Mark::Wrong);
    const QString verdict = m_window->findChild<QLabel *>(u"verdict"_s)->text();
    QVERIFY2(verdict.contains(u"first prediction"_s), qPrintable(verdict));
}

namespace {
// How long this thread has waited for a CPU so far, from the kernel's scheduler statistics: on
// a machine busy with other work, time the window could not have used anyway.
std::chrono::nanoseconds waitedForACpu()
{
    QFile file(u"/proc/thread-self/schedstat"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> fields = file.readAll().simplified().split(' ');
    return std::chrono::nanoseconds(fields.value(1).toLongLong());
}
} // namespace

// Moving to another lesson or code tab, relayout and paint included, is over long before anyone
// would notice a wait (100 ms): the window must not freeze by its own doing (time spent waiting
// for a CPU that other programs held is left out).
void TestLearnWindow::switchingIsQuick()
{
    for (const Lesson &lesson : Course::lessons())
        CourseProgress().record(lesson.id, Judgment::Mark::Right); // every code tab open
    openWindow();
    auto *tabs = m_window->findChild<QTabWidget *>(u"codeTabs"_s);
    QVERIFY(tabs);
    auto timed = [](const std::function<void()> &change) {
        const auto waited = waitedForACpu();
        QElapsedTimer clock;
        clock.start();
        change();
        QCoreApplication::processEvents(); // the relayout and repaint the change causes
        return (std::chrono::nanoseconds(clock.nsecsElapsed()) - (waitedForACpu() - waited)).count()
                / 1000000;
    };
    QStringList slow;
    qint64 slowest = 0;
    for (int round = 0; round < 2; ++round) {
        for (const Lesson &lesson : Course::lessons()) {
            const qint64 ms = timed([&] { m_window->showLesson(lesson.number); });
            slowest = std::max(slowest, ms);
            if (ms >= 100)
                slow.append(u"lesson %1: %2 ms"_s.arg(lesson.number).arg(ms));
            for (int tab = 0; tab < tabs->count(); ++tab) {
                const qint64 tabMs = timed([&] { tabs->setCurrentIndex(tab); });
                slowest = std::max(slowest, tabMs);
                if (tabMs >= 100)
                    slow.append(u"lesson %1, tab %2: %3 ms"_s.arg(lesson.number)
                                        .arg(tabs->tabText(tab))
                                        .arg(tabMs));
            }
        }
    }
    qInfo("the slowest switch took %lld ms", slowest);
    QVERIFY2(slow.isEmpty(), qPrintable(slow.join(u"; "_s)));
}

QTEST_MAIN(TestLearnWindow)
#include "tst_learnwindow.moc"

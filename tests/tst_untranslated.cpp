#include "appfixture.h"
#include "markingtranslator.h"
#include <demokit/demo.h>
#include <demos/demoregistry.h>
#include <engine/lab.h>
#include <learn/courseprogress.h>
#include <learn/lesson.h>
#include <learn/lessonrunner.h>
#include <watch/watchsession.h>
#include <widgets/demobarchart.h>
#include <windows/compareview.h>
#include <windows/demogallery.h>
#include <windows/learnwindow.h>
#include <windows/mainwindow.h>
#include <windows/watchwindow.h>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabBar>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocumentFragment>

using namespace Qt::StringLiterals;

namespace {
// What may be shown untranslated: numbers (with their signs and separators), URLs, file paths
// and routes, hexadecimal digests, and the mnemonic's ampersand.
const QRegularExpression allowed(uR"(\b[a-z]+://\S+|\S*/\S*|\b[0-9a-f]{12,}\b|&)"_s);

// Words shown that are not AsyncLab's to translate: the program's own name and Qt's.
const QStringList names = { u"AsyncLab"_s, u"asynclab"_s, u"Qt"_s };

} // namespace

// Every window, walked widget by widget: a visible text that did not pass through the translator
// fails the test, named with where it was seen.
class TestUntranslated : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void mainWindow();
    void compareView();
    void galleryWithEveryDemo();
    void galleryAfterARun();
    void watchWindow();
    void learnWindowWithEveryLesson();

private:
    void check(QWidget *window);
    void checkWidget(QWidget *widget);
    void checkText(const QString &text, const QObject *where, const char *what);
    void checkModel(const QAbstractItemModel *model, const QObject *where);

    MarkingTranslator m_translator;
    std::unique_ptr<Lab> m_lab;
    QStringList m_demoWords; // titles, explanations and variants: the demos translate their own
    QStringList m_failures;
};

void TestUntranslated::initTestCase()
{
    QVERIFY(m_translator.loadCatalogue(MarkingTranslator::projectCatalogue()));
    QVERIFY(QCoreApplication::installTranslator(&m_translator));
    useTestSettings(); // the course's progress
    m_lab = startedLab();
    QVERIFY(m_lab);
    DemoGallery gallery(m_lab.get());
    for (const QString &name : gallery.demoNames()) {
        const Demo *demo = gallery.demo(name);
        m_demoWords << demo->title() << demo->explanation() << demo->variants();
    }
    m_demoWords.removeAll(QString());
    // Longest first, so that a title inside a longer text goes with that text.
    std::sort(m_demoWords.begin(), m_demoWords.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

void TestUntranslated::cleanupTestCase()
{
    m_lab.reset();
    QCoreApplication::removeTranslator(&m_translator);
}

void TestUntranslated::mainWindow()
{
    MainWindow window(m_lab.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // A finished fetch fills the result line, the progress text and a row of the log.
    QSignalSpy finished(&m_lab->jobs(), &JobRunner::finished);
    QVERIFY(finished.isValid());
    window.setMode(RunMode::Async);
    window.fetch(u"/json"_s);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    check(&window);
}

void TestUntranslated::compareView()
{
    CompareView view(m_lab.get());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    check(&view);
}

void TestUntranslated::galleryWithEveryDemo()
{
    DemoGallery gallery(m_lab.get());
    gallery.show();
    QVERIFY(QTest::qWaitForWindowExposed(&gallery));
    for (const QString &name : gallery.demoNames()) {
        gallery.selectDemo(name);
        check(&gallery);
    }
}

// What the gallery shows of a finished demo: its summary, its figure table and its bars (a demo
// whose figures are all numbers, and that does not stall the window on purpose).
void TestUntranslated::galleryAfterARun()
{
    DemoGallery gallery(m_lab.get());
    gallery.show();
    QVERIFY(QTest::qWaitForWindowExposed(&gallery));
    gallery.selectDemo(u"object-lifetime"_s);
    QTest::mouseClick(gallery.runButton(), Qt::LeftButton);
    QVERIFY(gallery.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!gallery.isRunning(), 20000);
    m_failures.clear();
    checkText(gallery.summaryLabel()->text(), gallery.summaryLabel(), "text");
    QVERIFY(gallery.figuresTable()->rowCount() > 0);
    checkModel(gallery.figuresTable()->model(), gallery.figuresTable());
    const DemoBarChart *bars = gallery.barChart();
    QVERIFY(!bars->bars().isEmpty());
    for (const auto &bar : bars->bars())
        checkText(bar.first, bars, "bar");
    checkText(bars->unit(), bars, "unit");
    checkText(bars->categoryTitle(), bars, "category");
    QVERIFY2(m_failures.isEmpty(), qPrintable(u"\n"_s + m_failures.join(u'\n')));
}

void TestUntranslated::watchWindow()
{
    WatchSession session;
    WatchWindow window(&session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    check(&window);
}

// Every lesson's title, question, choices and glossary words; then the first one's verdict and
// explanation after a run.
void TestUntranslated::learnWindowWithEveryLesson()
{
    CourseProgress().reset();
    LearnWindow window(m_lab.get());
    LessonOptions options;
    options.delayMs = 200; // the first lesson's server waits 2 s
    window.runner()->setOptions(options);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (int number = Course::size(); number >= 1; --number) {
        window.showLesson(number);
        QCOMPARE(window.currentLesson(), number);
        check(&window);
    }
    QSignalSpy checked(&window, &LearnWindow::lessonChecked);
    QVERIFY(checked.isValid());
    QTest::mouseClick(window.findChild<QRadioButton *>(u"choice0"_s), Qt::LeftButton);
    QTest::mouseClick(window.findChild<QPushButton *>(u"runLesson"_s), Qt::LeftButton);
    QVERIFY(checked.wait(20000));
    check(&window);
}

void TestUntranslated::check(QWidget *window)
{
    m_failures.clear();
    checkText(window->windowTitle(), window, "window title");
    checkWidget(window);
    const auto children = window->findChildren<QWidget *>();
    for (QWidget *child : children)
        checkWidget(child);
    m_failures.removeDuplicates();
    QVERIFY2(m_failures.isEmpty(), qPrintable(u"\n"_s + m_failures.join(u'\n')));
}

void TestUntranslated::checkWidget(QWidget *widget)
{
    checkText(widget->toolTip(), widget, "tooltip");
    checkText(widget->accessibleName(), widget, "accessible name");
    if (auto *label = qobject_cast<QLabel *>(widget))
        checkText(label->text(), label, "text");
    if (auto *button = qobject_cast<QAbstractButton *>(widget))
        checkText(button->text(), button, "text");
    if (auto *box = qobject_cast<QGroupBox *>(widget))
        checkText(box->title(), box, "title");
    if (auto *dock = qobject_cast<QDockWidget *>(widget))
        checkText(dock->windowTitle(), dock, "title");
    if (auto *edit = qobject_cast<QLineEdit *>(widget)) // its text is what the user typed
        checkText(edit->placeholderText(), edit, "placeholder");
    if (auto *browser = qobject_cast<QTextBrowser *>(widget))
        checkText(browser->toPlainText(), browser, "text");
    if (auto *progress = qobject_cast<QProgressBar *>(widget))
        checkText(progress->text(), progress, "text");
    if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
        for (int i = 0; i < tabs->count(); ++i) {
            checkText(tabs->tabText(i), tabs, "tab text");
            checkText(tabs->tabToolTip(i), tabs, "tab tooltip");
        }
    }
    if (auto *combo = qobject_cast<QComboBox *>(widget)) {
        for (int i = 0; i < combo->count(); ++i)
            checkText(combo->itemText(i), combo, "item");
    }
    if (auto *view = qobject_cast<QAbstractItemView *>(widget); view && view->model())
        checkModel(view->model(), view);
    if (auto *menuBar = qobject_cast<QMenuBar *>(widget)) {
        for (const QAction *action : menuBar->actions()) {
            checkText(action->text(), menuBar, "menu");
            if (const QMenu *menu = action->menu()) {
                for (const QAction *item : menu->actions()) {
                    checkText(item->text(), menu, "menu item");
                    checkText(item->toolTip(), menu, "menu item tooltip");
                }
            }
        }
    }
}

void TestUntranslated::checkModel(const QAbstractItemModel *model, const QObject *where)
{
    for (int column = 0; column < model->columnCount(); ++column) {
        for (const int role : { int(Qt::DisplayRole), int(Qt::ToolTipRole) })
            checkText(model->headerData(column, Qt::Horizontal, role).toString(), where, "header");
    }
    for (int row = 0; row < std::min(model->rowCount(), 20); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            const QModelIndex index = model->index(row, column);
            // A cell's tooltip may be its full content: a URL, a path, an error the OS wrote.
            checkText(model->data(index, Qt::DisplayRole).toString(), where, "cell");
        }
    }
}

void TestUntranslated::checkText(const QString &text, const QObject *where, const char *what)
{
    QString rest = MarkingTranslator::unmarked(text);
    for (const QString &words : std::as_const(m_demoWords))
        rest.remove(words);
    if (Qt::mightBeRichText(rest))
        rest = QTextDocumentFragment::fromHtml(rest).toPlainText();
    rest.remove(allowed);
    for (const QString &name : names)
        rest.remove(name);
    if (std::none_of(rest.cbegin(), rest.cend(), [](QChar c) { return c.isLetter(); }))
        return;
    m_failures.append(
            u"%1 '%2' (%3): \"%4\""_s.arg(QString::fromLatin1(where->metaObject()->className()),
                                          where->objectName(), QString::fromLatin1(what), text));
}

QTEST_MAIN(TestUntranslated)
#include "tst_untranslated.moc"

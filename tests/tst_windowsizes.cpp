#include "widgetchecks.h"
#include "appfixture.h"
#include <windows/compareview.h>
#include <windows/demogallery.h>
#include <windows/learnwindow.h>
#include <engine/lab.h>
#include <windows/mainwindow.h>
#include <widgets/stallcard.h>
#include <widgets/stallspanel.h>

#include <QApplication>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// Every window opens fully on a laptop's screen and stays there: the offscreen platform is given
// a screen of the size in ASYNCLAB_TEST_SCREEN (for example 1366x768) before the application
// starts.
class TestWindowSizes : public QObject
{
    Q_OBJECT
public:
    explicit TestWindowSizes(QSize screen) : m_screen(screen) { }

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void mainWindowFits();
    void galleryFitsWhateverDemoIsSelected();
    void outcomeTableReadsWithoutScrolling();
    void galleryShowsCodeAndExplanation();
    void compareViewFits();
    void learnWindowFitsEveryLesson();

private:
    void verifyFits(QWidget *window);

    QSize m_screen;
    std::unique_ptr<Lab> m_lab;
    std::unique_ptr<MainWindow> m_window;
};

void TestWindowSizes::initTestCase()
{
    useTestSettings();
    QCOMPARE(QGuiApplication::primaryScreen()->size(), m_screen);
}

void TestWindowSizes::init()
{
    m_lab = startedLab();
    QVERIFY(m_lab);
    m_window = std::make_unique<MainWindow>(m_lab.get());
    QVERIFY(showExposed(m_window.get()));
}

void TestWindowSizes::cleanup()
{
    m_window.reset();
    m_lab.reset();
}

void TestWindowSizes::verifyFits(QWidget *window)
{
    const QRect room = window->screen()->availableGeometry();
    const QString what = u"%1: %2x%3 at %4,%5 on %6x%7"_s.arg(window->windowTitle())
                                 .arg(window->frameGeometry().width())
                                 .arg(window->frameGeometry().height())
                                 .arg(window->frameGeometry().x())
                                 .arg(window->frameGeometry().y())
                                 .arg(room.width())
                                 .arg(room.height());
    QVERIFY2(room.contains(window->frameGeometry()), qPrintable(what));
    // the layout can really be that small: nothing is pushed off the edge
    const QSize least = window->minimumSizeHint().expandedTo(window->minimumSize());
    QVERIFY2(least.width() <= room.width() && least.height() <= room.height(),
             qPrintable(u"%1, needs at least %2x%3"_s.arg(what)
                                .arg(least.width())
                                .arg(least.height())));
}

void TestWindowSizes::mainWindowFits()
{
    verifyFits(m_window.get());
    // At least five rows of the operations log show at the default size, six at 1366x768,
    // once the window has shared its height out.
    QTableView *table = m_window->operationsTable();
    const int least = m_screen.height() >= 768 ? 6 : 5;
    const auto rows = [table] {
        return table->viewport()->height() / table->verticalHeader()->defaultSectionSize();
    };
    QTRY_VERIFY2(rows() >= least, qPrintable(QString::number(rows())));
}

void TestWindowSizes::galleryFitsWhateverDemoIsSelected()
{
    DemoGallery *gallery = m_window->conceptGallery();
    gallery->show();
    QVERIFY(QTest::qWaitForWindowExposed(gallery));
    const QSize opened = gallery->size();
    for (const QString &name : gallery->demoNames()) {
        gallery->selectDemo(name);
        QCOMPARE(gallery->currentDemo(), name);
        QCoreApplication::processEvents(); // the relayout a selection causes
        verifyFits(gallery);
        QVERIFY2(gallery->size() == opened,
                 qPrintable(u"%1 made the gallery %2x%3"_s.arg(name)
                                    .arg(gallery->width())
                                    .arg(gallery->height())));
    }
}

// Three-styles' outcome at this size: its rows in the order its summary uses (callbacks, futures,
// coroutines) and all three on screen, every header and every cell whole (long texts wrap).
void TestWindowSizes::outcomeTableReadsWithoutScrolling()
{
    DemoGallery *gallery = m_window->conceptGallery();
    gallery->show();
    QVERIFY(QTest::qWaitForWindowExposed(gallery));
    gallery->selectDemo(u"three-styles"_s);
    QSignalSpy finished(gallery, &DemoGallery::demoFinished);
    QVERIFY(gallery->runCurrent());
    QVERIFY(finished.wait(20000));
    QVERIFY2(finished.at(0).at(1).value<DemoOutcome>().ok(),
             qPrintable(finished.at(0).at(1).value<DemoOutcome>().error));
    QCoreApplication::processEvents(); // the table's relayout

    const QTableWidget *table = gallery->figuresTable();
    QCOMPARE(table->item(0, 0)->text(), u"callbacks"_s);
    QCOMPARE(table->item(1, 0)->text(), u"futures"_s);
    QCOMPARE(table->item(2, 0)->text(), u"coroutines"_s);
    const QRect viewport = table->viewport()->rect();
    bool allShown = true;
    for (int row = 0; row < 3; ++row)
        allShown = allShown && viewport.contains(table->visualRect(table->model()->index(row, 0)));
    QVERIFY(allShown);
    const QHeaderView *header = table->horizontalHeader();
    const QFontMetrics metrics(header->font());
    for (int column = 0; column < table->columnCount(); ++column) {
        const QString text = table->horizontalHeaderItem(column)->text();
        int widest = 0;
        for (const QString &line : text.split(u'\n'))
            widest = std::max(widest, metrics.horizontalAdvance(line));
        QVERIFY2(header->sectionSize(column) >= widest,
                 qPrintable(u"header \"%1\" is %2 px wide in %3 px"_s.arg(text).arg(widest).arg(
                         header->sectionSize(column))));
    }
    const QFontMetrics cells(table->font());
    QStringList cut;
    for (int row = 0; row < table->rowCount(); ++row) {
        for (int column = 0; column < table->columnCount(); ++column) {
            const QTableWidgetItem *item = table->item(row, column);
            if (!item || item->text().isEmpty())
                continue;
            const QRect rect = table->visualRect(table->model()->index(row, column));
            // the room the style leaves for text: a few pixels less than the cell
            const QRect needed =
                    cells.boundingRect(rect.adjusted(0, 0, -8, 0), Qt::TextWordWrap, item->text());
            if (needed.height() > rect.height()) {
                cut.append(u"\"%1\" needs %2 px in a %3 px row (%4 px wide)"_s.arg(item->text())
                                   .arg(needed.height())
                                   .arg(rect.height())
                                   .arg(rect.width()));
            }
        }
    }
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(u"; "_s)));
}

// Read before Run: the explanation whole and from its start, a dozen lines of code at once, and
// every code tab's name whole.
void TestWindowSizes::galleryShowsCodeAndExplanation()
{
    DemoGallery *gallery = m_window->conceptGallery();
    gallery->show();
    QVERIFY(QTest::qWaitForWindowExposed(gallery));
    const int leastLines = m_screen.height() >= 768 ? DemoGallery::MinCodeLines
                                                    : DemoGallery::MinCodeLinesShortScreen;
    QStringList needScrolling;
    for (const QString &name : gallery->demoNames()) {
        gallery->selectDemo(name);
        QCoreApplication::processEvents();
        const QList<QPlainTextEdit *> views = gallery->snippetViews();
        QVERIFY2(!views.isEmpty(), qPrintable(name));
        for (const QPlainTextEdit *view : views) {
            if (!view->isVisible())
                continue;
            const int lines = view->viewport()->height() / view->fontMetrics().lineSpacing();
            QVERIFY2(lines >= leastLines,
                     qPrintable(u"%1: %2 lines of code"_s.arg(name).arg(lines)));
        }
        const auto *tabs = qobject_cast<const QTabWidget *>(
                views.constFirst()->parentWidget()->parentWidget()->parentWidget());
        QVERIFY(tabs);
        for (int tab = 0; tab < tabs->count(); ++tab) {
            const QString text = tabs->tabText(tab);
            const QRect rect = tabs->tabBar()->tabRect(tab);
            QVERIFY2(rect.width() > tabs->tabBar()->fontMetrics().horizontalAdvance(text)
                             && tabs->tabBar()->rect().contains(rect),
                     qPrintable(u"%1: tab \"%2\" in %3 px"_s.arg(name, text).arg(rect.width())));
        }
        QVERIFY(gallery->explanationArea()->isVisible());
        QScrollBar *scroll = gallery->explanationArea()->verticalScrollBar();
        QCOMPARE(scroll->value(), 0); // from its start, wherever the last demo's was left
        if (scroll->maximum() > 0)
            needScrolling.append(name);
        scroll->setValue(scroll->maximum());
    }
    // at 1366x768 every one reads whole; shorter screens may scroll
    if (m_screen.height() >= 768)
        QVERIFY2(needScrolling.isEmpty(), qPrintable(needScrolling.join(u", "_s)));
}

void TestWindowSizes::compareViewFits()
{
    CompareView *view = m_window->compareView();
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view));
    verifyFits(view);
    // a stall card's code reads whole: its area scrolls rather than squeezing it
    StallRecord stall;
    stall.durationMs = 2010;
    stall.sampleCount = 100;
    stall.busyShare = 1;
    stall.culprit.function = u"readFile"_s;
    stall.culprit.path = u"/nonexistent/src/engine/fileload.cpp"_s;
    stall.culprit.line = 164;
    for (RunMode mode : { RunMode::Blocking, RunMode::Async }) {
        view->stallsPanel(mode)->setRecords({ stall });
        view->halfTabs(mode)->setCurrentWidget(view->stallsPanel(mode));
        QCoreApplication::processEvents();
        const QPlainTextEdit *code = view->stallsPanel(mode)->card()->sourceView();
        QVERIFY(code->isVisible());
        const int lines = code->viewport()->height() / code->fontMetrics().lineSpacing();
        QVERIFY2(lines >= StallCard::MinSourceLines, qPrintable(QString::number(lines)));
        verifyFits(view);
    }
}

void TestWindowSizes::learnWindowFitsEveryLesson()
{
    LearnWindow *learn = m_window->learnWindow();
    learn->show();
    QVERIFY(QTest::qWaitForWindowExposed(learn));
    for (const Lesson &lesson : Course::lessons()) {
        learn->showLesson(lesson.number);
        QCoreApplication::processEvents();
        verifyFits(learn);
        // The essential parts need no scrolling: the question, every choice, Run, Next.
        for (const char *name : { "question", "runLesson", "nextLesson", "choice0" }) {
            const QWidget *part = learn->findChild<QWidget *>(QString::fromLatin1(name));
            QVERIFY2(
                    part && part->isVisible()
                            && learn->rect().contains(
                                    QRect(part->mapTo(learn, QPoint(0, 0)), part->size())),
                    qPrintable(u"lesson %1: %2"_s.arg(lesson.number).arg(QLatin1StringView(name))));
        }
        const auto *question = learn->findChild<QLabel *>(u"question"_s);
        QVERIFY2(question->height() >= question->heightForWidth(question->width()),
                 qPrintable(u"lesson %1: the question is cut"_s.arg(lesson.number)));
    }
}

int main(int argc, char *argv[])
{
    // The offscreen platform reads its screens from a JSON file named in the platform's options.
    const QStringList size =
            qEnvironmentVariable("ASYNCLAB_TEST_SCREEN", u"1366x768"_s).split(u'x');
    const QSize screen(size.value(0).toInt(), size.value(1).toInt());
    QTemporaryDir dir;
    const QString config = dir.filePath(u"screens.json"_s);
    QFile file(config);
    if (!screen.isValid() || !file.open(QIODevice::WriteOnly))
        return 2;
    const QJsonObject one { { u"name"_s, u"laptop"_s },
                            { u"x"_s, 0 },
                            { u"y"_s, 0 },
                            { u"width"_s, screen.width() },
                            { u"height"_s, screen.height() },
                            { u"logicalDpi"_s, 96 },
                            { u"logicalBaseDpi"_s, 96 },
                            { u"dpr"_s, 1 } };
    file.write(QJsonDocument(QJsonObject { { u"screens"_s, QJsonArray { one } } }).toJson());
    file.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + QFile::encodeName(config));

    QApplication app(argc, argv);
    TestWindowSizes test(screen);
    return QTest::qExec(&test, argc, argv);
}

#include "tst_windowsizes.moc"

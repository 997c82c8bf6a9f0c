#include <windows/compareview.h>
#include <windows/demogallery.h>
#include <engine/lab.h>
#include <windows/mainwindow.h>

#include <QApplication>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScreen>
#include <QSignalSpy>
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
    void compareViewFits();

private:
    void verifyFits(QWidget *window);

    QSize m_screen;
    std::unique_ptr<Lab> m_lab;
    std::unique_ptr<MainWindow> m_window;
};

void TestWindowSizes::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"AsyncLabTests"_s);
    QCOMPARE(QGuiApplication::primaryScreen()->size(), m_screen);
}

void TestWindowSizes::init()
{
    m_lab = std::make_unique<Lab>();
    QVERIFY2(m_lab->start(), qPrintable(m_lab->errorString()));
    m_window = std::make_unique<MainWindow>(m_lab.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
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
    // at least five rows of the operations log show at the default size
    QTableView *table = m_window->operationsTable();
    const int rows = table->viewport()->height() / table->verticalHeader()->defaultSectionSize();
    QVERIFY2(rows >= 5, qPrintable(QString::number(rows)));
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
    for (int row = 0; row < 3; ++row) {
        const QRect shown = table->visualRect(table->model()->index(row, 0));
        QVERIFY2(viewport.contains(shown), qPrintable(table->item(row, 0)->text()));
    }
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
    for (int row = 0; row < table->rowCount(); ++row) {
        for (int column = 0; column < table->columnCount(); ++column) {
            const QTableWidgetItem *item = table->item(row, column);
            if (!item || item->text().isEmpty())
                continue;
            const QRect rect = table->visualRect(table->model()->index(row, column));
            // the room the style leaves for text: a few pixels less than the cell
            const QRect needed =
                    cells.boundingRect(rect.adjusted(0, 0, -8, 0), Qt::TextWordWrap, item->text());
            QVERIFY2(needed.height() <= rect.height(),
                     qPrintable(u"\"%1\" needs %2 px in a %3 px row"_s.arg(item->text())
                                        .arg(needed.height())
                                        .arg(rect.height())));
        }
    }
}

void TestWindowSizes::compareViewFits()
{
    CompareView *view = m_window->compareView();
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view));
    verifyFits(view);
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

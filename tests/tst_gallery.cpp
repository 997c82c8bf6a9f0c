#include "widgetchecks.h"
#include "appfixture.h"
#include <widgets/demobarchart.h>
#include <widgets/demoplotchart.h>
#include <demos/serversdemo.h>
#include <windows/demogallery.h>
#include <demos/demoregistry.h>
#include <engine/lab.h>
#include <windows/mainwindow.h>

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

// The concept gallery as a person uses it: pick a demo, press Run, read the outcome.
class TestGallery : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void listsEveryDemo();
    void runShowsTheOutcome();
    void cancelButtonCancels();
    void cancelStopsARunShownOrNot();
    void serversDemoOffersItsVariantsAndPlots();
    void mainWindowOpensIt();

private:
    std::unique_ptr<Lab> m_lab;
    std::unique_ptr<DemoGallery> m_gallery;
};

void TestGallery::init()
{
    m_lab = startedLab();
    QVERIFY(m_lab);
    m_gallery = std::make_unique<DemoGallery>(m_lab.get());
    QVERIFY(showExposed(m_gallery.get(), QSize(1400, 920)));
}

void TestGallery::cleanup()
{
    m_gallery.reset();
    m_lab.reset();
}

void TestGallery::listsEveryDemo()
{
    auto *list = m_gallery->findChild<QListWidget *>();
    QVERIFY(list);
    QCOMPARE(list->count(), DemoRegistry::all().size());
    QCOMPARE(m_gallery->demoNames(), DemoRegistry::names());
    for (int row = 0; row < list->count(); ++row) {
        const QString name = list->item(row)->data(Qt::UserRole).toString();
        QCOMPARE(list->item(row)->text(), m_gallery->demo(name)->title());
        list->setCurrentRow(row);
        QCOMPARE(m_gallery->currentDemo(), name);
        // Each snippet the demo names is shown, with its code.
        const auto views = m_gallery->snippetViews();
        QCOMPARE(views.size(), m_gallery->demo(name)->snippetIds().size());
        for (const QPlainTextEdit *view : views) {
            QVERIFY(view->isReadOnly());
            QVERIFY2(!view->toPlainText().isEmpty(), qPrintable(view->objectName()));
        }
    }
}

void TestGallery::runShowsTheOutcome()
{
    m_gallery->selectDemo(u"three-styles"_s);
    QVERIFY(m_gallery->runButton()->isEnabled());
    QTest::mouseClick(m_gallery->runButton(), Qt::LeftButton);
    QVERIFY(m_gallery->isRunning());
    QVERIFY(!m_gallery->runButton()->isEnabled());
    QVERIFY(m_gallery->cancelButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!m_gallery->isRunning(), 20000);

    QVERIFY2(m_gallery->summaryLabel()->text().contains(u"same"_s),
             qPrintable(m_gallery->summaryLabel()->text()));
    QVERIFY(m_gallery->figuresTable()->rowCount() > 5);
    QCOMPARE(m_gallery->barChart()->bars().size(), 3);
    QVERIFY(m_gallery->logView()->toPlainText().contains(u"coroutines"_s));
    QVERIFY(m_gallery->runButton()->isEnabled());
    QVERIFY(!m_gallery->cancelButton()->isEnabled());

    // The picture has content: text, charts and code, not one flat colour.
    const int colours = distinctColours(m_gallery->grab().toImage(), 3);
    QVERIFY2(colours > 50, qPrintable(QString::number(colours)));
}

void TestGallery::cancelButtonCancels()
{
    m_gallery->selectDemo(u"concurrency-limit"_s);
    QTest::mouseClick(m_gallery->runButton(), Qt::LeftButton);
    QVERIFY(m_gallery->isRunning());
    QTest::mouseClick(m_gallery->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_gallery->isRunning(), 5000);
    QVERIFY(m_gallery->summaryLabel()->text().contains(u"canceled"_s));
    QVERIFY(m_gallery->runButton()->isEnabled());
}

// Only one demo runs at a time, so Cancel stops it while another demo is shown, and says which.
void TestGallery::cancelStopsARunShownOrNot()
{
    m_gallery->selectDemo(u"concurrency-limit"_s);
    QTest::mouseClick(m_gallery->runButton(), Qt::LeftButton);
    QVERIFY(m_gallery->isRunning());
    m_gallery->selectDemo(u"race"_s);
    QVERIFY(!m_gallery->runButton()->isEnabled());
    QVERIFY(m_gallery->cancelButton()->isEnabled());
    QVERIFY2(m_gallery->cancelButton()->toolTip().contains(u"Limiting concurrency"_s),
             qPrintable(m_gallery->cancelButton()->toolTip()));
    QTest::mouseClick(m_gallery->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_gallery->isRunning(), 5000);
    QVERIFY(m_gallery->runButton()->isEnabled());
    QVERIFY(!m_gallery->cancelButton()->isEnabled());
    m_gallery->selectDemo(u"concurrency-limit"_s);
    QVERIFY2(m_gallery->summaryLabel()->text().contains(u"canceled"_s),
             qPrintable(m_gallery->summaryLabel()->text()));
}

// A demo with variants gets a choice beside Run; one with plots shows them, as they come in.
void TestGallery::serversDemoOffersItsVariantsAndPlots()
{
    QComboBox *variants = m_gallery->variantBox();
    m_gallery->selectDemo(u"three-styles"_s);
    QVERIFY(!variants->isVisible());
    m_gallery->selectDemo(u"servers"_s);
    QVERIFY(variants->isVisible());
    auto *servers = qobject_cast<ServersDemo *>(m_gallery->demo(u"servers"_s));
    QVERIFY(servers);
    QCOMPARE(variants->count(), servers->variants().size());
    emit variants->activated(1);
    QCOMPARE(servers->variant(), 1);
    QVERIFY(servers->requestPath().contains("cpu=2"));

    ServersDemo::Options options = servers->options();
    options.servers = { ServersDemo::Server::OneThread, ServersDemo::Server::EventLoop };
    options.connections = { 10 };
    options.warmupMs = 100;
    options.measureMs = 300;
    servers->setOptions(options);
    QSignalSpy measured(servers, &Demo::measured);
    QTest::mouseClick(m_gallery->runButton(), Qt::LeftButton);
    QVERIFY(!variants->isEnabled());
    // The first server's figures show before the run ends.
    QVERIFY(measured.wait(10000));
    QVERIFY(m_gallery->isRunning());
    QVERIFY(m_gallery->plotChart()->isVisible());
    QCOMPARE(m_gallery->plotChart()->plots().size(), 4);
    QTRY_VERIFY_WITH_TIMEOUT(!m_gallery->isRunning(), 10000);
    QVERIFY(variants->isEnabled());
    QVERIFY(m_gallery->plotChart()->isVisible());
    QVERIFY(!m_gallery->barChart()->isVisible());
    QCOMPARE(m_gallery->plotChart()->plots().first().series.size(), 2);
    QVERIFY(m_gallery->figuresTable()->rowCount() == 2);
}

void TestGallery::mainWindowOpensIt()
{
    MainWindow window(m_lab.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *open = nullptr;
    const auto menus = window.menuBar()->actions();
    for (QAction *menu : menus) {
        if (menu->text() == u"&Concepts"_s && menu->menu())
            open = menu->menu()->actions().value(0);
    }
    QVERIFY(open);
    open->trigger();
    DemoGallery *gallery = window.conceptGallery();
    QVERIFY(gallery->isWindow());
    QVERIFY(QTest::qWaitForWindowExposed(gallery));
    QCOMPARE(gallery->demoNames(), DemoRegistry::names());
}

QTEST_MAIN(TestGallery)
#include "tst_gallery.moc"

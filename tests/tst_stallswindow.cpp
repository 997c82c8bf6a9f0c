#include "widgetchecks.h"
#include "appfixture.h"
#include <windows/demogallery.h>
#include <engine/lab.h>
#include <windows/labapplication.h>
#include <windows/mainwindow.h>
#include <widgets/modetoggle.h>

#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

// The real window, frozen by a person's click in each way: the stall record names the function
// that held the GUI thread, what it was doing, and the click that started it.
class TestStallsWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void blockingFetchWaitsInFetcher();
    void blockingLoadComputesInLoad();
    void asyncFetchDoesNotStall();
    void deadlockDemoNamesItsWait();

private:
    void clickMode(RunMode mode);
    void click(QWidget *root, const QString &buttonName);
    StallRecord longestRecordAfter(QSignalSpy &spy);

    std::unique_ptr<Lab> m_lab;
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
};

void TestStallsWindow::initTestCase()
{
    useTestSettings();
    QVERIFY(m_dir.isValid());
    // Written here, before init() lets the watchdog settle: writing it freezes this thread too.
    QFile file(m_dir.filePath(u"big.txt"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray chunk(1 << 20, 'x');
    for (int i = 0; i < 384; ++i)
        QVERIFY(file.write(chunk) == chunk.size());
}

void TestStallsWindow::init()
{
    m_lab = startedLabWatchingStalls();
    QVERIFY(m_lab);
    m_window = std::make_unique<MainWindow>(m_lab.get());
    QVERIFY(showExposed(m_window.get()));
    QTest::qWait(200);
    bool settled = false;
    m_lab->stalls().whenSettled(this, [&settled] { settled = true; });
    QTRY_VERIFY(settled);
    m_lab->stalls().clear(); // the first paint may take long; it is not what is tested
}

void TestStallsWindow::cleanup()
{
    m_window.reset();
    m_lab.reset();
}

void TestStallsWindow::clickMode(RunMode mode)
{
    ModeToggle *toggle = m_window->modeToggle();
    const QPoint where(mode == RunMode::Blocking ? toggle->width() / 4 : toggle->width() * 3 / 4,
                       toggle->height() / 2);
    QTest::mouseClick(toggle, Qt::LeftButton, {}, where);
    QCOMPARE(m_window->mode(), mode);
}

void TestStallsWindow::click(QWidget *root, const QString &buttonName)
{
    auto *button = root->findChild<QPushButton *>(buttonName);
    QVERIFY2(button, qPrintable(buttonName));
    QTest::mouseClick(button, Qt::LeftButton);
}

StallRecord TestStallsWindow::longestRecordAfter(QSignalSpy &spy)
{
    bool settled = false;
    m_lab->stalls().whenSettled(this, [&settled] { settled = true; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(settled, 10000); }();
    StallRecord longest;
    for (const QList<QVariant> &arguments : spy) {
        const auto record = arguments.at(0).value<StallRecord>();
        if (record.durationMs > longest.durationMs)
            longest = record;
    }
    return longest;
}

void TestStallsWindow::blockingFetchWaitsInFetcher()
{
    clickMode(RunMode::Blocking);
    m_window->urlEdit()->setText(m_lab->server().url(u"/delay/1000"_s).toString());
    QSignalSpy spy(&m_lab->stalls(), &StallWatchdog::stallRecorded);
    click(m_window.get(), u"fetchButton"_s);
    const StallRecord r = longestRecordAfter(spy);
    QVERIFY2(r.durationMs >= 800, qPrintable(QString::number(r.durationMs)));
    QCOMPARE(r.culprit.function, u"BlockingFetcher::fetch"_s);
    QCOMPARE(r.culprit.file, u"src/engine/blockingfetcher.cpp"_s);
    QVERIFY(r.culprit.share >= 0.8);
    QVERIFY2(r.waitingShare >= 0.8, qPrintable(r.activityText()));
    QCOMPARE(r.mainWait, WaitReason::LockOrFuture);
    QCOMPARE(r.event, u"MouseButtonRelease on QPushButton \u201cFetch\u201d"_s);
    QTRY_VERIFY(m_lab->log().records().constLast().culprit.startsWith(u"BlockingFetcher::fetch"_s));
}

void TestStallsWindow::blockingLoadComputesInLoad()
{
    const QString path = m_dir.filePath(u"big.txt"_s);
    clickMode(RunMode::Blocking);
    m_window->fileEdit()->setText(path);
    QSignalSpy spy(&m_lab->stalls(), &StallWatchdog::stallRecorded);
    click(m_window.get(), u"loadButton"_s);
    const StallRecord r = longestRecordAfter(spy);
    QVERIFY2(r.durationMs >= 100, qPrintable(QString::number(r.durationMs)));
    QCOMPARE(r.culprit.file, u"src/engine/fileload.cpp"_s);
    // readFile, or the line counter it calls when the optimiser did not inline that.
    const bool inLoad = std::any_of(r.stack.cbegin(), r.stack.cend(), [](const StackFrame &f) {
        return f.own && f.function.contains(u"readFile"_s);
    });
    QVERIFY2(inLoad, qPrintable(r.culprit.location()));
    QVERIFY2(r.busyShare >= 0.6, qPrintable(r.activityText()));
    QCOMPARE(r.event, u"MouseButtonRelease on QPushButton \u201cLoad\u201d"_s);
}

void TestStallsWindow::asyncFetchDoesNotStall()
{
    clickMode(RunMode::Async);
    m_window->urlEdit()->setText(m_lab->server().url(u"/delay/1000"_s).toString());
    QSignalSpy finished(&m_lab->jobs(), &JobRunner::finished);
    QSignalSpy spy(&m_lab->stalls(), &StallWatchdog::stallRecorded);
    click(m_window.get(), u"fetchButton"_s);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    const StallRecord r = longestRecordAfter(spy);
    // The responsiveness bound of the tests: an async run never freezes for 100 ms.
    QVERIFY2(r.durationMs < 100, qPrintable(r.culprit.location()));
}

void TestStallsWindow::deadlockDemoNamesItsWait()
{
    DemoGallery gallery(m_lab.get());
    gallery.show();
    QVERIFY(QTest::qWaitForWindowExposed(&gallery));
    gallery.selectDemo(u"deadlock"_s);
    QSignalSpy finished(&gallery, &DemoGallery::demoFinished);
    QSignalSpy spy(&m_lab->stalls(), &StallWatchdog::stallRecorded);
    QTest::mouseClick(gallery.runButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    const StallRecord r = longestRecordAfter(spy);
    QCOMPARE(r.culprit.function, u"DeadlockDemo::guiTrap"_s);
    QCOMPARE(r.mainWait, WaitReason::LockOrFuture);
}

int main(int argc, char *argv[])
{
    LabApplication app(argc, argv);
    TestStallsWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_stallswindow.moc"

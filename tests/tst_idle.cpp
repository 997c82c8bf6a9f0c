#include "widgetchecks.h"
#include "appfixture.h"
#include <windows/demogallery.h>
#include <widgets/heartbeatwidget.h>
#include <engine/lab.h>
#include <widgets/lagchartwidget.h>
#include <windows/mainwindow.h>
#include <widgets/timelinewidget.h>

#include <QElapsedTimer>
#include <QTest>

#include <ctime>

using namespace Qt::StringLiterals;

namespace {
double guiThreadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000 + double(ts.tv_nsec) / 1e6;
}
} // namespace

// AsyncLab at rest costs its own GUI thread little, and hidden windows cost nothing: what it
// measures is other code's stalls, not its own painting.
class TestIdle : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void idleWindowsCostLittleCpu();
    void hiddenWindowsStopTheirTimers();

private:
    std::unique_ptr<Lab> m_lab;
    std::unique_ptr<MainWindow> m_window;
};

void TestIdle::init()
{
    m_lab = startedLab();
    QVERIFY(m_lab);
    m_window = std::make_unique<MainWindow>(m_lab.get());
    QVERIFY(showExposed(m_window.get(), QSize(1280, 720)));
    m_window->showConceptGallery();
    QVERIFY(QTest::qWaitForWindowExposed(m_window->conceptGallery()));
}

void TestIdle::cleanup()
{
    m_window.reset();
    m_lab.reset();
}

void TestIdle::idleWindowsCostLittleCpu()
{
    // the first paints of a new window lay out text and load fonts: not what idle costs
    QTest::qWait(500);
    const double cpuBefore = guiThreadCpuMs();
    QElapsedTimer wall;
    wall.start();
    QTest::qWait(3000);
    const double share = (guiThreadCpuMs() - cpuBefore) / double(wall.elapsed());
    qInfo("idle GUI thread, main window and gallery shown: %.1f%% of a core", 100 * share);
    // measured at 3-4% offscreen; the goal is under 6%, the bound catches a regression
    QVERIFY2(share < 0.10, qPrintable(QString::number(100 * share)));
}

void TestIdle::hiddenWindowsStopTheirTimers()
{
    // the gallery is a window of its own, and a child of the main window
    const QList<HeartbeatWidget *> hearts = m_window->findChildren<HeartbeatWidget *>();
    QCOMPARE(hearts.size(), 2);
    auto *liveChart = m_window->centralWidget()->findChild<LagChartWidget *>();
    QVERIFY(liveChart);
    for (HeartbeatWidget *heart : std::as_const(hearts))
        QVERIFY(heart->isAnimating());
    QVERIFY(liveChart->isUpdating());
    // the gallery's chart shows a finished or not-yet-run demo: nothing to follow
    QVERIFY(!m_window->conceptGallery()->findChild<LagChartWidget *>()->isUpdating());

    m_window->conceptGallery()->hide();
    m_window->hide();
    for (HeartbeatWidget *heart : std::as_const(hearts))
        QVERIFY(!heart->isAnimating());
    QVERIFY(!liveChart->isUpdating());
    for (TimelineWidget *timeline : m_window->findChildren<TimelineWidget *>())
        QVERIFY(!timeline->isUpdating());
    const qint64 frames = hearts.first()->frameCount();
    QTest::qWait(200);
    QCOMPARE(hearts.first()->frameCount(), frames);

    QVERIFY(showExposed(m_window.get()));
    QVERIFY(hearts.first()->isAnimating());
    QVERIFY(liveChart->isUpdating());
    QTRY_VERIFY(hearts.first()->frameCount() > frames);
}

QTEST_MAIN(TestIdle)
#include "tst_idle.moc"

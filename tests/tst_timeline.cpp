#include "appfixture.h"
#include <engine/lab.h>
#include <common/labclock.h>
#include <models/timelinemodel.h>
#include <widgets/timelinewidget.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(LaneId)

// The timeline as the real core fills it: a Lab runs fetches against its embedded server and loads
// a real file, in both modes, and the model must put each thread's part on the right lane.
class TestTimeline : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void lanesAreOrdered_data();
    void lanesAreOrdered();
    void blockingFetchBlocksGuiLane();
    void asyncFetchLeavesGuiLaneFree();
    void fileLoadInBothModes_data();
    void fileLoadInBothModes();
    void windowAndFilter();
    void widgetDrawsBarsAndReportsClicks();
    void mergeSpansJoinsOverlaps_data();
    void mergeSpansJoinsOverlaps();
    void overlappingBarsGroupPerLaneAndMode();
    void widgetStopsItsClockWithNothingToMove();

private:
    int run(const std::function<int()> &start);
    QList<TimelineBar> barsOnLane(const TimelineModel &model, const QString &lane) const;

    QTemporaryDir m_dir;
    QString m_file;
    std::unique_ptr<Lab> m_lab;
};

void TestTimeline::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_file = m_dir.filePath(u"lines.txt"_s);
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray line(99, 'a');
    for (int i = 0; i < 200000; ++i) // 20 MB: long enough to see, short enough to be quick
        file.write(line + '\n');
}

void TestTimeline::init()
{
    m_lab = startedLab();
    QVERIFY(m_lab);
}

void TestTimeline::cleanup()
{
    m_lab.reset();
}

// Starts an operation and waits until it is over, whatever the mode.
int TestTimeline::run(const std::function<int()> &start)
{
    QSignalSpy finished(&m_lab->jobs(), &JobRunner::finished);
    const int id = start();
    if (!m_lab->log().find(id)->isFinished())
        finished.wait(10000);
    return id;
}

QList<TimelineBar> TestTimeline::barsOnLane(const TimelineModel &model, const QString &lane) const
{
    QList<TimelineBar> result;
    for (const TimelineBar &bar : model.bars()) {
        if (model.lanes().value(bar.lane) == lane)
            result.append(bar);
    }
    return result;
}

void TestTimeline::lanesAreOrdered_data()
{
    using Lanes = QList<LaneId>;
    const LaneId gui { ThreadLane::Gui, 0 };
    const LaneId network { ThreadLane::NetworkThread, 0 };
    const LaneId loop { ThreadLane::EventLoop, 0 };
    const auto worker = [](int n) { return LaneId { ThreadLane::Worker, n }; };
    QTest::addColumn<Lanes>("lanes");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("gui first") << Lanes { network, gui }
                               << QStringList { u"GUI thread"_s, u"network thread"_s };
    QTest::addRow("workers by number") << Lanes { worker(10), loop, worker(2), gui }
                                       << QStringList { u"GUI thread"_s, u"worker 2"_s,
                                                        u"worker 10"_s, u"network (event loop)"_s };
    QTest::addRow("network lanes last")
            << Lanes { loop, network, worker(1) }
            << QStringList { u"worker 1"_s, u"network thread"_s, u"network (event loop)"_s };
}

void TestTimeline::lanesAreOrdered()
{
    QFETCH(QList<LaneId>, lanes);
    QFETCH(QStringList, expected);
    std::sort(lanes.begin(), lanes.end());
    QStringList names;
    for (const LaneId &lane : std::as_const(lanes))
        names.append(lane.name());
    QCOMPARE(names, expected);
}

void TestTimeline::blockingFetchBlocksGuiLane()
{
    TimelineModel model;
    model.setLog(&m_lab->log());
    const int id = run([this] {
        return m_lab->jobs().fetch(m_lab->server().url(u"/delay/300"_s), RunMode::Blocking);
    });
    model.refresh();
    QCOMPARE(model.lanes().value(0), TimelineModel::guiLane());
    QVERIFY2(model.lanes().contains(u"network thread"_s), qPrintable(model.lanes().join(u", "_s)));

    const QList<TimelineBar> gui = barsOnLane(model, TimelineModel::guiLane());
    QCOMPARE(gui.size(), 1);
    QCOMPARE(gui[0].operationId, id);
    QCOMPARE(gui[0].kind, SpanKind::BlockedWaiting);
    QCOMPARE(gui[0].mode, RunMode::Blocking);
    QVERIFY(gui[0].blocksGui);
    QVERIFY2(gui[0].durationMs() >= 280, qPrintable(QString::number(gui[0].durationMs())));

    const QList<TimelineBar> network = barsOnLane(model, u"network thread"_s);
    QCOMPARE(network.size(), 1);
    QCOMPARE(network[0].kind, SpanKind::Work);
    QVERIFY(!network[0].blocksGui);
    QVERIFY(model.guiBlockedMs() >= 280);
    QVERIFY(model.describe(gui[0]).contains(u"frozen"_s));
}

void TestTimeline::asyncFetchLeavesGuiLaneFree()
{
    TimelineModel model;
    model.setLog(&m_lab->log());
    QSignalSpy finished(&m_lab->jobs(), &JobRunner::finished);
    const int id = m_lab->jobs().fetch(m_lab->server().url(u"/delay/300"_s), RunMode::Async);

    // While it runs it shows as pending in the event loop, ending now.
    model.refresh();
    QList<TimelineBar> pending = model.barsOf(id);
    QCOMPARE(pending.size(), 1);
    QVERIFY(pending[0].running);
    QCOMPARE(pending[0].kind, SpanKind::EventLoopWait);

    QVERIFY(finished.wait(5000));
    model.refresh();
    QCOMPARE(model.lanes(), (QStringList { TimelineModel::guiLane(), u"network (event loop)"_s }));
    QVERIFY(barsOnLane(model, TimelineModel::guiLane()).isEmpty());
    const QList<TimelineBar> bars = model.barsOf(id);
    QCOMPARE(bars.size(), 1);
    QVERIFY(!bars[0].running);
    QVERIFY(!bars[0].blocksGui);
    QCOMPARE(bars[0].mode, RunMode::Async);
    QVERIFY2(bars[0].durationMs() >= 280, qPrintable(QString::number(bars[0].durationMs())));
    QCOMPARE(model.guiBlockedMs(), 0.0);
}

void TestTimeline::fileLoadInBothModes_data()
{
    QTest::addColumn<RunMode>("mode");
    QTest::addRow("blocking") << RunMode::Blocking;
    QTest::addRow("async") << RunMode::Async;
}

void TestTimeline::fileLoadInBothModes()
{
    QFETCH(RunMode, mode);
    TimelineModel model;
    model.setLog(&m_lab->log());
    const int id = run([this, mode] { return m_lab->jobs().loadFile(m_file, mode); });
    QCOMPARE(m_lab->log().find(id)->status, OperationStatus::Succeeded);
    model.refresh();
    const QList<TimelineBar> bars = model.barsOf(id);
    QCOMPARE(bars.size(), 1);
    QCOMPARE(bars[0].kind, SpanKind::Work);
    const QString lane = model.lanes().value(bars[0].lane);
    if (mode == RunMode::Blocking) {
        QCOMPARE(lane, TimelineModel::guiLane());
        QVERIFY(bars[0].blocksGui);
        QVERIFY(model.guiBlockedMs() > 0);
    } else {
        QVERIFY2(lane.startsWith(u"worker "_s), qPrintable(lane));
        QVERIFY(!bars[0].blocksGui);
        QCOMPARE(model.guiBlockedMs(), 0.0);
        QCOMPARE(model.lanes().value(0), TimelineModel::guiLane()); // shown though empty
    }
}

void TestTimeline::windowAndFilter()
{
    TimelineModel model;
    model.setLog(&m_lab->log());
    const int first = run([this] {
        return m_lab->jobs().fetch(m_lab->server().url(u"/delay/100"_s), RunMode::Blocking);
    });
    const double between = labNowMs() + 1;
    QTRY_VERIFY(labNowMs() > between + 5);
    const int second = run([this] { return m_lab->jobs().loadFile(m_file, RunMode::Async); });

    model.setTimeRange(between, labNowMs());
    QVERIFY(model.barsOf(first).isEmpty());
    QCOMPARE(model.barsOf(second).size(), 1);
    QVERIFY(!model.isFollowing());

    model.setTimeRange(between - 60000, labNowMs());
    model.setOperations({ first });
    QCOMPARE(model.barsOf(first).size(), 2);
    QVERIFY(model.barsOf(second).isEmpty());

    model.setExtraLanes({ { ThreadLane::Worker, 7 } });
    QCOMPARE(model.lanes(),
             (QStringList { TimelineModel::guiLane(), u"worker 7"_s, u"network thread"_s }));
    for (const TimelineBar &bar : model.bars()) // bars renumbered to the sorted lanes
        QVERIFY(bar.lane != 1);
}

void TestTimeline::widgetDrawsBarsAndReportsClicks()
{
    const int id = run([this] {
        return m_lab->jobs().fetch(m_lab->server().url(u"/delay/300"_s), RunMode::Blocking);
    });
    const OperationRecord *record = m_lab->log().find(id);
    TimelineWidget widget;
    widget.model()->setLog(&m_lab->log());
    widget.model()->setTimeRange(record->startMs - 100, record->endMs + 100);
    widget.resize(600, widget.sizeHint().height());
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));

    const QList<TimelineBar> &bars = widget.model()->bars();
    QCOMPARE(bars.size(), 2);
    const QRectF plot = widget.plotRect();
    for (int i = 0; i < bars.size(); ++i) {
        const QRectF r = widget.barRect(bars[i]);
        QVERIFY(plot.contains(r.center()));
        // 300 ms of a 500 ms window
        QVERIFY2(r.width() > plot.width() * 0.5, qPrintable(QString::number(r.width())));
        QCOMPARE(widget.barIndexAt(r.center()), i);
    }

    // The hatched red GUI bar is painted where the model says.
    const QImage image = widget.grab().toImage();
    const QRectF guiBar = widget.barRect(widget.model()->barsOf(id).constFirst());
    // right of the label, which starts at the left
    const QColor centre =
            image.pixelColor(QPointF(guiBar.right() - 4, guiBar.center().y()).toPoint());
    QVERIFY2(centre.red() > centre.green() + 60, qPrintable(centre.name()));

    QSignalSpy clicked(&widget, &TimelineWidget::operationClicked);
    QTest::mouseClick(&widget, Qt::LeftButton, {}, guiBar.center().toPoint());
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.at(0).at(0).toInt(), id);
    QTest::mouseClick(&widget, Qt::LeftButton, {}, QPoint(2, 2));
    QCOMPARE(clicked.size(), 1);
}

using Spans = QList<std::pair<double, double>>;

void TestTimeline::mergeSpansJoinsOverlaps_data()
{
    QTest::addColumn<Spans>("spans");
    QTest::addColumn<Spans>("merged");
    QTest::addRow("none") << Spans {} << Spans {};
    QTest::addRow("apart") << Spans { { 5, 6 }, { 0, 1 } } << Spans { { 0, 1 }, { 5, 6 } };
    QTest::addRow("overlap, unsorted")
            << Spans { { 0, 2 }, { 5, 6 }, { 1, 3 } } << Spans { { 0, 3 }, { 5, 6 } };
    QTest::addRow("touching") << Spans { { 0, 1 }, { 1, 2 } } << Spans { { 0, 2 } };
    QTest::addRow("nested") << Spans { { 0, 10 }, { 2, 3 }, { 4, 12 } } << Spans { { 0, 12 } };
}

void TestTimeline::mergeSpansJoinsOverlaps()
{
    QFETCH(Spans, spans);
    QFETCH(Spans, merged);
    QCOMPARE(mergeSpans(spans), merged);
}

void TestTimeline::overlappingBarsGroupPerLaneAndMode()
{
    const auto bar = [](int lane, RunMode mode, double start, double end, SpanKind kind) {
        TimelineBar b;
        b.lane = lane;
        b.mode = mode;
        b.startMs = start;
        b.endMs = end;
        b.kind = kind;
        return b;
    };
    const QList<TimelineBar> bars = {
        bar(2, RunMode::Async, 0, 100, SpanKind::EventLoopWait),
        bar(2, RunMode::Async, 50, 150, SpanKind::EventLoopWait),
        bar(2, RunMode::Async, 10, 20, SpanKind::EventLoopWait),
        bar(2, RunMode::Async, 300, 400, SpanKind::EventLoopWait), // after a gap
        bar(2, RunMode::Blocking, 60, 70, SpanKind::EventLoopWait), // another mode
        bar(3, RunMode::Async, 60, 70, SpanKind::EventLoopWait), // another lane
        bar(2, RunMode::Async, 60, 70, SpanKind::Work), // another kind: not grouped
    };
    const QList<BarGroup> groups = groupOverlappingBars(bars, SpanKind::EventLoopWait);
    QCOMPARE(groups.size(), 4);
    const auto groupAt = [&](int lane, RunMode mode, double start) {
        for (const BarGroup &g : groups) {
            if (g.bar.lane == lane && g.bar.mode == mode && g.bar.startMs == start)
                return g;
        }
        return BarGroup {};
    };
    QCOMPARE(groupAt(2, RunMode::Async, 0).count, 3);
    QCOMPARE(groupAt(2, RunMode::Async, 0).bar.endMs, 150.0);
    QCOMPARE(groupAt(2, RunMode::Async, 300).count, 1);
    QCOMPARE(groupAt(2, RunMode::Blocking, 60).count, 1);
    QCOMPARE(groupAt(3, RunMode::Async, 60).count, 1);
    int total = 0;
    for (const BarGroup &g : groups)
        total += g.count;
    QCOMPARE(total, 6);
}

void TestTimeline::widgetStopsItsClockWithNothingToMove()
{
    OperationLog log;
    TimelineWidget widget;
    widget.model()->setLog(&log);
    widget.resize(640, 120);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QVERIFY(!widget.isUpdating()); // an empty window: nothing to move

    OperationRecord record;
    record.mode = RunMode::Async;
    record.startMs = labNowMs();
    record.id = log.add(record);
    QVERIFY(widget.isUpdating()); // a running operation grows with the clock
    widget.hide();
    QVERIFY(!widget.isUpdating());
    widget.show();
    QVERIFY(widget.isUpdating());
    log.clear();
    QVERIFY(!widget.isUpdating());
}

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"

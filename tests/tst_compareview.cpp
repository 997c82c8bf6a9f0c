#include "datarows.h"
#include "appfixture.h"
#include <windows/compareview.h>
#include <widgets/inputlatencyprobe.h>
#include <engine/lab.h>
#include <widgets/lagchartwidget.h>
#include <widgets/stallspanel.h>
#include <widgets/timelinewidget.h>
#include "widgetchecks.h"

#include <QApplication>
#include <QCheckBox>
#include <QFileDialog>
#include <QPushButton>
#include <QTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QRegularExpression>
#include <QTabWidget>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

// The Compare view runs a short scenario through the real Lab, both modes, and must show and
// save figures that agree with what the responsiveness monitor recorded.
class TestCompareView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void tableShowsTheFreeze();
    void tableMatchesMonitor();
    void halvesShowEachRun();
    void savedFilesParseBack();
    void savedTraceHoldsBothRuns();
    void grabShowsBothHalves();
    void describesScenarioAndConcurrency();
    void ratiosReadAsWords();
    void rerunResetsChartsAndLanes();
    void oneFreezeOneNumber_data();
    void oneFreezeOneNumber();
    void asyncOneStepAtATime(); // it replaces the comparison the others read
    void anotherScenarioClearsTheResults(); // runs last: it clears them

private:
    double figure(const QString &key, int column) const;
    int rowOf(const QString &key) const;

    QTemporaryDir m_dir;
    std::unique_ptr<Lab> m_lab;
    std::unique_ptr<CompareView> m_view;
};

// Runs the comparison once; every test below reads its result.
void TestCompareView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_lab = startedLab();
    QVERIFY(m_lab);
    m_lab->setSampleDir(m_dir.path());
    m_lab->scenarios().setSettleMs(200);

    const Scenario shortScenario {
        u"short"_s,
        u"Short"_s,
        u"A 400 ms delayed fetch, a 2 MiB download and an 8 MiB file load."_s,
        8 << 20,
        { { OperationKind::Fetch, u"/delay/400"_s },
          { OperationKind::Fetch, u"/bytes/2097152"_s },
          { OperationKind::FileLoad, {} } }
    };
    m_view = std::make_unique<CompareView>(m_lab.get());
    m_view->setScenarios({ shortScenario });
    QVERIFY(showExposed(m_view.get(), QSize(1300, 900)));

    QSignalSpy finished(m_view.get(), &CompareView::finished);
    QSignalSpy failed(m_view.get(), &CompareView::failed);
    m_view->run();
    QVERIFY(m_view->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() + failed.size() > 0, 20000);
    QCOMPARE(failed.size(), 0);
    QVERIFY(!m_view->isRunning());
    QCOMPARE(m_view->runs().size(), 2);
    QTest::qWait(200); // let the layout settle before geometry and grabs are checked
}

void TestCompareView::describesScenarioAndConcurrency()
{
    const QString text = m_view->scenarioDescription()->text();
    QVERIFY2(text.contains(u"A 400 ms delayed fetch"_s), qPrintable(text));
    QVERIFY2(text.contains(u"all at once"_s), qPrintable(text));
    m_view->asyncOneAtATimeBox()->setChecked(true);
    QVERIFY2(m_view->scenarioDescription()->text().contains(u"one after another, so the "
                                                            "difference is blocking alone"_s),
             qPrintable(m_view->scenarioDescription()->text()));
    m_view->asyncOneAtATimeBox()->setChecked(false);
}

// "274× shorter" or "none in Async", never "0.00×" or "<0.01×".
void TestCompareView::ratiosReadAsWords()
{
    const QRegularExpression words(
            u"^(>?\\d+(\\.\\d)?× (shorter|longer|fewer|more)|none in Async|about the same|—)$"_s);
    const QTableWidget *table = m_view->table();
    QVERIFY(table->rowCount() >= 5);
    for (int row = 0; row < table->rowCount(); ++row) {
        const QString text = table->item(row, 3)->text();
        QVERIFY2(words.match(text).hasMatch(), qPrintable(text));
    }
    const double stalls = figure(u"stallsOver50Ms"_s, 2);
    QCOMPARE(table->item(rowOf(u"stallsOver50Ms"_s), 3)->text() == u"none in Async"_s, stalls == 0);
}

void TestCompareView::oneFreezeOneNumber_data()
{
    // Freezes just over 50 ms end before the watchdog, looking every 10 ms, sees them late.
    addBoolRows("manyShortFreezes", "one long freeze", "many freezes near 50 ms");
}

// The tab, the list, the summary line, the table and the heading count each run's stalls alike.
void TestCompareView::oneFreezeOneNumber()
{
    QFETCH(bool, manyShortFreezes);
    std::unique_ptr<CompareView> other;
    CompareView *view = m_view.get();
    if (manyShortFreezes) {
        Scenario many { u"many"_s, u"Many"_s, u"Twelve fetches answered after 50 ms."_s, 0, {} };
        for (int i = 0; i < 12; ++i)
            many.steps.append(ScenarioStep { OperationKind::Fetch, u"/delay/50"_s });
        other = std::make_unique<CompareView>(m_lab.get());
        view = other.get();
        view->setScenarios({ many });
        view->resize(1300, 700);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view));
        QSignalSpy finished(view, &CompareView::finished);
        QVERIFY(finished.isValid());
        view->run();
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 20000);
    }
    // the stalls are shown once the watchdog has handed over the last one
    QTRY_VERIFY_WITH_TIMEOUT(!view->culpritSummary()->text().startsWith(u"Measuring"_s), 5000);
    const QTableWidget *table = view->table();
    int stallsRow = -1;
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->data(Qt::UserRole).toString() == u"stallsOver50Ms"_s)
            stallsRow = row;
    }
    QVERIFY(stallsRow >= 0);
    const QStringList summary = view->culpritSummary()->text().split(u"; "_s);
    QCOMPARE(summary.size(), 2);
    for (const ScenarioRun &run : view->runs()) {
        const int column = run.mode == RunMode::Blocking ? 1 : 2;
        const int counted = m_lab->monitor().stallsDuring(run.startMs, run.endMs).size();
        const StallsPanel *panel = view->stallsPanel(run.mode);
        const QString what = u"%1: %2 counted, tab %3, table %4, summary %5"_s.arg(
                runModeName(run.mode), QString::number(counted),
                view->halfTabs(run.mode)->tabText(1), table->item(stallsRow, column)->text(),
                summary.at(column - 1));
        QCOMPARE(run.lag.stallsOver50Ms, counted);
        QVERIFY2(table->item(stallsRow, column)->data(Qt::UserRole).toInt() == counted,
                 qPrintable(what));
        QVERIFY2(panel->records().size() == counted, qPrintable(what));
        QVERIFY2(view->halfTabs(run.mode)->tabText(1) == u"Stalls (%1)"_s.arg(counted),
                 qPrintable(what));
        QVERIFY2(summary.at(column - 1).contains(u"no freeze over"_s) == (counted == 0),
                 qPrintable(what));
        for (const StallRecord &r : panel->records()) {
            QVERIFY2(r.durationMs > ResponsivenessMonitor::StallThresholdMs, qPrintable(what));
            const double middle = r.startMs + r.durationMs / 2;
            QVERIFY2(middle >= run.startMs && middle < run.endMs, qPrintable(what));
        }
        if (manyShortFreezes && run.mode == RunMode::Blocking) {
            // twelve freezes, said as such rather than as one long one
            const QString heading = view->heading(run.mode)->text();
            QVERIFY2(heading.contains(u"waited 12 times"_s), qPrintable(heading));
            QVERIFY2(heading.contains(u"Stalls over 50 ms: %1."_s.arg(counted)),
                     qPrintable(heading));
        }
    }
}

// With the box checked, each Async step starts only when the one before it has ended: the wall
// time no longer profits from running the steps concurrently.
void TestCompareView::asyncOneStepAtATime()
{
    const auto overlapping = [this](const ScenarioRun &run) {
        QList<std::pair<double, double>> spans;
        for (int id : run.operationIds) {
            const OperationRecord *r = m_lab->log().find(id);
            if (r)
                spans.append({ r->startMs, r->endMs });
        }
        std::sort(spans.begin(), spans.end());
        int overlaps = 0;
        for (int i = 1; i < spans.size(); ++i)
            overlaps += spans[i].first < spans[i - 1].second ? 1 : 0;
        return overlaps;
    };
    QVERIFY(overlapping(m_view->runs()[1]) > 0); // by default the Async steps overlap

    QTest::mouseClick(m_view->asyncOneAtATimeBox(), Qt::LeftButton);
    QVERIFY(m_view->asyncOneAtATimeBox()->isChecked());
    QSignalSpy finished(m_view.get(), &CompareView::finished);
    m_view->run();
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() > 0, 20000);
    const ScenarioRun &async = m_view->runs()[1];
    QCOMPARE(async.mode, RunMode::Async);
    QCOMPARE(async.operationIds.size(), 3);
    QCOMPARE(async.failedOperations, 0);
    QCOMPARE(overlapping(async), 0);
    QVERIFY2(async.wallMs() >= 400, qPrintable(QString::number(async.wallMs())));
    QVERIFY2(async.lag.maxStallMs < 100, qPrintable(QString::number(async.lag.maxStallMs)));
}

int TestCompareView::rowOf(const QString &key) const
{
    const QTableWidget *table = m_view->table();
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->data(Qt::UserRole).toString() == key)
            return row;
    }
    return -1;
}

double TestCompareView::figure(const QString &key, int column) const
{
    const int row = rowOf(key);
    return row < 0 ? std::nan("")
                   : m_view->table()->item(row, column)->data(Qt::UserRole).toDouble();
}

void TestCompareView::tableShowsTheFreeze()
{
    const ScenarioRun &blocking = m_view->runs()[0];
    const ScenarioRun &async = m_view->runs()[1];
    QCOMPARE(blocking.mode, RunMode::Blocking);
    QCOMPARE(async.mode, RunMode::Async);
    QCOMPARE(blocking.failedOperations, 0);
    QCOMPARE(async.failedOperations, 0);

    const double blockingStall = figure(u"maxStallMs"_s, 1);
    const double asyncStall = figure(u"maxStallMs"_s, 2);
    QVERIFY2(blockingStall >= 350, qPrintable(QString::number(blockingStall)));
    QVERIFY2(blockingStall > asyncStall,
             qPrintable(u"%1 vs %2"_s.arg(blockingStall).arg(asyncStall)));
    QVERIFY(figure(u"framesMissed"_s, 1) > figure(u"framesMissed"_s, 2));

    // keys typed during the 400 ms freeze waited for it; in Async they did not
    QVERIFY(blocking.keyPresses >= 5);
    QVERIFY(async.keyPresses >= 5);
    const double blockingKeys = figure(u"keyLatencyMaxMs"_s, 1);
    const double asyncKeys = figure(u"keyLatencyMaxMs"_s, 2);
    QVERIFY2(blockingKeys >= 300, qPrintable(QString::number(blockingKeys)));
    QVERIFY2(asyncKeys < blockingKeys, qPrintable(QString::number(asyncKeys)));
    QVERIFY(figure(u"keyLatencyMedianMs"_s, 1) <= blockingKeys);

    // the ratio column is Async / Blocking
    const int row = rowOf(u"maxStallMs"_s);
    QCOMPARE(m_view->table()->item(row, 3)->data(Qt::UserRole).toDouble(),
             asyncStall / blockingStall);
}

void TestCompareView::tableMatchesMonitor()
{
    const ResponsivenessMonitor &monitor = m_lab->monitor();
    for (int i = 0; i < 2; ++i) {
        const ScenarioRun &run = m_view->runs()[i];
        const int column = i + 1;
        const LagStats stats = monitor.statsBetween(run.startMs, run.endMs);
        QCOMPARE(figure(u"wallMs"_s, column), run.endMs - run.startMs);
        QCOMPARE(figure(u"maxStallMs"_s, column), stats.maxStallMs);
        QCOMPARE(figure(u"p99LagMs"_s, column), stats.p99LagMs);
        // a run's stalls are those mostly within it, as its Stalls tab lists them
        QCOMPARE(figure(u"stallsOver50Ms"_s, column),
                 double(monitor.stallsDuring(run.startMs, run.endMs).size()));
        int frames = 0;
        for (const LagSample &s : monitor.samples()) {
            if (s.atMs >= run.startMs && s.atMs - s.lagMs <= run.endMs)
                frames += int(std::lround(s.lagMs / ScenarioRun::FramePeriodMs));
        }
        QCOMPARE(figure(u"framesMissed"_s, column), double(frames));
        const InputLatencyProbe::Stats keys = m_view->probe()->statsBetween(run.startMs, run.endMs);
        QCOMPARE(figure(u"keyLatencyMaxMs"_s, column), keys.maxMs);
        QCOMPARE(figure(u"keyLatencyMedianMs"_s, column), keys.medianMs);
        // every operation the run started is in the log, finished
        QCOMPARE(run.operationIds.size(), 3);
        for (int id : run.operationIds)
            QVERIFY(m_lab->log().find(id)->isFinished());
    }
}

void TestCompareView::halvesShowEachRun()
{
    for (RunMode mode : { RunMode::Blocking, RunMode::Async }) {
        const ScenarioRun &run = m_view->runs()[mode == RunMode::Blocking ? 0 : 1];
        LagChartWidget *chart = m_view->lagChart(mode);
        QVERIFY(!chart->isLive());
        QVERIFY(chart->windowMs() >= run.wallMs());
        QVERIFY(!chart->inputLatencyMarks().isEmpty());
        const TimelineModel *model = m_view->timeline(mode)->model();
        QCOMPARE(model->fromMs(), run.startMs);
        QCOMPARE(model->lanes().value(0), TimelineModel::guiLane());
        bool blocked = false;
        for (const TimelineBar &bar : model->bars()) {
            QVERIFY(run.operationIds.contains(bar.operationId));
            blocked = blocked || bar.blocksGui;
        }
        QCOMPARE(blocked, mode == RunMode::Blocking);
    }
    // one time scale for both, so lengths compare
    QCOMPARE(m_view->lagChart(RunMode::Blocking)->windowMs(),
             m_view->lagChart(RunMode::Async)->windowMs());
    QCOMPARE(m_view->timeline(RunMode::Blocking)->model()->windowMs(),
             m_view->lagChart(RunMode::Blocking)->windowMs());
    // one y scale for both charts, tall enough for the freeze
    QCOMPARE(m_view->lagChart(RunMode::Blocking)->yMaxMs(),
             m_view->lagChart(RunMode::Async)->yMaxMs());
    QVERIFY(m_view->lagChart(RunMode::Async)->yMaxMs() >= figure(u"maxStallMs"_s, 1));
    // same lanes on both sides, so they line up
    QCOMPARE(m_view->timeline(RunMode::Blocking)->model()->lanes(),
             m_view->timeline(RunMode::Async)->model()->lanes());

    const QString blockingHeading = m_view->heading(RunMode::Blocking)->text();
    QVERIFY2(blockingHeading.contains(u"Blocking: the GUI thread waited"_s),
             qPrintable(blockingHeading));
    QVERIFY2(blockingHeading.contains(u"frozen"_s), qPrintable(blockingHeading));
    const QString asyncHeading = m_view->heading(RunMode::Async)->text();
    QVERIFY2(asyncHeading.contains(u"Async: the GUI thread"_s), qPrintable(asyncHeading));
}

void TestCompareView::savedFilesParseBack()
{
    QTemporaryDir out;
    QString error;
    QVERIFY2(m_view->saveResults(out.filePath(u"results"_s), &error), qPrintable(error));
    const QDir dir(out.filePath(u"results"_s));
    const QTableWidget *table = m_view->table();

    QFile csv(dir.filePath(u"compare.csv"_s));
    QVERIFY(csv.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(csv.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.value(0), u"figure,unit,blocking,async,async/blocking"_s);
    QCOMPARE(lines.size(), table->rowCount() + 1);
    for (int row = 0; row < table->rowCount(); ++row) {
        const QStringList cells = lines.at(row + 1).split(u',');
        QCOMPARE(cells.size(), 5);
        QCOMPARE(cells[0], table->item(row, 0)->text());
        for (int column : { 1, 2 }) {
            const double saved = cells[column + 1].toDouble();
            QVERIFY(std::abs(saved - table->item(row, column)->data(Qt::UserRole).toDouble())
                    < 0.001);
        }
    }

    QFile jsonFile(dir.filePath(u"compare.json"_s));
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    QJsonParseError parseError;
    const QJsonObject json = QJsonDocument::fromJson(jsonFile.readAll(), &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QCOMPARE(json.value(u"scenario"_s).toString(), u"short"_s);
    const QJsonArray runs = json.value(u"runs"_s).toArray();
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs[0].toObject().value(u"maxStallMs"_s).toDouble(), figure(u"maxStallMs"_s, 1));
    QCOMPARE(runs[1].toObject().value(u"keyPresses"_s).toInt(), m_view->runs()[1].keyPresses);
    const QJsonArray rows = json.value(u"table"_s).toArray();
    QCOMPARE(rows.size(), table->rowCount());
    QCOMPARE(rows[1].toObject().value(u"figure"_s).toString(), u"maxStallMs"_s);

    for (const QString &name : CompareView::resultFileNames()) {
        QVERIFY2(dir.exists(name), qPrintable(name));
        if (!name.endsWith(u".png"_s))
            continue;
        const QImage image(dir.filePath(name));
        QVERIFY2(!image.isNull() && image.width() > 100 && image.height() > 50, qPrintable(name));
        QVERIFY2(distinctColours(image, 3) > 8, qPrintable(name));
    }
}

// Save trace, as a person does it: the button, then the file dialog. The trace holds both runs'
// operations and the Blocking run's freeze.
void TestCompareView::savedTraceHoldsBothRuns()
{
    QTemporaryDir out;
    const QString path = out.filePath(u"compare.trace.json"_s);
    auto *save = m_view->findChild<QPushButton *>(u"saveTraceButton"_s);
    QVERIFY(save && save->isEnabled());
    bool answered = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialog->selectFile(path);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog's own, through QDialog's slot
        answered = true;
    });
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(answered);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray events =
            QJsonDocument::fromJson(file.readAll()).object().value(u"traceEvents"_s).toArray();
    const ScenarioRun &blocking = m_view->runs()[0];
    const ScenarioRun &async = m_view->runs()[1];
    double firstUs = std::numeric_limits<double>::max();
    double lastUs = 0;
    bool stall = false;
    for (const QJsonValue &event : events) {
        if (event[u"ph"_s].toString() != u"X"_s)
            continue;
        const double ts = event[u"ts"_s].toDouble();
        firstUs = std::min(firstUs, ts);
        lastUs = std::max(lastUs, ts + event[u"dur"_s].toDouble());
        stall = stall || event[u"cat"_s].toString().contains(u"stall"_s);
    }
    // Both runs, in microseconds since the first event.
    QVERIFY2(lastUs - firstUs >= 0.9 * (async.endMs - blocking.startMs) * 1000,
             qPrintable(u"%1 us"_s.arg(lastUs - firstUs)));
    QVERIFY(stall);
}

void TestCompareView::grabShowsBothHalves()
{
    const QImage image = m_view->grab().toImage();
    QVERIFY(!image.isNull());
    QVERIFY(distinctColours(image, 3) > 16);

    QWidget *blocking = m_view->halfWidget(RunMode::Blocking);
    QWidget *async = m_view->halfWidget(RunMode::Async);
    QVERIFY(blocking->isVisible() && async->isVisible());
    const QRect left(blocking->mapTo(m_view.get(), QPoint(0, 0)), blocking->size());
    const QRect right(async->mapTo(m_view.get(), QPoint(0, 0)), async->size());
    QVERIFY(image.rect().contains(left) && image.rect().contains(right));
    QVERIFY2(left.right() < right.left(), "side by side, Blocking on the left");
    QCOMPARE(left.top(), right.top());
    QVERIFY(std::abs(left.width() - right.width()) <= 2);
    QVERIFY(left.width() > 400 && left.height() > 300);
    // each half has a drawing of its own, not a blank area
    QVERIFY(distinctColours(image.copy(left), 3) > 8);
    QVERIFY(distinctColours(image.copy(right), 3) > 8);
    // the table is below the halves, all rows shown
    QVERIFY(m_view->table()->isVisible());
    QVERIFY(m_view->table()->rowCount() >= 7);
}

void TestCompareView::rerunResetsChartsAndLanes()
{
    const qsizetype lanes = m_view->timeline(RunMode::Blocking)->model()->lanes().size();
    QSignalSpy finished(m_view.get(), &CompareView::finished);
    QVERIFY(finished.isValid());
    m_view->run();
    QVERIFY(m_view->isRunning());
    // nothing of the last comparison stays under "waiting to run"
    for (RunMode mode : { RunMode::Blocking, RunMode::Async }) {
        QVERIFY(m_view->lagChart(mode)->inputLatencyMarks().isEmpty());
        QVERIFY(m_view->timeline(mode)->model()->bars().isEmpty());
        QCOMPARE(m_view->timeline(mode)->model()->lanes(),
                 QStringList { TimelineModel::guiLane() });
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    for (RunMode mode : { RunMode::Blocking, RunMode::Async }) {
        const ScenarioRun &run = m_view->runs()[mode == RunMode::Blocking ? 0 : 1];
        // the same lanes as the first time: no extra, empty one per run
        QCOMPARE(m_view->timeline(mode)->model()->lanes().size(), lanes);
        for (const QPointF &mark : m_view->lagChart(mode)->inputLatencyMarks())
            QVERIFY(mark.x() >= run.startMs);
    }
}

// The last scenario's figures under another scenario's name would be read as that one's.
void TestCompareView::anotherScenarioClearsTheResults()
{
    QCOMPARE(m_view->runs().size(), 2);
    const Scenario shown = m_view->scenario();
    Scenario other = shown;
    other.name = u"other"_s;
    other.title = u"Other"_s;
    m_view->setScenarios({ shown, other });
    QCOMPARE(m_view->runs().size(), 2); // the same scenario still chosen: its results stay
    QVERIFY(m_view->table()->rowCount() > 0);
    m_view->selectScenario(u"other"_s);
    QVERIFY(m_view->runs().isEmpty());
    QCOMPARE(m_view->table()->rowCount(), 0);
    for (RunMode mode : { RunMode::Blocking, RunMode::Async }) {
        QVERIFY(m_view->lagChart(mode)->inputLatencyMarks().isEmpty());
        QVERIFY(m_view->timeline(mode)->model()->bars().isEmpty());
    }
    QVERIFY(!m_view->findChild<QPushButton *>(u"saveResultsButton"_s)->isEnabled());
}

QTEST_MAIN(TestCompareView)
#include "tst_compareview.moc"

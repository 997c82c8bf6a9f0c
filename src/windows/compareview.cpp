#include <windows/compareview.h>
#include <windows/saverecording.h>
#include <export/recordings.h>
#include <export/savefile.h>
#include "screenfit.h"
#include <widgets/inputlatencyprobe.h>
#include <engine/lab.h>
#include <common/labclock.h>
#include <models/labcolors.h>
#include <widgets/lagchartwidget.h>
#include <engine/report.h>
#include <stalls/stallreport.h>
#include <widgets/stallspanel.h>
#include <widgets/timelinewidget.h>
#include <common/units.h>

#include <QCheckBox>
#include <QCoreApplication>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
constexpr RunMode Modes[] = { RunMode::Blocking, RunMode::Async };

QString modeTitle(RunMode mode)
{
    return mode == RunMode::Blocking ? QCoreApplication::translate("CompareView", "Blocking")
                                     : QCoreApplication::translate("CompareView", "Async");
}

QString joined(const QStringList &parts)
{
    if (parts.size() < 2)
        return parts.value(0);
    return QCoreApplication::translate("CompareView", "%1 and %2")
            .arg(QStringList(parts.mid(0, parts.size() - 1)).join(u", "_s), parts.last());
}
} // namespace

CompareView::CompareView(Lab *lab, QWidget *parent)
    : QWidget(parent),
      m_lab(lab),
      m_scenarios(Scenario::builtIn()),
      m_probe(new InputLatencyProbe(this))
{
    setWindowFlag(Qt::Window);
    setWindowTitle(tr("AsyncLab — compare Blocking and Async"));

    auto *layout = new QVBoxLayout(this);
    auto *controls = new QHBoxLayout;
    m_scenarioBox = new QComboBox(this);
    m_scenarioBox->setAccessibleName(tr("Scenario"));
    m_runButton = new QPushButton(tr("&Run both modes"), this);
    m_runButton->setObjectName(u"runComparisonButton"_s);
    m_runButton->setToolTip(
            tr("Run the scenario in Blocking mode, then the same work in Async mode"));
    connect(m_runButton, &QPushButton::clicked, this, &CompareView::run);
    m_saveButton = new QPushButton(tr("&Save results…"), this);
    m_saveButton->setObjectName(u"saveResultsButton"_s);
    m_saveButton->setToolTip(tr("Write the table as CSV and JSON and the charts as PNG files"));
    m_saveButton->setEnabled(false);
    connect(m_saveButton, &QPushButton::clicked, this, &CompareView::saveInteractively);
    m_saveTraceButton = new QPushButton(tr("Save &trace…"), this);
    m_saveTraceButton->setObjectName(u"saveTraceButton"_s);
    m_saveTraceButton->setToolTip(
            tr("Write both runs' operations, stalls and lag as a trace (Perfetto, Qt Creator) "
               "or their stalls' stacks as a profile (speedscope)"));
    m_saveTraceButton->setEnabled(false);
    connect(m_saveTraceButton, &QPushButton::clicked, this, [this] {
        if (m_runs.size() == 2)
            saveRecordingAs(this,
                            labRecording(*m_lab, m_runs.first().startMs, m_runs.last().endMs));
    });
    m_status = new QLabel(this);
    m_status->setAccessibleName(tr("Comparison status"));
    // Nothing here may change the layout while a run is measured: a relayout repaints the whole
    // view on the GUI thread and would show up as a stall in the Async figures.
    // So a long message wraps onto a second line of room kept for it, rather than being cut.
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_status->setWordWrap(true);
    m_status->setFixedHeight(m_status->fontMetrics().lineSpacing() * 2 + 2);
    controls->addWidget(new QLabel(tr("Scenario:"), this));
    controls->addWidget(m_scenarioBox);
    controls->addWidget(m_runButton);
    controls->addWidget(m_status, 1);
    controls->addWidget(m_saveButton);
    controls->addWidget(m_saveTraceButton);
    layout->addLayout(controls);

    m_oneAtATime = new QCheckBox(tr("Async: &one step at a time"), this);
    m_oneAtATime->setObjectName(u"asyncOneAtATime"_s);
    m_oneAtATime->setToolTip(
            tr("Blocking runs the steps one after another; Async starts them all at once, so its "
               "shorter wall time is partly concurrency. Check this to run the Async steps one "
               "after another too: what is left of the difference is not blocking alone."));
    m_description = new QLabel(this);
    m_description->setAccessibleName(tr("Scenario description"));
    m_description->setWordWrap(true);
    m_description->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *about = new QHBoxLayout;
    about->addWidget(m_description, 1);
    about->addWidget(m_oneAtATime);
    layout->addLayout(about);
    connect(m_scenarioBox, &QComboBox::currentIndexChanged, this, &CompareView::describeScenario);
    connect(m_oneAtATime, &QCheckBox::toggled, this, &CompareView::describeScenario);

    auto *typing = new QHBoxLayout;
    m_typingField = new QLineEdit(this);
    m_typingField->setAccessibleName(tr("Typing probe"));
    m_typingField->setPlaceholderText(tr("During each run a key press is typed here every 50 ms, "
                                         "from another thread, as a person keeps typing"));
    m_typingField->setToolTip(
            tr("<p>Each dot on the charts is a key press, at the moment it was typed and as "
               "high as the time it waited to be handled.</p><p>During a freeze a key typed at "
               "its start waits for all of it, one typed near its end only for the rest: so the "
               "dots fall while the lag line rises, and reach zero where the freeze ends. In "
               "Blocking mode the keys then appear in a burst.</p>"));
    m_probe->setTarget(m_typingField);
    auto *typingLabel =
            new QLabel(tr("Automatic typing, a key every 50 ms (the dots on the charts):"), this);
    typingLabel->setToolTip(m_typingField->toolTip());
    typingLabel->setBuddy(m_typingField);
    typing->addWidget(typingLabel);
    typing->addWidget(m_typingField, 1);
    layout->addLayout(typing);

    auto *halves = new QHBoxLayout;
    halves->addWidget(createHalf(RunMode::Blocking), 1);
    halves->addWidget(createHalf(RunMode::Async), 1);
    // one y scale for both sides, logarithmic or not
    for (RunMode mode : Modes) {
        const RunMode other = mode == RunMode::Blocking ? RunMode::Async : RunMode::Blocking;
        connect(lagChart(mode), &LagChartWidget::logScaleChanged, lagChart(other),
                &LagChartWidget::setLogScale);
    }
    layout->addLayout(halves, 1);

    m_culprits = new QLabel(this);
    m_culprits->setAccessibleName(tr("Top culprits"));
    m_culprits->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_culprits->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_culprits->setWordWrap(true); // both modes' culprits, whole
    layout->addWidget(m_culprits);

    m_table = new QTableWidget(0, 4, this);
    m_table->setAccessibleName(tr("Comparison figures"));
    m_table->setHorizontalHeaderLabels(
            { tr("Figure"), tr("Blocking"), tr("Async"), tr("Async against Blocking") });
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // compact rows leave the charts more of a laptop's screen
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->setToolTip(tr("Lower is better for every figure. The last column says how the Async "
                           "figure compares with the Blocking one."));
    layout->addWidget(m_table);

    setScenarios(m_scenarios);
    clearResults();
    // Fits a laptop's screen, title bar and panels included.
    resize(ScreenFit::fitted(this, QSize(1400, 900)));
}

void CompareView::clearResults()
{
    m_runs.clear();
    m_stalls.clear();
    m_table->setRowCount(0);
    const double now = labNowMs();
    for (RunMode mode : Modes) {
        const Half &h = half(mode);
        h.heading->setText(tr("<b>%1</b>: not run yet.").arg(modeTitle(mode)));
        h.chart->setInputLatencyMarks({});
        h.chart->setPhaseMarks({});
        h.chart->setFixedYMax(0);
        h.chart->setTimeRange(&m_lab->monitor(), now, now + 2000);
        h.timeline->model()->clear();
        h.timeline->model()->setTimeRange(now, now + 2000);
        h.chart->setStallMarkers({});
        h.stalls->setRecords({});
        h.tabs->setTabText(1, tr("Stalls"));
    }
    m_culprits->setText(tr("Run both modes to see what froze the window in each."));
    m_culprits->setToolTip({});
    m_status->clear();
    setRunning(isRunning());
}

void CompareView::describeScenario()
{
    const Scenario chosen = scenario();
    // Another scenario's figures under this one's name would be read as its own.
    // (None chosen is the list being filled again, not a choice.)
    if (m_scenarioBox->currentIndex() >= 0 && !isRunning() && !m_runs.isEmpty()
        && chosen.name != m_running.name)
        clearResults();
    const QString concurrency = chosen.steps.size() == 1
            ? tr("With one step nothing overlaps, so Async is not faster: what differs is whether "
                 "the window could paint and react meanwhile. The wall times vary from run to run "
                 "(a first run may read from the disk what later runs find in memory).")
            : m_oneAtATime->isChecked()
            ? tr("Both modes run the steps one after another, so the difference is blocking "
                 "alone.")
            : tr("Blocking runs the steps one after another, Async all at once: its wall time "
                 "is shorter partly because the steps overlap.");
    m_description->setText(u"<b>%1:</b> %2 %3"_s.arg(
            chosen.title.toHtmlEscaped(), chosen.description.toHtmlEscaped(), concurrency));
}

CompareView::~CompareView()
{
    m_probe->stop();
}

QWidget *CompareView::createHalf(RunMode mode)
{
    Half &h = m_halves[mode == RunMode::Blocking ? 0 : 1];
    auto *frame = new QFrame(this);
    frame->setObjectName(runModeName(mode));
    frame->setFrameShape(QFrame::StyledPanel);
    // a bar in the mode's colour along the top tells the halves apart at a glance
    frame->setStyleSheet(u"QFrame#%1 { border-top: 4px solid %2; }"_s.arg(runModeName(mode),
                                                                          modeColor(mode).name()));
    auto *layout = new QVBoxLayout(frame);
    h.frame = frame;
    h.heading = new QLabel(frame);
    h.heading->setWordWrap(true);
    h.heading->setTextFormat(Qt::RichText);
    h.heading->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // tall enough for a title and three lines, so the short texts shown while runs are measured
    // never change the layout
    h.heading->setMinimumHeight(qRound(h.heading->fontMetrics().height() * 4.7));
    h.heading->setAccessibleName(tr("%1 result").arg(modeTitle(mode)));
    h.heading->setText(tr("<b>%1</b>: not run yet.").arg(modeTitle(mode)));
    h.chart = new LagChartWidget(frame);
    h.chart->setLog(&m_lab->log());
    h.chart->setTimeRange(&m_lab->monitor(), labNowMs(), labNowMs() + 2000);
    h.chart->setMinimumHeight(120);
    h.timeline = new TimelineWidget(frame);
    h.timeline->model()->setTimeRange(labNowMs(), labNowMs() + 2000);
    h.timeline->alignTo(h.chart);
    h.timeline->setLaneRoom(4);
    // The stalls in a tab of their own: beside the chart they would widen the window past a
    // laptop's screen.
    h.tabs = new QTabWidget(frame);
    h.tabs->setDocumentMode(true);
    h.tabs->setAccessibleName(tr("%1 run's charts and stalls").arg(modeTitle(mode)));
    auto *charts = new QWidget(h.tabs);
    auto *chartsLayout = new QVBoxLayout(charts);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    h.chart->setParent(charts);
    h.timeline->setParent(charts);
    chartsLayout->addWidget(h.chart, 1);
    chartsLayout->addWidget(h.timeline);
    h.tabs->addTab(charts, tr("Lag and threads"));
    h.stalls = new StallsPanel(nullptr, h.tabs);
    h.stalls->setAccessibleName(tr("%1 stalls").arg(modeTitle(mode)));
    h.tabs->addTab(h.stalls, tr("Stalls"));
    connect(h.chart, &LagChartWidget::stallMarkerClicked, this,
            [this, mode](int index) { showStall(mode, index); });
    layout->addWidget(h.heading);
    layout->addWidget(h.tabs, 1);
    return frame;
}

void CompareView::setScenarios(const QList<Scenario> &scenarios)
{
    m_scenarios = scenarios;
    m_scenarioBox->clear();
    for (const Scenario &s : scenarios) {
        m_scenarioBox->addItem(s.title, s.name);
        m_scenarioBox->setItemData(m_scenarioBox->count() - 1, s.description, Qt::ToolTipRole);
    }
}

void CompareView::selectScenario(const QString &name)
{
    const int index = m_scenarioBox->findData(name);
    if (index >= 0)
        m_scenarioBox->setCurrentIndex(index);
}

Scenario CompareView::scenario() const
{
    return m_scenarios.value(m_scenarioBox->currentIndex());
}

bool CompareView::isRunning() const
{
    return m_runContext != nullptr;
}

void CompareView::setRunning(bool running)
{
    m_runButton->setEnabled(!running);
    m_scenarioBox->setEnabled(!running);
    m_oneAtATime->setEnabled(!running);
    m_saveButton->setEnabled(!running && m_runs.size() == 2);
    m_saveTraceButton->setEnabled(m_saveButton->isEnabled());
}

void CompareView::run()
{
    ScenarioRunner &runner = m_lab->scenarios();
    if (isRunning() || runner.isRunning() || m_scenarios.isEmpty())
        return;
    m_running = scenario();
    clearResults();
    for (RunMode mode : Modes)
        half(mode).heading->setText(tr("<b>%1</b>: waiting to run…").arg(modeTitle(mode)));
    m_culprits->setText(tr("Measuring…"));
    m_typingField->clear();
    m_probe->clear();
    m_probe->start();
    setRunning(true);
    runner.setAsyncOneAtATime(m_oneAtATime->isChecked());

    m_runContext = new QObject(this);
    connect(&runner, &ScenarioRunner::status, m_runContext, [this](const QString &message) {
        m_status->setText(message);
        // painted now: a Blocking run starts right after and nothing is painted until it ends
        m_status->repaint();
    });
    connect(&runner, &ScenarioRunner::runFinished, m_runContext, [this](const ScenarioRun &run) {
        // The charts are drawn when both runs are over, so drawing them costs neither run.
        half(run.mode).heading->setText(tr("<b>%1</b>: done.").arg(modeTitle(run.mode)));
    });
    connect(&runner, &ScenarioRunner::comparisonFinished, m_runContext,
            [this](const QList<ScenarioRun> &runs) {
                // The runner settled after the last run, so every press typed during a run has
                // been handled and measured by now.
                m_probe->stop();
                m_runs = runs;
                for (ScenarioRun &r : m_runs)
                    measureKeys(r);
                m_runContext->deleteLater();
                m_runContext = nullptr;
                m_status->setText(tr("%1: done.").arg(m_running.title));
                showComparison();
                setRunning(false);
                emit finished(m_runs);
            });
    connect(&runner, &ScenarioRunner::failed, m_runContext, [this](const QString &error) {
        m_probe->stop();
        m_runContext->deleteLater();
        m_runContext = nullptr;
        m_status->setText(tr("Comparison failed: %1").arg(error));
        setRunning(false);
        emit failed(error);
    });
    runner.compare(m_running);
}

void CompareView::measureKeys(ScenarioRun &run) const
{
    const InputLatencyProbe::Stats keys = m_probe->statsBetween(run.startMs, run.endMs);
    run.keyPresses = keys.presses;
    run.keyLatencyMaxMs = keys.maxMs;
    run.keyLatencyMedianMs = keys.medianMs;
}

void CompareView::showRun(const ScenarioRun &run, double windowMs)
{
    const Half &h = half(run.mode);
    const double toMs = run.startMs + windowMs;
    h.chart->setTimeRange(&m_lab->monitor(), run.startMs, toMs);
    QList<QPointF> marks;
    for (const KeyPressSample &s : m_probe->samples()) {
        if (s.postedAtMs >= run.startMs && s.postedAtMs <= toMs)
            marks.append({ s.postedAtMs, s.latencyMs() });
    }
    h.chart->setInputLatencyMarks(marks);
    // each step of the scenario named where it started, as the log names its target
    QList<LagChartWidget::PhaseMark> steps;
    for (int id : run.operationIds) {
        for (const OperationRecord &record : m_lab->log().records()) {
            if (record.id == id)
                steps.append({ record.startMs,
                               u"%1 %2"_s.arg(operationKindName(record.kind),
                                              shortTarget(record.target)) });
        }
    }
    h.chart->setPhaseMarks(steps);
    TimelineModel *model = h.timeline->model();
    model->setLog(&m_lab->log());
    model->setOperations(run.operationIds);
    model->setTimeRange(run.startMs, toMs);
    h.heading->setText(headingText(run));
}

void CompareView::showComparison()
{
    double yMax = LagChartWidget::MinYMaxMs;
    // one time scale for both, so lengths compare; a little room after the longer run's end, so
    // its last freeze's end is not on the edge
    double windowMs = 0;
    for (const ScenarioRun &run : std::as_const(m_runs))
        windowMs = std::max(windowMs, run.wallMs() + std::max(20.0, run.wallMs() * 0.04));
    QList<LaneId> lanes;
    for (RunMode mode : Modes)
        half(mode).timeline->model()->setExtraLanes({});
    for (const ScenarioRun &run : std::as_const(m_runs)) {
        showRun(run, windowMs);
        yMax = std::max({ yMax, run.lag.maxStallMs * 1.1, run.keyLatencyMaxMs * 1.1 });
        for (const LaneId &lane : half(run.mode).timeline->model()->laneIds()) {
            if (!lanes.contains(lane))
                lanes.append(lane);
        }
    }
    for (RunMode mode : Modes) {
        // one scale for both, so the Async chart's flat line is seen against the same spike
        half(mode).chart->setFixedYMax(yMax);
        half(mode).timeline->model()->setExtraLanes(lanes);
    }
    fillTable();
    m_lab->stalls().whenSettled(this, [this] { showStalls(); });
}

void CompareView::showStalls()
{
    QStringList culprits;
    m_stalls.clear();
    for (const ScenarioRun &run : std::as_const(m_runs)) {
        const Half &h = half(run.mode);
        // A stall belongs to the run that holds most of it. One list for the tab, the chart, the
        // summary and the table's count, freezes too short for the watchdog to sample included.
        const QList<StallRecord> stalls = StallReport::stallsDuring(
                m_lab->monitor(), m_lab->stalls().recordsBetween(run.startMs, run.endMs),
                run.startMs, run.endMs);
        h.stalls->setRecords(stalls);
        m_stalls += stalls;
        h.chart->setStallMarkers(StallsPanel::markersFor(stalls));
        h.tabs->setTabText(1, tr("Stalls (%1)").arg(stalls.size()));
        // Stalls while AsyncLab drew or updated its own window are not the scenario's code: the
        // culprit is named from the others, and they are counted apart, so that a count like
        // the other run's is not read as the same freezes.
        QList<StallRecord> scenarios;
        for (const StallRecord &stall : stalls) {
            if (!stall.isAsyncLabsWindow())
                scenarios.append(stall);
        }
        QString culprit = StallReport::topCulpritText(scenarios);
        if (const auto own = stalls.size() - scenarios.size(); own > 0)
            culprit += tr(" (and %n while AsyncLab drew its own window)", nullptr, int(own));
        culprits.append(u"%1: %2"_s.arg(modeTitle(run.mode), culprit));
    }
    m_culprits->setText(culprits.join(u"; "_s));
    m_culprits->setToolTip(culprits.join(u'\n'));
}

void CompareView::showStall(RunMode mode, int index)
{
    const Half &h = half(mode);
    h.tabs->setCurrentWidget(h.stalls);
    h.stalls->selectRecord(index);
}

QString CompareView::headingText(const ScenarioRun &run) const
{
    const QColor colour = modeColor(run.mode);
    const TimelineModel *model = half(run.mode).timeline->model();
    QString title;
    QString body;
    if (run.mode == RunMode::Blocking) {
        QStringList did;
        for (const TimelineBar &bar : model->bars()) {
            const OperationRecord *r = model->record(bar.operationId);
            if (!bar.blocksGui || !r)
                continue;
            const QString what = bar.kind == SpanKind::BlockedWaiting ? tr("waited for the server")
                    : r->kind == OperationKind::FileLoad              ? tr("hashed the file itself")
                                                                      : tr("did the work itself");
            if (!did.contains(what))
                did.append(what);
        }
        if (did.isEmpty())
            did.append(tr("did the work itself"));
        const double frozenMs = model->guiBlockedMs();
        const int freezes = std::max(1, int(model->guiBlockedSpans().size()));
        if (freezes == 1) {
            title = tr("Blocking: the GUI thread waited — %1 frozen").arg(formatDuration(frozenMs));
            body = tr("The GUI thread %1, so for %2 the window was frozen: no painting, no "
                      "animation, no reaction to input.")
                           .arg(joined(did), formatDuration(frozenMs));
        } else {
            // many short freezes are not one long one: say how many, and how long in all
            title = tr("Blocking: the GUI thread waited %n times, %1 in all", nullptr, freezes)
                            .arg(formatDuration(frozenMs));
            body = tr("The GUI thread %1, one step at a time, so the window was frozen %n times, "
                      "%2 in all: no painting, no animation, no reaction to input until each "
                      "step ended.",
                      nullptr, freezes)
                           .arg(joined(did), formatDuration(frozenMs));
        }
        if (run.keyPresses > 0)
            body += tr(" Key presses typed meanwhile waited up to %1.")
                            .arg(formatDuration(run.keyLatencyMaxMs));
        body += tr(" Longest single freeze: %1.").arg(formatDuration(run.lag.maxStallMs));
        if (freezes > 1)
            body += tr(" Stalls over %1: %n.", nullptr, run.lag.stallsOver50Ms)
                            .arg(formatDuration(ResponsivenessMonitor::StallThresholdMs));
    } else {
        QStringList where;
        bool fetches = false;
        bool loads = false;
        for (const TimelineBar &bar : model->bars()) {
            fetches = fetches || bar.kind == SpanKind::EventLoopWait;
            loads = loads || (bar.kind == SpanKind::Work && !bar.blocksGui);
        }
        if (fetches)
            where.append(tr("the requests waited in the event loop with no thread blocked"));
        if (loads)
            where.append(tr("the file was read on a worker thread"));
        const QString stall = formatDuration(run.lag.maxStallMs);
        // 50 ms is a "long task"; past about 200 ms a pause reads as a freeze
        title = run.lag.maxStallMs < ResponsivenessMonitor::StallThresholdMs
                ? tr("Async: the GUI thread stayed free — longest stall %1").arg(stall)
                : run.lag.maxStallMs < 200
                ? tr("Async: the GUI thread stayed responsive — longest stall %1").arg(stall)
                : tr("Async: the GUI thread was busy up to %1 at a time").arg(stall);
        body = tr("%1, so the GUI thread kept painting and reacting").arg(joined(where));
        if (!body.isEmpty())
            body[0] = body[0].toUpper();
        if (run.keyPresses > 0)
            body += tr(": key presses were handled within %1 (median %2).")
                            .arg(formatDuration(run.keyLatencyMaxMs),
                                 formatDuration(run.keyLatencyMedianMs));
        else
            body += u"."_s;
    }
    return tr("<div style='font-size:x-large; font-weight:600; color:%1'>%2</div><div>%3</div>")
            .arg(colour.name(), title.toHtmlEscaped(), body.toHtmlEscaped());
}

void CompareView::fillTable()
{
    if (m_runs.size() != 2)
        return;
    const QList<Report::ComparisonFigure> figures = Report::comparisonFigures(m_runs[0], m_runs[1]);
    m_table->setRowCount(int(figures.size()));
    for (int row = 0; row < figures.size(); ++row) {
        const Report::ComparisonFigure &f = figures.at(row);
        const auto set = [this, row](int column, const QString &text, const QVariant &value) {
            auto *item = new QTableWidgetItem(text);
            item->setData(Qt::UserRole, value);
            if (column > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, item);
        };
        const auto ratio = f.ratio();
        set(0, f.name(), f.key);
        set(1, f.formatted(f.blocking), f.blocking);
        set(2, f.formatted(f.async), f.async);
        set(3, f.formattedRatio(), ratio ? QVariant(*ratio) : QVariant());
    }
    // all rows visible without scrolling
    m_table->setFixedHeight(m_table->horizontalHeader()->height()
                            + m_table->verticalHeader()->length() + 2 * m_table->frameWidth());
}

QStringList CompareView::resultFileNames()
{
    return { u"compare.csv"_s,      u"compare.json"_s,  u"compare.png"_s,
             u"lag-blocking.png"_s, u"lag-async.png"_s, u"threads-blocking.png"_s,
             u"threads-async.png"_s };
}

bool CompareView::saveResults(const QString &dir, QString *error)
{
    if (m_runs.size() != 2) {
        if (error)
            *error = tr("nothing to save: run the comparison first");
        return false;
    }
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = tr("cannot create %1").arg(QDir::toNativeSeparators(dir));
        return false;
    }
    const QDir out(dir);
    // the same stall records and culprits as `asynclab --compare --json`
    const QByteArray json = QJsonDocument(Report::comparisonJson(m_running, m_runs, m_stalls))
                                    .toJson(QJsonDocument::Indented);
    if (!saveFile(out.filePath(u"compare.csv"_s),
                  Report::comparisonCsv(m_runs[0], m_runs[1]).toUtf8(), error)
        || !saveFile(out.filePath(u"compare.json"_s), json, error))
        return false;
    const QList<std::pair<QWidget *, QString>> pictures {
        { this, u"compare.png"_s },
        { lagChart(RunMode::Blocking), u"lag-blocking.png"_s },
        { lagChart(RunMode::Async), u"lag-async.png"_s },
        { timeline(RunMode::Blocking), u"threads-blocking.png"_s },
        { timeline(RunMode::Async), u"threads-async.png"_s },
    };
    for (const auto &[widget, name] : pictures) {
        if (!widget->grab().save(out.filePath(name))) {
            if (error)
                *error = tr("cannot write %1").arg(QDir::toNativeSeparators(out.filePath(name)));
            return false;
        }
    }
    return true;
}

void CompareView::saveInteractively()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Save comparison results to"));
    if (dir.isEmpty())
        return;
    QString error;
    if (saveResults(dir, &error))
        m_status->setText(
                tr("Saved %1 to %2")
                        .arg(resultFileNames().join(u", "_s), QDir::toNativeSeparators(dir)));
    else
        m_status->setText(tr("Not saved: %1").arg(error));
}

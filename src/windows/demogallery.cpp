#include <windows/demogallery.h>
#include "screenfit.h"
#include <widgets/demobarchart.h>
#include <widgets/demoplotchart.h>
#include <demos/demoregistry.h>
#include <widgets/heartbeatwidget.h>
#include <engine/lab.h>
#include <common/labclock.h>
#include <widgets/lagchartwidget.h>
#include <demokit/snippets.h>
#include <widgets/stallspanel.h>
#include <common/units.h>
#include <demokit/figuretable.h>

#include <QComboBox>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonValue>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {
QGroupBox *framed(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(6, 6, 6, 6);
    content->setParent(box);
    layout->addWidget(content);
    return box;
}
} // namespace

DemoGallery::DemoGallery(Lab *lab, QWidget *parent) : QWidget(parent), m_lab(lab)
{
    setWindowFlag(Qt::Window);
    setAccessibleName(tr("Concept gallery"));
    setWindowTitle(tr("AsyncLab — concepts"));
    m_list = new QListWidget(this);
    m_list->setAccessibleName(tr("Demos"));
    m_list->setMinimumWidth(170);
    m_list->setMaximumWidth(200); // the room is the outcome's; a longer title wraps
    m_list->setWordWrap(true);
    const DemoContext context = DemoRegistry::contextFor(lab, m_workDir.path());
    for (const DemoEntry &entry : DemoRegistry::all()) {
        Demo *demo = DemoRegistry::create(entry.name, context, this);
        m_states[entry.name].demo = demo;
        auto *item = new QListWidgetItem(demo->title(), m_list);
        item->setData(Qt::UserRole, entry.name);
        item->setToolTip(tr("asynclab --demo %1").arg(entry.name));
        connect(demo, &Demo::progress, this,
                [this, name = entry.name](const QString &line) { onProgress(name, line); });
        connect(demo, &Demo::finished, this, [this, name = entry.name](const DemoOutcome &outcome) {
            onFinished(name, outcome);
        });
        connect(demo, &Demo::phase, this, [this, name = entry.name](const QString &label) {
            m_states[name].phases.append({ labNowMs(), label });
            if (name == currentDemo())
                m_lag->setPhaseMarks(m_states[name].phases);
        });
        connect(demo, &Demo::measured, this, [this, name = entry.name](const DemoOutcome &soFar) {
            m_states[name].soFar = soFar;
            if (name == currentDemo())
                showMeasured(soFar);
        });
    }

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(createHeader());
    m_explanation = new QLabel(right);
    m_explanation->setWordWrap(true);
    m_explanation->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_explanation->setAccessibleName(tr("What you are seeing"));
    m_explanation->setContentsMargins(6, 6, 6, 6);
    // A long explanation scrolls rather than pushing the window past a laptop's screen.
    m_explanationArea = new QScrollArea(right);
    m_explanationArea->setAccessibleName(tr("What you are seeing"));
    m_explanationArea->setWidgetResizable(true);
    m_explanationArea->setFrameShape(QFrame::NoFrame);
    m_explanationArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_explanationArea->setWidget(m_explanation);
    m_explanationArea->setMinimumHeight(m_explanation->fontMetrics().lineSpacing() * 4 + 4);

    m_measured = new QStackedWidget(right);
    m_bars = new DemoBarChart(m_measured);
    m_plots = new DemoPlotChart(m_measured);
    m_measured->addWidget(m_bars);
    m_measured->addWidget(m_plots);
    m_lag = new LagChartWidget(right);
    m_lag->setMonitor(&lab->monitor());
    m_lag->setLog(&lab->log());
    m_visuals = new QSplitter(Qt::Horizontal, right);
    m_visuals->addWidget(framed(tr("Measured"), m_measured, m_visuals));
    m_lag->setShadeStalls(true);
    m_visuals->addWidget(framed(tr("GUI thread: event-loop lag"), m_lag, m_visuals));

    m_log = new QPlainTextEdit(right);
    m_log->setReadOnly(true);
    m_log->setAccessibleName(tr("Live log"));
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // What the demo is about and what a run of it left share one column of the window's full
    // height, a tab each: side by side or stacked, a laptop's screen showed a few lines of each.
    m_resultTabs = new QTabWidget(right);
    m_resultTabs->setDocumentMode(true);
    m_resultTabs->setAccessibleName(tr("What you are seeing, outcome, live log and stalls"));
    m_resultTabs->addTab(m_explanationArea, tr("What you are seeing"));
    m_resultTabs->addTab(createOutcomePanel(), tr("Outcome"));
    m_resultTabs->addTab(m_log, tr("Live log"));
    m_stalls = new StallsPanel(nullptr, m_resultTabs);
    m_stalls->setAccessibleName(tr("Stalls of the last run"));
    m_resultTabs->addTab(m_stalls, tr("Stalls"));
    connect(m_lag, &LagChartWidget::stallMarkerClicked, this, &DemoGallery::showStall);

    // One tab per snippet: side by side, six of them would widen the window past any screen.
    m_snippets = new QTabWidget(right);
    // Short names (see tabNames()), whole. They fit side by side, unless a wide outcome table
    // took the room (see fitFigureColumns()): then arrows scroll them.
    m_snippets->setUsesScrollButtons(true);
    m_snippets->setElideMode(Qt::ElideNone);
    m_snippets->setDocumentMode(true);
    auto *code =
            framed(tr("The code that does it (read-only, from the real sources; one tab each)"),
                   m_snippets, right);

    // The code beside the text about it, read together before Run; below the code what a run
    // measures as it goes.
    auto *side = new QSplitter(Qt::Vertical, right);
    side->addWidget(code);
    side->addWidget(m_visuals);
    side->setStretchFactor(0, 1);
    side->setStretchFactor(1, 1);
    side->setChildrenCollapsible(false);

    auto *body = m_body = new QSplitter(Qt::Horizontal, right);
    body->addWidget(m_resultTabs);
    body->addWidget(side);
    body->setStretchFactor(0, 1);
    body->setStretchFactor(1, 1);
    body->setSizes({ 1100, 1000 }); // the text a little wider than the code
    body->setChildrenCollapsible(false);
    rightLayout->addWidget(body, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_list);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ m_list->maximumWidth(), 2000 }); // the list at its widest, no gap
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showDemo(m_list->item(row)->data(Qt::UserRole).toString());
    });
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    resize(sizeHint()); // not adjustSize()'s two thirds of the screen
}

DemoGallery::~DemoGallery()
{
    // Before the work folder goes: a demo may still be writing into it.
    for (State &state : m_states)
        delete state.demo;
}

QSize DemoGallery::sizeHint() const
{
    return ScreenFit::fitted(this, QSize(1400, 920)); // frame and title bar included
}

QWidget *DemoGallery::createHeader()
{
    auto *header = new QWidget(this);
    auto *row = new QHBoxLayout(header);
    row->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(header);
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    m_title->setFont(font);
    m_status = new QLabel(header);
    m_status->setAccessibleName(tr("Demo status"));
    // A long status is cut, never allowed to widen the window.
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_heartbeat = new HeartbeatWidget(header);
    m_heartbeat->setMonitor(&m_lab->monitor());
    m_heartbeat->setToolTip(
            tr("Animated by the GUI thread: it stops whenever that thread is blocked."));
    m_run = new QPushButton(tr("&Run"), header);
    m_run->setObjectName(u"runDemoButton"_s);
    m_run->setToolTip(tr("Run this demo (Ctrl+Return)"));
    m_run->setShortcut(QKeySequence(u"Ctrl+Return"_s));
    m_cancel = new QPushButton(tr("Cancel"), header);
    m_cancel->setObjectName(u"cancelDemoButton"_s);
    m_cancel->setToolTip(tr("Stop the running demo (Esc)"));
    m_cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    m_variant = new QComboBox(header);
    m_variant->setAccessibleName(tr("Variant"));
    m_variant->setToolTip(tr("What the demo runs, e.g. what its request handler does; chosen "
                             "before Run"));
    m_variant->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_variant->hide();
    connect(m_variant, &QComboBox::activated, this, [this](int index) {
        if (Demo *demo = m_states.value(currentDemo()).demo; demo && !demo->isRunning())
            demo->setVariant(index);
    });
    connect(m_run, &QPushButton::clicked, this, &DemoGallery::runCurrent);
    connect(m_cancel, &QPushButton::clicked, this, &DemoGallery::cancelCurrent);
    row->addWidget(m_title);
    row->addSpacing(12);
    row->addWidget(m_status, 1);
    row->addWidget(m_heartbeat);
    row->addWidget(m_variant);
    row->addWidget(m_run);
    row->addWidget(m_cancel);
    return header;
}

QWidget *DemoGallery::createOutcomePanel()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(6, 6, 6, 6);
    m_summary = new QLabel(box);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAccessibleName(tr("Summary"));
    m_figures = new QTableWidget(0, 2, box);
    m_figures->setAccessibleName(tr("Figures"));
    m_figures->setHorizontalHeaderLabels({ tr("Figure"), tr("Value") });
    m_figures->verticalHeader()->hide();
    // widths set by fitFigureColumns()
    m_figures->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_figures->setAlternatingRowColors(true);
    // Long texts wrap rather than being cut; rows take the height their cells need.
    m_figures->setWordWrap(true);
    m_figures->setTextElideMode(Qt::ElideNone);
    m_figures->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
    // Compact rows, so that more figures show at once.
    m_figures->verticalHeader()->setDefaultSectionSize(m_figures->fontMetrics().height() + 4);
    m_figures->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Four rows at least, whatever the window's size: the table is what a run leaves to read.
    // (Six left a laptop's screen no room for a dozen lines of code.)
    m_figures->setMinimumHeight(m_figures->horizontalHeader()->sizeHint().height()
                                + 4 * m_figures->verticalHeader()->defaultSectionSize()
                                + 2 * m_figures->frameWidth());
    m_figures->viewport()->installEventFilter(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_figures, 1);
    return box;
}

QStringList DemoGallery::demoNames() const
{
    return DemoRegistry::names();
}

QString DemoGallery::currentDemo() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void DemoGallery::selectDemo(const QString &name)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toString() == name)
            m_list->setCurrentRow(row);
    }
}

Demo *DemoGallery::demo(const QString &name) const
{
    return m_states.value(name).demo;
}

bool DemoGallery::isRunning() const
{
    return !m_running.isEmpty();
}

QList<QPlainTextEdit *> DemoGallery::snippetViews() const
{
    return m_snippets->findChildren<QPlainTextEdit *>();
}

void DemoGallery::showDemo(const QString &name)
{
    const State &state = m_states[name];
    m_title->setText(state.demo->title());
    m_explanation->setText(state.demo->explanation());
    m_explanationArea->verticalScrollBar()->setValue(0); // each demo's text from its start
    // what was run has an outcome to read; the rest, what it is about
    if (state.hasOutcome)
        m_resultTabs->setCurrentWidget(m_figures->parentWidget());
    else if (m_running != name)
        m_resultTabs->setCurrentWidget(m_explanationArea);
    const QStringList variants = state.demo->variants();
    m_variant->clear();
    m_variant->addItems(variants);
    m_variant->setCurrentIndex(state.demo->variant());
    m_variant->setVisible(!variants.isEmpty());
    m_log->setPlainText(state.log);
    showOutcome(state);
    showSnippets(state.demo->snippetIds());
    // the code tabs' names side by side, taken from the text beside them if need be
    if (const int more = m_snippets->tabBar()->sizeHint().width() - m_snippets->width();
        more > 0 && m_snippets->isVisible()) {
        const QList<int> sizes = m_body->sizes();
        const int spare = sizes.value(0) - m_body->widget(0)->minimumSizeHint().width();
        if (spare > 0)
            m_body->setSizes({ sizes.value(0) - std::min(more, spare),
                               sizes.value(1) + std::min(more, spare) });
    }
    updateButtons();
}

void DemoGallery::showLag(const State &state)
{
    // the selected demo's own run, not whatever the last 30 s held; the demo's name is in the
    // header above, so the chart's title says only which run
    m_lag->setPhaseMarks(state.phases);
    const int width = m_visuals->width();
    if (state.hasOutcome) {
        const double pad = std::max(20.0, state.durationMs * 0.04);
        m_lag->setTimeRange(&m_lab->monitor(), state.startMs,
                            state.startMs + state.durationMs + pad);
        const double longestMs =
                m_lab->monitor().maxStallBetween(state.startMs, state.startMs + state.durationMs);
        const bool flat = longestMs < ResponsivenessMonitor::StallThresholdMs;
        m_lag->setTitle(flat ? tr("Last run: never stalled (longest lag %1)")
                                        .arg(formatDuration(roundedMs(longestMs)))
                             : tr("Last run, start to end"));
        // a flat line needs little room: the measured results get it
        m_visuals->setSizes(flat ? QList<int> { width * 3 / 4, width / 4 }
                                 : QList<int> { width / 2, width / 2 });
    } else if (m_running == currentDemo() && state.startMs > 0) {
        m_lag->setGrowingFrom(&m_lab->monitor(), state.startMs);
        m_lag->setTitle(tr("This run so far"));
    } else {
        const double now = labNowMs();
        m_lag->setTimeRange(&m_lab->monitor(), now, now + 2000);
        m_lag->setTitle(tr("Not run yet: Run shows its lag here"));
        m_visuals->setSizes({ width * 3 / 5, width * 2 / 5 });
    }
}

void DemoGallery::showStalls(const State &state)
{
    QList<StallRecord> stalls;
    if (state.hasOutcome)
        stalls = m_lab->stalls().recordsBetween(state.startMs, state.startMs + state.durationMs);
    m_stalls->setRecords(stalls);
    m_lag->setStallMarkers(StallsPanel::markersFor(stalls));
    m_resultTabs->setTabText(m_resultTabs->indexOf(m_stalls),
                             state.hasOutcome ? tr("Stalls (%1)").arg(stalls.size())
                                              : tr("Stalls"));
}

void DemoGallery::showStall(int index)
{
    m_resultTabs->setCurrentWidget(m_stalls);
    m_stalls->selectRecord(index);
}

void DemoGallery::showOutcome(const State &state)
{
    showLag(state);
    showStalls(state);
    m_figures->setRowCount(0);
    if (!state.hasOutcome) {
        const bool running = m_running == currentDemo();
        m_bars->clear();
        m_plots->clear();
        m_measured->setCurrentWidget(m_bars);
        if (running)
            showMeasured(state.soFar); // back to a running demo: what it has so far
        m_summary->setText(running ? tr("Running…") : tr("Press Run to measure."));
        m_status->setText(running ? tr("Running…") : QString());
        return;
    }
    const DemoOutcome &outcome = state.outcome;
    showMeasured(outcome);
    const QString red = u"<span style='color:#c0392b'>%1</span> %2"_s;
    switch (outcome.status) {
    case DemoOutcome::Status::Done:
        m_status->setText(tr("Done in %1").arg(formatDuration(state.durationMs)));
        m_summary->setText(outcome.summary);
        break;
    case DemoOutcome::Status::Canceled:
        m_status->setText(tr("Canceled"));
        m_summary->setText(red.arg(tr("Run canceled."), outcome.summary.toHtmlEscaped()));
        break;
    case DemoOutcome::Status::Failed:
        m_status->setText(tr("Failed"));
        m_summary->setText(red.arg(outcome.error.toHtmlEscaped(), outcome.summary.toHtmlEscaped()));
        break;
    }
    showFigures(figureTable(outcome.translated().figures, 7));
}

void DemoGallery::showFigures(const FigureTable &table)
{
    m_figures->clearSpans();
    m_figures->setColumnCount(int(table.columns.size()) + 1);
    QStringList headers { tr("Figure") };
    for (const QString &column : table.columns)
        headers.append(QString(column).replace(u" ("_s, u"\n("_s)); // the unit on a line of its own
    m_figures->setHorizontalHeaderLabels(headers);
    for (const FigureTable::Row &line : table.rows) {
        const int row = m_figures->rowCount();
        m_figures->insertRow(row);
        m_figures->setItem(row, 0, new QTableWidgetItem(line.name));
        for (int i = 0; i < line.values.size(); ++i) {
            auto *item = new QTableWidgetItem(line.values.at(i));
            if (!line.values.at(i).isEmpty())
                item->setToolTip(u"%1, %2: %3"_s.arg(line.name, headers.at(i + 1).simplified(),
                                                     line.values.at(i)));
            m_figures->setItem(row, i + 1, item);
        }
        if (line.spans && table.columns.size() > 1)
            m_figures->setSpan(row, 1, 1, int(table.columns.size()));
    }
    fitFigureColumns();
    m_figures->scrollToTop();
}

bool DemoGallery::eventFilter(QObject *watched, QEvent *event)
{
    // A table filled while its tab was hidden was fitted to a width it did not have.
    if (watched == m_figures->viewport() && event->type() == QEvent::Resize)
        fitFigureColumns();
    return QWidget::eventFilter(watched, event);
}

void DemoGallery::fitFigureColumns()
{
    if (m_figures->columnCount() == 0 || m_fittingFigures)
        return;
    // a scroll bar the new row heights bring or take away resizes the viewport again
    const QScopedValueRollback fitting(m_fittingFigures, true);
    // Columns as wide as their content when all fit; otherwise the names column gives up to two
    // fifths (down to a quarter where many values need the room), the value columns that need less
    // than an equal share of the rest get what they need and the others share what is left, their
    // texts wrapping: never a sideways scroll, never a cut header. Widths are set here, not by
    // resize modes, which apply them only at the next layout: the row heights below need them now.
    QHeaderView *header = m_figures->horizontalHeader();
    const QAbstractItemView *view = m_figures;
    const int columns = m_figures->columnCount();
    QList<int> least; // the header's text, whole
    QList<int> widths;
    for (int column = 0; column < columns; ++column) {
        header->setSectionResizeMode(column, QHeaderView::Interactive);
        least.append(header->sectionSizeHint(column));
        // a few pixels to spare: a text that only just fits would wrap at the next pixel less
        widths.append(std::max(least.last(), view->sizeHintForColumn(column) + 4));
    }
    const int available = m_figures->viewport()->width();
    int wanting = 0; // the pixels more that every value would need to read on one line
    if (std::accumulate(widths.cbegin(), widths.cend(), 0) > available) {
        // the names wrap sooner where the values' headers alone leave them little room
        const int headers = std::accumulate(least.cbegin() + 1, least.cend(), 0);
        widths[0] = std::max({ least[0], available / 4,
                               std::min({ widths[0], available * 2 / 5, available - headers }) });
        wanting = std::accumulate(widths.cbegin(), widths.cend(), 0) - available;
        int room = available - widths[0];
        QList<int> sharing;
        for (int column = 1; column < columns; ++column)
            sharing.append(column);
        for (bool settled = false; !settled && !sharing.isEmpty();) {
            settled = true;
            const int share = room / int(sharing.size());
            for (const int column : QList<int>(sharing)) {
                if (widths[column] <= share) {
                    room -= widths[column];
                    sharing.removeOne(column);
                    settled = false;
                }
            }
        }
        for (const int column : std::as_const(sharing))
            widths[column] = std::max(least[column], room / int(sharing.size()));
        // Headers wider than their share (the servers' "throughput (req/s)") are still whole:
        // the names give up what that takes, down to their own header, rather than the last
        // column going past the edge.
        const int over = std::accumulate(widths.cbegin(), widths.cend(), 0) - available;
        if (over > 0)
            widths[0] = std::max(least[0], widths[0] - over);
    }
    // the last column reaches the table's right edge
    widths.last() = std::max(widths.last(),
                             available - std::accumulate(widths.cbegin(), widths.cend() - 1, 0));
    for (int column = 0; column < columns; ++column)
        header->resizeSection(column, widths[column]);
    m_figures->resizeRowsToContents();

    // A table too wide for its half of the window (the servers' eight columns) takes what it
    // needs from the code and charts beside it, as far as they can give; the viewport's resize
    // then fits the columns again.
    const QList<int> sizes = m_body->sizes();
    const int spare = sizes.value(1) - m_body->widget(1)->minimumSizeHint().width();
    if (wanting > 0 && spare > 0) {
        const int more = std::min(wanting, spare);
        QMetaObject::invokeMethod(
                m_body,
                [this, more] {
                    const QList<int> now = m_body->sizes();
                    m_body->setSizes({ now.value(0) + more, now.value(1) - more });
                },
                Qt::QueuedConnection);
    }
}

void DemoGallery::showMeasured(const DemoOutcome &outcome)
{
    const DemoOutcome shown = outcome.translated();
    m_bars->setBars(shown.bars, shown.barsUnit, shown.barsCategory, shown.barsNote);
    m_plots->setPlots(shown.plots, shown.plotsX);
    m_measured->setCurrentWidget(shown.plots.isEmpty() ? static_cast<QWidget *>(m_bars) : m_plots);
}

void DemoGallery::showSnippets(const QStringList &ids)
{
    while (m_snippets->count() > 0)
        delete m_snippets->widget(0); // its tab goes with it
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (const QString &id : ids) {
        auto *panel = new QWidget(m_snippets);
        auto *layout = new QVBoxLayout(panel);
        layout->setContentsMargins(0, 0, 0, 0);
        const QString location = snippetLocation(id);
        auto *label = new QLabel(tr("<b>%1</b> &nbsp; <span style='color:gray'>%2</span>")
                                         .arg(snippetName(id).toHtmlEscaped(),
                                              location.isEmpty() ? tr("not found") : location),
                                 panel);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *view = new QPlainTextEdit(panel);
        view->setObjectName(id);
        view->setReadOnly(true);
        // Wrapped, so every line can be read without scrolling sideways.
        view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        view->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        view->setFont(mono);
        view->setAccessibleName(tr("Source %1").arg(location));
        view->setPlainText(snippet(id));
        // a dozen lines at least: the code is what a demo is about (a few less on a screen
        // shorter than a 1366x768 laptop's, where nothing else would fit)
        const bool shortScreen = screen() && screen()->availableSize().height() < 740;
        view->setMinimumHeight(
                view->fontMetrics().lineSpacing()
                        * (shortScreen ? MinCodeLinesShortScreen : MinCodeLines)
                + 2 * (view->frameWidth() + int(view->document()->documentMargin())));
        layout->addWidget(label);
        layout->addWidget(view, 1);
        m_snippets->addTab(panel, snippetName(id));
        m_snippets->setTabToolTip(m_snippets->count() - 1, location);
    }
}

bool DemoGallery::runCurrent()
{
    const QString name = currentDemo();
    if (isRunning() || name.isEmpty())
        return false;
    State &state = m_states[name];
    state.log.clear();
    state.hasOutcome = false;
    state.soFar = {};
    state.phases.clear();
    state.startMs = labNowMs();
    m_running = name;
    m_log->clear();
    m_resultTabs->setCurrentWidget(m_log);
    showOutcome(state);
    updateButtons();
    state.demo->run();
    return true;
}

// Cancels the running demo, also while another one is shown: it is the only one that can run.
void DemoGallery::cancelCurrent()
{
    if (isRunning())
        m_states[m_running].demo->cancel();
}

void DemoGallery::onProgress(const QString &name, const QString &line)
{
    State &state = m_states[name];
    const QString text =
            u"%1 s  %2"_s.arg((labNowMs() - state.startMs) / 1000, 6, 'f', 2).arg(line);
    state.log += (state.log.isEmpty() ? QString() : u"\n"_s) + text;
    if (name == currentDemo()) {
        m_log->appendPlainText(text);
        m_summary->setText(tr("Running… %1").arg(line.trimmed().toHtmlEscaped()));
    }
}

void DemoGallery::onFinished(const QString &name, const DemoOutcome &outcome)
{
    State &state = m_states[name];
    state.outcome = outcome;
    state.hasOutcome = true;
    if (m_running == name)
        m_running.clear();
    state.durationMs = labNowMs() - state.startMs;
    if (name == currentDemo()) {
        // the run is over: its outcome is the news now (the Stalls tab counts its freezes)
        m_resultTabs->setCurrentWidget(m_figures->parentWidget());
        showOutcome(state);
    }
    // a stall that ended just now is recorded a moment later
    m_lab->stalls().whenSettled(this, [this, name] {
        if (name == currentDemo())
            showStalls(m_states[name]);
    });
    updateButtons();
    emit demoFinished(name, outcome);
}

void DemoGallery::updateButtons()
{
    m_run->setEnabled(!isRunning());
    m_variant->setEnabled(!isRunning());
    m_cancel->setEnabled(isRunning());
    m_cancel->setToolTip(isRunning() && m_running != currentDemo()
                                 ? tr("Stop \u201c%1\u201d, which is still running (Esc)")
                                           .arg(m_states[m_running].demo->title())
                                 : tr("Stop the running demo (Esc)"));
    m_run->setToolTip(isRunning() ? tr("Another demo is running; one at a time keeps the "
                                       "measurements clean.")
                                  : tr("Run this demo (Ctrl+Return)"));
}

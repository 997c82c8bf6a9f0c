#include <windows/mainwindow.h>
#include "screenfit.h"
#include <windows/compareview.h>
#include <windows/demogallery.h>
#include <windows/learnwindow.h>
#include <widgets/heartbeatwidget.h>
#include <engine/lab.h>
#include <common/labclock.h>
#include <widgets/lagchartwidget.h>
#include <widgets/modetoggle.h>
#include <models/operationlogmodel.h>
#include <engine/report.h>
#include <widgets/stallspanel.h>
#include <widgets/timelinewidget.h>
#include <common/units.h>
#include <windows/watchwindow.h>
#include <export/recordings.h>
#include <windows/saverecording.h>

#include <learn/glossary.h>
#include <stalls/stallwatchdog.h>

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QScrollBar>
#include <QShortcut>
#include <QDockWidget>
#include <QSplitter>
#include <QTableView>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
// Ctrl+W closes a window of its own (gallery, Compare, course) even where no window manager
// draws a close button. Where there is none, nothing else gives the keyboard back either: the
// main window is activated again, or its shortcuts would stop working.
template<typename Window>
Window *closableByKeyboard(Window *window)
{
    auto *close = new QShortcut(QKeySequence::Close, window);
    QObject::connect(close, &QShortcut::activated, window, [window] {
        if (!window->close())
            return;
        if (QWidget *under = window->parentWidget(); under && under->isVisible()) {
            under->window()->raise();
            under->window()->activateWindow();
        }
    });
    return window;
}

constexpr qint64 MiB = qint64(1) << 20;
constexpr int LogRows = 8; // shown where the screen has room, five at least

struct RouteDemo
{
    const char *label;
    const char16_t *path;
    const char *tip;
};

const RouteDemo routeDemos[] = {
    { QT_TRANSLATE_NOOP("MainWindow", "Slow server (2 s)"), u"/delay/2000",
      QT_TRANSLATE_NOOP("MainWindow", "The server answers after 2 seconds.") },
    { QT_TRANSLATE_NOOP("MainWindow", "Download 64 MiB"), u"/bytes/67108864",
      QT_TRANSLATE_NOOP("MainWindow", "64 MiB streamed from the embedded server.") },
    { QT_TRANSLATE_NOOP("MainWindow", "Trickle (3 s)"), u"/drip?bytes=262144&ms=3000",
      QT_TRANSLATE_NOOP("MainWindow", "256 KiB trickled over 3 seconds.") },
    { QT_TRANSLATE_NOOP("MainWindow", "JSON"), u"/json",
      QT_TRANSLATE_NOOP("MainWindow", "A small JSON document.") },
    { QT_TRANSLATE_NOOP("MainWindow", "HTTP 404"), u"/status/404",
      QT_TRANSLATE_NOOP("MainWindow", "The server answers 404 Not Found.") },
    { QT_TRANSLATE_NOOP("MainWindow", "Truncated body"), u"/truncate/1048576",
      QT_TRANSLATE_NOOP("MainWindow", "Announces 1 MiB, sends half, then closes.") },
    { QT_TRANSLATE_NOOP("MainWindow", "Server hangs"), u"/hang",
      QT_TRANSLATE_NOOP("MainWindow", "Accepts and never answers: stopped by the deadline.") },
};

void bringToFront(QWidget *window)
{
    window->show();
    window->raise();
    window->activateWindow();
}

QLabel *figureLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setMinimumWidth(label->fontMetrics().horizontalAdvance(u"0000.0 ms"_s));
    return label;
}
} // namespace

MainWindow::MainWindow(Lab *lab, QWidget *parent)
    : QMainWindow(parent), m_lab(lab), m_logModel(new OperationLogModel(&lab->log(), this))
{
    setWindowTitle(tr("AsyncLab — blocking vs async"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->setSpacing(4);
    layout->addWidget(createTopBar());

    m_chart = new LagChartWidget(central);
    m_chart->setMonitor(&lab->monitor());
    m_chart->setLog(&lab->log());
    m_chart->setMinimumHeight(
            60); // with the result's second line and the log's five rows, all fits 1280x720
    // The threads under the lag they caused, on the same time axis.
    auto *chartArea = new QWidget(central);
    auto *chartLayout = new QVBoxLayout(chartArea);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->setSpacing(0);
    m_timeline = new TimelineWidget(chartArea);
    m_timeline->model()->setLog(&lab->log());
    m_timeline->alignTo(m_chart);
    m_timeline->setLaneRoom(3);
    // On a short screen the lanes shrink to their least height before the lag chart does.
    m_timeline->setMaximumHeight(m_timeline->minimumSizeHint().height());
    connect(m_timeline, &TimelineWidget::operationClicked, this, &MainWindow::selectOperation);
    chartLayout->addWidget(m_chart, 1);
    chartLayout->addWidget(m_timeline);

    auto *controls = new QWidget(central);
    auto *controlsLayout = new QVBoxLayout(controls);
    controlsLayout->setContentsMargins(0, 0, 0, 0);
    controlsLayout->setSpacing(4);
    controlsLayout->addWidget(createFetchPanel());
    controlsLayout->addWidget(createFilePanel());
    controlsLayout->addWidget(createProgressRow());
    m_result =
            new QLabel(tr("Pick a mode, then start a fetch or a file load. Type in the box above "
                          "while it runs: in Blocking mode nothing you type appears until the work "
                          "is over."),
                       controls);
    m_result->setWordWrap(true);
    // Selectable, and its links (the course's invitation) clickable.
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse
                                      | Qt::LinksAccessibleByKeyboard);
    m_result->setAccessibleName(tr("Last result"));
    m_result->setObjectName(u"resultLine"_s);
    // Two lines kept whether the text needs one or two, so that the rows above do not move
    // when an operation starts or ends.
    m_result->setMinimumHeight(m_result->fontMetrics().lineSpacing() * 2);
    m_result->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // always HTML: a line with no tag but an escaped "&" would show "&amp;"
    m_result->setTextFormat(Qt::RichText);

    controlsLayout->addWidget(m_result);
    showInvitation();

    m_table = new QTableView(central);
    m_table->setModel(m_logModel);
    m_table->setAccessibleName(tr("Operations log"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    // The target takes the room the others leave; the rest are sized to their content.
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(OperationLogModel::TargetColumn,
                                                      QHeaderView::Stretch);
    // At least five rows, the header and the scroll bar the columns need, whatever the window's
    // size.
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height()
                              + 5 * m_table->verticalHeader()->defaultSectionSize()
                              + m_table->horizontalScrollBar()->sizeHint().height()
                              + 2 * m_table->frameWidth() + 4);
    // Sized once, from the widest text each column shows: measuring the rows' contents on every
    // operation cost the GUI thread time that showed up as stalls in a run of many operations.
    connect(m_logModel, &QAbstractItemModel::rowsInserted, m_table, &QTableView::scrollToBottom);
    sizeLogColumns();

    auto *splitter = m_splitter = new QSplitter(Qt::Vertical, central);
    splitter->addWidget(chartArea);
    splitter->addWidget(controls);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 0);
    splitter->setStretchFactor(2, 1);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    // Each stall of the GUI thread with the function that held it, beside the chart.
    auto *stallsDock = m_stallsDock = new QDockWidget(tr("Stalls"), this);
    stallsDock->setObjectName(u"stallsDock"_s);
    m_stallsPanel = new StallsPanel(&lab->stalls(), stallsDock);
    m_stallsPanel->setToolTip(Glossary::withTerms(
            tr("Every freeze of the GUI thread over %1, and where it was.")
                    .arg(formatDuration(StallWatchdog::DefaultThresholdMs)),
            { u"stall"_s, u"culprit"_s, u"busy"_s, u"waiting"_s, u"futex"_s, u"run-queue"_s }));
    stallsDock->setWidget(m_stallsPanel);
    addDockWidget(Qt::RightDockWidgetArea, stallsDock);
    // a marker on the chart for each stall, updated when one is recorded, never on a timer
    const auto updateMarkers = [this] {
        m_chart->setStallMarkers(StallsPanel::markersFor(m_stallsPanel->records()));
    };
    connect(m_stallsPanel, &StallsPanel::recordsChanged, m_chart, updateMarkers);
    updateMarkers();
    connect(m_chart, &LagChartWidget::stallMarkerClicked, this, &MainWindow::showStall);

    createMenus();

    connect(&lab->jobs(), &JobRunner::progress, this, &MainWindow::onProgress);
    connect(&lab->jobs(), &JobRunner::finished, this, &MainWindow::onFinished);
    connect(m_modeToggle, &ModeToggle::modeChanged, this, &MainWindow::describeMode);

    auto *figures = new QTimer(this);
    connect(figures, &QTimer::timeout, this, &MainWindow::updateLiveFigures);
    figures->start(200);

    restoreSettings();
    describeMode();
    updateRunningState();
    updateLiveFigures();
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::createTopBar()
{
    auto *bar = new QWidget(this);
    auto *grid = new QGridLayout(bar);
    grid->setContentsMargins(0, 0, 0, 0);

    m_modeToggle = new ModeToggle(bar);
    m_modeToggle->setToolTip(m_modeToggle->toolTip()
                             + u"<p>%1</p><p>%2</p>"_s.arg(Glossary::tooltip(u"blocking"_s),
                                                           Glossary::tooltip(u"async"_s)));
    m_modeHint = new QLabel(bar);
    m_modeHint->setWordWrap(true);
    grid->addWidget(m_modeToggle, 0, 0);
    grid->addWidget(m_modeHint, 0, 1);

    m_heartbeat = new HeartbeatWidget(bar);
    m_heartbeat->setMonitor(&m_lab->monitor()); // "froze" shows the log's and the Stalls' number
    m_typingField = new QLineEdit(bar);
    m_typingField->setPlaceholderText(tr("Type here while work runs…"));
    m_typingField->setAccessibleName(tr("Typing test field"));
    m_typingField->setToolTip(
            tr("If the GUI thread is blocked, your keystrokes appear only when it is "
               "free again."));
    // Two rows only, a laptop screen is short: the mode, what it means and the heartbeat; then
    // the typing field and the live figures.
    grid->addWidget(m_heartbeat, 0, 2);
    grid->addWidget(m_typingField, 1, 0);

    auto *figures = new QWidget(bar);
    auto *row = new QHBoxLayout(figures);
    row->setContentsMargins(0, 0, 0, 0);
    m_lagNow = figureLabel(figures);
    m_maxStall = figureLabel(figures);
    m_maxStall->setObjectName(u"maxStallFigure"_s);
    m_p99 = figureLabel(figures);
    m_stalls = figureLabel(figures);
    const auto addFigure = [row, figures](const QString &name, QLabel *value, const QString &tip) {
        auto *label = new QLabel(name, figures);
        label->setToolTip(tip);
        value->setToolTip(tip);
        value->setAccessibleName(name);
        row->addWidget(label);
        row->addWidget(value);
        row->addSpacing(12);
    };
    // Each figure's tip also defines the words it uses, from the course's glossary.
    addFigure(tr("Lag now:"), m_lagNow,
              Glossary::withTerms(tr("How late the last 5 ms timer tick ran on the GUI thread."),
                                  { u"lag"_s, u"event-loop"_s, u"gui-thread"_s }));
    addFigure(tr("Max stall (10 s):"), m_maxStall,
              Glossary::withTerms(tr("The longest time the GUI thread could not react, in the "
                                     "last 10 seconds."),
                                  { u"stall"_s }));
    addFigure(tr("p99 lag:"), m_p99,
              Glossary::withTerms(tr("99% of timer ticks in the last 10 seconds ran at most this "
                                     "late."),
                                  { u"p99"_s }));
    addFigure(tr("Stalls > 50 ms:"), m_stalls,
              Glossary::withTerms(tr("Freezes long enough to feel (a 'long task'), in the last 10 "
                                     "seconds."),
                                  { u"long-task"_s }));
    row->addStretch();
    grid->addWidget(figures, 1, 1, 1, 2);
    grid->setColumnStretch(1, 1);
    return bar;
}

QWidget *MainWindow::createFetchPanel()
{
    // The server's address is in the title: a status bar would cost a laptop screen a line.
    auto *box = new QGroupBox(tr("Fetch over HTTP (QNetworkAccessManager) — embedded server at %1")
                                      .arg(m_lab->server().baseUrl().toString()),
                              this);
    auto *layout = new QVBoxLayout(box);
    auto *urlRow = new QHBoxLayout;
    m_urlEdit = new QLineEdit(m_lab->server().url(u"/delay/2000"_s).toString(), box);
    m_urlEdit->setAccessibleName(tr("URL"));
    m_urlEdit->setToolTip(
            tr("Any http:// or https:// URL, or a route of the embedded server such as "
               "/bytes/1048576"));
    auto *fetchButton = new QPushButton(tr("&Fetch"), box);
    fetchButton->setObjectName(u"fetchButton"_s);
    fetchButton->setToolTip(tr("Fetch the URL in the current mode (Ctrl+F)"));
    fetchButton->setShortcut(QKeySequence(u"Ctrl+F"_s));
    connect(fetchButton, &QPushButton::clicked, this, [this] { fetch(m_urlEdit->text()); });
    connect(m_urlEdit, &QLineEdit::returnPressed, this, [this] { fetch(m_urlEdit->text()); });
    urlRow->addWidget(new QLabel(tr("URL:"), box));
    urlRow->addWidget(m_urlEdit, 1);
    urlRow->addWidget(fetchButton);
    layout->addLayout(urlRow);

    auto *routes = new QHBoxLayout;
    // Each of these runs a fetch at once, as Fetch does: said on the label, so no one presses
    // Fetch after it and runs the same fetch twice.
    auto *fetchNow = new QLabel(tr("Fetch now:"), box);
    fetchNow->setToolTip(tr("Each button fills in the URL and fetches it at once, in the current "
                            "mode: no need to press Fetch as well."));
    routes->addWidget(fetchNow);
    // Alt+1, Alt+2, … in the order shown: the labels are too alike for letter mnemonics.
    int shortcutDigit = 0;
    const auto numberShortcut = [&shortcutDigit](QPushButton *button, const QString &tip) {
        const QKeySequence key(Qt::ALT | Qt::Key(Qt::Key_1 + shortcutDigit++));
        button->setShortcut(key);
        button->setToolTip(u"%1 (%2)"_s.arg(tip, key.toString(QKeySequence::NativeText)));
    };
    for (const RouteDemo &demo : routeDemos) {
        auto *button = new QPushButton(tr(demo.label), box);
        const QString path = QString::fromUtf16(demo.path);
        numberShortcut(button,
                       tr("%1 Fetches %2 now, in the current mode.").arg(tr(demo.tip), path));
        button->setObjectName(path);
        connect(button, &QPushButton::clicked, this, [this, path] {
            m_urlEdit->setText(m_lab->server().url(path).toString());
            fetch(m_urlEdit->text());
        });
        routes->addWidget(button);
    }
    auto *refused = new QPushButton(tr("Refused"), box);
    numberShortcut(refused,
                   tr("Connects to a port where nothing listens, now, in the current mode."));
    connect(refused, &QPushButton::clicked, this, [this] {
        m_urlEdit->setText(u"http://127.0.0.1:1/"_s);
        fetch(m_urlEdit->text());
    });
    routes->addWidget(refused);
    routes->addStretch();
    layout->addLayout(routes);
    return box;
}

QWidget *MainWindow::createFilePanel()
{
    // Untitled, its label says what it does: a laptop screen is short.
    auto *box = new QGroupBox(this);
    box->setToolTip(tr("Loads a file: its SHA-256, bytes and lines (QtConcurrent in Async mode)"));
    auto *layout = new QHBoxLayout(box);
    m_fileEdit = new QLineEdit(box);
    m_fileEdit->setAccessibleName(tr("File path"));
    m_fileEdit->setPlaceholderText(tr("Path of a file to load, or generate a sample file →"));
    auto *browse = new QPushButton(tr("&Browse…"), box);
    browse->setToolTip(tr("Choose a file (Ctrl+O)"));
    connect(browse, &QPushButton::clicked, this, &MainWindow::chooseFile);
    auto *load = new QPushButton(tr("&Load"), box);
    load->setObjectName(u"loadButton"_s);
    load->setToolTip(tr("Load the file in the current mode (Ctrl+L)"));
    load->setShortcut(QKeySequence(u"Ctrl+L"_s));
    connect(load, &QPushButton::clicked, this, [this] { loadFile(m_fileEdit->text()); });
    connect(m_fileEdit, &QLineEdit::returnPressed, this, [this] { loadFile(m_fileEdit->text()); });

    m_sampleSize = new QComboBox(box);
    m_sampleSize->setAccessibleName(tr("Sample file size"));
    for (qint64 size : { 16 * MiB, 64 * MiB, 256 * MiB, 1024 * MiB })
        m_sampleSize->addItem(formatBytes(size), size);
    // 1 GiB: hashing it takes about 0.6 s on a fast desktop with SHA instructions, 1-2 s on a
    // typical laptop, long enough to feel the Blocking freeze; 256 MiB was over in 0.2 s.
    m_sampleSize->setCurrentIndex(3);
    auto *generate = new QPushButton(tr("&Generate sample"), box);
    generate->setObjectName(u"generateButton"_s);
    generate->setToolTip(tr("Write a sample text file of the chosen size to %1 (Ctrl+G)")
                                 .arg(QDir::toNativeSeparators(m_lab->sampleDir())));
    generate->setShortcut(QKeySequence(u"Ctrl+G"_s));
    connect(generate, &QPushButton::clicked, this, &MainWindow::generateSample);

    layout->addWidget(new QLabel(tr("Load a file (SHA-256, lines):"), box));
    layout->addWidget(m_fileEdit, 1);
    layout->addWidget(browse);
    layout->addWidget(load);
    layout->addSpacing(16);
    layout->addWidget(m_sampleSize);
    layout->addWidget(generate);
    return box;
}

QWidget *MainWindow::createProgressRow()
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_progress = new QProgressBar(row);
    m_progress->setAccessibleName(tr("Progress"));
    m_progressText = new QLabel(row);
    m_progressText->setObjectName(u"progressText"_s);
    m_progressText->setAccessibleName(tr("Progress status"));
    // Cut rather than allowed to widen the window or move the bar as the text changes.
    m_progressText->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    showProgress(tr("Idle"), 0, 1);
    m_cancel = new QPushButton(tr("Cancel"), row);
    m_cancel->setObjectName(u"cancelButton"_s);
    m_cancel->setToolTip(tr("Cancel everything that is running (Esc)"));
    m_cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(m_cancel, &QPushButton::clicked, &m_lab->jobs(), &JobRunner::cancelAll);

    m_scenario = new QComboBox(row);
    m_scenario->setAccessibleName(tr("Comparison scenario"));
    for (const Scenario &s : Scenario::builtIn()) {
        m_scenario->addItem(s.title, s.name);
        m_scenario->setItemData(m_scenario->count() - 1, s.description, Qt::ToolTipRole);
    }
    // The chosen scenario says what it runs where it is chosen.
    const auto describeScenario = [this] {
        m_scenario->setToolTip(m_scenario->currentData(Qt::ToolTipRole).toString());
    };
    connect(m_scenario, &QComboBox::currentIndexChanged, m_scenario, describeScenario);
    describeScenario();
    auto *compare = new QPushButton(tr("&Compare both modes"), row);
    compare->setObjectName(u"compareButton"_s);
    compare->setToolTip(
            tr("Run the chosen scenario in Blocking mode, then in Async mode, and compare "
               "the freezes (Ctrl+R)"));
    compare->setShortcut(QKeySequence(u"Ctrl+R"_s));
    connect(compare, &QPushButton::clicked, this, &MainWindow::runComparison);

    layout->addWidget(m_progressText, 2);
    layout->addWidget(m_progress, 1);
    layout->addWidget(m_cancel);
    layout->addSpacing(16);
    layout->addWidget(m_scenario);
    layout->addWidget(compare);
    return row;
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open file…"), QKeySequence::Open, this, &MainWindow::chooseFile);
    file->addAction(tr("&Generate sample file"), this, &MainWindow::generateSample);
    file->addAction(tr("&Watch a program…"), this, [this] { WatchWindow::askAndOpen(this); });
    file->addAction(tr("Save &trace…"), this, [this] {
        // The last two minutes: as far back as the monitor keeps the lag.
        const double nowMs = labNowMs();
        const auto &lag = m_lab->monitor().samples();
        saveRecordingAs(this, labRecording(*m_lab, lag.empty() ? nowMs : lag.front().atMs, nowMs));
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *mode = menuBar()->addMenu(tr("&Mode"));
    mode->addAction(tr("&Blocking"), QKeySequence(u"Ctrl+1"_s), this,
                    [this] { setMode(RunMode::Blocking); });
    mode->addAction(tr("&Async"), QKeySequence(u"Ctrl+2"_s), this,
                    [this] { setMode(RunMode::Async); });

    QMenu *concepts = menuBar()->addMenu(tr("&Concepts"));
    concepts->addAction(tr("Concept &gallery…"), QKeySequence(u"Ctrl+K"_s), this,
                        &MainWindow::showConceptGallery);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *learn = help->addAction(tr("&Learn AsyncLab…"), QKeySequence(Qt::Key_F1), this,
                                     &MainWindow::showLearnWindow);
    // From every window of AsyncLab: the way back to the course from where a lesson sent you.
    learn->setShortcutContext(Qt::ApplicationShortcut);
    help->addAction(tr("&About AsyncLab"), this, [this] {
        QMessageBox::about(
                this, tr("About AsyncLab"),
                tr("<h3>AsyncLab %1</h3><p>See and measure the difference between blocking "
                   "and asynchronous code.</p><p>Embedded server: %2</p>")
                        .arg(QCoreApplication::applicationVersion(),
                             m_lab->server().baseUrl().toString()));
    });
}

DemoGallery *MainWindow::conceptGallery()
{
    if (!m_gallery)
        m_gallery = closableByKeyboard(new DemoGallery(m_lab, this)); // sized to fit the screen
    return m_gallery;
}

void MainWindow::showConceptGallery()
{
    bringToFront(conceptGallery());
}

LearnWindow *MainWindow::learnWindow()
{
    if (m_learn)
        return m_learn;
    m_learn = closableByKeyboard(new LearnWindow(m_lab, this));
    connect(m_learn, &LearnWindow::exploreRequested, this, [this](const Lesson &lesson) {
        QWidget *window = this;
        switch (lesson.place) {
        case LessonPlace::MainWindow:
            setMode(lesson.mode); // as the lesson's text asks
            break;
        case LessonPlace::Compare:
            window = compareView();
            compareView()->selectScenario(lesson.exploreScenario);
            break;
        case LessonPlace::Gallery:
            window = conceptGallery();
            conceptGallery()->selectDemo(lesson.galleryDemo);
            break;
        case LessonPlace::Watch:
            window = WatchWindow::askAndOpen(this);
            break;
        }
        if (window)
            bringToFront(window);
    });
    return m_learn;
}

void MainWindow::showLearnWindow()
{
    bringToFront(learnWindow());
}

void MainWindow::showInvitation()
{
    const CourseProgress progress;
    if (progress.invitationDismissed() || progress.doneCount() > 0)
        return;
    m_result->setText(tr("<b>New to async programming?</b> The course takes you from a first "
                         "freeze to finding one in a program you did not write, in %1 short "
                         "lessons: <a href=\"learn:start\">start the course</a> (F1, also in "
                         "the Help menu) · <a href=\"learn:dismiss\">don't show this again</a>")
                              .arg(Course::size()));
    connect(m_result, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == "learn:start"_L1)
            return showLearnWindow();
        CourseProgress().dismissInvitation();
        m_result->setText(tr("Pick a mode, then start a fetch or a file load. Type in the box "
                             "above while it runs: in Blocking mode nothing you type appears "
                             "until the work is over."));
    });
}

RunMode MainWindow::mode() const
{
    return m_modeToggle->mode();
}

void MainWindow::setMode(RunMode mode)
{
    m_modeToggle->setMode(mode);
    describeMode();
}

void MainWindow::describeMode()
{
    m_modeHint->setText(
            mode() == RunMode::Blocking
                    ? tr("<b>Blocking:</b> the GUI thread does each job itself: it waits for a "
                         "fetch's answer, or reads and hashes the file. The heartbeat stops and "
                         "typing is ignored until the job ends.")
                    : tr("<b>Async:</b> a fetch waits in the event loop and a file is read on a "
                         "worker thread. The heartbeat keeps beating and you can keep typing."));
}

void MainWindow::follow(int id, const QString &waitingFor)
{
    m_progressId = id;
    m_waitingFor = waitingFor;
    // From now on the result line is this job's: older jobs that end later do not replace it.
    m_resultId = id;
    m_result->setText(tr("%1 (%2 mode)…").arg(waitingFor, runModeText(mode())).toHtmlEscaped());
    // In Blocking mode the line below names what is waited for: this one, beside the bar, has
    // room for the mode's words only ("Blocking: Waiting for http://…" was cut).
    showProgress(mode() == RunMode::Blocking ? tr("Blocking: the window is frozen until it ends")
                                             : waitingFor + u"…"_s);
    if (mode() == RunMode::Blocking) {
        // Painted at once, because nothing else will be painted until the blocking job ends.
        m_progress->repaint();
        m_progressText->repaint();
        m_result->repaint();
    }
}

void MainWindow::startJob(const QString &waitingFor, const std::function<int()> &start)
{
    // The stalls of what a person just started are the ones they will look for.
    m_stallsPanel->followNewest();
    // A Blocking job returns only when it has ended: it is followed from the moment it starts.
    const QMetaObject::Connection following = connect(
            &m_lab->jobs(), &JobRunner::started, this,
            [this, waitingFor](int id) { follow(id, waitingFor); }, Qt::SingleShotConnection);
    m_progressId = start();
    disconnect(following);
    updateRunningState();
}

void MainWindow::fetch(const QString &urlText)
{
    const QUrl url = m_lab->resolveUrl(urlText);
    startJob(tr("Waiting for %1").arg(url.toDisplayString()),
             [&] { return m_lab->jobs().fetch(url, mode()); });
}

void MainWindow::loadFile(const QString &path)
{
    startJob(tr("Loading %1").arg(QDir::toNativeSeparators(path.trimmed())),
             [&] { return m_lab->jobs().loadFile(path.trimmed(), mode()); });
}

void MainWindow::generateSample()
{
    const qint64 size = m_sampleSize->currentData().toLongLong();
    const QString path = m_lab->samplePath(size);
    startJob(tr("Writing a %1 sample file").arg(formatBytes(size)),
             [&] { return m_lab->jobs().generateFile(path, size, mode()); });
}

void MainWindow::chooseFile()
{
    // The native dialog runs its own event loop; harmless here since nothing is measured meanwhile.
    const QString path = QFileDialog::getOpenFileName(this, tr("Load a file"), m_fileEdit->text());
    if (!path.isEmpty())
        m_fileEdit->setText(path);
}

CompareView *MainWindow::compareView()
{
    if (!m_compareView)
        m_compareView = closableByKeyboard(new CompareView(m_lab, this));
    return m_compareView;
}

void MainWindow::runComparison()
{
    CompareView *view = compareView();
    bringToFront(view);
    if (view->isRunning() || m_lab->scenarios().isRunning())
        return;
    view->selectScenario(m_scenario->currentData().toString());
    view->run();
}

void MainWindow::selectOperation(int id)
{
    const int row = m_lab->log().rowOf(id);
    if (row < 0)
        return;
    m_table->selectRow(row);
    m_table->scrollTo(m_logModel->index(row, 0));
}

void MainWindow::onProgress(int id, qint64 done, qint64 total)
{
    if (id != m_progressId)
        return;
    if (total > 0)
        showProgress(tr("%1 of %2").arg(formatBytes(done), formatBytes(total)),
                     int(1000 * double(done) / double(total)), 1000);
    else
        showProgress(done > 0 ? tr("%1 received, size unknown").arg(formatBytes(done))
                              : m_waitingFor + u"…"_s);
}

void MainWindow::showProgress(const QString &text, int done, int total)
{
    // total 0: busy, nothing known about how far it got (a busy bar draws no text)
    if (m_progressText->text() != text)
        m_progressText->setText(text);
    m_progress->setRange(0, total);
    m_progress->setValue(done);
    m_progress->setFormat(total == 1 ? text : u"%p%"_s);
}

void MainWindow::onFinished(int id)
{
    const OperationRecord *record = m_lab->log().find(id);
    if (record && record->kind == OperationKind::GenerateFile
        && record->status == OperationStatus::Succeeded)
        m_fileEdit->setText(record->target);
    // Only the last job this window started: one started earlier can end later (a slow fetch, a
    // cancel noticed late), and a comparison's jobs are the Compare view's. The window's own job
    // can end while a comparison runs.
    if (record && id == m_resultId)
        m_result->setText(Report::operationSummaryHtml(
                *record, Report::lastBlockingRun(m_lab->log(), *record)));
    updateRunningState();
}

void MainWindow::updateRunningState()
{
    const int running = m_lab->jobs().runningCount();
    m_cancel->setEnabled(running > 0);
    if (running == 0) {
        const OperationRecord *last = m_lab->log().find(m_progressId);
        if (!last)
            showProgress(tr("Idle"), 0, 1);
        else
            showProgress(last->status == OperationStatus::Canceled         ? tr("Canceled")
                                 : last->status == OperationStatus::Failed ? tr("Failed")
                                                                           : tr("Done"),
                         1, 1);
    } else if (!m_lab->jobs().isRunning(m_progressId)) {
        showProgress(tr("%n job(s) still running…", nullptr, running));
    }
}

void MainWindow::showStall(int index)
{
    m_stallsDock->show();
    m_stallsDock->raise();
    m_stallsPanel->selectRecord(index);
}

void MainWindow::sizeLogColumns()
{
    const QFontMetrics metrics = m_table->fontMetrics();
    const int margins =
            2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 1)
            + metrics.horizontalAdvance(u' ');
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_table) + margins;
    for (int column = 0; column < m_logModel->columnCount(); ++column) {
        if (column == OperationLogModel::TargetColumn)
            continue;
        const bool decorated = column == OperationLogModel::ModeColumn
                || column == OperationLogModel::StatusColumn;
        const int text = metrics.horizontalAdvance(OperationLogModel::widestText(column)) + margins
                + (decorated ? icon : 0);
        m_table->setColumnWidth(
                column, std::max(text, m_table->horizontalHeader()->sectionSizeHint(column)));
    }
}

void MainWindow::updateLiveFigures()
{
    // Hidden or minimised, nobody reads the figures; they are current again at the next tick.
    if (m_measureFromMs < 0 || !isVisible() || isMinimized())
        return; // not shown yet, or nobody can see them
    const double now = labNowMs();
    const LagStats stats =
            m_lab->monitor().statsBetween(std::max(now - 10000, m_measureFromMs), now);
    // Text and colour only when they change: each change relays the label out and repaints it,
    // and a style sheet would be parsed again each time.
    const auto setIfChanged = [](QLabel *label, const QString &text, const QColor &colour) {
        if (label->text() != text)
            label->setText(text);
        if (label->palette().color(QPalette::WindowText) != colour) {
            QPalette pal = label->palette();
            pal.setColor(QPalette::WindowText, colour);
            label->setPalette(pal);
        }
    };
    const QColor normal = palette().color(QPalette::WindowText);
    const auto show = [&](QLabel *label, double ms) {
        setIfChanged(label, formatDuration(ms),
                     ms > 100          ? QColor(0xc0, 0x39, 0x2b)
                             : ms > 16 ? QColor(0xd3, 0x54, 0x00)
                                       : normal);
    };
    show(m_lagNow, stats.currentLagMs);
    show(m_maxStall, stats.maxStallMs);
    show(m_p99, stats.p99LagMs);
    setIfChanged(m_stalls, QString::number(stats.stallsOver50Ms), normal);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    if (const auto saved = runModeFromName(settings.value(u"mode"_s).toString()))
        m_modeToggle->setMode(*saved);
    // The embedded server's routes are kept as paths: its port changes from launch to launch.
    if (const QString url = settings.value(u"fetch/url"_s).toString(); !url.isEmpty())
        m_urlEdit->setText(url.startsWith(u'/') ? m_lab->resolveUrl(url).toString() : url);
    m_fileEdit->setText(settings.value(u"file/path"_s).toString());
    // Fits a 1280x720 screen, frame and title bar included; a geometry saved on a bigger screen
    // is cut down. On a screen smaller than the window's least size nothing can fit: the designed
    // size stays, the same at every scale factor.
    const QSize room = ScreenFit::room(this);
    const QSize least = minimumSizeHint();
    const bool canFit = least.width() <= room.width() && least.height() <= room.height();
    const auto fitted = [&](QSize size) { return canFit ? size.boundedTo(room) : size; };
    if (!settings.contains(u"window/geometry"_s))
        resize(fitted(QSize(1400, 760))); // the room past the least size goes to the Stalls dock
    else
        resize(fitted(size()));
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"mode"_s, runModeName(mode()));
    const QUrl url = m_lab->resolveUrl(m_urlEdit->text());
    const QUrl server = m_lab->server().baseUrl();
    const bool embedded = url.scheme() == server.scheme() && url.host() == server.host()
            && url.port() == server.port();
    settings.setValue(u"fetch/url"_s,
                      embedded ? url.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority)
                               : m_urlEdit->text());
    settings.setValue(u"file/path"_s, m_fileEdit->text());
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_splitterSized)
        return;
    m_splitterSized = true;
    // Once laid out at its real size: the controls and the log get what they need, the charts
    // all the rest.
    QTimer::singleShot(0, m_splitter, [this] {
        // a stall that began before now was AsyncLab opening its window, not the person's doing
        m_stallsPanel->setStartUpBeforeMs(labNowMs());
        const int controls = m_splitter->widget(1)->minimumSizeHint().height();
        // The log shows LogRows rows where the lag chart keeps room
        // to read a spike (its least height and half as much again); its five at least.
        const int least = m_table->minimumHeight();
        const int wanted = least + (LogRows - 5) * m_table->verticalHeader()->defaultSectionSize();
        const int charts =
                m_splitter->widget(0)->minimumSizeHint().height() + m_chart->minimumHeight() / 2;
        const int log = std::clamp(m_splitter->height() - controls - charts, least,
                                   std::max(least, wanted));
        m_splitter->setSizes({ m_splitter->height() - controls - log, controls, log });
        // the Stalls dock wide enough to read a culprit's name and a line of its source
        const int stalls = std::min(width() / 4, fontMetrics().horizontalAdvance(u'x') * 44);
        if (m_stallsDock->width() < stalls)
            resizeDocks({ m_stallsDock }, { stalls }, Qt::Horizontal);
    });
}

bool MainWindow::event(QEvent *event)
{
    const bool handled = QMainWindow::event(event);
    // The first frame has just been painted: close the monitor's sample that holds the start-up
    // painting, and measure from here on.
    if (event->type() == QEvent::UpdateRequest && m_measureFromMs < 0) {
        m_lab->monitor().checkpoint();
        m_measureFromMs = labNowMs() + 0.01;
        updateLiveFigures();
    }
    return handled;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    m_lab->jobs().cancelAll();
    event->accept();
}

#include <windows/watchwindow.h>
#include <common/units.h>
#include <watch/watchreport.h>
#include <watch/watchsession.h>
#include <widgets/lagchartwidget.h>
#include <widgets/stallspanel.h>
#include <export/recordings.h>
#include <export/savefile.h>
#include <windows/saverecording.h>

#include <QCloseEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QShortcut>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

WatchWindow::WatchWindow(WatchSession *session, QWidget *parent)
    : QWidget(parent),
      m_session(session),
      m_chart(new LagChartWidget(this)),
      m_stalls(new StallsPanel(nullptr, this)),
      m_status(new QLabel(this)),
      m_summary(new QLabel(this)),
      m_live(new QLabel(this)),
      m_legend(new QLabel(this)),
      m_save(new QPushButton(tr("Save report…"), this))
{
    // Ctrl+W closes it, also where no window manager draws a close button.
    connect(new QShortcut(QKeySequence::Close, this), &QShortcut::activated, this, &QWidget::close);
    setWindowTitle(tr("Watch – AsyncLab"));
    setAttribute(Qt::WA_QuitOnClose, true);
    auto *layout = new QVBoxLayout(this);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Watch status"));
    m_summary->setAccessibleName(tr("Watch summary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_live->setAccessibleName(tr("Stall going on now"));
    m_live->setWordWrap(true);
    m_live->hide();
    m_legend->setAccessibleName(tr("What the chart shows"));
    m_legend->setWordWrap(true);
    m_legend->setText(legendText());
    m_save->setToolTip(tr("Save what this watch found as text or JSON"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_save);
    auto *saveTrace = new QPushButton(tr("Save trace…"), this);
    saveTrace->setToolTip(tr("The stalls, their stacks and the lag as a Chrome trace (Perfetto, "
                             "Qt Creator) or a speedscope profile"));
    connect(saveTrace, &QPushButton::clicked, this,
            [this] { saveRecordingAs(this, watchRecording(*m_session)); });
    top->addWidget(saveTrace);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_live);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    auto *chartColumn = new QWidget(splitter);
    auto *chartLayout = new QVBoxLayout(chartColumn);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->addWidget(m_chart, 1);
    chartLayout->addWidget(m_legend);
    splitter->addWidget(chartColumn);
    splitter->addWidget(m_stalls);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);
    m_chart->setMonitor(session->lag());
    m_chart->setShadeStalls(true);
    for (const StallRecord &record : session->stalls())
        addStall(record);
    connect(session, &WatchSession::stallRecorded, this, &WatchWindow::addStall);
    connect(session, &WatchSession::stallUpdated, this, &WatchWindow::showLiveStall);
    connect(session, &WatchSession::probeChanged, this, &WatchWindow::updateSummary);
    connect(session, &WatchSession::finished, this, &WatchWindow::programEnded);
    connect(m_chart, &LagChartWidget::stallMarkerClicked, m_stalls, &StallsPanel::selectRecord);
    connect(m_save, &QPushButton::clicked, this, &WatchWindow::askAndSave);
    // Recomputing the figures over every sample costs little once a second.
    m_summaryTimer.setInterval(1000);
    connect(&m_summaryTimer, &QTimer::timeout, this, &WatchWindow::updateSummary);
    m_summaryTimer.start();
    updateSummary();
    resize(1100, 640);
}

WatchWindow *WatchWindow::askAndOpen(QWidget *parent)
{
    bool ok = false;
    const QString commandLine = QInputDialog::getText(
            parent, tr("Watch a program"),
            tr("A Qt 6 program and its arguments, e.g. /usr/bin/qtdiag6 or ./myapp --open file:"),
            QLineEdit::Normal, {}, &ok);
    QStringList command = QProcess::splitCommand(commandLine);
    if (!ok || command.isEmpty())
        return nullptr;
    auto *session = new WatchSession;
    session->setProgram(command.takeFirst(), command);
    auto *window = new WatchWindow(session);
    session->setParent(window);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setAttribute(Qt::WA_QuitOnClose, false);
    connect(window, &WatchWindow::closed, session, [session] { session->stop(); });
    window->show();
    session->start();
    return window;
}

QString WatchWindow::statusText() const
{
    return m_status->text();
}

QString WatchWindow::summaryText() const
{
    return m_summary->text();
}

QString WatchWindow::liveStallText() const
{
    return m_live->isHidden() ? QString() : m_live->text();
}

QString WatchWindow::legendText() const
{
    return tr("The line is how late the program's %1 ms timer ran on its main thread (event-loop "
              "lag); hatched: the thread could not react; a red mark: a stall over %2, click it "
              "for its culprit. Dashed lines: what a lag means to people.")
            .arg(5)
            .arg(formatDuration(m_session->thresholdMs()));
}

bool WatchWindow::saveReport(const QString &path, QString *error) const
{
    const bool json = path.endsWith(u".json"_s, Qt::CaseInsensitive);
    return saveFile(path,
                    WatchReport(*m_session)
                            .bytes(json ? WatchReport::Format::Json : WatchReport::Format::Text,
                                   WatchReport::Stacks::Full),
                    error);
}

void WatchWindow::askAndSave()
{
    QString filter;
    QString path =
            QFileDialog::getSaveFileName(this, tr("Save report"), u"watch-report.txt"_s,
                                         tr("Text report (*.txt);;JSON report (*.json)"), &filter);
    if (path.isEmpty())
        return;
    if (filter.contains(u"*.json"_s) && !path.endsWith(u".json"_s, Qt::CaseInsensitive))
        path += u".json"_s;
    QString error;
    if (!saveReport(path, &error))
        QMessageBox::warning(this, tr("Save report"), error);
}

void WatchWindow::closeEvent(QCloseEvent *event)
{
    event->accept();
    emit closed();
}

void WatchWindow::addStall(const StallRecord &record)
{
    m_live->hide();
    m_stalls->addRecord(record);
    m_chart->setStallMarkers(StallsPanel::markersFor(m_stalls->records()));
    updateSummary();
}

void WatchWindow::showLiveStall(const StallRecord &record)
{
    const QString where = record.culprit.isKnown()
            ? record.culprit.location()
            : (record.stack.isEmpty() ? tr("no stack yet") : callChainText(record.stack, {}));
    m_live->setText(tr("Frozen now: %1 so far, in %2, %3")
                            .arg(formatDuration(record.durationMs), where, record.activityText()));
    m_live->show();
    // The freeze going on is drawn too, as far as it has gone: no lag sample comes until it ends.
    QList<LagChartWidget::StallMarker> markers = StallsPanel::markersFor(m_stalls->records());
    markers.append({ record.startMs, record.durationMs,
                     tr("Frozen now: %1 so far").arg(formatDuration(record.durationMs)) });
    m_chart->setStallMarkers(markers);
}

void WatchWindow::programEnded()
{
    m_summaryTimer.stop();
    m_live->hide();
    // The history stays: the chart shows the whole watch and stops following the clock.
    m_chart->setTimeRange(m_session->lag(), m_session->startMs(), m_session->endMs());
    updateSummary();
}

void WatchWindow::updateSummary()
{
    const QString program = m_session->program();
    setWindowTitle(tr("Watch %1 – AsyncLab").arg(program));
    m_chart->setTitle(tr("How late %1 ran its timer").arg(program.section(u'/', -1)));
    QString status;
    switch (m_session->probe()) {
    case WatchSession::Probe::Waiting:
        status = tr("Starting %1…").arg(program);
        break;
    case WatchSession::Probe::Running:
        status = tr("Watching %1 (pid %2, Qt %3)")
                         .arg(program)
                         .arg(m_session->pid())
                         .arg(m_session->qtVersion());
        break;
    case WatchSession::Probe::Refused:
    case WatchSession::Probe::Absent:
        status = m_session->probeMessage();
        break;
    }
    if (!m_session->samplingMessage().isEmpty())
        status += tr(" – no stacks: %1").arg(m_session->samplingMessage());
    if (m_session->isFinished())
        status += tr(" – ended, exit status %1").arg(m_session->exitStatus());
    m_status->setText(status);
    m_summary->setText(WatchReport(*m_session).summaryLine());
}

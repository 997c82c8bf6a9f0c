#include <windows/watchwindow.h>
#include <widgets/lagchartwidget.h>
#include <widgets/stallspanel.h>
#include <watch/watchsession.h>

#include <QCloseEvent>
#include <QInputDialog>
#include <QProcess>
#include <QJsonObject>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>
#include <cmath>

using namespace Qt::StringLiterals;

WatchWindow::WatchWindow(WatchSession *session, QWidget *parent)
    : QWidget(parent),
      m_session(session),
      m_chart(new LagChartWidget(this)),
      m_stalls(new StallsPanel(nullptr, this)),
      m_status(new QLabel(this)),
      m_summary(new QLabel(this))
{
    setWindowTitle(u"Watch – AsyncLab"_s);
    setAttribute(Qt::WA_QuitOnClose, true);
    auto *layout = new QVBoxLayout(this);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(u"Watch status"_s);
    m_summary->setAccessibleName(u"Watch summary"_s);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    layout->addWidget(m_summary);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_chart);
    splitter->addWidget(m_stalls);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);
    m_chart->setMonitor(session->lag());
    for (const StallRecord &record : session->stalls())
        m_stalls->addRecord(record);
    connect(session, &WatchSession::stallRecorded, m_stalls, &StallsPanel::addRecord);
    connect(session, &WatchSession::probeChanged, this, &WatchWindow::updateSummary);
    connect(session, &WatchSession::finished, this, &WatchWindow::updateSummary);
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
            parent, u"Watch a program"_s,
            u"A Qt 6 program and its arguments, e.g. /usr/bin/qtdiag6 or ./myapp --open file:"_s,
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
    connect(window, &WatchWindow::closed, session, &WatchSession::stop);
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

void WatchWindow::closeEvent(QCloseEvent *event)
{
    event->accept();
    emit closed();
}

void WatchWindow::updateSummary()
{
    const QJsonObject report = m_session->reportJson();
    const QString program = report.value(u"program"_s).toString();
    setWindowTitle(u"Watch %1 – AsyncLab"_s.arg(program));
    QString status;
    switch (m_session->probe()) {
    case WatchSession::Probe::Waiting:
        status = u"Starting %1…"_s.arg(program);
        break;
    case WatchSession::Probe::Running:
        status = u"Watching %1 (pid %2, Qt %3)"_s.arg(program)
                         .arg(report.value(u"pid"_s).toInteger())
                         .arg(report.value(u"qt"_s).toString());
        break;
    case WatchSession::Probe::Refused:
    case WatchSession::Probe::Absent:
        status = m_session->probeMessage();
        break;
    }
    if (m_session->isFinished()) {
        status += u" – ended, exit status %1"_s.arg(m_session->exitStatus());
        m_summaryTimer.stop();
    }
    m_status->setText(status);
    const auto ms = [&report](const char *key) {
        return u"%1 ms"_s.arg(std::lround(report.value(QLatin1StringView(key)).toDouble()));
    };
    const auto pc = [&report](const char *key) {
        return u"%1%"_s.arg(std::lround(report.value(QLatin1StringView(key)).toDouble() * 100));
    };
    m_summary->setText(u"max stall %1   p99 %2   stalls > 50 ms: %3   time frozen %4   "
                       "busy %5 / waiting %6"_s.arg(ms("maxStallMs"), ms("p99LagMs"))
                               .arg(report.value(u"stallsOver50Ms"_s).toInt())
                               .arg(ms("frozenMs"), pc("busyShare"), pc("waitingShare")));
}

#pragma once

#include <QTimer>
#include <QWidget>

class LagChartWidget;
class QLabel;
class StallsPanel;
class WatchSession;

// Another program's responsiveness, live: its lag chart, its stalls with their culprits, and the
// summary figures of the watch. Shows what a WatchSession collects; decides nothing itself.
class WatchWindow : public QWidget
{
    Q_OBJECT
public:
    explicit WatchWindow(WatchSession *session, QWidget *parent = nullptr);
    // Asks for a program and its arguments, then opens a window (deleted when closed) that
    // watches it; the program is ended with the window. Null when the dialog was cancelled.
    static WatchWindow *askAndOpen(QWidget *parent);

    LagChartWidget *chart() const { return m_chart; }
    StallsPanel *stalls() const { return m_stalls; }
    QString summaryText() const;
    QString statusText() const;

signals:
    void closed();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void updateSummary();

    WatchSession *m_session;
    LagChartWidget *m_chart;
    StallsPanel *m_stalls;
    QLabel *m_status;
    QLabel *m_summary;
    QTimer m_summaryTimer;
};

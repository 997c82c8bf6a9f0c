#pragma once

#include <QTimer>
#include <QWidget>

class LagChartWidget;
class QLabel;
class QPushButton;
class StallsPanel;
class WatchSession;
struct StallRecord;

// Another program's responsiveness, live: its lag chart, its stalls with their culprits (the one
// going on now too), and the summary figures of the watch. When the program ends everything stays
// and the chart stops at its end; Save report… writes the report as text or JSON. Shows what a
// WatchSession collects; decides nothing itself.
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
    QString liveStallText() const; // the stall going on now, or empty
    QString legendText() const;
    // Writes the report to `path`: JSON when it ends in .json, text otherwise. False with a
    // one-line reason in `error`.
    bool saveReport(const QString &path, QString *error = nullptr) const;

signals:
    void closed();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void updateSummary();
    void showLiveStall(const StallRecord &record);
    void addStall(const StallRecord &record);
    void programEnded();
    void askAndSave();

    WatchSession *m_session;
    LagChartWidget *m_chart;
    StallsPanel *m_stalls;
    QLabel *m_status;
    QLabel *m_summary;
    QLabel *m_live;
    QLabel *m_legend;
    QPushButton *m_save;
    QTimer m_summaryTimer;
};

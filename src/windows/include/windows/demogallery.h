#pragma once

#include <demokit/demo.h>
#include <widgets/lagchartwidget.h>

#include <QHash>
#include <QTemporaryDir>
#include <QWidget>

class DemoBarChart;
class DemoPlotChart;
struct FigureTable;
class HeartbeatWidget;
class Lab;
class QLabel;
class QComboBox;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableWidget;
class StallsPanel;

// The concept gallery: the registered demos on the left; on the right the chosen one's title and
// explanation, Run and Cancel, live views (heartbeat, event-loop lag, measured bars), the outcome,
// the live log and the real source snippets that do the work. One demo runs at a time.
class DemoGallery : public QWidget
{
    Q_OBJECT
public:
    static constexpr int MinCodeLines = 12; // shown at once in the code pane, on a laptop too
    static constexpr int MinCodeLinesShortScreen = 8; // below 1366x768

    explicit DemoGallery(Lab *lab, QWidget *parent = nullptr);
    ~DemoGallery() override;

    QStringList demoNames() const;
    QString currentDemo() const;
    void selectDemo(const QString &name);
    Demo *demo(const QString &name) const;
    // What the Run button does, for the chosen demo. False when a demo is already running.
    bool runCurrent();
    void cancelCurrent();
    bool isRunning() const;

    // Fits the screen it opens on: the gallery is a window of its own, sized here only.
    QSize sizeHint() const override;

    // Named parts, for tests and accessibility.
    QPushButton *runButton() const { return m_run; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *summaryLabel() const { return m_summary; }
    QTableWidget *figuresTable() const { return m_figures; }
    QPlainTextEdit *logView() const { return m_log; }
    DemoBarChart *barChart() const { return m_bars; }
    DemoPlotChart *plotChart() const { return m_plots; } // instead of the bars, for some demos
    QComboBox *variantBox() const { return m_variant; } // the chosen demo's ways to run, if any
    LagChartWidget *lagChart() const { return m_lag; }
    StallsPanel *stallsPanel() const { return m_stalls; }
    QTabWidget *resultTabs() const { return m_resultTabs; }
    QList<QPlainTextEdit *> snippetViews() const;
    QScrollArea *explanationArea() const { return m_explanationArea; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    void demoFinished(const QString &name, const DemoOutcome &outcome);

private:
    struct State
    {
        Demo *demo = nullptr;
        QString log;
        DemoOutcome outcome;
        bool hasOutcome = false;
        DemoOutcome soFar; // what the running demo has measured so far (Demo::measured)
        QList<LagChartWidget::PhaseMark> phases; // of the last or running run
        double startMs = 0;
        double durationMs = 0;
    };
    QWidget *createHeader();
    QWidget *createOutcomePanel();
    void showDemo(const QString &name);
    void showOutcome(const State &state);
    void showLag(const State &state);
    void showStalls(const State &state); // the stalls of its last run
    void showStall(int index);
    void showSnippets(const QStringList &ids);
    void onProgress(const QString &name, const QString &line);
    void onFinished(const QString &name, const DemoOutcome &outcome);
    void showMeasured(const DemoOutcome &outcome); // bars or plots
    void showFigures(const FigureTable &table);
    void fitFigureColumns(); // to the table's width
    void updateButtons();

    Lab *m_lab;
    QTemporaryDir m_workDir;
    QHash<QString, State> m_states;
    QString m_running; // the demo that runs now, if any
    QListWidget *m_list = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_explanation = nullptr;
    QScrollArea *m_explanationArea = nullptr;
    QSplitter *m_body = nullptr; // explanation and results | code and charts
    QSplitter *m_visuals = nullptr; // what the run measured | the GUI thread's lag
    QLabel *m_status = nullptr;
    HeartbeatWidget *m_heartbeat = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QComboBox *m_variant = nullptr;
    DemoBarChart *m_bars = nullptr;
    DemoPlotChart *m_plots = nullptr;
    QStackedWidget *m_measured = nullptr;
    LagChartWidget *m_lag = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_figures = nullptr;
    bool m_fittingFigures = false;
    QPlainTextEdit *m_log = nullptr;
    QTabWidget *m_resultTabs = nullptr; // the live log; the last run's stalls
    StallsPanel *m_stalls = nullptr;
    QTabWidget *m_snippets = nullptr;
};

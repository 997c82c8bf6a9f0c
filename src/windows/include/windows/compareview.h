#pragma once

#include <engine/runmode.h>
#include <engine/scenario.h>
#include <engine/scenariorunner.h>
#include <stalls/stallrecord.h>

#include <QList>
#include <QPointer>
#include <QWidget>

class InputLatencyProbe;
class Lab;
class LagChartWidget;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;
class StallsPanel;
class TimelineWidget;

// Runs one scenario in Blocking and then in Async mode on the same inputs and shows the two runs
// side by side: lag charts on one y scale, thread timelines, and a table of figures with the
// Async/Blocking ratio. While each run goes on, a probe keeps typing into a text field from
// another thread, so the table can say how long a person's key presses waited.
class CompareView : public QWidget
{
    Q_OBJECT
public:
    explicit CompareView(Lab *lab, QWidget *parent = nullptr);
    ~CompareView() override;

    // The scenarios on offer; Scenario::builtIn() unless set.
    void setScenarios(const QList<Scenario> &scenarios);
    void selectScenario(const QString &name);
    Scenario scenario() const; // the one selected

    void run(); // the selected scenario, Blocking then Async; finished() or failed() follows
    bool isRunning() const;
    const QList<ScenarioRun> &runs() const { return m_runs; } // Blocking, Async once finished

    // compare.csv, compare.json and PNGs of the view, its charts and timelines, into dir.
    bool saveResults(const QString &dir, QString *error = nullptr);
    static QStringList resultFileNames();

    // Named parts, for tests.
    QTableWidget *table() const { return m_table; }
    LagChartWidget *lagChart(RunMode mode) const { return half(mode).chart; }
    TimelineWidget *timeline(RunMode mode) const { return half(mode).timeline; }
    QLabel *heading(RunMode mode) const { return half(mode).heading; }
    QWidget *halfWidget(RunMode mode) const { return half(mode).frame; }
    StallsPanel *stallsPanel(RunMode mode) const { return half(mode).stalls; }
    QTabWidget *halfTabs(RunMode mode) const { return half(mode).tabs; }
    QLabel *culpritSummary() const { return m_culprits; }
    InputLatencyProbe *probe() const { return m_probe; }
    QLineEdit *typingField() const { return m_typingField; }
    QLabel *scenarioDescription() const { return m_description; }
    QCheckBox *asyncOneAtATimeBox() const { return m_oneAtATime; }

signals:
    void finished(const QList<ScenarioRun> &runs);
    void failed(const QString &error);

private:
    struct Half
    {
        QWidget *frame = nullptr;
        QLabel *heading = nullptr;
        LagChartWidget *chart = nullptr;
        TimelineWidget *timeline = nullptr;
        QTabWidget *tabs = nullptr; // the chart and timeline; the run's stalls
        StallsPanel *stalls = nullptr;
    };
    const Half &half(RunMode mode) const { return m_halves[mode == RunMode::Blocking ? 0 : 1]; }
    QWidget *createHalf(RunMode mode);
    void setRunning(bool running);
    void measureKeys(ScenarioRun &run) const;
    void showRun(const ScenarioRun &run, double windowMs);
    void showComparison();
    void showStalls(); // once the watchdog has recorded every stall of the runs
    void showStall(RunMode mode, int index);
    QString headingText(const ScenarioRun &run) const;
    void fillTable();
    void saveInteractively();
    void describeScenario();
    void clearResults(); // the halves, the table and the culprits, as before any run

    Lab *m_lab;
    QList<Scenario> m_scenarios;
    Scenario m_running; // the scenario of the current or last comparison
    QList<ScenarioRun> m_runs;
    QList<StallRecord> m_stalls; // of both runs, once recorded
    QPointer<QObject> m_runContext; // alive while a comparison runs; owns its connections
    InputLatencyProbe *m_probe;
    QComboBox *m_scenarioBox = nullptr;
    QLabel *m_description = nullptr;
    QCheckBox *m_oneAtATime = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_saveTraceButton = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_culprits = nullptr; // each run's top culprit
    QLineEdit *m_typingField = nullptr;
    Half m_halves[2];
    QTableWidget *m_table = nullptr;
};

#pragma once

#include <engine/runmode.h>

#include <QMainWindow>
#include <functional>

class Lab;
class CompareView;
class DemoGallery;
class HeartbeatWidget;
class LagChartWidget;
class ModeToggle;
class OperationLogModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QDockWidget;
class QTableView;
class StallsPanel;
class TimelineWidget;

// The AsyncLab window: the mode toggle, the heartbeat and lag figures that show a freeze, and the
// buttons that start real fetches and file loads in the chosen mode.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Lab *lab, QWidget *parent = nullptr);
    ~MainWindow() override;

    RunMode mode() const;
    void setMode(RunMode mode);

    // Named parts, for tests and accessibility.
    ModeToggle *modeToggle() const { return m_modeToggle; }
    QLineEdit *urlEdit() const { return m_urlEdit; }
    QLineEdit *fileEdit() const { return m_fileEdit; }
    QLineEdit *typingField() const { return m_typingField; }
    TimelineWidget *timeline() const { return m_timeline; }
    LagChartWidget *lagChart() const { return m_chart; }
    StallsPanel *stallsPanel() const { return m_stallsPanel; }
    QTableView *operationsTable() const { return m_table; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *progressText() const { return m_progressText; }
    CompareView *compareView(); // created on first use
    DemoGallery *conceptGallery(); // a window of its own, created on first use
    void showConceptGallery();

    void fetch(const QString &urlText);
    void loadFile(const QString &path);

protected:
    bool event(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *createTopBar();
    QWidget *createFetchPanel();
    QWidget *createFilePanel();
    QWidget *createProgressRow();
    void createMenus();
    void generateSample();
    void chooseFile();
    void runComparison();
    void selectOperation(int id); // in the operations table
    void showStall(int index); // in the Stalls panel
    void follow(int id, const QString &waitingFor); // in the progress bar and the result line
    // Runs start(), which starts one job and returns its id, and follows that job.
    void startJob(const QString &waitingFor, const std::function<int()> &start);
    void onProgress(int id, qint64 done, qint64 total);
    void onFinished(int id);
    void updateLiveFigures();
    void updateRunningState();
    void sizeLogColumns();
    void showProgress(const QString &text, int done = 0, int total = 0);
    void describeMode();
    void restoreSettings();
    void saveSettings() const;

    Lab *m_lab;
    OperationLogModel *m_logModel;
    ModeToggle *m_modeToggle = nullptr;
    QLabel *m_modeHint = nullptr;
    HeartbeatWidget *m_heartbeat = nullptr;
    QLineEdit *m_typingField = nullptr;
    QLabel *m_lagNow = nullptr;
    QLabel *m_maxStall = nullptr;
    QLabel *m_p99 = nullptr;
    QLabel *m_stalls = nullptr;
    LagChartWidget *m_chart = nullptr;
    TimelineWidget *m_timeline = nullptr;
    StallsPanel *m_stallsPanel = nullptr;
    QDockWidget *m_stallsDock = nullptr;
    CompareView *m_compareView = nullptr;
    DemoGallery *m_gallery = nullptr;
    QLineEdit *m_urlEdit = nullptr;
    QLineEdit *m_fileEdit = nullptr;
    QComboBox *m_sampleSize = nullptr;
    QComboBox *m_scenario = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressText = nullptr; // what the bar shows: a busy bar draws no text of its own
    QPushButton *m_cancel = nullptr;
    QLabel *m_result = nullptr;
    QTableView *m_table = nullptr;
    QSplitter *m_splitter = nullptr; // charts, controls, log
    int m_progressId = 0; // the operation the progress bar follows
    QString m_waitingFor; // what it waits for while no size is known
    // Figures count from the first frame on: the window's own start-up painting is not a stall
    // the user caused.
    double m_measureFromMs = -1;
    bool m_splitterSized = false;
    int m_resultId = 0; // the operation the result line shows: the last one this window started
};

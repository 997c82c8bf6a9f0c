#pragma once

#include "operationlog.h"
#include "responsivenessmonitor.h"
#include "runmode.h"

#include <QChartView>
#include <QList>
#include <QPointer>
#include <QTimer>

#include <deque>

class QCategoryAxis;
class QLineSeries;
class QValueAxis;

// Event-loop lag over the last 30 s, with the operations that ran drawn as bands behind it: a
// blocking operation shows as a red band under a lag spike, an async one as a green band under a
// flat line. Redrawn at most 10 times a second from downsampled data, so it costs the GUI thread
// little even while the monitor samples every few milliseconds.
class LagChartWidget : public QChartView
{
    Q_OBJECT
public:
    static constexpr double WindowMs = 30000;
    static constexpr int UpdateIntervalMs = 100;
    static constexpr double MinYMaxMs = 120;

    // One operation's time on the chart, in labNowMs() time; a running one ends at the update.
    struct Band
    {
        int id = 0;
        RunMode mode = RunMode::Async;
        double startMs = 0;
        double endMs = 0;
        bool running = false;
    };

    explicit LagChartWidget(QWidget *parent = nullptr);

    void setMonitor(ResponsivenessMonitor *monitor);
    void setLog(OperationLog *log);

    // Shows the finished range [fromMs, toMs] instead of the live last 30 s: the monitor's samples
    // in it are copied once and the chart stops following the clock. x labels count from fromMs.
    void setTimeRange(const ResponsivenessMonitor *monitor, double fromMs, double toMs);
    bool isLive() const { return m_fixedToMs <= m_fixedFromMs; }
    double windowMs() const { return isLive() ? WindowMs : m_fixedToMs - m_fixedFromMs; }
    // A fixed top for the y axis, so two charts side by side share one scale; 0 follows the data.
    void setFixedYMax(double yMaxMs);
    // Key presses as (labNowMs() when pressed, ms until handled), drawn as dots over the lag line.
    void setInputLatencyMarks(const QList<QPointF> &marks);
    QList<QPointF> inputLatencyMarks() const { return m_inputMarks; }

    // What the last update drew. Points are (seconds relative to the update, lag in ms), at most
    // one per pixel column, each the column's maximum so no spike is lost.
    QList<QPointF> lagPoints() const;
    QList<Band> bands() const { return m_bands; }
    double yMaxMs() const { return m_yMaxMs; }

    // Rebuilds the chart now; while visible this runs every UpdateIntervalMs.
    void refresh();

    QSize sizeHint() const override;

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    void updateLagSeries();
    void updateBands();
    void setYMax(double yMaxMs);
    void relabelTimeAxis();
    QRectF plotRect() const; // scene coordinates
    double sceneX(const QRectF &plot, double atMs) const;
    double sceneY(const QRectF &plot, double lagMs) const;
    bool isDark() const;
    QColor lineColour() const;

    QChart *m_chart = nullptr;
    QLineSeries *m_lagSeries = nullptr;
    QCategoryAxis *m_xAxis = nullptr;
    QValueAxis *m_yAxis = nullptr;
    QTimer m_updateTimer;
    QPointer<OperationLog> m_log;
    QMetaObject::Connection m_sampledConnection;
    std::deque<LagSample> m_samples; // fed by the monitor, trimmed to the window at each update
    QList<Band> m_bands;
    double m_nowMs = 0; // the chart's "now" as of the last update
    double m_yMaxMs = MinYMaxMs;
    double m_fixedFromMs = 0; // a fixed range when m_fixedToMs > m_fixedFromMs
    double m_fixedToMs = 0;
    double m_fixedYMaxMs = 0;
    QList<QPointF> m_inputMarks;
};

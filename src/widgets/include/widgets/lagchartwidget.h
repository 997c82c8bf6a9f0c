#pragma once

#include <engine/operationlog.h>
#include <stalls/responsivenessmonitor.h>
#include <engine/runmode.h>

#include <QList>
#include <QPixmap>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <deque>

class QToolButton;

// Event-loop lag over the last 30 s, with the operations that ran drawn as bands behind it: a
// blocking operation shows as a red band under a lag spike, an async one as a green band under a
// flat line. Painted by hand: what does not move (axes, the threshold ladder, the key) is drawn
// once into a pixmap, and each update, at most 10 a second, repaints only the plot with a line of
// at most one point per pixel column.
class LagChartWidget : public QWidget
{
    Q_OBJECT
public:
    static constexpr double WindowMs = 30000;
    static constexpr int UpdateIntervalMs = 100;
    static constexpr double MinYMaxMs = 120;
    static constexpr double LogFloorMs = 1; // the bottom of the log scale

    // One operation's time on the chart, in labNowMs() time; a running one ends at the update.
    struct Band
    {
        int id = 0;
        RunMode mode = RunMode::Async;
        double startMs = 0;
        double endMs = 0;
        bool running = false;
    };
    // A stall the chart points at, in labNowMs() time, for a person to hover or click.
    struct StallMarker
    {
        double startMs = 0;
        double durationMs = 0;
        QString text; // rich text for the tooltip; a plain duration line when empty
    };
    // One rung of the threshold ladder: a lag that means something to people.
    struct Guide
    {
        double lagMs = 0;
        QString label;
    };
    static QList<Guide> thresholdLadder();
    static QString bandsToolTip(); // what the shaded bands and guide lines mean
    // A moment a demo's run changed what it does ("on a worker"), marked on the time axis.
    struct PhaseMark
    {
        double atMs = 0; // labNowMs()
        QString label;
    };
    // A label on the lag axis, at lagMs.
    struct AxisLabel
    {
        double lagMs = 0;
        QString text;
    };
    // The top of the axis for a peak: a round value at least `ms` and MinYMaxMs.
    static double roundedYMax(double ms);

    explicit LagChartWidget(QWidget *parent = nullptr);

    void setMonitor(ResponsivenessMonitor *monitor);
    void setLog(OperationLog *log);

    // Shows the finished range [fromMs, toMs] instead of the live last 30 s: the monitor's samples
    // in it are copied once and the chart stops following the clock. x labels count from fromMs.
    void setTimeRange(const ResponsivenessMonitor *monitor, double fromMs, double toMs);
    // Follows the clock from fromMs on, the range growing with it (a run in progress), until
    // setTimeRange() fixes its end.
    void setGrowingFrom(ResponsivenessMonitor *monitor, double fromMs);
    bool isLive() const { return m_fixedToMs <= m_fixedFromMs && m_growingFromMs <= 0; }
    bool isFollowing() const { return m_fixedToMs <= m_fixedFromMs; } // live or growing
    double windowMs() const;
    // A fixed top for the y axis, so two charts side by side share one scale; 0 follows the data.
    void setFixedYMax(double yMaxMs);
    // Key presses as (labNowMs() when pressed, ms until handled), drawn as dots over the lag line.
    void setInputLatencyMarks(const QList<QPointF> &marks);
    QList<QPointF> inputLatencyMarks() const { return m_inputMarks; }
    void setStallMarkers(const QList<StallMarker> &markers);
    void setPhaseMarks(const QList<PhaseMark> &marks);
    QList<PhaseMark> phaseMarks() const { return m_phaseMarks; }
    QList<StallMarker> stallMarkers() const { return m_stallMarkers; }
    // Shades the time the GUI thread was blocked (ticks 50 ms late or more), from the samples.
    void setShadeStalls(bool shade);
    void setTitle(const QString &title);
    QString title() const { return m_title; }
    void setLogScale(bool on);
    bool isLogScale() const { return m_logScale; }
    QToolButton *logScaleButton() const { return m_logButton; }

    // What the last update drew. Points are (seconds relative to the update, lag in ms), at most
    // one per pixel column, each the column's maximum so no spike is lost.
    QList<QPointF> lagPoints() const { return m_points; }
    QList<Band> bands() const { return m_bands; }
    double yMaxMs() const { return m_yMaxMs; }
    // The guides drawn at the current scale and size, and those of them that have a label.
    QList<Guide> visibleGuides() const;
    QList<Guide> labelledGuides() const;
    // A guide's label goes below its line, not above, when that line is at the plot's top.
    bool labelBelow(double lineY) const;
    // The labels of the lag axis at the current scale: what the background shows.
    QList<AxisLabel> yAxisLabels() const;

    // Recomputes the line and the bands now; while visible and following this runs every
    // UpdateIntervalMs.
    void refresh();
    bool isUpdating() const { return m_updateTimer.isActive(); } // only while shown and following

    QRect plotRect() const; // widget coordinates
    double xAt(double atMs) const;
    double yAt(double lagMs) const;
    int stallMarkerAt(const QPoint &pos) const; // index into stallMarkers(), -1 if none

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void plotRectChanged();
    void logScaleChanged(bool on);
    void stallMarkerClicked(int index);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    struct Layout
    {
        QRect plot;
        QFont small;
        int keyHeight = 0;
    };
    Layout computeLayout() const;
    void relayout();
    void updateLagSeries();
    void updateBands();
    void updateTimer();
    void invalidateBackground();
    void paintBackground(QPainter &p, const QRect &plot) const;
    void paintKey(QPainter &p, const QRect &plot) const;
    // (ms before the range's end, label), as many as fit in plotWidth
    QList<std::pair<double, QString>> xTicks(int plotWidth) const;
    void paintPlot(QPainter &p, const QRect &plot) const;
    void paintPhaseMarks(QPainter &p, const QRect &plot) const;
    bool isDark() const;
    QColor lineColour() const;

    QTimer m_updateTimer;
    QPointer<OperationLog> m_log;
    QMetaObject::Connection m_sampledConnection;
    std::deque<LagSample> m_samples; // fed by the monitor, trimmed to the window at each update
    QList<QPointF> m_points;
    QList<std::pair<double, double>> m_stallSpans; // blocked GUI thread, when shaded
    QList<Band> m_bands;
    double m_nowMs = 0; // the chart's "now" as of the last update
    double m_yMaxMs = MinYMaxMs;
    double m_fixedFromMs = 0; // a fixed range when m_fixedToMs > m_fixedFromMs
    double m_fixedToMs = 0;
    double m_growingFromMs = 0; // > 0: following the clock from here
    double m_fixedYMaxMs = 0;
    bool m_logScale = false;
    bool m_shadeStalls = false;
    QString m_title;
    QList<QPointF> m_inputMarks;
    QList<StallMarker> m_stallMarkers;
    QList<PhaseMark> m_phaseMarks;
    QToolButton *m_logButton = nullptr;
    Layout m_layout;
    QPixmap m_background; // everything but the bands, the line and the marks
    int m_hoveredMarker = -1;
};

#pragma once

#include <models/timelinemodel.h>

#include <QPointer>
#include <QTimer>
#include <QWidget>

class LagChartWidget;

// A Gantt chart of threads: one lane per thread, one bar per stretch of time a thread spent on an
// operation, coloured by mode. Where a blocking operation held the GUI thread the bar is hatched
// and labelled "GUI blocked"; a request pending in the event loop is a dashed, hollow bar because
// no thread waited for it. Hover a bar for what happened, click it to pick its operation.
class TimelineWidget : public QWidget
{
    Q_OBJECT
public:
    static constexpr int UpdateIntervalMs = 100;
    bool isUpdating() const { return m_updateTimer.isActive(); } // following the clock

    explicit TimelineWidget(QWidget *parent = nullptr);

    TimelineModel *model() const { return m_model; }
    // Lines the time axis up under a chart's plot area, so a lag spike sits above its bar.
    void alignTo(LagChartWidget *chart);
    // Sizes the widget for this many lanes and keeps that size: more lanes then share it, thinner.
    // Otherwise the window's layout, and a full repaint of it, would change on the GUI thread
    // each time a thread appears or goes while work is being measured. 0: size to the lanes.
    void setLaneRoom(int lanes);

    QRectF plotRect() const;
    QRectF barRect(const TimelineBar &bar) const;
    int barIndexAt(const QPointF &pos) const; // index into model()->bars(), -1 if none

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void operationClicked(int id);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void onModelChanged();
    void updateTimer();
    // Left and right margins of the plot: under the aligned chart's plot area, if any.
    std::pair<int, int> insets() const;
    double xAt(const QRectF &plot, double ms) const;
    double laneTop(int lane) const; // top of the lane's caption, widget coordinates
    int laneHeight() const; // lanes share the height there is, within limits
    int barHeight() const;
    int captionHeight() const;
    int headerHeight() const;
    int axisHeight() const;
    QFont smallFont() const;
    void paintLanes(QPainter &p, const QRectF &plot);
    void paintBars(QPainter &p, const QRectF &plot);
    void paintAxis(QPainter &p, const QRectF &plot);
    void paintLegend(QPainter &p, const QRectF &plot);

    TimelineModel *m_model;
    QTimer m_updateTimer;
    QPointer<LagChartWidget> m_alignedTo;
    int m_laneCount = 1; // lanes the size hint was last computed for
    int m_laneRoom = 0;
    int m_hovered = 0; // operation id under the mouse, 0 if none
};

#pragma once

#include <demokit/demo.h>

#include <QList>
#include <QWidget>
#include <utility>

// A demo's plots (DemoOutcome::plots) side by side, painted by hand: each a small chart of lines
// against the same x, both axes logarithmic (so 10 and 10 000 connections, or 1 and 10 000
// threads, show on one chart), one colour per series with a shared legend. A zero or a value
// below the axis sits on the axis floor, with a hollow dot.
class DemoPlotChart : public QWidget
{
    Q_OBJECT
public:
    explicit DemoPlotChart(QWidget *parent = nullptr);

    void setPlots(const QList<DemoPlot> &plots, const QString &xLabel);
    void clear() { setPlots({}, {}); }
    const QList<DemoPlot> &plots() const { return m_plots; }

    // The decades a log axis spans for these values: [10^lo, 10^hi], at least one decade; values
    // <= 0 are left out. Plain logic, so that it is tested without painting.
    static std::pair<int, int> decades(const QList<double> &values);
    static QColor seriesColour(int index);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void paintPlot(class QPainter &p, const DemoPlot &plot, const QRectF &area) const;

    QList<DemoPlot> m_plots;
    QString m_xLabel;
    std::pair<int, int> m_xDecades { 0, 1 };
};

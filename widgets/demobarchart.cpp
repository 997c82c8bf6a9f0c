#include "demobarchart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QGraphicsLayout>
#include <QHorizontalBarSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {
// Round figures read better on a bar: 1234, 56.7, 0.42.
double readable(double value)
{
    const double magnitude = std::abs(value);
    const double scale = magnitude >= 100 ? 1 : magnitude >= 10 ? 10 : 100;
    return std::round(value * scale) / scale;
}
} // namespace

// Handing the chart to the base: QChartView(parent) makes one of its own that setChart() would
// only release, never delete.
DemoBarChart::DemoBarChart(QWidget *parent) : QChartView(new QChart, parent), m_chart(chart())
{
    m_chart->legend()->hide();
    m_chart->setBackgroundVisible(false);
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->setMargins(QMargins(4, 4, 24, 4));
    setRenderHint(QPainter::Antialiasing);
    setAccessibleName(u"Measured results chart"_s);
    setMinimumHeight(180);
    rebuild();
}

QSize DemoBarChart::sizeHint() const
{
    return { 420, 200 };
}

void DemoBarChart::setBars(const QList<QPair<QString, double>> &bars, const QString &unit)
{
    m_bars = bars;
    m_unit = unit;
    rebuild();
}

void DemoBarChart::clear()
{
    setBars({}, {});
}

void DemoBarChart::rebuild()
{
    m_chart->removeAllSeries();
    const auto axes = m_chart->axes();
    for (QAbstractAxis *axis : axes) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    if (m_bars.isEmpty()) {
        m_chart->setTitle(u"Run the demo to see its measurements here."_s);
        applyPalette();
        return;
    }

    auto *set = new QBarSet(m_unit);
    QStringList labels;
    double maxValue = 0;
    // A horizontal bar chart draws its first category at the bottom; reversed, it reads top-down.
    for (auto it = m_bars.crbegin(); it != m_bars.crend(); ++it) {
        labels.append(it->first);
        set->append(readable(it->second));
        maxValue = std::max(maxValue, it->second);
    }
    auto *series = new QHorizontalBarSeries(m_chart);
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(u"@value"_s);
    series->setBarWidth(0.6);
    m_chart->addSeries(series);

    auto *categories = new QBarCategoryAxis(m_chart);
    categories->append(labels);
    auto *values = new QValueAxis(m_chart);
    values->setRange(0, maxValue > 0 ? maxValue * 1.15 : 1); // room for the value labels
    values->setTickCount(5);
    values->applyNiceNumbers();
    values->setLabelFormat(values->max() >= 10 ? u"%.0f"_s : u"%.1f"_s);
    m_chart->setTitle(m_unit);
    m_chart->addAxis(categories, Qt::AlignLeft);
    m_chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(categories);
    series->attachAxis(values);
    applyPalette();
}

void DemoBarChart::applyPalette()
{
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    m_chart->setTitleBrush(pal.color(QPalette::PlaceholderText));
    const auto axes = m_chart->axes();
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_chart->setTitleFont(small);
    for (QAbstractAxis *axis : axes) {
        axis->setLabelsFont(small);
        axis->setLabelsBrush(text);
        axis->setTitleBrush(pal.color(QPalette::PlaceholderText));
        axis->setLinePen(QPen(pal.color(QPalette::Mid), 1));
        QColor grid = text;
        grid.setAlpha(28);
        axis->setGridLinePen(QPen(grid, 1));
    }
    const auto series = m_chart->series();
    for (QAbstractSeries *s : series) {
        auto *bars = static_cast<QHorizontalBarSeries *>(s);
        for (QBarSet *set : bars->barSets()) {
            set->setColor(pal.color(QPalette::Highlight));
            set->setBorderColor(pal.color(QPalette::Highlight).darker(120));
            set->setLabelColor(text);
            set->setLabelFont(small);
        }
    }
}

void DemoBarChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

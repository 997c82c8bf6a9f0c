#include <widgets/demoplotchart.h>
#include <widgets/painting.h>

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {
// "10", "1k", "10k": the labels of a decade axis
QString decadeLabel(int exponent)
{
    if (exponent < 0)
        return QString::number(std::pow(10.0, exponent), 'g', 1);
    if (exponent >= 6)
        return QCoreApplication::translate("DemoPlotChart", "%1M")
                .arg(std::pow(10.0, exponent - 6));
    if (exponent >= 3)
        return QCoreApplication::translate("DemoPlotChart", "%1k")
                .arg(std::pow(10.0, exponent - 3));
    return QString::number(std::pow(10.0, exponent));
}
} // namespace

DemoPlotChart::DemoPlotChart(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Measured results plots"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

QSize DemoPlotChart::sizeHint() const
{
    return { 560, 200 };
}

QSize DemoPlotChart::minimumSizeHint() const
{
    return { 320, 160 };
}

QColor DemoPlotChart::seriesColour(int index)
{
    static const QColor colours[] = { QColor(0xc0, 0x39, 0x2b), QColor(0xe6, 0x7e, 0x22),
                                      QColor(0x8e, 0x44, 0xad), QColor(0x27, 0xae, 0x60),
                                      QColor(0x29, 0x80, 0xb9), QColor(0x7f, 0x8c, 0x8d) };
    return colours[index % int(std::size(colours))];
}

std::pair<int, int> DemoPlotChart::decades(const QList<double> &values)
{
    double lo = 0;
    double hi = 0;
    for (const double v : values) {
        if (v <= 0)
            continue;
        lo = lo == 0 ? v : std::min(lo, v);
        hi = std::max(hi, v);
    }
    if (hi == 0)
        return { 0, 1 };
    const int a = int(std::floor(std::log10(lo) + 1e-9));
    const int b = std::max(a + 1, int(std::ceil(std::log10(hi) - 1e-9)));
    return { a, b };
}

void DemoPlotChart::setPlots(const QList<DemoPlot> &plots, const QString &xLabel)
{
    m_plots = plots;
    m_xLabel = xLabel;
    QList<double> xs;
    for (const DemoPlot &plot : m_plots) {
        for (const DemoSeries &series : plot.series) {
            for (const auto &point : series.points)
                xs.append(point.first);
        }
    }
    m_xDecades = decades(xs);
    update();
}

void DemoPlotChart::paintEvent(QPaintEvent *)
{
    const PaintTimer timing(this);
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    const QFont small = Painting::smallFont(font());
    p.setFont(small);
    const QFontMetricsF fm(small);
    if (m_plots.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("Run the demo to see its measurements here."));
        return;
    }
    p.setRenderHint(QPainter::Antialiasing);
    // The legend: one entry per series of the first plot, all plots share them; an entry that
    // does not fit on the line goes to the next one rather than past the edge.
    double x = 4;
    double legendY = 2;
    for (int i = 0; i < m_plots.first().series.size(); ++i) {
        const QString name = m_plots.first().series.at(i).name;
        const double entry = 18 + fm.horizontalAdvance(name);
        if (x > 4 && x + entry > width() - 4) {
            x = 4;
            legendY += fm.height();
        }
        p.setPen(Qt::NoPen);
        p.setBrush(seriesColour(i));
        p.drawRoundedRect(QRectF(x, legendY + fm.height() / 2 - 4, 14, 8), 2, 2);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QPointF(x + 18, legendY + fm.ascent()), name);
        x += entry + 14;
    }
    // What x is, where there is room for it; the decades on the axes say "log" by themselves.
    const QString xText = tr("x: %1").arg(m_xLabel);
    if (x + fm.horizontalAdvance(xText) + 4 <= width()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(QRectF(x, legendY, width() - x - 4, fm.height()), Qt::AlignRight, xText);
    }

    const double top = legendY + fm.height() + 4;
    const int n = int(m_plots.size());
    // Side by side when there is room, else two rows.
    const int columns = width() / n >= 150 || height() < 260 ? n : (n + 1) / 2;
    const int rows = (n + columns - 1) / columns;
    const double w = double(width()) / columns;
    const double h = (height() - top) / rows;
    for (int i = 0; i < n; ++i)
        paintPlot(p, m_plots.at(i), QRectF((i % columns) * w, top + (i / columns) * h, w, h));
}

void DemoPlotChart::paintPlot(QPainter &p, const DemoPlot &plot, const QRectF &area) const
{
    const QFontMetricsF fm(p.font());
    const QColor text = palette().color(QPalette::Text);
    const QColor dim = palette().color(QPalette::PlaceholderText);
    QList<double> ys;
    for (const DemoSeries &series : plot.series) {
        for (const auto &point : series.points)
            ys.append(point.second);
    }
    const auto [ylo, yhi] = decades(ys);
    const auto [xlo, xhi] = m_xDecades;
    const double labelWidth = fm.horizontalAdvance(u"100k"_s) + 4;
    const QRectF chart(area.left() + labelWidth + 2, area.top() + fm.height() + 2,
                       area.width() - labelWidth - 10, area.height() - 2 * fm.height() - 8);
    if (chart.width() < 20 || chart.height() < 20)
        return;
    p.setPen(text);
    QFont bold = p.font();
    bold.setBold(true);
    p.save();
    p.setFont(bold);
    const QString title = plot.unit.isEmpty() || plot.unit == plot.title
            ? plot.title
            : u"%1, %2"_s.arg(plot.title, plot.unit);
    p.drawText(QRectF(chart.left(), area.top(), chart.width(), fm.height()), Qt::AlignLeft,
               QFontMetricsF(bold).elidedText(title, Qt::ElideRight, chart.width()));
    p.restore();
    const auto mapX = [&](double v) {
        return chart.left() + (std::log10(v) - xlo) / (xhi - xlo) * chart.width();
    };
    const auto mapY = [&](double v) {
        const double e = v > 0 ? std::clamp(std::log10(v), double(ylo), double(yhi)) : ylo;
        return chart.bottom() - (e - ylo) / (yhi - ylo) * chart.height();
    };
    // The grid: one line per decade.
    p.setPen(Painting::withAlpha(dim, 70));
    for (int e = ylo; e <= yhi; ++e)
        p.drawLine(QPointF(chart.left(), mapY(std::pow(10.0, e))),
                   QPointF(chart.right(), mapY(std::pow(10.0, e))));
    for (int e = xlo; e <= xhi; ++e)
        p.drawLine(QPointF(mapX(std::pow(10.0, e)), chart.top()),
                   QPointF(mapX(std::pow(10.0, e)), chart.bottom()));
    p.setPen(dim);
    const int yStep = std::max(1, (yhi - ylo + 3) / 4);
    for (int e = ylo; e <= yhi; e += yStep) {
        const double y = mapY(std::pow(10.0, e));
        p.drawText(QRectF(area.left(), y - fm.height() / 2, labelWidth, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, decadeLabel(e));
    }
    for (int e = xlo; e <= xhi; ++e) {
        const double xx = mapX(std::pow(10.0, e));
        p.drawText(QRectF(xx - 30, chart.bottom() + 2, 60, fm.height()), Qt::AlignHCenter,
                   decadeLabel(e));
    }
    p.setBrush(Qt::NoBrush);
    p.drawRect(chart);
    for (int s = 0; s < plot.series.size(); ++s) {
        const DemoSeries &series = plot.series.at(s);
        const QColor colour = seriesColour(s);
        QPainterPath path;
        for (int i = 0; i < series.points.size(); ++i) {
            const QPointF at(mapX(series.points.at(i).first), mapY(series.points.at(i).second));
            if (i == 0)
                path.moveTo(at);
            else
                path.lineTo(at);
        }
        p.setPen(QPen(colour, 2));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        for (const auto &point : series.points) {
            const QPointF at(mapX(point.first), mapY(point.second));
            p.setBrush(point.second > 0 ? QBrush(colour) : palette().window());
            p.drawEllipse(at, 3, 3);
        }
    }
}

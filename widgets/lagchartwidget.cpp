#include "lagchartwidget.h"
#include "labclock.h"
#include "labcolors.h"
#include "operationlog.h"
#include "units.h"

#include <QCategoryAxis>
#include <QChart>
#include <QGraphicsLayout>
#include <QLineSeries>
#include <QPainter>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

struct Guide
{
    double lagMs;
    const char *label;
};
constexpr Guide Guides[] = {
    { 16, "1 frame" },
    { 50, "long task" },
    { 100, "noticeable" },
};

constexpr double MinBandWidthPx = 2; // an operation of a few ms still shows

QFont smallFont(QFont font)
{
    // a font set in pixels reports no point size
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.85);
    else
        font.setPixelSize(std::max(1, qRound(font.pixelSize() * 0.85)));
    return font;
}

QColor withAlpha(QColor colour, int alpha)
{
    colour.setAlpha(alpha);
    return colour;
}

// Overlapping operations of one mode are painted once, so ten concurrent fetches do not stack
// into an opaque block.
QList<std::pair<double, double>> mergedSpans(const QList<LagChartWidget::Band> &bands, RunMode mode)
{
    QList<std::pair<double, double>> spans;
    for (const LagChartWidget::Band &b : bands) {
        if (b.mode == mode)
            spans.append({ b.startMs, b.endMs });
    }
    std::sort(spans.begin(), spans.end());
    QList<std::pair<double, double>> merged;
    for (const auto &span : spans) {
        if (!merged.isEmpty() && span.first <= merged.last().second)
            merged.last().second = std::max(merged.last().second, span.second);
        else
            merged.append(span);
    }
    return merged;
}

} // namespace

// Handing the chart to the base: QChartView(parent) makes one of its own that setChart() would
// only release, never delete.
LagChartWidget::LagChartWidget(QWidget *parent) : QChartView(new QChart, parent), m_chart(chart())
{
    m_chart->legend()->hide();
    m_chart->setBackgroundVisible(false); // drawBackground() paints it, with the bands
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);

    m_lagSeries = new QLineSeries(m_chart);
    m_chart->addSeries(m_lagSeries);

    m_xAxis = new QCategoryAxis(m_chart);
    m_xAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    relabelTimeAxis();

    m_yAxis = new QValueAxis(m_chart);
    m_yAxis->setTitleText(u"event-loop lag (ms)"_s);
    m_yAxis->setLabelFormat(u"%.0f"_s);
    m_yAxis->setTickType(QValueAxis::TicksDynamic);
    m_yAxis->setTickAnchor(0);
    m_yAxis->setMinorTickCount(0);

    m_chart->addAxis(m_xAxis, Qt::AlignBottom);
    m_chart->addAxis(m_yAxis, Qt::AlignLeft);
    m_lagSeries->attachAxis(m_xAxis);
    m_lagSeries->attachAxis(m_yAxis);
    setYMax(MinYMaxMs);

    setRenderHint(QPainter::Antialiasing);
    applyPalette();

    m_updateTimer.setInterval(UpdateIntervalMs);
    connect(&m_updateTimer, &QTimer::timeout, this, &LagChartWidget::refresh);

    setAccessibleName(u"Event-loop lag chart"_s);
    setToolTip(u"<p>How late the GUI thread's event loop ran, over the last 30 seconds.</p>"
               "<p>Shaded bands show when operations ran: <b>red</b> for blocking, "
               "<b>green</b> for async. A frame at 60 Hz lasts 16 ms; a task over 50 ms is a "
               "long task; past 100 ms people notice.</p>"_s);
}

void LagChartWidget::setMonitor(ResponsivenessMonitor *monitor)
{
    disconnect(m_sampledConnection);
    m_samples.clear();
    if (!monitor)
        return;
    const double from = labNowMs() - WindowMs;
    for (const LagSample &s : monitor->samples()) {
        if (s.atMs >= from)
            m_samples.push_back(s);
    }
    // only store here; drawing happens at the next update. Trimming here too keeps the buffer
    // bounded while the chart is hidden and not updating.
    m_sampledConnection =
            connect(monitor, &ResponsivenessMonitor::sampled, this, [this](const LagSample &s) {
                m_samples.push_back(s);
                while (m_samples.size() > 1 && m_samples[1].atMs < s.atMs - WindowMs)
                    m_samples.pop_front();
            });
}

void LagChartWidget::setLog(OperationLog *log)
{
    m_log = log;
    m_bands.clear();
}

void LagChartWidget::setTimeRange(const ResponsivenessMonitor *monitor, double fromMs, double toMs)
{
    disconnect(m_sampledConnection);
    m_updateTimer.stop();
    m_fixedFromMs = fromMs;
    m_fixedToMs = std::max(toMs, fromMs + 1);
    m_samples.clear();
    // one sample on each side of the range, so the line runs in from the edges
    for (const LagSample &s : monitor->samples()) {
        if (s.atMs > m_fixedToMs) {
            m_samples.push_back(s);
            break;
        }
        m_samples.push_back(s);
    }
    relabelTimeAxis();
    setToolTip(u"<p>How late the GUI thread's event loop ran during this run.</p>"
               "<p>Shaded bands show when operations ran: <b>red</b> for blocking, "
               "<b>green</b> for async. A frame at 60 Hz lasts 16 ms; a task over 50 ms is a "
               "long task; past 100 ms people notice.</p>"_s);
    refresh();
}

void LagChartWidget::setFixedYMax(double yMaxMs)
{
    m_fixedYMaxMs = yMaxMs;
    refresh();
}

void LagChartWidget::setInputLatencyMarks(const QList<QPointF> &marks)
{
    m_inputMarks = marks;
    viewport()->update();
}

void LagChartWidget::relabelTimeAxis()
{
    const QStringList old = m_xAxis->categoriesLabels();
    for (const QString &label : old)
        m_xAxis->remove(label);
    const double windowS = windowMs() / 1000;
    m_xAxis->setStartValue(-windowS);
    if (isLive()) {
        for (int s = int(-windowS); s < 0; s += 5)
            m_xAxis->append(u"\u2212%1 s"_s.arg(-s), s);
        m_xAxis->append(u"now"_s, 0);
    } else {
        // values stay relative to the range's end, as the points are; labels count from its start
        const double step = niceStep(windowS, 6);
        int decimals = 0; // as many as the step needs: 0.25, not 0.3
        for (double d = step; decimals < 3 && std::abs(d - std::round(d)) > 1e-6; d *= 10)
            ++decimals;
        for (double s = 0; s <= windowS + 1e-9; s += step)
            m_xAxis->append(u"%1 s"_s.arg(s, 0, 'f', decimals), s - windowS);
    }
    m_xAxis->setRange(-windowS, 0);
}

QList<QPointF> LagChartWidget::lagPoints() const
{
    return m_lagSeries->points();
}

QSize LagChartWidget::sizeHint() const
{
    return { 640, 240 };
}

void LagChartWidget::refresh()
{
    m_nowMs = isLive() ? labNowMs() : m_fixedToMs;
    updateLagSeries();
    updateBands();
    // bands and guides live in the background, which the series update alone does not repaint
    viewport()->update();
}

void LagChartWidget::updateLagSeries()
{
    const double from = m_nowMs - windowMs();
    // keep one sample older than the window so the line runs in from the left edge
    while (m_samples.size() > 1 && m_samples[1].atMs < from)
        m_samples.pop_front();

    const int columns = std::max(50, int(m_chart->plotArea().width()));
    const double columnMs = windowMs() / columns;
    QList<QPointF> points;
    points.reserve(columns + 2);
    int column = -1;
    double peak = 0;
    for (const LagSample &s : m_samples) {
        const QPointF point((s.atMs - m_nowMs) / 1000, s.lagMs);
        const int c = s.atMs < from ? -1 : std::min(columns - 1, int((s.atMs - from) / columnMs));
        if (c != column || points.isEmpty()) {
            points.append(point);
            column = c;
        } else if (s.lagMs > points.last().y()) {
            points.last() = point;
        }
        if (s.atMs >= from)
            peak = std::max(peak, s.lagMs);
    }
    m_lagSeries->replace(points);
    setYMax(m_fixedYMaxMs > 0 ? m_fixedYMaxMs : std::max(MinYMaxMs, peak * 1.1));
}

void LagChartWidget::updateBands()
{
    m_bands.clear();
    if (!m_log)
        return;
    const double from = m_nowMs - windowMs();
    for (const OperationRecord &r : m_log->records()) {
        const bool running = !r.isFinished();
        const double end = running ? m_nowMs : r.endMs;
        if (end >= from && r.startMs <= m_nowMs)
            m_bands.append({ r.id, r.mode, r.startMs, end, running });
    }
}

void LagChartWidget::setYMax(double yMaxMs)
{
    if (yMaxMs == m_yMaxMs && m_yAxis->max() == yMaxMs)
        return;
    m_yMaxMs = yMaxMs;
    // change range and interval in the order that never asks for hundreds of ticks in between
    const double step = niceStep(yMaxMs, 5);
    if (step > m_yAxis->tickInterval()) {
        m_yAxis->setTickInterval(step);
        m_yAxis->setRange(0, yMaxMs);
    } else {
        m_yAxis->setRange(0, yMaxMs);
        m_yAxis->setTickInterval(step);
    }
}

QRectF LagChartWidget::plotRect() const
{
    return m_chart->mapRectToScene(m_chart->plotArea());
}

double LagChartWidget::sceneX(const QRectF &plot, double atMs) const
{
    return plot.right() - (m_nowMs - atMs) / windowMs() * plot.width();
}

double LagChartWidget::sceneY(const QRectF &plot, double lagMs) const
{
    return plot.bottom() - lagMs / m_yMaxMs * plot.height();
}

void LagChartWidget::drawBackground(QPainter *painter, const QRectF &rect)
{
    const QPalette pal = palette();
    painter->fillRect(rect, pal.window());
    const QRectF plot = plotRect();
    if (plot.isEmpty())
        return;
    painter->save();
    // everything here is axis-aligned: antialiasing would only blur it and cost time
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->fillRect(plot, pal.base());
    painter->setClipRect(plot);

    const int bandAlpha = isDark() ? 80 : 52;
    for (RunMode mode : { RunMode::Blocking, RunMode::Async }) {
        const QColor colour = modeColor(mode);
        for (const auto &[start, end] : mergedSpans(m_bands, mode)) {
            const double x1 = sceneX(plot, start);
            const double x2 = std::max(sceneX(plot, end), x1 + MinBandWidthPx);
            painter->fillRect(QRectF(x1, plot.top(), x2 - x1, plot.height()),
                              withAlpha(colour, bandAlpha));
            painter->fillRect(QRectF(x1, plot.bottom() - 4, x2 - x1, 4), withAlpha(colour, 200));
        }
    }

    const QFont small = smallFont(font());
    const QFontMetricsF fm(small);
    painter->setFont(small);
    const QPen dashed(withAlpha(pal.color(QPalette::Text), 110), 1, Qt::DashLine);
    double lastLabelY = plot.top() - fm.height();
    // from the top down, so when the scale is large and the low guides crowd together, the
    // labels that survive are the higher ones
    for (auto it = std::rbegin(Guides); it != std::rend(Guides); ++it) {
        const Guide &guide = *it;
        const double y = std::round(sceneY(plot, guide.lagMs));
        if (y < plot.top())
            continue;
        painter->setPen(dashed);
        painter->drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        if (y - lastLabelY < fm.height())
            continue;
        // labels sit at the old end of the window, away from the newest data
        const QString label =
                u"%1 ms \u00b7 %2"_s.arg(guide.lagMs).arg(QLatin1StringView(guide.label));
        painter->setPen(pal.color(QPalette::PlaceholderText));
        painter->drawText(QRectF(plot.left() + 6, y - fm.height(), plot.width() / 2, fm.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, label);
        lastLabelY = y;
    }
    painter->restore();
}

void LagChartWidget::drawForeground(QPainter *painter, const QRectF &rect)
{
    QChartView::drawForeground(painter, rect);
    const QRectF plot = plotRect();
    if (plot.isEmpty())
        return;

    const QColor markColour(0x8e, 0x44, 0xad);
    if (!m_inputMarks.isEmpty()) {
        painter->save();
        painter->setClipRect(plot.adjusted(-3, -3, 3, 3));
        painter->setPen(Qt::NoPen);
        painter->setBrush(markColour);
        for (const QPointF &mark : std::as_const(m_inputMarks)) {
            const double y = sceneY(plot, std::min(mark.y(), m_yMaxMs));
            painter->drawEllipse(QPointF(sceneX(plot, mark.x()), y), 2.5, 2.5);
        }
        painter->restore();
    }

    // the key sits in the top margin, right-aligned, so it never covers data
    const QPalette pal = palette();
    const QFont small = smallFont(font());
    const QFontMetricsF fm(small);
    const double swatch = std::round(fm.height() * 0.6);
    struct Entry
    {
        QString text;
        QColor colour;
        bool line;
        bool dot;
    };
    QList<Entry> entries = {
        { u"lag"_s, lineColour(), true, false },
        { u"blocking operation"_s, withAlpha(modeColor(RunMode::Blocking), 150), false, false },
        { u"async operation"_s, withAlpha(modeColor(RunMode::Async), 150), false, false },
    };
    if (!m_inputMarks.isEmpty())
        entries.prepend({ u"key press: wait until handled"_s, markColour, false, true });
    double width = 0;
    for (const auto &e : entries)
        width += swatch + 4 + fm.horizontalAdvance(e.text) + 14;
    const QRectF box(plot.right() - width + 14, plot.top() - fm.height() - 6, width, fm.height());

    painter->save();
    painter->setFont(small);
    double x = box.left();
    const double midY = std::round(box.center().y());
    for (const auto &e : entries) {
        if (e.line) {
            painter->setPen(QPen(e.colour, 2));
            painter->drawLine(QPointF(x, midY), QPointF(x + swatch, midY));
        } else if (e.dot) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(e.colour);
            painter->drawEllipse(QPointF(x + swatch / 2, midY), 2.5, 2.5);
        } else {
            painter->setPen(Qt::NoPen);
            painter->setBrush(e.colour);
            painter->drawRect(QRectF(x, midY - swatch / 2, swatch, swatch));
        }
        x += swatch + 4;
        const double textWidth = fm.horizontalAdvance(e.text);
        painter->setPen(pal.color(QPalette::Text));
        painter->drawText(QRectF(x, box.top(), textWidth + 2, box.height()), Qt::AlignVCenter,
                          e.text);
        x += textWidth + 14;
    }
    painter->restore();
}

bool LagChartWidget::isDark() const
{
    return palette().color(QPalette::Base).lightnessF() < 0.5f;
}

QColor LagChartWidget::lineColour() const
{
    return isDark() ? QColor(0x6c, 0xa8, 0xff) : QColor(0x1f, 0x5f, 0xbf);
}

void LagChartWidget::applyPalette()
{
    const QPalette pal = palette();
    m_lagSeries->setPen(QPen(lineColour(), 1.5));
    const QColor text = pal.color(QPalette::Text);
    for (QAbstractAxis *axis :
         { static_cast<QAbstractAxis *>(m_xAxis), static_cast<QAbstractAxis *>(m_yAxis) }) {
        axis->setLabelsBrush(text);
        axis->setTitleBrush(pal.color(QPalette::PlaceholderText));
        axis->setLinePen(QPen(pal.color(QPalette::Mid), 1));
        axis->setGridLinePen(QPen(withAlpha(text, 28), 1));
        axis->setLabelsFont(smallFont(font()));
        axis->setTitleFont(smallFont(font()));
    }
    // room above the plot for the key, and on the right for the "now" label
    const int keyHeight = int(QFontMetricsF(smallFont(font())).height()) + 8;
    m_chart->setMargins(QMargins(4, keyHeight, 16, 2));
    viewport()->update();
}

void LagChartWidget::showEvent(QShowEvent *event)
{
    QChartView::showEvent(event);
    refresh();
    if (isLive())
        m_updateTimer.start();
}

void LagChartWidget::hideEvent(QHideEvent *event)
{
    m_updateTimer.stop();
    QChartView::hideEvent(event);
}

void LagChartWidget::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyPalette();
}

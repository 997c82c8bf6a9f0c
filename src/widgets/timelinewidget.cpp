#include <widgets/timelinewidget.h>
#include <models/labcolors.h>
#include <widgets/lagchartwidget.h>
#include <widgets/painting.h>
#include <common/units.h>

#include <QCoreApplication>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <tuple>

using namespace Qt::StringLiterals;
using Painting::secondsLabel;
using Painting::withAlpha;

namespace {
constexpr int MaxBarHeight = 20;
constexpr int MinBarHeight = 10; // below this, lanes give up their gap first
constexpr int LaneGap = 5;
constexpr double MinBarWidthPx = 2; // an operation of a few ms still shows

// What each lane is, in a few words, for someone who has never seen a thread.
QString laneHint(ThreadLane lane)
{
    switch (lane) {
    case ThreadLane::Gui:
        return QCoreApplication::translate("TimelineWidget",
                                           "runs the event loop: painting, typing, timers");
    case ThreadLane::Worker:
    case ThreadLane::ThreadPool:
        return QCoreApplication::translate("TimelineWidget", "a pool thread");
    case ThreadLane::NetworkThread:
        return QCoreApplication::translate("TimelineWidget", "talks to the server");
    case ThreadLane::EventLoop:
        return QCoreApplication::translate("TimelineWidget",
                                           "requests in flight, no thread waiting");
    }
    return {};
}
} // namespace

TimelineWidget::TimelineWidget(QWidget *parent) : QWidget(parent), m_model(new TimelineModel(this))
{
    connect(m_model, &TimelineModel::changed, this, &TimelineWidget::onModelChanged);
    m_updateTimer.setInterval(UpdateIntervalMs);
    connect(&m_updateTimer, &QTimer::timeout, m_model, &TimelineModel::refresh);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setAccessibleName(tr("Thread timeline"));
    setAccessibleDescription(u"One lane per thread; bars show which thread worked or waited for "
                             "each operation"_s);
}

void TimelineWidget::alignTo(LagChartWidget *chart)
{
    if (m_alignedTo)
        disconnect(m_alignedTo, nullptr, this, nullptr);
    m_alignedTo = chart;
    if (chart)
        connect(chart, &LagChartWidget::plotRectChanged, this, qOverload<>(&QWidget::update));
    update();
}

std::pair<int, int> TimelineWidget::insets() const
{
    const std::pair<int, int> standalone { 8, 24 }; // room for the "now" label on the right
    if (!m_alignedTo)
        return standalone;
    // Worked out at each use rather than cached: the chart lays itself out later than the
    // widgets around it, and a cached value would go stale.
    const QRect area = m_alignedTo->plotRect();
    QWidget *top = window();
    const int myLeft = mapTo(top, QPoint(0, 0)).x();
    const int left = m_alignedTo->mapTo(top, area.topLeft()).x() - myLeft;
    const int right =
            myLeft + width() - m_alignedTo->mapTo(top, QPoint(area.left() + area.width(), 0)).x();
    if (area.width() < 10 || left < 0 || right < 0 || left + right > width() - 10)
        return standalone;
    return { left, right };
}

void TimelineWidget::setLaneRoom(int lanes)
{
    m_laneRoom = std::max(0, lanes);
    onModelChanged();
}

void TimelineWidget::onModelChanged()
{
    const int lanes = m_laneRoom > 0 ? m_laneRoom : std::max(1, int(m_model->lanes().size()));
    if (lanes != m_laneCount) {
        m_laneCount = lanes;
        updateGeometry();
    }
    updateTimer();
    update();
}

QFont TimelineWidget::smallFont() const
{
    return Painting::smallFont(font());
}

int TimelineWidget::captionHeight() const
{
    return QFontMetrics(smallFont()).height() + 2;
}

int TimelineWidget::laneHeight() const
{
    const int lanes = std::max(1, int(m_model->lanes().size()));
    const int available = (height() - headerHeight() - axisHeight()) / lanes;
    return std::clamp(available, captionHeight() + 6, captionHeight() + MaxBarHeight + LaneGap);
}

int TimelineWidget::barHeight() const
{
    const int room = laneHeight() - captionHeight();
    return room >= MinBarHeight + LaneGap ? room - LaneGap : room - 2;
}

int TimelineWidget::headerHeight() const
{
    return QFontMetrics(smallFont()).height() + 10;
}

int TimelineWidget::axisHeight() const
{
    return QFontMetrics(smallFont()).height() + 8;
}

QSize TimelineWidget::sizeHint() const
{
    return { 640,
             headerHeight() + m_laneCount * (captionHeight() + MaxBarHeight + LaneGap)
                     + axisHeight() };
}

QSize TimelineWidget::minimumSizeHint() const
{
    return { 240,
             headerHeight() + m_laneCount * (captionHeight() + MinBarHeight + LaneGap)
                     + axisHeight() };
}

QRectF TimelineWidget::plotRect() const
{
    // down to the axis at the bottom, even when the lanes need less
    const auto [left, right] = insets();
    const int lanesHeight = int(m_model->lanes().size()) * laneHeight();
    return QRectF(left, headerHeight(), width() - left - right,
                  std::max(lanesHeight, height() - headerHeight() - axisHeight()));
}

double TimelineWidget::laneTop(int lane) const
{
    return headerHeight() + lane * laneHeight();
}

double TimelineWidget::xAt(const QRectF &plot, double ms) const
{
    return plot.left() + (ms - m_model->fromMs()) / m_model->windowMs() * plot.width();
}

QRectF TimelineWidget::barRect(const TimelineBar &bar) const
{
    const QRectF plot = plotRect();
    const double x1 = std::max(plot.left(), xAt(plot, bar.startMs));
    const double x2 = std::min(plot.right(), std::max(xAt(plot, bar.endMs), x1 + MinBarWidthPx));
    return QRectF(x1, laneTop(bar.lane) + captionHeight(), std::max(x2 - x1, MinBarWidthPx),
                  barHeight());
}

int TimelineWidget::barIndexAt(const QPointF &pos) const
{
    const QList<TimelineBar> &bars = m_model->bars();
    // the last painted is on top; a few pixels of slack make thin bars easy to hit
    for (qsizetype i = bars.size() - 1; i >= 0; --i) {
        if (barRect(bars.at(i)).adjusted(-2, 0, 2, 0).contains(pos))
            return int(i);
    }
    return -1;
}

void TimelineWidget::paintEvent(QPaintEvent *)
{
    const PaintTimer timing(this);
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.window());
    const QRectF plot = plotRect();
    if (plot.width() < 10)
        return;
    p.setFont(smallFont());
    paintLanes(p, plot);
    paintAxis(p, plot);
    paintBars(p, plot);
    paintLegend(p, plot);
}

void TimelineWidget::paintLanes(QPainter &p, const QRectF &plot)
{
    const QPalette pal = palette();
    const QFontMetricsF fm(p.font());
    const QStringList &lanes = m_model->lanes();
    for (int i = 0; i < lanes.size(); ++i) {
        const double top = laneTop(i);
        const QRectF track(plot.left(), top + captionHeight(), plot.width(), barHeight());
        p.fillRect(track, pal.base());
        p.setPen(QPen(pal.color(QPalette::Mid), 1));
        p.drawRect(track.adjusted(0, 0, -1, -1));

        QFont bold = p.font();
        bold.setBold(true);
        p.save();
        p.setFont(bold);
        p.setPen(pal.color(QPalette::Text));
        const QString name = lanes.at(i);
        const double nameWidth = QFontMetricsF(bold).horizontalAdvance(name);
        p.drawText(QRectF(plot.left(), top, nameWidth + 2, captionHeight()), Qt::AlignVCenter,
                   name);
        p.restore();
        const QString hint = laneHint(m_model->laneIds().at(i).lane);
        if (!hint.isEmpty()) {
            p.setPen(pal.color(QPalette::PlaceholderText));
            p.drawText(QRectF(plot.left() + nameWidth + 8, top, plot.width() - nameWidth - 8,
                              captionHeight()),
                       Qt::AlignVCenter, fm.elidedText(hint, Qt::ElideRight, plot.width() / 2));
        }
    }

    // An empty GUI lane is the whole point of async code, so say it; only of the operations
    // shown here (a demo that froze the window runs none of them: the lag chart shows it).
    bool guiBusy = !m_model->log();
    for (const TimelineBar &bar : m_model->bars())
        guiBusy = guiBusy || bar.lane == 0;
    if (!guiBusy) {
        const QRectF track(plot.left(), laneTop(0) + captionHeight(), plot.width(), barHeight());
        p.setPen(withAlpha(modeColor(RunMode::Async), 220));
        p.drawText(track, Qt::AlignCenter,
                   tr("free: no fetch or load blocked the GUI thread here"));
    }
}

void TimelineWidget::paintBars(QPainter &p, const QRectF &plot)
{
    const QPalette pal = palette();
    const QFont normal = p.font();
    QFont bold = normal;
    bold.setBold(true);
    QList<double> labelEnd(m_model->lanes().size(), plot.left() - 1); // no labels on top of labels
    const auto drawLabel = [&](const QRectF &r, int lane, QString label, const QString &shorter,
                               const QColor &colour, bool isBold) {
        const QFontMetricsF fm(isBold ? bold : normal);
        if (r.width() < fm.horizontalAdvance(label) + 8)
            label = shorter;
        if (label.isEmpty() || r.width() < fm.horizontalAdvance(label) + 4
            || r.left() < labelEnd.at(lane))
            return;
        p.setFont(isBold ? bold : normal);
        p.setPen(colour);
        p.drawText(r.adjusted(2, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextDontClip,
                   label);
        p.setFont(normal);
        labelEnd[lane] = r.left() + fm.horizontalAdvance(label) + 8;
    };

    p.save();
    p.setClipRect(plot.adjusted(0, 0, 1, 1));
    p.setRenderHint(QPainter::Antialiasing, false);

    // Requests pending at the same time are drawn as one hollow bar: forty overlapping
    // translucent fills would add up to a solid one and read as work being done.
    const QList<BarGroup> pending = groupOverlappingBars(m_model->bars(), SpanKind::EventLoopWait);
    for (const BarGroup &g : pending) {
        const TimelineBar &group = g.bar;
        const QRectF r = barRect(group);
        const QColor colour = modeColor(group.mode);
        p.fillRect(r, withAlpha(colour, 28));
        p.setPen(QPen(colour, 1.5, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(r.adjusted(0.75, 0.75, -0.75, -0.75));
        const QString duration = formatDuration(group.durationMs());
        drawLabel(r, group.lane,
                  g.count > 1 ? tr("%n requests pending · %1", nullptr, g.count).arg(duration)
                              : tr("pending · %1").arg(duration),
                  g.count > 1 ? tr("%n pending", nullptr, g.count) : tr("pending"),
                  colour.darker(120), false);
    }

    for (const TimelineBar &bar : m_model->bars()) {
        if (bar.kind == SpanKind::EventLoopWait)
            continue;
        const QRectF r = barRect(bar);
        const QColor colour = modeColor(bar.mode);
        const QString duration = formatDuration(bar.durationMs());
        if (bar.blocksGui || bar.kind == SpanKind::BlockedWaiting) {
            Painting::fillHatched(p, r, colour);
            if (bar.blocksGui)
                drawLabel(r, bar.lane, tr("GUI blocked · %1").arg(duration), tr("GUI blocked"),
                          Qt::white, true);
            else
                drawLabel(r, bar.lane, tr("waiting · %1").arg(duration), {}, Qt::white, false);
        } else {
            p.fillRect(r, withAlpha(colour, 210));
            const OperationRecord *record = m_model->record(bar.operationId);
            // what was fetched or loaded, as the log's Target column names it
            drawLabel(r, bar.lane,
                      record ? u"%1 %2 · %3"_s.arg(operationKindText(record->kind),
                                                   shortTarget(record->target), duration)
                             : duration,
                      {}, Qt::white, false);
        }
    }

    if (m_hovered) {
        p.setPen(QPen(pal.color(QPalette::Text), 2));
        p.setBrush(Qt::NoBrush);
        for (const TimelineBar &bar : m_model->barsOf(m_hovered))
            p.drawRect(barRect(bar).adjusted(1, 1, -1, -1));
    }
    p.restore();
}

void TimelineWidget::paintAxis(QPainter &p, const QRectF &plot)
{
    const QPalette pal = palette();
    const QFontMetricsF fm(p.font());
    const double windowS = m_model->windowMs() / 1000;
    const double step = niceStep(windowS, std::max(2, int(plot.width() / 90)));
    const double axisY = plot.bottom() + 2;
    p.setPen(QPen(pal.color(QPalette::Mid), 1));
    p.drawLine(QPointF(plot.left(), axisY), QPointF(plot.right(), axisY));
    const auto tick = [&](double ms, const QString &label) {
        const double x = std::round(xAt(plot, ms));
        p.setPen(QPen(withAlpha(pal.color(QPalette::Text), 28), 1));
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        p.setPen(QPen(pal.color(QPalette::Mid), 1));
        p.drawLine(QPointF(x, axisY), QPointF(x, axisY + 4));
        const double w = fm.horizontalAdvance(label) + 4;
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(x - w / 2, axisY + 4, w, fm.height()), Qt::AlignCenter, label);
    };
    if (m_model->isFollowing()) {
        // counted back from now, like the lag chart above it
        for (double s = -std::floor(windowS / step) * step; s < -step / 2; s += step)
            tick(m_model->toMs() + s * 1000, u"\u2212"_s + secondsLabel(-s, step));
        tick(m_model->toMs(), tr("now"));
    } else {
        for (double s = 0; s <= windowS + 1e-9; s += step)
            tick(m_model->fromMs() + s * 1000, secondsLabel(s, step));
    }
}

void TimelineWidget::paintLegend(QPainter &p, const QRectF &plot)
{
    const QPalette pal = palette();
    const QFontMetricsF fm(p.font());
    const QColor red = modeColor(RunMode::Blocking);
    const QColor green = modeColor(RunMode::Async);
    enum Style { Hatched, Solid, Dashed };
    const struct
    {
        Style style;
        QColor colour;
        QString text;
    } entries[] = {
        { Hatched, red, tr("GUI thread blocked") },
        { Solid, red, tr("blocking op working") },
        { Solid, green, tr("async op working") },
        { Dashed, green, tr("async op pending, no thread waiting") },
    };
    const double swatchW = 18;
    const double swatchH = std::round(fm.height() * 0.7);
    double width = 0;
    for (const auto &e : entries)
        width += swatchW + 4 + fm.horizontalAdvance(e.text) + 12;
    double x = std::max(plot.left(), plot.right() - width + 12);
    const double midY = std::round(headerHeight() / 2.0 + 1); // a little away from what is above
    for (const auto &e : entries) {
        const QRectF swatch(x, midY - swatchH / 2, swatchW, swatchH);
        if (e.style == Dashed) {
            p.setPen(QPen(e.colour, 1.5, Qt::DashLine));
            p.setBrush(withAlpha(e.colour, 28));
            p.drawRect(swatch.adjusted(0.75, 0.75, -0.75, -0.75));
        } else {
            if (e.style == Hatched)
                Painting::fillHatched(p, swatch, e.colour);
            else
                p.fillRect(swatch, withAlpha(e.colour, 210));
        }
        x += swatchW + 4;
        const double w = fm.horizontalAdvance(e.text) + 2;
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(x, midY - fm.height(), w, 2 * fm.height()), Qt::AlignVCenter, e.text);
        x += w + 10;
    }
}

bool TimelineWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = barIndexAt(help->pos());
        if (index < 0) {
            event->ignore();
            return Painting::showToolTip(this, help, {});
        }
        const TimelineBar &bar = m_model->bars().at(index);
        return Painting::showToolTip(this, help, m_model->describe(bar),
                                     barRect(bar).toAlignedRect());
    }
    return QWidget::event(event);
}

void TimelineWidget::mouseMoveEvent(QMouseEvent *event)
{
    const int index = barIndexAt(event->position());
    const int hovered = index < 0 ? 0 : m_model->bars().at(index).operationId;
    if (hovered != m_hovered) {
        m_hovered = hovered;
        setCursor(hovered ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    const int index = barIndexAt(event->position());
    if (event->button() == Qt::LeftButton && index >= 0) {
        emit operationClicked(m_model->bars().at(index).operationId);
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void TimelineWidget::leaveEvent(QEvent *event)
{
    if (m_hovered) {
        m_hovered = 0;
        update();
    }
    QWidget::leaveEvent(event);
}

void TimelineWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_model->refresh();
    updateTimer();
}

void TimelineWidget::updateTimer()
{
    // Following the clock moves only the bars; with none in the window there is nothing to move
    // until the log changes, which refreshes the model by itself.
    if (m_model->isFollowing() && isVisible() && !m_model->bars().isEmpty()) {
        if (!m_updateTimer.isActive())
            m_updateTimer.start();
    } else {
        m_updateTimer.stop();
    }
}

void TimelineWidget::hideEvent(QHideEvent *event)
{
    m_updateTimer.stop();
    QWidget::hideEvent(event);
}

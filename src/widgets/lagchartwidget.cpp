#include <widgets/lagchartwidget.h>
#include <common/labclock.h>
#include <models/labcolors.h>
#include <engine/operationlog.h>
#include <widgets/painting.h>
#include <models/timelinemodel.h>
#include <common/units.h>

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QToolButton>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using Painting::smallFont;
using Painting::withAlpha;

namespace {
constexpr double MinBandWidthPx = 2; // an operation of a few ms still shows
constexpr int MinGuideGapPx = 3; // closer guide lines would read as one smudge
constexpr double MinGrowingWindowMs = 2000;

} // namespace

QString LagChartWidget::bandsToolTip()
{
    return tr("<p>Shaded bands show when operations ran: <b>red</b> for blocking, <b>green</b> "
              "for async. A frame at 60 Hz lasts 16 ms; a task over 50 ms is a long task; past "
              "100 ms people notice.</p>");
}

QList<LagChartWidget::Guide> LagChartWidget::thresholdLadder()
{
    return {
        { 16, tr("16 ms · one frame") },
        { 50, tr("50 ms · long task") },
        { 100, tr("100 ms · noticed") },
        { 250, tr("250 ms · counted as a hang") },
        { 1000, tr("1 s") },
        { 5000, tr("5 s · Windows \u201cNot Responding\u201d, Android ANR") },
    };
}

LagChartWidget::LagChartWidget(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_updateTimer.setInterval(UpdateIntervalMs);
    connect(&m_updateTimer, &QTimer::timeout, this, &LagChartWidget::refresh);

    m_logButton = new QToolButton(this);
    m_logButton->setObjectName(u"logScaleButton"_s);
    m_logButton->setText(tr("log scal&e"));
    m_logButton->setAccessibleName(tr("Log scale"));
    m_logButton->setCheckable(true);
    // framed, so it reads as a button to press and not as a caption
    m_logButton->setAutoRaise(false);
    m_logButton->setFocusPolicy(Qt::TabFocus);
    m_logButton->setToolTip(tr("A logarithmic lag axis: a 5 ms and a 5 s stall both readable"));
    connect(m_logButton, &QToolButton::toggled, this, &LagChartWidget::setLogScale);

    setAccessibleName(tr("Event-loop lag chart"));
    setToolTip(tr("<p>How late the GUI thread's event loop ran, over the last 30 seconds.</p>")
               + bandsToolTip());
    changeEvent(nullptr);
}

void LagChartWidget::setMonitor(ResponsivenessMonitor *monitor)
{
    disconnect(m_sampledConnection);
    m_samples.clear();
    if (!monitor)
        return;
    const double from = isLive() ? labNowMs() - WindowMs : m_growingFromMs;
    for (const LagSample &s : monitor->samples()) {
        if (s.atMs >= from)
            m_samples.push_back(s);
    }
    // only store here; drawing happens at the next update. Trimming here too keeps the buffer
    // bounded while the chart is hidden and not updating.
    m_sampledConnection =
            connect(monitor, &ResponsivenessMonitor::sampled, this, [this](const LagSample &s) {
                m_samples.push_back(s);
                const double keepFrom = isLive() ? s.atMs - WindowMs : m_growingFromMs;
                while (m_samples.size() > 1 && m_samples[1].atMs < keepFrom)
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
    m_growingFromMs = 0;
    m_fixedFromMs = fromMs;
    m_fixedToMs = std::max(toMs, fromMs + 1);
    m_samples.clear();
    // one sample on each side of the range, so the line runs in from the edges
    for (const LagSample &s : monitor->samples()) {
        if (s.atMs < fromMs && !m_samples.empty())
            m_samples.pop_front();
        m_samples.push_back(s);
        if (s.atMs > m_fixedToMs)
            break;
    }
    setToolTip(tr("<p>How late the GUI thread's event loop ran during this run.</p>")
               + bandsToolTip());
    updateTimer();
    invalidateBackground();
    refresh();
}

void LagChartWidget::setGrowingFrom(ResponsivenessMonitor *monitor, double fromMs)
{
    m_fixedFromMs = m_fixedToMs = 0;
    m_growingFromMs = std::max(1.0, fromMs);
    setMonitor(monitor);
    updateTimer();
    invalidateBackground();
    refresh();
}

double LagChartWidget::windowMs() const
{
    if (!isFollowing())
        return m_fixedToMs - m_fixedFromMs;
    if (isLive())
        return WindowMs;
    // whole seconds, so the axis is redrawn once a second rather than at every update
    const double elapsed = labNowMs() - m_growingFromMs;
    return std::max(MinGrowingWindowMs, std::ceil(elapsed / 1000) * 1000);
}

void LagChartWidget::setFixedYMax(double yMaxMs)
{
    m_fixedYMaxMs = yMaxMs;
    refresh();
}

void LagChartWidget::setInputLatencyMarks(const QList<QPointF> &marks)
{
    m_inputMarks = marks;
    invalidateBackground(); // the key gains or loses its entry
    update();
}

void LagChartWidget::setStallMarkers(const QList<StallMarker> &markers)
{
    m_stallMarkers = markers;
    m_hoveredMarker = -1;
    setMouseTracking(!markers.isEmpty());
    update();
}

void LagChartWidget::setPhaseMarks(const QList<PhaseMark> &marks)
{
    m_phaseMarks = marks;
    update(plotRect().adjusted(-3, -3, 3, 3));
}

void LagChartWidget::setShadeStalls(bool shade)
{
    m_shadeStalls = shade;
    invalidateBackground();
    refresh();
}

void LagChartWidget::setTitle(const QString &title)
{
    if (title == m_title)
        return;
    m_title = title;
    invalidateBackground();
    update();
}

void LagChartWidget::setLogScale(bool on)
{
    if (on == m_logScale)
        return;
    m_logScale = on;
    m_logButton->setChecked(on);
    invalidateBackground();
    refresh();
    emit logScaleChanged(on);
}

QSize LagChartWidget::sizeHint() const
{
    return { 640, 240 };
}

QSize LagChartWidget::minimumSizeHint() const
{
    return { 240, 120 };
}

LagChartWidget::Layout LagChartWidget::computeLayout() const
{
    Layout l;
    l.small = smallFont(font());
    const QFontMetrics fm(l.small);
    l.keyHeight = std::max(fm.height(), m_logButton->sizeHint().height()) + 4;
    const int left = fm.height() + 6 + fm.horizontalAdvance(u"00000"_s);
    const int bottom = fm.height() + 6;
    l.plot = QRect(left, l.keyHeight, width() - left - 16, height() - l.keyHeight - bottom);
    return l;
}

QRect LagChartWidget::plotRect() const
{
    return m_layout.plot;
}

void LagChartWidget::relayout()
{
    // kept, not recomputed: xAt() and yAt() run for every point of every update
    m_layout = computeLayout();
    const QSize button = m_logButton->sizeHint();
    m_logButton->setGeometry(2, std::max(0, (m_layout.keyHeight - button.height()) / 2),
                             button.width(), button.height());
    invalidateBackground();
}

double LagChartWidget::xAt(double atMs) const
{
    const QRect plot = plotRect();
    const double end = isLive() ? m_nowMs
            : isFollowing()     ? m_growingFromMs + windowMs()
                                : m_fixedToMs;
    return plot.left() + plot.width() - (end - atMs) / windowMs() * plot.width();
}

double LagChartWidget::yAt(double lagMs) const
{
    const QRect plot = plotRect();
    const double bottom = plot.top() + plot.height();
    if (!m_logScale)
        return bottom - lagMs / m_yMaxMs * plot.height();
    const double fraction = std::log10(std::max(lagMs, LogFloorMs) / LogFloorMs)
            / std::log10(m_yMaxMs / LogFloorMs);
    return bottom - fraction * plot.height();
}

QList<LagChartWidget::Guide> LagChartWidget::visibleGuides() const
{
    QList<Guide> shown;
    const QRect plot = plotRect();
    double lastY = plot.top() - MinGuideGapPx;
    const QList<Guide> ladder = thresholdLadder();
    // from the top down, so when the scale is large and the low guides crowd together, the ones
    // that survive are the higher ones
    for (auto it = ladder.crbegin(); it != ladder.crend(); ++it) {
        if (it->lagMs > m_yMaxMs)
            continue;
        const double y = std::round(yAt(it->lagMs));
        if (y - lastY < MinGuideGapPx || plot.top() + plot.height() - y < MinGuideGapPx)
            continue;
        shown.prepend(*it);
        lastY = y;
    }
    return shown;
}

QList<LagChartWidget::Guide> LagChartWidget::labelledGuides() const
{
    QList<Guide> labelled;
    const double labelHeight = QFontMetricsF(m_layout.small).height();
    double lastY = plotRect().top() - labelHeight;
    const QList<Guide> guides = visibleGuides();
    // A label sits just above its line: it needs a label's height clear of the label above it
    // and of every line above it, or that line would strike it through.
    double lineAbove = lastY;
    for (auto it = guides.crbegin(); it != guides.crend(); ++it) {
        const double y = std::round(yAt(it->lagMs));
        const bool clear = y - lastY >= labelHeight && y - lineAbove >= labelHeight;
        lineAbove = y;
        if (!clear)
            continue;
        labelled.prepend(*it);
        lastY = y;
    }
    return labelled;
}

void LagChartWidget::refresh()
{
    m_nowMs = isFollowing() ? labNowMs() : m_fixedToMs;
    const double oldYMax = m_yMaxMs;
    const double oldWindow = windowMs();
    updateLagSeries();
    updateBands();
    if (m_yMaxMs != oldYMax || windowMs() != oldWindow || m_background.isNull())
        invalidateBackground();
    // only the plot moves; the axes and the key stay in the pixmap
    update(plotRect().adjusted(-3, -3, 3, 3));
}

void LagChartWidget::updateLagSeries()
{
    const double window = windowMs();
    const double end = isLive() ? m_nowMs : isFollowing() ? m_growingFromMs + window : m_fixedToMs;
    const double from = end - window;
    // keep one sample older than the window so the line runs in from the left edge
    if (isLive()) {
        while (m_samples.size() > 1 && m_samples[1].atMs < from)
            m_samples.pop_front();
    }

    const int columns = std::max(50, plotRect().width());
    const double columnMs = window / columns;
    m_points.clear();
    m_points.reserve(columns + 2);
    m_stallSpans.clear();
    int column = -1;
    double peak = 0;
    for (const LagSample &s : m_samples) {
        const QPointF point((s.atMs - end) / 1000, s.lagMs);
        const int c = s.atMs < from ? -1 : std::min(columns - 1, int((s.atMs - from) / columnMs));
        if (c != column || m_points.isEmpty()) {
            m_points.append(point);
            column = c;
        } else if (s.lagMs > m_points.last().y()) {
            m_points.last() = point;
        }
        if (s.atMs >= from)
            peak = std::max(peak, s.lagMs);
        if (m_shadeStalls && s.lagMs >= ResponsivenessMonitor::StallThresholdMs)
            m_stallSpans.append({ s.atMs - s.lagMs, s.atMs });
    }
    m_stallSpans = mergeSpans(m_stallSpans);
    m_yMaxMs = m_fixedYMaxMs > 0 ? m_fixedYMaxMs : roundedYMax(peak * 1.1);
}

double LagChartWidget::roundedYMax(double ms)
{
    // 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten: the top of the axis is a number
    // its labels can end on, and it moves only when the peak crosses one of them
    if (!(ms > MinYMaxMs))
        return MinYMaxMs;
    const double magnitude = std::pow(10, std::floor(std::log10(ms)));
    for (double factor : { 1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0 }) {
        if (factor * magnitude >= ms * (1 - 1e-9))
            return factor * magnitude;
    }
    return 10 * magnitude;
}

void LagChartWidget::updateBands()
{
    m_bands.clear();
    if (!m_log)
        return;
    const double end = isFollowing() && !isLive() ? m_growingFromMs + windowMs() : m_nowMs;
    const double from = end - windowMs();
    for (const OperationRecord &r : m_log->records()) {
        const bool running = !r.isFinished();
        const double opEnd = running ? m_nowMs : r.endMs;
        if (opEnd >= from && r.startMs <= end)
            m_bands.append({ r.id, r.mode, r.startMs, opEnd, running });
    }
}

void LagChartWidget::updateTimer()
{
    if (isFollowing() && isVisible())
        m_updateTimer.start();
    else
        m_updateTimer.stop();
}

void LagChartWidget::invalidateBackground()
{
    // The axis labels and the key lie outside the plot: a new background repaints them too,
    // or the labels of the old scale stay beside the new guide lines.
    m_background = QPixmap();
    update();
}

QList<LagChartWidget::AxisLabel> LagChartWidget::yAxisLabels() const
{
    QList<AxisLabel> labels;
    if (!m_logScale) {
        for (double v : Painting::axisTicks(m_yMaxMs, 5))
            labels.append({ v, QString::number(v, 'f', 0) });
        return labels;
    }
    // powers of ten: equal steps on a log axis, each ten times the one below
    for (double v = LogFloorMs; v <= m_yMaxMs * (1 + 1e-9); v *= 10)
        labels.append({ v, QString::number(v, 'f', 0) });
    return labels;
}

QList<std::pair<double, QString>> LagChartWidget::xTicks(int plotWidth) const
{
    QList<std::pair<double, QString>> ticks;
    const double windowS = windowMs() / 1000;
    // As many labels as fit with room between them: a narrow chart gets fewer, not a crowd.
    const int labelWidth = fontMetrics().horizontalAdvance(u"\u221230.00 s"_s) + 12;
    const int fitting = std::clamp(plotWidth / std::max(1, labelWidth), 2, 6);
    if (isLive()) {
        const int stepS = fitting >= 6 ? 5 : 10;
        for (int s = int(windowS); s > 0; s -= stepS)
            ticks.append({ s * 1000.0, tr("\u2212%1 s").arg(s) });
        ticks.append({ 0, tr("now") });
        return ticks;
    }
    const double step = niceStep(windowS, fitting);
    for (double s = 0; s <= windowS + 1e-9; s += step)
        ticks.append({ (windowS - s) * 1000, Painting::secondsLabel(s, step) });
    return ticks;
}

void LagChartWidget::paintBackground(QPainter &p, const QRect &plot) const
{
    const QPalette pal = palette();
    p.fillRect(rect(), pal.window());
    p.fillRect(plot, pal.base());
    const QFont small = smallFont(font());
    const QFontMetricsF fm(small);
    p.setFont(small);
    const QColor text = pal.color(QPalette::Text);
    const double bottom = plot.top() + plot.height();

    // y grid and labels
    for (const AxisLabel &label : yAxisLabels()) {
        const double y = std::round(yAt(label.lagMs)) + 0.5;
        p.setPen(QPen(withAlpha(text, 28), 1));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.left() + plot.width(), y));
        p.setPen(text);
        p.drawText(QRectF(0, y - fm.height() / 2, plot.left() - 4, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, label.text);
    }
    p.save();
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.translate(1, plot.top() + plot.height() / 2.0);
    p.rotate(-90);
    // The longest title that fits the plot's height: a short chart gets a short one, never a cut
    // one.
    const QStringList titles = m_logScale
            ? QStringList { tr("event-loop lag (ms, log scale)"), tr("lag (ms, log scale)"),
                            tr("lag (ms)"), tr("ms") }
            : QStringList { tr("event-loop lag (ms)"), tr("lag (ms)"), tr("ms") };
    QString title = titles.last();
    for (const QString &candidate : titles) {
        if (fm.horizontalAdvance(candidate) <= plot.height()) {
            title = candidate;
            break;
        }
    }
    p.drawText(QRectF(-plot.height() / 2.0, 0, plot.height(), fm.height()), Qt::AlignCenter, title);
    p.restore();

    // x labels, relative to the range's end
    const QRect plotPixels = plot;
    for (const auto &[beforeEndMs, label] : xTicks(plot.width())) {
        const double x =
                plotPixels.left() + plotPixels.width() - beforeEndMs / windowMs() * plot.width();
        p.setPen(QPen(withAlpha(text, 28), 1));
        p.drawLine(QPointF(std::round(x) + 0.5, plot.top()), QPointF(std::round(x) + 0.5, bottom));
        p.setPen(text);
        const double w = fm.horizontalAdvance(label) + 4;
        p.drawText(QRectF(std::clamp(x - w / 2, 0.0, width() - w), bottom + 2, w, fm.height()),
                   Qt::AlignCenter, label);
    }
    p.setPen(QPen(pal.color(QPalette::Mid), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(plot).adjusted(-0.5, -0.5, 0.5, 0.5));

    // the threshold ladder: every rung that fits, a label where it does not crowd another
    const QList<Guide> labelled = labelledGuides();
    const QPen dashed(withAlpha(text, 110), 1, Qt::DashLine);
    for (const Guide &guide : visibleGuides()) {
        const double y = std::round(yAt(guide.lagMs)) + 0.5;
        p.setPen(dashed);
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.left() + plot.width(), y));
        const bool hasLabel = std::any_of(labelled.cbegin(), labelled.cend(),
                                          [&](const Guide &g) { return g.lagMs == guide.lagMs; });
        if (!hasLabel)
            continue;
        // labels sit at the old end of the window, away from the newest data
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRectF(plot.left() + 6, y - fm.height(), plot.width() - 12, fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, guide.label);
    }
    paintKey(p, plot);
}

void LagChartWidget::paintKey(QPainter &p, const QRect &plot) const
{
    // the key sits in the top margin, right-aligned, so it never covers data
    const QPalette pal = palette();
    const QFontMetricsF fm(p.font());
    const double swatch = std::round(fm.height() * 0.6);
    struct Entry
    {
        QString text;
        QString shortText; // when the title would not fit beside the long one
        QColor colour;
        enum { Line, Dot, Box, Hatched } style;
    };
    QList<Entry> entries = { { tr("lag"), tr("lag"), lineColour(), Entry::Line } };
    if (m_log) { // operations exist only where AsyncLab runs them
        entries.append({ tr("blocking operation"), tr("blocking"),
                         withAlpha(modeColor(RunMode::Blocking), 150), Entry::Box });
        entries.append({ tr("async operation"), tr("async"),
                         withAlpha(modeColor(RunMode::Async), 150), Entry::Box });
    }
    if (m_shadeStalls)
        entries.prepend({ tr("GUI thread blocked"), tr("blocked"), modeColor(RunMode::Blocking),
                          Entry::Hatched });
    if (!m_inputMarks.isEmpty())
        entries.prepend({ tr("key press: how long it waited"), tr("key press"),
                          QColor(0x8e, 0x44, 0xad), Entry::Dot });
    double gap = 14;
    const auto keyWidth = [&](bool shortTexts) {
        double width = 0;
        for (const auto &e : entries)
            width += swatch + 4 + fm.horizontalAdvance(shortTexts ? e.shortText : e.text) + gap;
        return width;
    };
    const double keyHeight = plot.top();
    const double midY = std::round(keyHeight / 2);
    const double titleLeft = m_logButton->geometry().right() + 8;
    QFont bold = p.font();
    bold.setBold(true);
    const QFontMetricsF boldMetrics(bold);
    const double right = plot.left() + plot.width() + 14;
    // The key in full where it fits beside the title; else in short words, closer together.
    const double keyLeft =
            titleLeft + (m_title.isEmpty() ? 0 : boldMetrics.horizontalAdvance(m_title) + 12);
    const bool shortTexts = keyLeft + keyWidth(false) > right;
    if (shortTexts && keyLeft + keyWidth(true) > right)
        gap = 8;
    // Still too wide: the line goes unnamed, as the axis names it, rather than a name cut short.
    if (shortTexts && keyLeft + keyWidth(true) > right && entries.size() > 1)
        entries.removeIf([](const Entry &e) { return e.style == Entry::Line; });
    double x = std::max(titleLeft, right - keyWidth(shortTexts));
    if (!m_title.isEmpty()) {
        p.save();
        p.setFont(bold);
        p.setPen(pal.color(QPalette::Text));
        const double room = std::max(0.0, x - titleLeft - 12);
        p.drawText(QRectF(titleLeft, 0, room, keyHeight), Qt::AlignVCenter | Qt::AlignLeft,
                   boldMetrics.elidedText(m_title, Qt::ElideRight, room));
        p.restore();
    }
    for (const auto &e : entries) {
        const QRectF box(x, midY - swatch / 2, swatch, swatch);
        switch (e.style) {
        case Entry::Line:
            p.setPen(QPen(e.colour, 2));
            p.drawLine(QPointF(x, midY), QPointF(x + swatch, midY));
            break;
        case Entry::Dot:
            p.setPen(Qt::NoPen);
            p.setBrush(e.colour);
            p.drawEllipse(box.center(), 2.5, 2.5);
            break;
        case Entry::Box:
            p.fillRect(box, e.colour);
            break;
        case Entry::Hatched:
            Painting::fillHatched(p, box, withAlpha(e.colour, 90));
            break;
        }
        x += swatch + 4;
        const QString text = shortTexts ? e.shortText : e.text;
        const double textWidth = fm.horizontalAdvance(text);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(x, 0, textWidth + 2, keyHeight), Qt::AlignVCenter, text);
        x += textWidth + gap;
    }
}

void LagChartWidget::paintPlot(QPainter &p, const QRect &plot) const
{
    p.save();
    p.setClipRect(plot);
    const double top = plot.top();
    const double height = plot.height();
    const double bottom = top + height;
    // bands are axis-aligned: antialiasing would only blur them and cost time
    const int bandAlpha = isDark() ? 80 : 52;
    for (RunMode mode : { RunMode::Blocking, RunMode::Async }) {
        QList<std::pair<double, double>> spans;
        for (const Band &b : m_bands) {
            if (b.mode == mode)
                spans.append({ b.startMs, b.endMs });
        }
        const QColor colour = modeColor(mode);
        // overlapping operations are painted once, so ten concurrent fetches do not stack into
        // an opaque block
        for (const auto &[start, end] : mergeSpans(spans)) {
            const double x1 = xAt(start);
            const double x2 = std::max(xAt(end), x1 + MinBandWidthPx);
            p.fillRect(QRectF(x1, top, x2 - x1, height), withAlpha(colour, bandAlpha));
            p.fillRect(QRectF(x1, bottom - 4, x2 - x1, 4), withAlpha(colour, 200));
        }
    }
    for (const auto &[start, end] : m_stallSpans) {
        const double x1 = xAt(start);
        const double x2 = std::max(xAt(end), x1 + MinBandWidthPx);
        Painting::fillHatched(p, QRectF(x1, top, x2 - x1, height),
                              withAlpha(modeColor(RunMode::Blocking), 70));
    }

    p.setRenderHint(QPainter::Antialiasing);
    QPolygonF line;
    line.reserve(m_points.size());
    const double x0 = xAt(isLive()                ? m_nowMs
                                  : isFollowing() ? m_growingFromMs + windowMs()
                                                  : m_fixedToMs);
    const double msPerPx = windowMs() / plot.width();
    for (const QPointF &pt : m_points) {
        const QPointF point(x0 + pt.x() * 1000 / msPerPx,
                            std::round(yAt(std::min(pt.y(), m_yMaxMs)) * 2) / 2);
        // a run at one height is one segment: an idle line costs a few, not one per column
        const qsizetype n = line.size();
        if (n >= 2 && line.at(n - 1).y() == point.y() && line.at(n - 2).y() == point.y())
            line.last() = point;
        else
            line.append(point);
    }
    // A cosmetic pen is stroked by the raster engine's fast path; a 1.5 px geometric one goes
    // through the general stroker, whose cost grows with the segments it joins.
    QPen pen(lineColour(), 1);
    pen.setCosmetic(true);
    p.setPen(pen);
    p.drawPolyline(line);

    if (!m_inputMarks.isEmpty()) {
        p.setClipRect(plot.adjusted(-3, -3, 3, 3));
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x8e, 0x44, 0xad));
        for (const QPointF &mark : m_inputMarks)
            p.drawEllipse(QPointF(xAt(mark.x()), yAt(std::min(mark.y(), m_yMaxMs))), 2.5, 2.5);
    }
    paintPhaseMarks(p, plot);
    // stall markers: a flag at the top over each stall's length
    const QColor flag = failedColor();
    for (int i = 0; i < m_stallMarkers.size(); ++i) {
        const StallMarker &m = m_stallMarkers.at(i);
        const double x1 = xAt(m.startMs);
        const double x2 = std::max(xAt(m.startMs + m.durationMs), x1 + 2);
        p.setPen(QPen(flag, i == m_hoveredMarker ? 3 : 2));
        p.drawLine(QPointF(x1, top + 2), QPointF(x2, top + 2));
        p.setPen(Qt::NoPen);
        p.setBrush(flag);
        const double s = i == m_hoveredMarker ? 6 : 4.5;
        p.drawPolygon(QPolygonF(
                { QPointF(x1 - s, top), QPointF(x1 + s, top), QPointF(x1, top + 1.6 * s) }));
    }
    p.restore();
}

void LagChartWidget::paintPhaseMarks(QPainter &p, const QRect &plot) const
{
    if (m_phaseMarks.isEmpty())
        return;
    const QFontMetricsF fm(m_layout.small);
    p.setFont(m_layout.small);
    const QColor text = palette().color(QPalette::Text);
    const double labelTop = plot.top() + 12; // below the stall flags
    const double right = plot.left() + plot.width();
    // A label that would run into the one before it goes on the next row down, so that each
    // reads to the plot's edge rather than being cut at the next mark to "(a) GUI thr…".
    constexpr int Rows = 3;
    double rowEnd[Rows] = { -1, -1, -1 };
    for (qsizetype i = 0; i < m_phaseMarks.size(); ++i) {
        const double x = std::round(xAt(m_phaseMarks.at(i).atMs)) + 0.5;
        p.setPen(QPen(withAlpha(text, 150), 1, Qt::DotLine));
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.top() + plot.height()));
        const QString whole = m_phaseMarks.at(i).label;
        const double room = right - x - 6;
        int row = 0;
        while (row < Rows && x + 3 <= rowEnd[row])
            ++row;
        if (row == Rows || room < fm.averageCharWidth() * 4)
            continue;
        const QString label = fm.elidedText(whole, Qt::ElideRight, room);
        const QRectF box(x + 3, labelTop + row * fm.height(), fm.horizontalAdvance(label) + 4,
                         fm.height());
        rowEnd[row] = box.right() + fm.averageCharWidth();
        p.fillRect(box, withAlpha(palette().color(QPalette::Base), 210));
        p.setPen(text);
        p.drawText(box, Qt::AlignCenter, label);
    }
}

void LagChartWidget::paintEvent(QPaintEvent *event)
{
    const PaintTimer timing(this);
    const QRect plot = plotRect();
    const qreal dpr = devicePixelRatioF();
    if (m_background.isNull() || m_background.size() != size() * dpr) {
        m_background = QPixmap(size() * dpr);
        m_background.setDevicePixelRatio(dpr);
        QPainter bg(&m_background);
        paintBackground(bg, plot);
    }
    QPainter p(this);
    const QRect r = event->rect();
    p.drawPixmap(r, m_background, QRectF(QPointF(r.topLeft()) * dpr, QSizeF(r.size()) * dpr));
    if (plot.width() > 10 && plot.height() > 10)
        paintPlot(p, plot);
}

int LagChartWidget::stallMarkerAt(const QPoint &pos) const
{
    const QRect plot = plotRect();
    for (qsizetype i = m_stallMarkers.size() - 1; i >= 0; --i) {
        const StallMarker &m = m_stallMarkers.at(i);
        const double x1 = xAt(m.startMs);
        const double x2 = std::max(xAt(m.startMs + m.durationMs), x1);
        if (QRectF(x1 - 6, plot.top() - 2, x2 - x1 + 12, 14).contains(pos))
            return int(i);
    }
    return -1;
}

bool LagChartWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = stallMarkerAt(help->pos());
        if (index >= 0) {
            const StallMarker &m = m_stallMarkers.at(index);
            return Painting::showToolTip(
                    this, help,
                    !m.text.isEmpty() ? m.text
                                      : tr("<b>Stall of %1</b>: the GUI thread could not react for "
                                           "that long.")
                                                .arg(formatDuration(m.durationMs)),
                    QRect(int(xAt(m.startMs)) - 6, plotRect().top() - 2,
                          int(xAt(m.startMs + m.durationMs) - xAt(m.startMs)) + 12, 14));
        }
    }
    return QWidget::event(event);
}

void LagChartWidget::mouseMoveEvent(QMouseEvent *event)
{
    const int index = stallMarkerAt(event->position().toPoint());
    if (index != m_hoveredMarker) {
        m_hoveredMarker = index;
        setCursor(index >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update(plotRect().adjusted(-3, -3, 3, 3));
    }
    QWidget::mouseMoveEvent(event);
}

void LagChartWidget::mousePressEvent(QMouseEvent *event)
{
    const int index = stallMarkerAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && index >= 0) {
        emit stallMarkerClicked(index);
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

bool LagChartWidget::isDark() const
{
    return palette().color(QPalette::Base).lightnessF() < 0.5f;
}

QColor LagChartWidget::lineColour() const
{
    return isDark() ? QColor(0x6c, 0xa8, 0xff) : QColor(0x1f, 0x5f, 0xbf);
}

void LagChartWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
    refresh();
    emit plotRectChanged();
}

void LagChartWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    updateTimer();
}

void LagChartWidget::hideEvent(QHideEvent *event)
{
    m_updateTimer.stop();
    QWidget::hideEvent(event);
}

void LagChartWidget::changeEvent(QEvent *event)
{
    if (event)
        QWidget::changeEvent(event);
    if (!event || event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        m_logButton->setFont(smallFont(font()));
        relayout();
        update();
    }
}

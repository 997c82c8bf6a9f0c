#include <widgets/heartbeatwidget.h>
#include <common/labclock.h>
#include <models/labcolors.h>
#include <widgets/painting.h>
#include <stalls/responsivenessmonitor.h>
#include <common/units.h>

#include <QEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <numbers>

using namespace Qt::StringLiterals;

namespace {

constexpr int TrailLength = 14;
constexpr int FramesPerCycle = 120; // out and back along the track in 2 s
constexpr int FramesPerBeat = 60;
constexpr double FreezeShownMs = 2500; // how long "froze N ms" stays up after a freeze
constexpr double FreezeReportMs = 100; // shorter hiccups only count as missed frames
constexpr double TextIntervalMs = 250; // how often the frame counter is redrawn
constexpr double Pad = 10;

QPainterPath heartPath(const QPointF &centre, double size)
{
    // two lobes and a point, built in a unit box and scaled
    QPainterPath path;
    path.moveTo(0.5, 0.95);
    path.cubicTo(0.05, 0.62, -0.02, 0.32, 0.14, 0.16);
    path.cubicTo(0.28, 0.02, 0.45, 0.08, 0.5, 0.26);
    path.cubicTo(0.55, 0.08, 0.72, 0.02, 0.86, 0.16);
    path.cubicTo(1.02, 0.32, 0.95, 0.62, 0.5, 0.95);
    path.closeSubpath();
    QTransform t;
    t.translate(centre.x() - size / 2, centre.y() - size / 2);
    t.scale(size, size);
    return t.map(path);
}

// Where the ball is on the track, 0 -> 1 -> 0, easing in and out at both ends.
double trackPosition(qint64 frame)
{
    const double t = double(frame % FramesPerCycle) / FramesPerCycle;
    return (1 - std::cos(2 * std::numbers::pi * t)) / 2;
}

} // namespace

HeartbeatWidget::HeartbeatWidget(QWidget *parent) : QWidget(parent)
{
    // a coarse timer may drift by 5%, which would read as missed frames on an idle loop
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(16);
    connect(&m_timer, &QTimer::timeout, this, &HeartbeatWidget::advance);

    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Heartbeat"));
    setAccessibleDescription(tr("Animation redrawn 60 times a second on the GUI thread; it "
                                "stops while the GUI thread is blocked"));
    setToolTip(tr("<p>Redrawn 60 times a second by a timer on the GUI thread.</p>"
                  "<p>While the GUI thread is blocked the animation stands still; the frames it "
                  "should have drawn meanwhile are counted as <b>missed</b>.</p>"));
}

void HeartbeatWidget::resetCounters()
{
    m_frames = 0;
    m_missed = 0;
    m_lastFreezeMs = 0;
    m_lastFreezeAtMs = 0;
    m_lastFrameMs = labNowMs();
    m_shownText.clear();
    m_shownMissed = 0;
    m_freezeShown = false;
    update();
}

QSize HeartbeatWidget::sizeHint() const
{
    return { 300, 80 };
}

QSize HeartbeatWidget::minimumSizeHint() const
{
    return { 180, 64 };
}

void HeartbeatWidget::showEvent(QShowEvent *event)
{
    // time spent hidden is not a freeze
    m_lastFrameMs = labNowMs();
    m_timer.start();
    QWidget::showEvent(event);
}

void HeartbeatWidget::hideEvent(QHideEvent *event)
{
    m_timer.stop();
    QWidget::hideEvent(event);
}

void HeartbeatWidget::setMonitor(ResponsivenessMonitor *monitor)
{
    if (m_monitor)
        disconnect(m_monitor, nullptr, this, nullptr);
    m_monitor = monitor;
    if (monitor) {
        connect(monitor, &ResponsivenessMonitor::sampled, this, [this](const LagSample &sample) {
            if (sample.lagMs >= FreezeReportMs && isVisible())
                noteFreeze(sample.lagMs);
        });
    }
}

void HeartbeatWidget::noteFreeze(double ms)
{
    m_lastFreezeMs = ms;
    m_lastFreezeAtMs = labNowMs();
    update(textRect().toAlignedRect());
}

QString HeartbeatWidget::freezeText() const
{
    return tr("froze %1").arg(formatDuration(m_lastFreezeMs));
}

void HeartbeatWidget::advance()
{
    const double now = labNowMs();
    const double gapMs = now - m_lastFrameMs;
    m_lastFrameMs = now;
    // a frame that arrives N periods after the last one means N - 1 were never drawn
    const auto due = qint64(std::floor(gapMs / FramePeriodMs + 0.5));
    if (due > 1)
        m_missed += due - 1;
    // with a monitor, its sample of this freeze is the number shown (see noteFreeze)
    if (gapMs >= FreezeReportMs && !m_monitor)
        noteFreeze(gapMs);
    ++m_frames;
    // Only the heart and the ball move at 60 fps; the counters are redrawn a few times a second,
    // or at once when a frame was missed or a freeze ends.
    // the ball and its trail, where they were and where they are now: a small part of the track
    const QRect ball = ballRect();
    update(ball | m_lastBallRect);
    m_lastBallRect = ball;
    const QRect heart = heartRect();
    // the heart swells at each beat and rests in between: redrawn only while its size changes
    const int heartSize = qRound(heartSwell() * 40);
    if (heartSize != m_shownHeartSize) {
        m_shownHeartSize = heartSize;
        update(heart);
    }
    const QString text = counterText();
    const bool freezeShown = m_lastFreezeAtMs > 0 && now - m_lastFreezeAtMs < FreezeShownMs;
    if (text != m_shownText
        && (now - m_textShownAtMs >= TextIntervalMs || m_missed != m_shownMissed
            || freezeShown != m_freezeShown)) {
        m_shownText = text;
        m_shownMissed = m_missed;
        m_textShownAtMs = now;
        update(textRect().toAlignedRect());
    }
    if (freezeShown != m_freezeShown) {
        m_freezeShown = freezeShown;
        update(textRect().toAlignedRect());
    }
}

double HeartbeatWidget::heartSwell() const
{
    const double beat = double(m_frames % FramesPerBeat) / FramesPerBeat;
    return std::exp(-beat * 9);
}

HeartbeatWidget::Track HeartbeatWidget::track() const
{
    const QRectF card = cardRect();
    const double animHeight = textRect().top() - card.top() - Pad;
    Track t;
    t.midY = card.top() + Pad + animHeight / 2;
    t.left = card.left() + Pad + 15 + 28;
    t.right = card.right() - Pad - 8;
    t.radius = std::clamp(animHeight / 4, 4.0, 9.0);
    return t;
}

QRect HeartbeatWidget::ballRect() const
{
    const Track t = track();
    double from = t.right;
    double to = t.left;
    for (qint64 frame = std::max<qint64>(0, m_frames - TrailLength); frame <= m_frames; ++frame) {
        const double x = t.left + (t.right - t.left) * trackPosition(frame);
        from = std::min(from, x);
        to = std::max(to, x);
    }
    const double margin = t.radius + 2;
    return QRectF(from - margin, t.midY - margin, to - from + 2 * margin, 2 * margin)
            .toAlignedRect();
}

QRect HeartbeatWidget::heartRect() const
{
    const QRect animation = animationRect();
    return QRect(animation.left(), animation.top(), int(Pad) + 31, animation.height());
}

QString HeartbeatWidget::counterText() const
{
    return tr("frame %L1 \u00b7 missed %L2").arg(m_frames).arg(m_missed);
}

QRectF HeartbeatWidget::cardRect() const
{
    return QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
}

QRectF HeartbeatWidget::textRect() const
{
    const QRectF card = cardRect();
    const double textHeight = QFontMetricsF(font()).height();
    return QRectF(card.left() + Pad, card.bottom() - Pad - textHeight, card.width() - 2 * Pad,
                  textHeight);
}

QRect HeartbeatWidget::animationRect() const
{
    const QRectF card = cardRect();
    return QRectF(card.left() + 2, card.top() + 2, card.width() - 4,
                  textRect().top() - card.top() - 2)
            .toAlignedRect();
}

void HeartbeatWidget::resizeEvent(QResizeEvent *event)
{
    m_card = QPixmap();
    QWidget::resizeEvent(event);
}

void HeartbeatWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        m_card = QPixmap();
    QWidget::changeEvent(event);
}

void HeartbeatWidget::paintEvent(QPaintEvent *event)
{
    const PaintTimer timing(this);
    const QPalette pal = palette();
    const QRectF card = cardRect();
    const qreal dpr = devicePixelRatioF();
    if (m_card.isNull() || m_card.size() != size() * dpr) {
        // the card does not move: drawn once, copied where the animation repaints
        m_card = QPixmap(size() * dpr);
        m_card.setDevicePixelRatio(dpr);
        QPainter c(&m_card);
        c.setRenderHint(QPainter::Antialiasing);
        c.fillRect(rect(), pal.window());
        c.setPen(QPen(pal.color(QPalette::Mid), 1));
        c.setBrush(pal.base());
        c.drawRoundedRect(card, 6, 6);
        // the track too, and one picture of the ball at each step of its trail, so a frame only
        // copies pixmaps: the raster engine strokes curves at every draw
        const Track t = track();
        QColor trackColour = pal.color(QPalette::Text);
        trackColour.setAlphaF(0.12f);
        c.setPen(QPen(trackColour, 4, Qt::SolidLine, Qt::RoundCap));
        c.drawLine(QPointF(t.left, t.midY), QPointF(t.right, t.midY));
        m_balls.clear();
        const QColor ball = pal.color(QPalette::Highlight);
        const int side = int(std::ceil(2 * t.radius + 2));
        for (int i = 0; i <= TrailLength; ++i) {
            const double fade = 1.0 - double(i) / (TrailLength + 1);
            QPixmap sprite(QSize(side, side) * dpr);
            sprite.setDevicePixelRatio(dpr);
            sprite.fill(Qt::transparent);
            QPainter b(&sprite);
            b.setRenderHint(QPainter::Antialiasing);
            b.setPen(Qt::NoPen);
            QColor colour = ball;
            if (i > 0)
                colour.setAlphaF(float(0.45 * fade));
            b.setBrush(colour);
            const double r = i == 0 ? t.radius : t.radius * (0.4 + 0.6 * fade);
            b.drawEllipse(QPointF(side / 2.0, side / 2.0), r, r);
            m_balls.append(sprite);
        }
    }
    QPainter p(this);
    const QRect dirty = event->rect();
    p.drawPixmap(dirty, m_card, QRectF(QPointF(dirty.topLeft()) * dpr, QSizeF(dirty.size()) * dpr));
    p.setRenderHint(QPainter::Antialiasing);

    const QRectF text = textRect();
    if (dirty.intersects(animationRect()))
        paintAnimation(p, card, text.top(), dirty.intersects(heartRect()));
    if (!dirty.intersects(text.toAlignedRect()))
        return;
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
               m_shownText.isEmpty() ? counterText() : m_shownText);
    if (m_freezeShown) {
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.setPen(failedColor());
        p.drawText(text, Qt::AlignRight | Qt::AlignVCenter, freezeText());
    }
}

void HeartbeatWidget::paintAnimation(QPainter &p, const QRectF &card, double textTop,
                                     bool withHeart)
{
    const QPalette pal = palette();
    const double animHeight = textTop - card.top() - Pad;
    const double midY = card.top() + Pad + animHeight / 2;

    // heart: a quick swell at each beat that decays over the next few frames
    const double swell = heartSwell();
    const double heartSize = std::min(animHeight, 30.0) * (0.85 + 0.25 * swell);
    const QPointF heartCentre(card.left() + Pad + 15, midY);
    if (withHeart) {
        p.setPen(Qt::NoPen);
        p.setBrush(modeColor(RunMode::Blocking).lighter(100 + int(25 * swell)));
        p.drawPath(heartPath(heartCentre, heartSize));
    }

    // the ball and its fading trail, from the pictures drawn with the card
    const Track t = track();
    const double half =
            (m_balls.isEmpty() ? 0 : m_balls.first().deviceIndependentSize().width()) / 2;
    for (int i = int(m_balls.size()) - 1; i >= 0; --i) {
        if (m_frames - i < 0)
            continue;
        const double x = t.left + (t.right - t.left) * trackPosition(m_frames - i);
        p.drawPixmap(QPointF(x - half, t.midY - half), m_balls.at(i));
    }
}

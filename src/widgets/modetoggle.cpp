#include <widgets/modetoggle.h>
#include <models/labcolors.h>

#include <QCoreApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

constexpr double Radius = 8;

QString title(RunMode mode)
{
    return mode == RunMode::Blocking ? QCoreApplication::translate("ModeToggle", "Blocking")
                                     : QCoreApplication::translate("ModeToggle", "Async");
}

QString caption(RunMode mode)
{
    return mode == RunMode::Blocking
            ? QCoreApplication::translate("ModeToggle", "waits on the GUI thread")
            : QCoreApplication::translate("ModeToggle", "GUI thread stays free");
}

QFont titleFont(QFont font)
{
    font.setBold(true);
    // a font set in pixels reports no point size
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 1.25);
    else
        font.setPixelSize(qRound(font.pixelSize() * 1.25));
    return font;
}

} // namespace

ModeToggle::ModeToggle(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumHeight(40);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setAccessibleName(tr("Run mode"));
    setToolTip(tr("<p><b>Blocking</b>: the work and all its waiting happen on the GUI thread. "
                  "The window freezes until it is done.</p>"
                  "<p><b>Async</b>: the waiting happens off the GUI thread (network events, a "
                  "worker thread). The window stays responsive.</p>"
                  "<p>Click a side, or press Space or the arrow keys.</p>"));
    updateAccessibleText();
}

void ModeToggle::setMode(RunMode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    updateAccessibleText();
    update();
    emit modeChanged(m_mode);
}

QSize ModeToggle::sizeHint() const
{
    return { 360, minimumSizeHint().height() };
}

QSize ModeToggle::minimumSizeHint() const
{
    const QFontMetrics titleMetrics(titleFont(font()));
    const QFontMetrics captionMetrics(font());
    const int textWidth = std::max({ titleMetrics.horizontalAdvance(title(RunMode::Blocking)),
                                     captionMetrics.horizontalAdvance(caption(RunMode::Blocking)),
                                     captionMetrics.horizontalAdvance(caption(RunMode::Async)) });
    const int height = titleMetrics.height() + captionMetrics.height() + 20;
    return { 2 * (textWidth + 24), std::max(44, height) };
}

QRectF ModeToggle::segmentRect(RunMode mode) const
{
    // leave room for the focus ring
    const QRectF inner = QRectF(rect()).adjusted(2, 2, -2, -2);
    const double half = inner.width() / 2;
    return mode == RunMode::Blocking
            ? QRectF(inner.left(), inner.top(), half, inner.height())
            : QRectF(inner.left() + half, inner.top(), half, inner.height());
}

std::optional<RunMode> ModeToggle::modeAt(const QPointF &pos) const
{
    for (RunMode mode : { RunMode::Blocking, RunMode::Async }) {
        if (segmentRect(mode).contains(pos))
            return mode;
    }
    return std::nullopt;
}

void ModeToggle::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF outer = segmentRect(RunMode::Blocking).united(segmentRect(RunMode::Async));

    QPainterPath clip;
    clip.addRoundedRect(outer, Radius, Radius);
    p.save();
    p.setClipPath(clip);
    paintSegment(p, RunMode::Blocking);
    paintSegment(p, RunMode::Async);
    p.restore();

    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.drawRoundedRect(outer.adjusted(0.5, 0.5, -0.5, -0.5), Radius, Radius);
    if (hasFocus()) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 2));
        p.drawRoundedRect(outer.adjusted(-1, -1, 1, 1), Radius + 1, Radius + 1);
    }
}

void ModeToggle::paintSegment(QPainter &p, RunMode mode) const
{
    const QRectF r = segmentRect(mode);
    const bool current = mode == m_mode;
    QColor accent = modeColor(mode);
    if (!isEnabled()) // greyed, but dark enough to keep the white label readable
        accent = QColor::fromHsvF(accent.hsvHueF(), accent.hsvSaturationF() * 0.2f,
                                  accent.valueF() * 0.7f);

    QColor fill = palette().color(QPalette::Button);
    QColor text = palette().color(QPalette::ButtonText);
    if (current) {
        fill = m_pressed == mode ? accent.darker(115) : accent;
        text = Qt::white;
    } else if (isEnabled() && (m_hovered == mode || m_pressed == mode)) {
        // a hint of the colour the segment will take
        fill = accent;
        fill.setAlphaF(m_pressed == mode ? 0.35f : 0.18f);
        p.fillRect(r, palette().color(QPalette::Button));
    }
    p.fillRect(r, fill);
    if (!current) {
        // a strip in the mode colour keeps the meaning visible on the unselected side
        QColor strip = accent;
        strip.setAlphaF(0.8f);
        p.fillRect(QRectF(r.left(), r.bottom() - 3, r.width(), 3), strip);
    }

    const QFont big = titleFont(font());
    const QFontMetricsF titleMetrics(big);
    const QFontMetricsF captionMetrics(font());
    const double block = titleMetrics.height() + captionMetrics.height();
    const double top = r.center().y() - block / 2;

    p.setPen(text);
    p.setFont(big);
    p.drawText(QRectF(r.left(), top, r.width(), titleMetrics.height()), Qt::AlignCenter,
               title(mode));
    QColor captionColour = text;
    captionColour.setAlphaF(current ? 0.9f : 0.65f);
    p.setPen(captionColour);
    p.setFont(font());
    p.drawText(QRectF(r.left(), top + titleMetrics.height(), r.width(), captionMetrics.height()),
               Qt::AlignCenter, caption(mode));
}

void ModeToggle::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_pressed = modeAt(event->position());
    update();
}

void ModeToggle::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    // like a button: only a release over the pressed segment counts
    const std::optional<RunMode> released = modeAt(event->position());
    const std::optional<RunMode> pressed = std::exchange(m_pressed, std::nullopt);
    update();
    if (released && released == pressed)
        setMode(*released);
}

void ModeToggle::mouseMoveEvent(QMouseEvent *event)
{
    const std::optional<RunMode> hovered = modeAt(event->position());
    if (hovered != m_hovered) {
        m_hovered = hovered;
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void ModeToggle::leaveEvent(QEvent *event)
{
    m_hovered.reset();
    update();
    QWidget::leaveEvent(event);
}

void ModeToggle::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Select:
        setMode(m_mode == RunMode::Blocking ? RunMode::Async : RunMode::Blocking);
        break;
    case Qt::Key_Left:
    case Qt::Key_Up:
    case Qt::Key_Home:
        setMode(RunMode::Blocking);
        break;
    case Qt::Key_Right:
    case Qt::Key_Down:
    case Qt::Key_End:
        setMode(RunMode::Async);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void ModeToggle::updateAccessibleText()
{
    setAccessibleDescription(
            m_mode == RunMode::Blocking
                    ? u"Blocking selected: work waits on the GUI thread and the window freezes. "
                      "Press Space to switch to Async."_s
                    : u"Async selected: work waits off the GUI thread and the window stays "
                      "responsive. Press Space to switch to Blocking."_s);
}

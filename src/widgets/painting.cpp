#include <widgets/painting.h>
#include <common/units.h>

#include <QBrush>
#include <QCoreApplication>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>
#include <QWidget>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPaint, "asynclab.paint", QtWarningMsg)

namespace Painting {

QFont smallFont(QFont font)
{
    // a font set in pixels reports no point size, and one set in points no pixel size
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.85);
    else if (font.pixelSize() > 0)
        font.setPixelSize(std::max(1, qRound(font.pixelSize() * 0.85)));
    return font;
}

QColor withAlpha(QColor colour, int alpha)
{
    colour.setAlpha(alpha);
    return colour;
}

void fillHatched(QPainter &painter, const QRectF &rect, const QColor &colour)
{
    painter.fillRect(rect, colour);
    painter.fillRect(rect, QBrush(withAlpha(Qt::white, 110), Qt::BDiagPattern));
}

QList<double> axisTicks(double max, int ticks)
{
    QList<double> values;
    if (!(max > 0) || ticks < 1)
        return { 0 };
    const double step = niceStep(max, ticks);
    for (int i = 0; i * step <= max * (1 + 1e-9); ++i)
        values.append(i * step);
    return values;
}

QString secondsLabel(double seconds, double step)
{
    int decimals = 0;
    while (decimals < 3 && std::abs(step - std::round(step)) > 1e-6) {
        step *= 10;
        ++decimals;
    }
    return QCoreApplication::translate("Units", "%1 s")
            .arg(numberLocale().toString(seconds, 'f', decimals));
}

bool showToolTip(QWidget *widget, const QHelpEvent *event, const QString &text, const QRect &area)
{
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPos(), text, widget, area);
    return true;
}

} // namespace Painting

namespace {
QHash<QString, PaintTimer::Stats> &paintStats()
{
    // GUI thread only: widgets paint nowhere else
    static QHash<QString, PaintTimer::Stats> stats;
    return stats;
}
} // namespace

PaintTimer::PaintTimer(const QWidget *widget) : m_widget(widget)
{
    if (lcPaint().isDebugEnabled())
        m_timer.start();
}

PaintTimer::~PaintTimer()
{
    if (!m_timer.isValid())
        return;
    const double ms = double(m_timer.nsecsElapsed()) / 1e6;
    Stats &s = paintStats()[QString::fromLatin1(m_widget->metaObject()->className())];
    s.longestMs = std::max(s.longestMs, ms);
    s.totalMs += ms;
    ++s.paints;
    if (ms > SlowPaintMs)
        qCDebug(lcPaint, "%s painted in %.1f ms", m_widget->metaObject()->className(), ms);
}

QHash<QString, PaintTimer::Stats> PaintTimer::stats()
{
    return paintStats();
}

void PaintTimer::resetStats()
{
    paintStats().clear();
}

#pragma once

#include <QColor>
#include <QElapsedTimer>
#include <QFont>
#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QRectF>
#include <QString>

class QHelpEvent;
class QPainter;
class QWidget;

// What AsyncLab's own widgets paint alike, written once.
namespace Painting {

// The widget's font, 85% as large, whether it was set in points or in pixels.
QFont smallFont(QFont font);
QColor withAlpha(QColor colour, int alpha);
// The red, hatched fill of "the GUI thread was blocked here", for bars and their key.
void fillHatched(QPainter &painter, const QRectF &rect, const QColor &colour);
// Tick values from 0 up to max, at a round step, about `ticks` of them.
QList<double> axisTicks(double max, int ticks);
// "0.25 s", "2 s": as many decimals as the step between ticks needs.
QString secondsLabel(double seconds, double step);
// Answers a tooltip event for the part of a widget under the mouse: shows `text` while the mouse
// stays in `area`, or hides any tooltip when text is empty. Returns true: the event is handled.
bool showToolTip(QWidget *widget, const QHelpEvent *event, const QString &text,
                 const QRect &area = {});

} // namespace Painting

// How long AsyncLab's own paint code takes, per widget class. Off unless asked for:
// QT_LOGGING_RULES="asynclab.paint.debug=true" keeps the longest paint of each widget class and
// logs each paint over SlowPaintMs. Disabled, a PaintTimer is one check of a flag.
Q_DECLARE_LOGGING_CATEGORY(lcPaint)

class PaintTimer
{
public:
    static constexpr double SlowPaintMs = 4;

    explicit PaintTimer(const QWidget *widget);
    ~PaintTimer();
    PaintTimer(const PaintTimer &) = delete;
    PaintTimer &operator=(const PaintTimer &) = delete;

    struct Stats
    {
        double longestMs = 0;
        double totalMs = 0;
        qint64 paints = 0;
    };
    // Per widget class name, since the last reset; empty while the category is off.
    static QHash<QString, Stats> stats();
    static void resetStats();

private:
    const QWidget *m_widget;
    QElapsedTimer m_timer;
};

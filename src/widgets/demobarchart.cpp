#include <widgets/demobarchart.h>
#include <widgets/painting.h>
#include <common/units.h>

#include <QPainter>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using Painting::withAlpha;

namespace {
// Round figures read better on a bar: 1234, 56.7, 0.42.
double readable(double value)
{
    const double magnitude = std::abs(value);
    const double scale = magnitude >= 100 ? 1 : magnitude >= 10 ? 10 : 100;
    return std::round(value * scale) / scale;
}

bool allWhole(const QList<QPair<QString, double>> &bars)
{
    return std::all_of(bars.cbegin(), bars.cend(),
                       [](const auto &bar) { return bar.second == std::round(bar.second); });
}
} // namespace

DemoBarChart::DemoBarChart(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Measured results chart"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setMinimumHeight(180);
}

QSize DemoBarChart::sizeHint() const
{
    return { 420, 200 };
}

QSize DemoBarChart::minimumSizeHint() const
{
    return { 240, 180 };
}

void DemoBarChart::setBars(const QList<QPair<QString, double>> &bars, const QString &unit,
                           const QString &categoryTitle, const QString &note)
{
    m_bars = bars;
    m_unit = unit;
    m_categoryTitle = categoryTitle;
    m_note = note;
    setAccessibleDescription(m_bars.isEmpty() ? QString() : unit);
    update();
}

void DemoBarChart::clear()
{
    setBars({}, {});
}

QString DemoBarChart::valueLabel(double value)
{
    // 1234, 56.7, 0.42 and 0: never "56.70" or an exponent
    QString text = QString::number(readable(value), 'f', 2);
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text == u"-0"_s ? u"0"_s : text;
}

QList<double> DemoBarChart::ticks() const
{
    double maxValue = 0;
    for (const auto &bar : m_bars)
        maxValue = std::max(maxValue, bar.second);
    if (maxValue <= 0)
        return { 0, 1 };
    double step = niceStep(maxValue, 4);
    if (allWhole(m_bars))
        step = std::max(1.0, std::round(step)); // counts: 0, 1, 2, never 0.5
    QList<double> ticks;
    for (int i = 0; ticks.isEmpty() || ticks.last() < maxValue; ++i)
        ticks.append(i * step);
    return ticks;
}

QStringList DemoBarChart::valueLabels() const
{
    QStringList labels;
    for (const auto &bar : m_bars)
        labels.append(valueLabel(bar.second));
    return labels;
}

void DemoBarChart::paintEvent(QPaintEvent *)
{
    const PaintTimer timing(this);
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.window());
    const QFont small = Painting::smallFont(font());
    const QFontMetricsF fm(small);
    p.setFont(small);
    const QColor text = pal.color(QPalette::Text);
    const QColor dim = pal.color(QPalette::PlaceholderText);
    if (m_bars.isEmpty()) {
        p.setPen(dim);
        p.drawText(rect(), Qt::AlignCenter, tr("Run the demo to see its measurements here."));
        return;
    }

    QFont bold = small;
    bold.setBold(true);
    const double lineHeight = fm.height();
    double top = 4;
    if (!m_note.isEmpty()) {
        const QRectF noteRect(4, top, width() - 8, lineHeight * 3);
        QFont italic = small;
        italic.setItalic(true);
        p.setFont(italic);
        p.setPen(dim);
        QRectF used;
        p.drawText(noteRect, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, m_note, &used);
        p.setFont(small);
        top += used.height() + 4;
    }
    if (!m_categoryTitle.isEmpty()) {
        p.setFont(bold);
        p.setPen(text);
        p.drawText(QRectF(4, top, width() - 8, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                   m_categoryTitle);
        p.setFont(small);
        top += lineHeight + 2;
    }

    double labelWidth = 0;
    double valueWidth = 0;
    for (const auto &bar : m_bars) {
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(bar.first));
        valueWidth = std::max(valueWidth, fm.horizontalAdvance(valueLabel(bar.second)));
    }
    labelWidth = std::min(labelWidth + 8, width() * 0.45);
    // The axis title across the whole width, on a second line where one is too short: elided
    // under the plot alone it lost what the unit measures ("ms (longest GUI st…").
    const QRectF titleRoom(4, 0, width() - 8, lineHeight * 2);
    const QRectF titleUsed =
            fm.boundingRect(titleRoom, Qt::TextWordWrap | Qt::AlignHCenter, m_unit);
    const double titleHeight = std::min(titleUsed.height(), titleRoom.height());
    const double bottom = height() - lineHeight - titleHeight - 8;
    const QRectF plot(labelWidth, top, width() - labelWidth - valueWidth - 12, bottom - top);
    if (plot.width() < 20 || plot.height() < 10)
        return;

    const QList<double> tickValues = ticks();
    const double axisMax = tickValues.last();
    const auto xAt = [&](double v) { return plot.left() + v / axisMax * plot.width(); };
    double tickStep = tickValues.size() > 1 ? tickValues.at(1) - tickValues.at(0) : 1;
    double labelsEnd = -1; // a label that would touch the one before it is left out
    for (double v : tickValues) {
        const double x = std::round(xAt(v)) + 0.5;
        p.setPen(QPen(withAlpha(text, 28), 1));
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        const QString label = numberLocale().toString(v, 'f',
                                                      tickStep >= 1             ? 0
                                                              : tickStep >= 0.1 ? 1
                                                                                : 2);
        const double w = fm.horizontalAdvance(label) + 4;
        if (x - w / 2 < labelsEnd + fm.horizontalAdvance(u' ') * 2)
            continue;
        p.setPen(text);
        p.drawText(QRectF(x - w / 2, plot.bottom() + 2, w, lineHeight), Qt::AlignCenter, label);
        labelsEnd = x + w / 2;
    }
    p.setPen(dim);
    p.drawText(QRectF(titleRoom.left(), plot.bottom() + 4 + lineHeight, titleRoom.width(),
                      titleHeight),
               Qt::TextWordWrap | Qt::AlignHCenter | Qt::AlignTop, m_unit);
    p.setPen(QPen(pal.color(QPalette::Mid), 1));
    p.drawLine(QPointF(plot.left() + 0.5, plot.top()), QPointF(plot.left() + 0.5, plot.bottom()));

    const double row = plot.height() / double(m_bars.size());
    const double thickness = std::max(2.0, std::min(row * 0.6, 26.0));
    const QColor fill = pal.color(QPalette::Highlight);
    for (int i = 0; i < m_bars.size(); ++i) {
        const auto &[label, value] = m_bars.at(i);
        const double midY = plot.top() + row * (i + 0.5);
        p.setPen(text);
        p.drawText(QRectF(0, midY - row / 2, labelWidth - 6, row),
                   Qt::AlignRight | Qt::AlignVCenter,
                   fm.elidedText(label, Qt::ElideMiddle, labelWidth - 8));
        const QRectF bar(plot.left() + 1, midY - thickness / 2,
                         std::max(0.0, xAt(std::max(0.0, value)) - plot.left() - 1), thickness);
        if (bar.width() > 0) {
            p.fillRect(bar, fill);
            p.setPen(QPen(fill.darker(120), 1));
            p.drawRect(bar.adjusted(0.5, 0.5, -0.5, -0.5));
        }
        p.setPen(text);
        p.drawText(QRectF(bar.right() + 4, midY - lineHeight / 2, valueWidth + 4, lineHeight),
                   Qt::AlignLeft | Qt::AlignVCenter, valueLabel(value));
    }
}

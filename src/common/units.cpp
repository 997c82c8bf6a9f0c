#include <common/units.h>

#include <QCollator>
#include <QJsonObject>
#include <QJsonValue>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

QString formatBytes(qint64 bytes)
{
    static const char *const units[] = { "KiB", "MiB", "GiB", "TiB" };
    if (bytes < 1024)
        return u"%1 B"_s.arg(bytes);
    double value = double(bytes);
    int unit = -1;
    while (value >= 1024 && unit < 3) {
        value /= 1024;
        ++unit;
    }
    return u"%1 %2"_s.arg(value, 0, 'f', 1).arg(QLatin1StringView(units[unit]));
}

QString formatDuration(double ms)
{
    if (ms < 1000)
        return u"%1 ms"_s.arg(ms, 0, 'f', ms < 10 ? 1 : 0);
    return u"%1 s"_s.arg(ms / 1000, 0, 'f', ms < 10000 ? 2 : 1);
}

double roundedMs(double ms)
{
    const double step = ms < 10 ? 0.1 : ms < 1000 ? 1 : ms < 10000 ? 10 : 100;
    return std::round(ms / step) * step;
}

double niceStep(double range, int ticks)
{
    const double raw = range / ticks;
    const double magnitude = std::pow(10, std::floor(std::log10(raw)));
    const double n = raw / magnitude;
    const double factor = n < 1.5 ? 1 : n < 2.2 ? 2 : n < 3.5 ? 2.5 : n < 7 ? 5 : 10;
    return factor * magnitude;
}

QString formatFigure(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool() ? u"yes"_s : u"no"_s;
    if (!value.isDouble())
        return value.toString();
    QString text = QString::number(value.toDouble(), 'f', 2);
    while (text.contains(u'.') && (text.endsWith(u'0') || text.endsWith(u'.')))
        text.chop(1);
    return text;
}

QStringList figureNamesInReadingOrder(const QStringList &names)
{
    QCollator collator { QLocale(QLocale::English) };
    collator.setNumericMode(true);
    QStringList sorted = names;
    std::stable_sort(sorted.begin(), sorted.end(), collator);
    return sorted;
}

FigureGrid figureGrid(const QJsonObject &figures, int maxColumns)
{
    const QStringList names = figureNamesInReadingOrder(figures.keys());
    const auto split = [](const QString &name) {
        const qsizetype colon = name.lastIndexOf(u": "_s);
        return colon < 0 ? std::pair(name, QString())
                         : std::pair(name.left(colon), name.mid(colon + 2));
    };
    QStringList rows;
    QStringList columns;
    for (const QString &name : names) {
        const auto [row, column] = split(name);
        if (!rows.contains(row))
            rows.append(row);
        if (!column.isEmpty() && !columns.contains(column))
            columns.append(column);
    }
    FigureGrid grid;
    if (columns.isEmpty() || columns.size() > maxColumns || rows.size() == names.size()) {
        grid.columns = QStringList { u"Value"_s };
        for (const QString &name : names)
            grid.rows.append({ name, { formatFigure(figures.value(name)) } });
        return grid;
    }
    grid.columns = columns;
    for (const QString &row : std::as_const(rows))
        grid.rows.append({ row, QStringList(columns.size(), QString()) });
    for (const QString &name : names) {
        const auto [row, column] = split(name);
        const qsizetype at = column.isEmpty() ? 0 : columns.indexOf(column);
        grid.rows[rows.indexOf(row)].second[at] = formatFigure(figures.value(name));
    }
    return grid;
}

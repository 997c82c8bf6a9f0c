#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

class QJsonObject;
class QJsonValue;

// "64.0 MiB", "512 B"
QString formatBytes(qint64 bytes);
// "850 ms", "2.0 s"
QString formatDuration(double ms);
// ms rounded as formatDuration() shows it (4.5, 850, 2020), so that a demo's figures, bars and
// texts give one number for one measurement.
double roundedMs(double ms);
// An axis step of 1, 2, 2.5 or 5 times a power of ten, giving about `ticks` steps over `range`.
double niceStep(double range, int ticks);
// A demo figure for people: "yes"/"no", 1250000 (never 1.25e+06), 3.14, or the text itself.
QString formatFigure(const QJsonValue &value);
// Figure names in the order a person reads them: numbers inside names compare as numbers, so
// "limit 2" comes before "limit 16", and words after numbers ("limit unlimited" last).
QStringList figureNamesInReadingOrder(const QStringList &names);

// A demo's figures as a table a person reads without scrolling: names "row: column" ("max in
// flight 2: ms", "max in flight 2: server peak") become one row per thing measured and one
// column per figure, in reading order. With more than maxColumns columns, or nothing to group,
// it is one row per figure with its value. A name without ": " fills the first column.
struct FigureGrid
{
    QStringList columns; // headers of the value columns
    QList<QPair<QString, QStringList>> rows; // row name, then one formatted value per column
};
FigureGrid figureGrid(const QJsonObject &figures, int maxColumns = 5);

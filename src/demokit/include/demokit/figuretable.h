#pragma once

#include <demokit/demooutcome.h>

#include <QList>
#include <QString>
#include <QStringList>

// A demo's figures as a table a person reads without scrolling: figures that share a row ("max
// in flight 2": time, server peak) become one row with one column per figure, rows and columns
// in the order the demo gave them. A figure of the whole run (no row) is a row of its own whose
// one value spans the columns. With more than maxColumns columns, or no row holding two
// figures, it is one row per figure with its value and unit.
struct FigureTable
{
    struct Row
    {
        QString name;
        QStringList values; // one per column; one only when spanning
        bool spans = false; // the one value spans every column
    };
    QStringList columns; // headers of the value columns, e.g. "p99 (ms)"
    QList<Row> rows;
};
FigureTable figureTable(const QList<DemoFigure> &figures, int maxColumns = 5);

#include <demokit/figuretable.h>

#include <common/units.h>

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

QString header(const DemoFigure &figure)
{
    return figure.unit.isEmpty() ? figure.column : u"%1 (%2)"_s.arg(figure.column, figure.unit);
}

FigureTable listOf(const QList<DemoFigure> &figures)
{
    FigureTable table;
    table.columns = QStringList { QCoreApplication::translate("FigureTable", "Value") };
    for (const DemoFigure &figure : figures)
        table.rows.append({ figure.label(), { figure.valueText() }, false });
    return table;
}

} // namespace

FigureTable figureTable(const QList<DemoFigure> &figures, int maxColumns)
{
    QStringList rows;
    QStringList columns;
    qsizetype grouped = 0;
    for (const DemoFigure &figure : figures) {
        if (figure.row.isEmpty())
            continue;
        ++grouped;
        if (!rows.contains(figure.row))
            rows.append(figure.row);
        if (!columns.contains(header(figure)))
            columns.append(header(figure));
    }
    if (columns.isEmpty() || columns.size() > maxColumns || rows.size() == grouped)
        return listOf(figures);

    FigureTable table;
    table.columns = columns;
    QStringList placed; // row names in table order
    for (const DemoFigure &figure : figures) {
        if (figure.row.isEmpty()) {
            table.rows.append({ header(figure), { formatFigure(figure.value) }, true });
            placed.append(QString());
            continue;
        }
        qsizetype at = placed.indexOf(figure.row);
        if (at < 0) {
            at = table.rows.size();
            table.rows.append({ figure.row, QStringList(columns.size(), QString()), false });
            placed.append(figure.row);
        }
        table.rows[at].values[columns.indexOf(header(figure))] = formatFigure(figure.value);
    }
    return table;
}

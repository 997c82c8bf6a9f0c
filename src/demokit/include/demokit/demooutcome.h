#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPair>
#include <QString>

// Rows, columns, units, bar labels, plot titles and series names are English keys: JSON and the
// tests read them, and they stay the same in every language. A demo writes a literal one as
// DemoFigure::englishKey("stale overwrites"): it returns the English, and lupdate reads it as a
// text of the context "DemoFigure" (-tr-function-alias tr+=englishKey). One with a number in it
// marks its pattern: DemoFigure::englishKey("max in flight %1").arg(limit). Views show
// DemoOutcome::translated(); the summary, the error and the bars' note are translated texts.

// One number (or yes/no, or a short text) a demo measured. The gallery's table puts figures that
// share a row side by side, one column per column name; JSON and tests read the fields.
struct DemoFigure
{
    QString row; // what was measured, e.g. "max in flight 2"; empty: a figure of the whole run
    QString column; // which figure of it, e.g. "server peak"
    QJsonValue value; // a number, a bool or a text
    QString unit; // of a number, e.g. "ms", "MiB"; empty for a count or a text

    // "max in flight 2, server peak": how the figure reads on one line
    QString label() const;
    // "850 ms", "yes", "12", the text itself
    QString valueText() const;

    // An English key, marked for the catalogue: see above.
    static QString englishKey(const char *english) { return QString::fromUtf8(english); }
    Q_DECLARE_TR_FUNCTIONS(DemoFigure)
};

// One line of a plot: a value per x (e.g. per number of connections).
struct DemoSeries
{
    QString name;
    QList<QPair<double, double>> points; // x, y; in the order measured
};

// A small chart of lines against one x, both axes logarithmic: e.g. req/s against connections,
// one line per server.
struct DemoPlot
{
    QString title; // e.g. "throughput"
    QString unit; // of y, e.g. "req/s"
    QList<DemoSeries> series;
};

// What a demo measured. The window and `asynclab --demo NAME` show the same figures.
class DemoOutcome
{
    Q_GADGET
public:
    // How the run ended. Canceled and Failed runs may still carry what was measured before.
    enum class Status { Done, Canceled, Failed };
    Q_ENUM(Status)
    // "done", "canceled", "failed": the word JSON uses
    static QString statusKey(Status status);

    Status status = Status::Done;
    QString error; // one line when Failed: what kept the demo itself from running
    QString summary; // one or two sentences saying what the numbers show, true to the numbers
    QList<DemoFigure> figures; // in the order the demo's text uses them
    QList<QPair<QString, double>> bars; // optional small bar chart: label -> value
    QString barsUnit; // e.g. "ms", "lost updates", "x speedup"
    QString barsCategory; // what each bar is, e.g. "in flight at most"
    QString barsNote; // what a reader could take the bars for and should not
    QList<DemoPlot> plots; // optional, shown instead of the bars; all share one x
    QString plotsX; // what x is, e.g. "connections"

    bool ok() const { return status == Status::Done; }
    static DemoOutcome failed(const QString &error);
    static DemoOutcome canceled(const QString &summary = {});

    // Appends a figure, or replaces the value of the one with this row and column.
    void setFigure(const QString &row, const QString &column, const QJsonValue &value,
                   const QString &unit = {});
    // A figure of the whole run (no row).
    void setRunFigure(const QString &column, const QJsonValue &value, const QString &unit = {})
    {
        setFigure(QString(), column, value, unit);
    }
    // Figures and bars in ms ("ms", "ms late"), rounded as formatDuration() shows them, so that
    // the table, the bars and the text give one number for one measurement.
    void roundDurations();
    // The outcome as people read it: every key above translated with translatedKey(); the
    // summary and the error are translated already.
    DemoOutcome translated() const;
    // A key in the reader's language: the translation of the key in the context "DemoFigure",
    // where a key made at run time holds its numbers as %1, %2... ("max in flight %1" for "max in
    // flight 16"; not those inside a word: "SHA-256", "p99"). A key of numbers only stays as it is.
    static QString translatedKey(const QString &key);
    const DemoFigure *findFigure(const QString &row, const QString &column) const;
    // The figure's value; undefined when there is none.
    QJsonValue figure(const QString &row, const QString &column) const;
    QJsonValue figure(const QString &column) const { return figure(QString(), column); }
};

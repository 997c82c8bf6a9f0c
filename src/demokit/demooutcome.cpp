#include <demokit/demooutcome.h>

#include <common/units.h>

#include <QCoreApplication>
#include <QMetaEnum>
#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;

QString DemoFigure::label() const
{
    return row.isEmpty() ? column : u"%1, %2"_s.arg(row, column);
}

QString DemoFigure::valueText() const
{
    const QString text = formatFigure(value);
    const bool hasUnit = !unit.isEmpty() && !value.isBool() && !text.isEmpty();
    return hasUnit ? u"%1 %2"_s.arg(text, unit) : text;
}

QString DemoOutcome::statusKey(Status status)
{
    return QString::fromLatin1(QMetaEnum::fromType<Status>().valueToKey(int(status))).toLower();
}

DemoOutcome DemoOutcome::failed(const QString &error)
{
    DemoOutcome outcome;
    outcome.status = Status::Failed;
    outcome.error = error;
    return outcome;
}

DemoOutcome DemoOutcome::canceled(const QString &summary)
{
    DemoOutcome outcome;
    outcome.status = Status::Canceled;
    outcome.summary = summary;
    return outcome;
}

void DemoOutcome::setFigure(const QString &row, const QString &column, const QJsonValue &value,
                            const QString &unit)
{
    for (DemoFigure &figure : figures) {
        if (figure.row == row && figure.column == column) {
            figure.value = value;
            figure.unit = unit;
            return;
        }
    }
    figures.append({ row, column, value, unit });
}

namespace {
bool isMs(const QString &unit)
{
    return unit == u"ms"_s || unit.startsWith(u"ms "_s); // "ms late", "ms of backoff"
}
} // namespace

void DemoOutcome::roundDurations()
{
    for (DemoFigure &figure : figures) {
        if (isMs(figure.unit) && figure.value.isDouble())
            figure.value = roundedMs(figure.value.toDouble());
    }
    if (isMs(barsUnit)) {
        for (auto &bar : bars)
            bar.second = roundedMs(bar.second);
    }
}

DemoOutcome DemoOutcome::translated() const
{
    DemoOutcome shown = *this;
    for (DemoFigure &figure : shown.figures) {
        figure.row = translatedKey(figure.row);
        figure.column = translatedKey(figure.column);
        figure.unit = translatedKey(figure.unit);
    }
    for (auto &bar : shown.bars)
        bar.first = translatedKey(bar.first);
    shown.barsUnit = translatedKey(barsUnit);
    shown.barsCategory = translatedKey(barsCategory);
    for (DemoPlot &plot : shown.plots) {
        plot.title = translatedKey(plot.title);
        plot.unit = translatedKey(plot.unit);
        for (DemoSeries &series : plot.series)
            series.name = translatedKey(series.name);
    }
    shown.plotsX = translatedKey(plotsX);
    return shown;
}

QString DemoOutcome::translatedKey(const QString &key)
{
    static const QRegularExpression number(uR"((?<![\w-])\d+(?:\.\d+)?(?!\w))"_s);
    QString pattern;
    QStringList numbers;
    qsizetype from = 0;
    for (const QRegularExpressionMatch &match : number.globalMatch(key)) {
        numbers.append(match.captured());
        pattern += key.mid(from, match.capturedStart() - from) + u'%'
                + QString::number(numbers.size());
        from = match.capturedEnd();
    }
    pattern += key.mid(from);
    if (std::none_of(pattern.cbegin(), pattern.cend(), [](QChar c) { return c.isLetter(); }))
        return key;
    QString text = QCoreApplication::translate("DemoFigure", pattern.toUtf8().constData());
    for (const QString &n : std::as_const(numbers))
        text = text.arg(n);
    return text;
}

const DemoFigure *DemoOutcome::findFigure(const QString &row, const QString &column) const
{
    for (const DemoFigure &figure : figures) {
        if (figure.row == row && figure.column == column)
            return &figure;
    }
    return nullptr;
}

QJsonValue DemoOutcome::figure(const QString &row, const QString &column) const
{
    const DemoFigure *found = findFigure(row, column);
    return found ? found->value : QJsonValue(QJsonValue::Undefined);
}

#include <demokit/demooutcome.h>

#include <common/units.h>

#include <QMetaEnum>

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

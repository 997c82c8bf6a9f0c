#include <cli/console.h>
#include <demokit/demo.h>
#include <common/oneline.h>
#include <common/units.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
void writeText(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}
} // namespace

namespace Console {

void out(const QString &text)
{
    writeText(stdout, text);
}

void err(const QString &text)
{
    writeText(stderr, text);
}

void error(const QString &message)
{
    // Long enough for any message of ours; what it echoes of user input is cut already.
    writeText(stderr, u"asynclab: %1\n"_s.arg(oneLine(message, 1000)));
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

QString jsonText(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
}

QJsonObject demoJson(const QString &name, const QString &title, const DemoOutcome &outcome)
{
    QJsonArray bars;
    for (const auto &[label, value] : outcome.bars)
        bars.append(QJsonObject { { u"label"_s, label }, { u"value"_s, value } });
    QJsonArray figures;
    for (const DemoFigure &figure : outcome.figures) {
        QJsonObject object { { u"column"_s, figure.column }, { u"value"_s, figure.value } };
        if (!figure.row.isEmpty())
            object.insert(u"row"_s, figure.row);
        if (!figure.unit.isEmpty())
            object.insert(u"unit"_s, figure.unit);
        figures.append(object);
    }
    return { { u"demo"_s, name },
             { u"title"_s, title },
             { u"status"_s, DemoOutcome::statusKey(outcome.status) },
             { u"ok"_s, outcome.ok() },
             { u"error"_s, outcome.error },
             { u"summary"_s, outcome.summary },
             { u"figures"_s, figures },
             { u"bars"_s, bars },
             { u"barsUnit"_s, outcome.barsUnit } };
}

QString demoText(const QString &title, const DemoOutcome &measured)
{
    const DemoOutcome outcome = measured.translated();
    QString text = u"%1\n\n%2\n\n"_s.arg(title, outcome.summary);
    qsizetype width = 0;
    for (const DemoFigure &figure : outcome.figures)
        width = std::max(width, figure.label().size());
    for (const DemoFigure &figure : outcome.figures)
        text += u"  %1  %2\n"_s.arg(figure.label().leftJustified(width), figure.valueText());
    if (!outcome.bars.isEmpty()) {
        text += u'\n' + QCoreApplication::translate("Console", "%1:").arg(outcome.barsUnit) + u'\n';
        for (const auto &[label, value] : outcome.bars)
            text += u"  %1  %2\n"_s.arg(label.leftJustified(24),
                                        numberLocale().toString(value, 'f', 1));
    }
    return text;
}

} // namespace Console

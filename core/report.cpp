#include "report.h"
#include "units.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Report {

QJsonObject operationJson(const OperationRecord &record)
{
    QJsonObject json{
        { u"id"_s, record.id },
        { u"kind"_s, operationKindName(record.kind) },
        { u"mode"_s, runModeName(record.mode) },
        { u"target"_s, record.target },
        { u"status"_s, operationStatusName(record.status) },
        { u"bytes"_s, record.bytes },
        { u"durationMs"_s, record.durationMs() },
        { u"maxStallMs"_s, record.maxStallMs },
        { u"thread"_s, record.workerThread },
    };
    if (record.httpStatus > 0)
        json.insert(u"httpStatus"_s, record.httpStatus);
    if (record.lines >= 0)
        json.insert(u"lines"_s, record.lines);
    if (!record.sha256.isEmpty())
        json.insert(u"sha256"_s, QString::fromLatin1(record.sha256));
    if (!record.error.isEmpty())
        json.insert(u"error"_s, record.error);
    return json;
}

QString operationText(const OperationRecord &record)
{
    QString status = operationStatusName(record.status);
    if (record.httpStatus > 0)
        status += u" (HTTP %1)"_s.arg(record.httpStatus);
    QString text;
    const auto row = [&text](const QString &name, const QString &value) {
        text += u"%1 %2\n"_s.arg(name, -10).arg(value);
    };
    row(u"status"_s, status);
    if (!record.error.isEmpty())
        row(u"error"_s, record.error);
    row(u"mode"_s, runModeName(record.mode));
    row(u"bytes"_s, u"%1 (%2)"_s.arg(record.bytes).arg(formatBytes(record.bytes)));
    if (record.lines >= 0)
        row(u"lines"_s, QString::number(record.lines));
    if (!record.sha256.isEmpty())
        row(u"sha256"_s, QString::fromLatin1(record.sha256));
    row(u"duration"_s, formatDuration(record.durationMs()));
    row(u"max stall"_s, formatDuration(record.maxStallMs));
    return text;
}

QJsonObject comparisonJson(const Scenario &scenario, const QList<ScenarioRun> &runs)
{
    QJsonArray runArray;
    for (const ScenarioRun &run : runs) {
        runArray.append(QJsonObject{
                { u"mode"_s, runModeName(run.mode) },
                { u"wallMs"_s, run.wallMs() },
                { u"maxStallMs"_s, run.lag.maxStallMs },
                { u"p99LagMs"_s, run.lag.p99LagMs },
                { u"stallsOver50Ms"_s, run.lag.stallsOver50Ms },
                { u"longestOperationMs"_s, run.longestOperationMs },
                { u"failedOperations"_s, run.failedOperations },
                { u"operations"_s, int(run.operationIds.size()) },
        });
    }
    return { { u"scenario"_s, scenario.name },
             { u"description"_s, scenario.description },
             { u"runs"_s, runArray } };
}

QString comparisonText(const Scenario &scenario, const QList<ScenarioRun> &runs)
{
    QString text = u"Scenario \"%1\": %2\n\n"_s.arg(scenario.name, scenario.description);
    const auto line = [](QStringList cells) {
        return u"%1 %2 %3 %4 %5 %6\n"_s.arg(cells[0], -9)
                .arg(cells[1], 10)
                .arg(cells[2], 10)
                .arg(cells[3], 10)
                .arg(cells[4], 15)
                .arg(cells[5], 7);
    };
    text += line({ u"mode"_s, u"wall time"_s, u"max stall"_s, u"p99 lag"_s, u"stalls > 50 ms"_s,
                   u"failed"_s });
    for (const ScenarioRun &run : runs) {
        text += line({ runModeName(run.mode), formatDuration(run.wallMs()),
                       formatDuration(run.lag.maxStallMs), formatDuration(run.lag.p99LagMs),
                       QString::number(run.lag.stallsOver50Ms),
                       QString::number(run.failedOperations) });
    }
    return text;
}

} // namespace Report

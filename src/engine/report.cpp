#include <engine/report.h>
#include <stalls/stallreport.h>
#include <common/oneline.h>
#include <stalls/stallwatchdog.h>
#include <common/units.h>

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Report {

QJsonObject operationJson(const OperationRecord &record)
{
    QJsonObject json {
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
    if (!record.culprit.isEmpty())
        json.insert(u"culprit"_s, record.culprit);
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

QString operationSummaryHtml(const OperationRecord &record)
{
    QString text = u"<b>%1 %2</b> (%3 mode): %4"_s.arg(
            operationKindName(record.kind), oneLine(record.target).toHtmlEscaped(),
            runModeName(record.mode), operationStatusName(record.status));
    if (!record.error.isEmpty())
        text += u" — <span style='color:#c0392b'>%1</span>"_s.arg(record.error.toHtmlEscaped());
    if (record.httpStatus > 0)
        text += u", HTTP %1"_s.arg(record.httpStatus);
    text += u", %1 in %2, longest freeze %3"_s.arg(formatBytes(record.bytes),
                                                   formatDuration(record.durationMs()),
                                                   formatDuration(record.maxStallMs));
    if (record.lines >= 0)
        text += u", %1 lines"_s.arg(record.lines);
    if (!record.sha256.isEmpty())
        text += u"<br>SHA-256 <tt>%1</tt>"_s.arg(QString::fromLatin1(record.sha256));
    return text;
}

QJsonObject comparisonJson(const Scenario &scenario, const QList<ScenarioRun> &runs)
{
    QJsonArray runArray;
    for (const ScenarioRun &run : runs) {
        QJsonObject json {
            { u"mode"_s, runModeName(run.mode) },
            { u"wallMs"_s, run.wallMs() },
            { u"maxStallMs"_s, run.lag.maxStallMs },
            { u"p99LagMs"_s, run.lag.p99LagMs },
            { u"stallsOver50Ms"_s, run.lag.stallsOver50Ms },
            { u"framesMissed"_s, run.framesMissed },
            { u"longestOperationMs"_s, run.longestOperationMs },
            { u"failedOperations"_s, run.failedOperations },
            { u"operations"_s, int(run.operationIds.size()) },
        };
        if (run.keyPresses > 0) {
            json.insert(u"keyPresses"_s, run.keyPresses);
            json.insert(u"keyLatencyMaxMs"_s, run.keyLatencyMaxMs);
            json.insert(u"keyLatencyMedianMs"_s, run.keyLatencyMedianMs);
        }
        runArray.append(json);
    }
    QJsonObject result { { u"scenario"_s, scenario.name },
                         { u"description"_s, scenario.description },
                         { u"runs"_s, runArray } };
    if (runs.size() == 2 && runs[0].mode == RunMode::Blocking && runs[1].mode == RunMode::Async) {
        QJsonArray table;
        for (const ComparisonFigure &f : comparisonFigures(runs[0], runs[1])) {
            const auto ratio = f.ratio();
            table.append(QJsonObject { { u"figure"_s, f.key },
                                       { u"blocking"_s, f.blocking },
                                       { u"async"_s, f.async },
                                       { u"ratio"_s, ratio ? QJsonValue(*ratio) : QJsonValue() } });
        }
        result.insert(u"table"_s, table);
    }
    return result;
}

std::optional<double> ComparisonFigure::ratio() const
{
    if (blocking <= 0)
        return std::nullopt;
    return async / blocking;
}

QString ComparisonFigure::formatted(double value) const
{
    return isDuration ? formatDuration(value) : QString::number(qRound64(value));
}

QString ComparisonFigure::formattedRatio() const
{
    const auto r = ratio();
    if (!r)
        return u"—"_s;
    if (async <= 0)
        return u"none in Async"_s;
    // Past a thousand the factor is mostly the noise in a near-zero figure: capped, not printed
    // to four digits as if measured that well.
    const auto times = [](double factor) {
        if (factor > MaxShownRatio)
            return u">%1"_s.arg(qRound64(MaxShownRatio));
        return factor >= 10 ? QString::number(qRound64(factor)) : QString::number(factor, 'f', 1);
    };
    if (*r < 0.95)
        return u"%1× %2"_s.arg(times(1 / *r), isDuration ? u"shorter"_s : u"fewer"_s);
    if (*r > 1.05)
        return u"%1× %2"_s.arg(times(*r), isDuration ? u"longer"_s : u"more"_s);
    return u"about the same"_s;
}

QList<ComparisonFigure> comparisonFigures(const ScenarioRun &blocking, const ScenarioRun &async)
{
    QList<ComparisonFigure> figures {
        { u"wall time"_s, u"wallMs"_s, true, blocking.wallMs(), async.wallMs() },
        { u"max stall"_s, u"maxStallMs"_s, true, blocking.lag.maxStallMs, async.lag.maxStallMs },
        { u"p99 lag"_s, u"p99LagMs"_s, true, blocking.lag.p99LagMs, async.lag.p99LagMs },
        { u"stalls > 50 ms"_s, u"stallsOver50Ms"_s, false, double(blocking.lag.stallsOver50Ms),
          double(async.lag.stallsOver50Ms) },
        { u"frames missed (60 Hz)"_s, u"framesMissed"_s, false, double(blocking.framesMissed),
          double(async.framesMissed) },
    };
    if (blocking.keyPresses > 0 || async.keyPresses > 0) {
        figures.append({ u"key press wait (max)"_s, u"keyLatencyMaxMs"_s, true,
                         blocking.keyLatencyMaxMs, async.keyLatencyMaxMs });
        figures.append({ u"key press wait (median)"_s, u"keyLatencyMedianMs"_s, true,
                         blocking.keyLatencyMedianMs, async.keyLatencyMedianMs });
    }
    return figures;
}

// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
static QString csvField(QString text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n'))
        return text;
    return u'"' + text.replace(u'"', u"\"\""_s) + u'"';
}

QString comparisonCsv(const ScenarioRun &blocking, const ScenarioRun &async)
{
    QString csv = u"figure,unit,blocking,async,async/blocking\n"_s;
    for (const ComparisonFigure &f : comparisonFigures(blocking, async)) {
        const auto ratio = f.ratio();
        csv += u"%1,%2,%3,%4,%5\n"_s.arg(csvField(f.name), f.isDuration ? u"ms"_s : u"count"_s,
                                         QString::number(f.blocking, 'f', 3),
                                         QString::number(f.async, 'f', 3),
                                         ratio ? QString::number(*ratio, 'f', 4) : QString());
    }
    return csv;
}

QString comparisonText(const Scenario &scenario, const QList<ScenarioRun> &runs)
{
    QString text = u"Scenario \"%1\": %2\n\n"_s.arg(scenario.name, scenario.description);
    bool keys = false;
    for (const ScenarioRun &run : runs)
        keys = keys || run.keyPresses > 0;
    const auto line = [keys](const QStringList &cells) {
        static constexpr int widths[] = { -9, 10, 10, 10, 15, 14, 7, 11, 14 };
        QString row;
        for (int i = 0; i < (keys ? 9 : 7); ++i)
            row += (i ? u" "_s : QString()) + u"%1"_s.arg(cells.value(i), widths[i]);
        return row + u'\n';
    };
    text += line({ u"mode"_s, u"wall time"_s, u"max stall"_s, u"p99 lag"_s, u"stalls > 50 ms"_s,
                   u"frames missed"_s, u"failed"_s, u"key max"_s, u"key median"_s });
    for (const ScenarioRun &run : runs) {
        text += line({ runModeName(run.mode), formatDuration(run.wallMs()),
                       formatDuration(run.lag.maxStallMs), formatDuration(run.lag.p99LagMs),
                       QString::number(run.lag.stallsOver50Ms), QString::number(run.framesMissed),
                       QString::number(run.failedOperations), formatDuration(run.keyLatencyMaxMs),
                       formatDuration(run.keyLatencyMedianMs) });
    }
    return text;
}

namespace {
QList<StallRecord> stallsOf(const ScenarioRun &run, const QList<StallRecord> &stalls)
{
    QList<StallRecord> during;
    for (const StallRecord &record : stalls) {
        if (record.endMs() >= run.startMs && record.startMs <= run.endMs)
            during.append(record);
    }
    return during;
}
} // namespace

QJsonObject comparisonJson(const Scenario &scenario, const QList<ScenarioRun> &runs,
                           const QList<StallRecord> &stalls)
{
    QJsonObject json = StallReport::withStalls(comparisonJson(scenario, runs), stalls);
    QJsonArray runArray = json[u"runs"_s].toArray();
    for (qsizetype i = 0; i < runArray.size() && i < runs.size(); ++i) {
        QJsonObject run = runArray.at(i).toObject();
        const QList<StallRecord> during = stallsOf(runs.at(i), stalls);
        const StallRecord *longest = StallReport::longestStall(during);
        run.insert(u"longestStall"_s, longest ? QJsonValue(longest->id) : QJsonValue());
        run.insert(u"culprit"_s,
                   longest && longest->culprit.isKnown() ? QJsonValue(longest->culprit.location())
                                                         : QJsonValue());
        runArray.replace(i, run);
    }
    json.insert(u"runs"_s, runArray);
    return json;
}

QString comparisonText(const Scenario &scenario, const QList<ScenarioRun> &runs,
                       const QList<StallRecord> &stalls)
{
    QString text = comparisonText(scenario, runs) + u"\nculprit of the longest freeze\n"_s;
    for (const ScenarioRun &run : runs) {
        text += u"%1 %2\n"_s.arg(runModeName(run.mode), -10)
                        .arg(StallReport::culpritDescription(stallsOf(run, stalls)));
    }
    return text;
}
} // namespace Report

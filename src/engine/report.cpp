#include <engine/report.h>
#include <stalls/stallreport.h>
#include <common/oneline.h>
#include <stalls/stallwatchdog.h>
#include <common/units.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <algorithm>
#include <climits>

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

// A freeze that began with the operation also holds the drawing of its result after it, so it
// can be a little longer than the operation: said in words, since "took 2.01 s, froze 2.02 s"
// reads as a mistake.
namespace {
bool frozeLongerThanItTook(const OperationRecord &record)
{
    return record.isFinished() && roundedMs(record.maxStallMs) > roundedMs(record.durationMs());
}
} // namespace

QString operationText(const OperationRecord &record)
{
    QString status = operationStatusText(record.status);
    if (record.httpStatus > 0)
        status = QCoreApplication::translate("Report", "%1 (HTTP %2)")
                         .arg(status)
                         .arg(record.httpStatus);
    QString text;
    const auto row = [&text](const QString &name, const QString &value) {
        text += u"%1 %2\n"_s.arg(name, -10).arg(value);
    };
    row(QCoreApplication::translate("Report", "status"), status);
    if (!record.error.isEmpty())
        row(QCoreApplication::translate("Report", "error"), record.error);
    row(QCoreApplication::translate("Report", "mode"), runModeText(record.mode));
    row(QCoreApplication::translate("Report", "bytes"),
        QCoreApplication::translate("Report", "%1 (%2)")
                .arg(numberLocale().toString(record.bytes), formatBytes(record.bytes)));
    if (record.lines >= 0)
        row(QCoreApplication::translate("Report", "lines"), numberLocale().toString(record.lines));
    if (!record.sha256.isEmpty())
        row(QCoreApplication::translate("Report", "sha256"), QString::fromLatin1(record.sha256));
    row(QCoreApplication::translate("Report", "duration"), formatDuration(record.durationMs()));
    row(QCoreApplication::translate("Report", "max stall"),
        frozeLongerThanItTook(record)
                ? QCoreApplication::translate("Report", "%1 (all of it and drawing the result)")
                          .arg(formatDuration(record.maxStallMs))
                : formatDuration(record.maxStallMs));
    return text;
}

const OperationRecord *lastBlockingRun(const OperationLog &log, const OperationRecord &record)
{
    const OperationRecord *found = nullptr;
    for (const OperationRecord &r : log.records()) {
        if (r.id != record.id && r.mode == RunMode::Blocking && r.kind == record.kind
            && r.target == record.target && r.status == OperationStatus::Succeeded
            && r.endMs <= record.endMs)
            found = &r;
    }
    return found;
}

QString modeLessonHtml(const OperationRecord &record, const OperationRecord *blocking)
{
    if (record.status != OperationStatus::Succeeded
        || (record.kind != OperationKind::Fetch && record.kind != OperationKind::FileLoad))
        return {};
    const QString took = formatDuration(record.durationMs());
    const QString stall = formatDuration(record.maxStallMs);
    if (record.mode == RunMode::Blocking && frozeLongerThanItTook(record)) {
        return QCoreApplication::translate(
                       "Report",
                       "<b>Blocking</b> cost a frozen window: it took %1, and the window could "
                       "not paint or react for all of it and while it drew the result after it, "
                       "%2 in all. Async takes about as long and keeps the window alive.")
                .arg(took, stall);
    }
    if (record.mode == RunMode::Blocking) {
        return QCoreApplication::translate(
                       "Report",
                       "<b>Blocking</b> cost a frozen window: it took %1 and the window could not "
                       "paint or react for %2 of it. Async takes about as long and keeps the "
                       "window alive.")
                .arg(took, stall);
    }
    // Compared with a measured Blocking run where there is one, never with a guess.
    const QString asyncTook = blocking
            ? QCoreApplication::translate("Report",
                                          "<b>Async</b> took %1 (Blocking took %2 the last time)")
                      .arg(took, formatDuration(blocking->durationMs()))
            : QCoreApplication::translate("Report", "<b>Async</b> took %1").arg(took);
    if (record.maxStallMs < ResponsivenessMonitor::StallThresholdMs) {
        return QCoreApplication::translate(
                       "Report", "%1, and the window kept painting and reacting: longest stall %2.")
                .arg(asyncTook, stall);
    }
    return QCoreApplication::translate("Report",
                                       "%1, yet the window still froze for up to %2: something "
                                       "else held the GUI thread.")
            .arg(asyncTook, stall);
}

QString operationSummaryHtml(const OperationRecord &record, const OperationRecord *blocking)
{
    QString text =
            QCoreApplication::translate("Report", "<b>%1 %2</b> (%3 mode): %4")
                    .arg(operationKindText(record.kind), oneLine(record.target).toHtmlEscaped(),
                         runModeText(record.mode), operationStatusText(record.status));
    if (!record.error.isEmpty())
        text += u" — <span style='color:#c0392b'>%1</span>"_s.arg(record.error.toHtmlEscaped());
    if (record.httpStatus > 0)
        text += QCoreApplication::translate("Report", ", HTTP %1").arg(record.httpStatus);
    text += frozeLongerThanItTook(record)
            ? QCoreApplication::translate("Report",
                                          ", %1 in %2; the window froze for all of it and while "
                                          "it drew the result: %3 in all")
                      .arg(formatBytes(record.bytes), formatDuration(record.durationMs()),
                           formatDuration(record.maxStallMs))
            : QCoreApplication::translate("Report", ", %1 in %2, longest freeze %3")
                      .arg(formatBytes(record.bytes), formatDuration(record.durationMs()),
                           formatDuration(record.maxStallMs));
    if (record.lines >= 0) {
        const int lines = int(std::min<qint64>(record.lines, INT_MAX));
        text += QCoreApplication::translate("Report", ", %Ln line(s)", nullptr, lines);
    }
    if (!record.sha256.isEmpty())
        text += QCoreApplication::translate("Report", "<br>SHA-256 <tt>%1</tt>")
                        .arg(QString::fromLatin1(record.sha256));
    if (const QString lesson = modeLessonHtml(record, blocking); !lesson.isEmpty())
        text += u"<br>"_s + lesson;
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
    return isDuration ? formatDuration(value) : numberLocale().toString(qRound64(value));
}

QString ComparisonFigure::formattedRatio() const
{
    const auto r = ratio();
    if (!r)
        return u"—"_s;
    if (async <= 0)
        return QCoreApplication::translate("Report", "none in Async");
    // Past a thousand the factor is mostly the noise in a near-zero figure: capped, not printed
    // to four digits as if measured that well.
    const auto times = [](double factor) {
        if (factor > MaxShownRatio)
            return u">%1"_s.arg(numberLocale().toString(qRound64(MaxShownRatio)));
        return factor >= 10 ? numberLocale().toString(qRound64(factor))
                            : numberLocale().toString(factor, 'f', 1);
    };
    if (*r < 0.95)
        return (isDuration ? QCoreApplication::translate("Report", "%1× shorter")
                           : QCoreApplication::translate("Report", "%1× fewer"))
                .arg(times(1 / *r));
    if (*r > 1.05)
        return (isDuration ? QCoreApplication::translate("Report", "%1× longer")
                           : QCoreApplication::translate("Report", "%1× more"))
                .arg(times(*r));
    return QCoreApplication::translate("Report", "about the same");
}

QList<ComparisonFigure> comparisonFigures(const ScenarioRun &blocking, const ScenarioRun &async)
{
    QList<ComparisonFigure> figures {
        { QT_TRANSLATE_NOOP("Report", "wall time"), u"wallMs"_s, true, blocking.wallMs(),
          async.wallMs() },
        { QT_TRANSLATE_NOOP("Report", "max stall"), u"maxStallMs"_s, true, blocking.lag.maxStallMs,
          async.lag.maxStallMs },
        { QT_TRANSLATE_NOOP("Report", "p99 lag"), u"p99LagMs"_s, true, blocking.lag.p99LagMs,
          async.lag.p99LagMs },
        { QT_TRANSLATE_NOOP("Report", "stalls > 50 ms"), u"stallsOver50Ms"_s, false,
          double(blocking.lag.stallsOver50Ms), double(async.lag.stallsOver50Ms) },
        { QT_TRANSLATE_NOOP("Report", "frames missed (60 Hz)"), u"framesMissed"_s, false,
          double(blocking.framesMissed), double(async.framesMissed) },
    };
    if (blocking.keyPresses > 0 || async.keyPresses > 0) {
        figures.append({ QT_TRANSLATE_NOOP("Report", "key press wait (max)"), u"keyLatencyMaxMs"_s,
                         true, blocking.keyLatencyMaxMs, async.keyLatencyMaxMs });
        figures.append({ QT_TRANSLATE_NOOP("Report", "key press wait (median)"),
                         u"keyLatencyMedianMs"_s, true, blocking.keyLatencyMedianMs,
                         async.keyLatencyMedianMs });
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
        csv += u"%1,%2,%3,%4,%5\n"_s.arg(
                csvField(QString::fromLatin1(f.source)), f.isDuration ? u"ms"_s : u"count"_s,
                QString::number(f.blocking, 'f', 3), QString::number(f.async, 'f', 3),
                ratio ? QString::number(*ratio, 'f', 4) : QString());
    }
    return csv;
}

QString comparisonText(const Scenario &scenario, const QList<ScenarioRun> &runs)
{
    QString text = QCoreApplication::translate("Report", "Scenario \"%1\": %2")
                           .arg(scenario.name, scenario.description)
            + u"\n\n"_s;
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
    text += line({ QCoreApplication::translate("Report", "mode"),
                   QCoreApplication::translate("Report", "wall time"),
                   QCoreApplication::translate("Report", "max stall"),
                   QCoreApplication::translate("Report", "p99 lag"),
                   QCoreApplication::translate("Report", "stalls > 50 ms"),
                   QCoreApplication::translate("Report", "frames missed"),
                   QCoreApplication::translate("Report", "failed"),
                   QCoreApplication::translate("Report", "key max"),
                   QCoreApplication::translate("Report", "key median") });
    const QLocale locale;
    for (const ScenarioRun &run : runs) {
        text += line({ runModeText(run.mode), formatDuration(run.wallMs()),
                       formatDuration(run.lag.maxStallMs), formatDuration(run.lag.p99LagMs),
                       locale.toString(run.lag.stallsOver50Ms), locale.toString(run.framesMissed),
                       locale.toString(run.failedOperations), formatDuration(run.keyLatencyMaxMs),
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
    QString text = comparisonText(scenario, runs) + u'\n'
            + QCoreApplication::translate("Report", "culprit of the longest freeze") + u'\n';
    for (const ScenarioRun &run : runs) {
        text += u"%1 %2\n"_s.arg(runModeText(run.mode), -10)
                        .arg(StallReport::culpritDescription(stallsOf(run, stalls)));
    }
    return text;
}
} // namespace Report

#pragma once

#include <engine/operationlog.h>
#include <engine/operationrecord.h>
#include <engine/scenario.h>
#include <engine/scenariorunner.h>
#include <stalls/stallrecord.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <optional>

// Text and JSON forms of results, shared by the command line and the window.
namespace Report {
QJsonObject operationJson(const OperationRecord &record);
QString operationText(const OperationRecord &record);
// The one-paragraph rich-text summary the window shows under its controls, ending with what the
// mode bought or cost (modeLessonHtml).
QString operationSummaryHtml(const OperationRecord &record,
                             const OperationRecord *blocking = nullptr);
// After a finished fetch or load: what Async bought ("took 2.0 s (Blocking took 2.0 s the last
// time), and the window kept painting and reacting: longest stall 9 ms") or what Blocking cost.
// `blocking`: a measured Blocking run of the same work to compare with, if any. Empty otherwise.
QString modeLessonHtml(const OperationRecord &record, const OperationRecord *blocking = nullptr);
// The newest successful Blocking run of the same kind and target that ended before `record`.
const OperationRecord *lastBlockingRun(const OperationLog &log, const OperationRecord &record);

QJsonObject comparisonJson(const Scenario &scenario, const QList<ScenarioRun> &runs);
QString comparisonText(const Scenario &scenario, const QList<ScenarioRun> &runs);

// One row of the side-by-side table: the same figure for a Blocking and an Async run.
struct ComparisonFigure
{
    static constexpr double MaxShownRatio = 1000; // beyond it: ">1000× shorter"

    const char *source; // "max stall": untranslated, for CSV; name() for people
    QString key; // its JSON name, "maxStallMs"
    bool isDuration = true; // milliseconds; otherwise a count
    double blocking = 0;
    double async = 0;

    QString name() const { return QCoreApplication::translate("Report", source); }
    std::optional<double> ratio() const; // Async / Blocking; none when Blocking is 0
    QString formatted(double value) const; // "2.02 s", "3"
    // Async against Blocking in words: "274× shorter", ">1000× shorter", "3× fewer",
    // "none in Async", "—"
    QString formattedRatio() const;
};

// Wall time, max stall, p99 lag, stalls, frames missed and, when measured, key press latency.
QList<ComparisonFigure> comparisonFigures(const ScenarioRun &blocking, const ScenarioRun &async);
// The figures as CSV: figure,unit,blocking,async,async/blocking
QString comparisonCsv(const ScenarioRun &blocking, const ScenarioRun &async);

// The comparison with its stalls: every record in "stalls", and each run's longest one named in
// the run ("longestStall", "culprit"); the text adds one culprit line per run.
QJsonObject comparisonJson(const Scenario &scenario, const QList<ScenarioRun> &runs,
                           const QList<StallRecord> &stalls);
QString comparisonText(const Scenario &scenario, const QList<ScenarioRun> &runs,
                       const QList<StallRecord> &stalls);
} // namespace Report

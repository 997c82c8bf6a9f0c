#pragma once

#include "operationrecord.h"
#include "scenario.h"
#include "scenariorunner.h"
#include "stallrecord.h"

#include <QJsonObject>
#include <QString>
#include <optional>

// Text and JSON forms of results, shared by the command line and the window.
namespace Report {
QJsonObject operationJson(const OperationRecord &record);
QString operationText(const OperationRecord &record);
// The one-paragraph rich-text summary the window shows under its controls.
QString operationSummaryHtml(const OperationRecord &record);

QJsonObject comparisonJson(const Scenario &scenario, const QList<ScenarioRun> &runs);
QString comparisonText(const Scenario &scenario, const QList<ScenarioRun> &runs);

// One row of the side-by-side table: the same figure for a Blocking and an Async run.
struct ComparisonFigure
{
    static constexpr double MaxShownRatio = 1000; // beyond it: ">1000× shorter"

    QString name; // "max stall"
    QString key; // its JSON name, "maxStallMs"
    bool isDuration = true; // milliseconds; otherwise a count
    double blocking = 0;
    double async = 0;

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

// A stall record: start, duration, samples, busy/waiting shares, culprit, event and stack.
QJsonObject stallJson(const StallRecord &record);
// `json` with a "stalls" array of every record, and "longestStall" naming the longest one.
QJsonObject withStalls(QJsonObject json, const QList<StallRecord> &stalls);
// One line on the longest freeze and where it was, e.g. "culprit    BlockingFetcher::fetch
// (core/blockingfetcher.cpp:36), waiting 100% on a lock or future (futex), 2.01 s freeze, during
// MouseButtonRelease on QPushButton 'fetchButton'"; "culprit    none: no freeze over 50 ms".
QString culpritText(const QList<StallRecord> &stalls);
const StallRecord *longestStall(const QList<StallRecord> &stalls);
// A run's top culprit for people: "the longest freeze, 2.01 s, waiting in
// BlockingFetcher::fetch (core/blockingfetcher.cpp:36)"; "no freeze over 50 ms".
QString topCulpritText(const QList<StallRecord> &stalls);
// The comparison with its stalls: every record in "stalls", and each run's longest one named in
// the run ("longestStall", "culprit"); the text adds one culprit line per run.
QJsonObject comparisonJson(const Scenario &scenario, const QList<ScenarioRun> &runs,
                           const QList<StallRecord> &stalls);
QString comparisonText(const Scenario &scenario, const QList<ScenarioRun> &runs,
                       const QList<StallRecord> &stalls);
} // namespace Report

#pragma once

#include "operationrecord.h"
#include "scenario.h"
#include "scenariorunner.h"

#include <QJsonObject>
#include <QString>

// Text and JSON forms of results, shared by the command line and the window.
namespace Report {
QJsonObject operationJson(const OperationRecord &record);
QString operationText(const OperationRecord &record);

QJsonObject comparisonJson(const Scenario &scenario, const QList<ScenarioRun> &runs);
QString comparisonText(const Scenario &scenario, const QList<ScenarioRun> &runs);
} // namespace Report

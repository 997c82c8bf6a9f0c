#pragma once

#include <engine/operationrecord.h>

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

struct ScenarioStep
{
    OperationKind kind = OperationKind::Fetch;
    QString serverPath; // fetches: path and query on the embedded server, e.g. "/delay/2000"
};

// A fixed piece of work that is run once per mode so the two runs can be compared.
struct Scenario
{
    Q_DECLARE_TR_FUNCTIONS(Scenario)
public:
    QString name; // command-line name
    QString title;
    QString description;
    qint64 sampleFileBytes = 0; // size of the file every FileLoad step reads (generated beforehand)
    QList<ScenarioStep> steps;

    static QList<Scenario> builtIn();
    static std::optional<Scenario> named(const QString &name);
    static QString defaultName();
};

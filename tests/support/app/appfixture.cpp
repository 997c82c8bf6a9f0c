#include "appfixture.h"

#include <QCoreApplication>
#include <QStandardPaths>

void useTestSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("AsyncLabTests"));
}

std::unique_ptr<Lab> startedLab()
{
    auto lab = std::make_unique<Lab>();
    if (!lab->start()) {
        qWarning("the lab did not start: %s", qPrintable(lab->errorString()));
        return nullptr;
    }
    return lab;
}

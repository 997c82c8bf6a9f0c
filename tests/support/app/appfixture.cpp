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

std::unique_ptr<Lab> startedLabWatchingStalls()
{
    auto lab = startedLab();
    if (lab && !lab->stalls().isRunning()) {
        qWarning("the stall watchdog did not start: %s", qPrintable(lab->stalls().errorString()));
        return nullptr;
    }
    return lab;
}

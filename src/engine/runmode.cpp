#include <engine/runmode.h>

#include <QCoreApplication>

using namespace Qt::StringLiterals;

QString runModeName(RunMode mode)
{
    return mode == RunMode::Blocking ? u"blocking"_s : u"async"_s;
}

QString runModeText(RunMode mode)
{
    return mode == RunMode::Blocking ? QCoreApplication::translate("RunMode", "blocking")
                                     : QCoreApplication::translate("RunMode", "async");
}

std::optional<RunMode> runModeFromName(QStringView name)
{
    if (name.compare(u"blocking", Qt::CaseInsensitive) == 0)
        return RunMode::Blocking;
    if (name.compare(u"async", Qt::CaseInsensitive) == 0)
        return RunMode::Async;
    return std::nullopt;
}

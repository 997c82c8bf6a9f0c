#include <engine/runmode.h>

using namespace Qt::StringLiterals;

QString runModeName(RunMode mode)
{
    return mode == RunMode::Blocking ? u"blocking"_s : u"async"_s;
}

std::optional<RunMode> runModeFromName(QStringView name)
{
    if (name.compare(u"blocking", Qt::CaseInsensitive) == 0)
        return RunMode::Blocking;
    if (name.compare(u"async", Qt::CaseInsensitive) == 0)
        return RunMode::Async;
    return std::nullopt;
}

#pragma once

#include <QString>
#include <optional>

// Where a job's waiting happens: on the GUI thread itself, or off it.
enum class RunMode { Blocking, Async };

QString runModeName(RunMode mode);
std::optional<RunMode> runModeFromName(QStringView name);

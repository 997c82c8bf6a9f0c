#pragma once

#include <QString>
#include <optional>

// Where a job's waiting happens: on the GUI thread itself, or off it.
enum class RunMode { Blocking, Async };

QString runModeName(RunMode mode); // "blocking", "async": for JSON and the command line
QString runModeText(RunMode mode); // the same for people, translated
std::optional<RunMode> runModeFromName(QStringView name);

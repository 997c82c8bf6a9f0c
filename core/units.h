#pragma once

#include <QString>

// "64.0 MiB", "512 B"
QString formatBytes(qint64 bytes);
// "850 ms", "2.0 s"
QString formatDuration(double ms);

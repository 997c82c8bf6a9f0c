#pragma once

#include <QElapsedTimer>
#include <QLocale>
#include <QString>

class QJsonValue;

// "64.0 MiB", "512 B"
QString formatBytes(qint64 bytes);
// "850 ms", "2.0 s"
QString formatDuration(double ms);
// ms rounded as formatDuration() shows it (4.5, 850, 2020), so that a demo's figures, bars and
// texts give one number for one measurement.
double roundedMs(double ms);
// The time since `clock` started, in ms with sub-ms precision.
inline double elapsedMs(const QElapsedTimer &clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}
// An axis step of 1, 2, 2.5 or 5 times a power of ten, giving about `ticks` steps over `range`.
double niceStep(double range, int ticks);
// A count for people, grouped by thousands with spaces in every locale: "10 000", "2 901 197".
QString countText(qint64 n);
// A demo figure for people: "yes"/"no", 1250000 (never 1.25e+06), 3.14, or the text itself.
QString formatFigure(const QJsonValue &value);

// The locale numbers are written in: the user's, but without thousands separators in the C locale
// (as Qt's own QLocale::c()), so scripts and logs read plain numbers.
QLocale numberLocale();

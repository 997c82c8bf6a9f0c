#include <common/units.h>

#include <QCoreApplication>
#include <QJsonValue>
#include <QLocale>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

QString formatBytes(qint64 bytes)
{
    static const char *const units[] = {
        QT_TRANSLATE_NOOP("Units", "%1 KiB"),
        QT_TRANSLATE_NOOP("Units", "%1 MiB"),
        QT_TRANSLATE_NOOP("Units", "%1 GiB"),
        QT_TRANSLATE_NOOP("Units", "%1 TiB"),
    };
    if (bytes < 1024)
        return QCoreApplication::translate("Units", "%1 B").arg(numberLocale().toString(bytes));
    double value = double(bytes);
    int unit = -1;
    while (value >= 1024 && unit < 3) {
        value /= 1024;
        ++unit;
    }
    return QCoreApplication::translate("Units", units[unit])
            .arg(numberLocale().toString(value, 'f', 1));
}

QString formatDuration(double ms)
{
    if (ms < 1000) {
        return QCoreApplication::translate("Units", "%1 ms")
                .arg(numberLocale().toString(ms, 'f', ms < 10 ? 1 : 0));
    }
    return QCoreApplication::translate("Units", "%1 s")
            .arg(numberLocale().toString(ms / 1000, 'f', ms < 10000 ? 2 : 1));
}

double roundedMs(double ms)
{
    const double step = ms < 10 ? 0.1 : ms < 1000 ? 1 : ms < 10000 ? 10 : 100;
    return std::round(ms / step) * step;
}

double niceStep(double range, int ticks)
{
    const double raw = range / ticks;
    const double magnitude = std::pow(10, std::floor(std::log10(raw)));
    const double n = raw / magnitude;
    const double factor = n < 1.5 ? 1 : n < 2.2 ? 2 : n < 3.5 ? 2.5 : n < 7 ? 5 : 10;
    return factor * magnitude;
}

QString formatFigure(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool() ? QCoreApplication::translate("Units", "yes")
                              : QCoreApplication::translate("Units", "no");
    if (!value.isDouble())
        return value.toString();
    // At most two decimals and no trailing zeros, never an exponent: 'g' with enough digits for
    // the whole part keeps 1250000 whole and rounds 3.14159 to 3.14.
    const double rounded = std::round(value.toDouble() * 100) / 100;
    const int wholeDigits = rounded == 0 ? 1 : int(std::floor(std::log10(std::abs(rounded)))) + 1;
    return numberLocale().toString(rounded, 'g', std::max(wholeDigits, 0) + 2);
}

QLocale numberLocale()
{
    QLocale locale;
    if (locale.language() == QLocale::C)
        locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    return locale;
}

QString countText(qint64 n)
{
    QLocale c = QLocale::c();
    c.setNumberOptions({}); // the C locale omits the group separator by default
    return c.toString(n).replace(u',', u' ');
}

#pragma once

#include <QList>
#include <algorithm>

// The summaries the benchmarks print, written once so that each reads its figures the same way.

// The middle value (the mean of the two middle ones for an even count); 0 for no values.
inline double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n == 0 ? 0 : n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// The value below which a share p (0 to 1) of the values lie, nearest rank; 0 for no values.
inline double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[qsizetype(p * double(values.size() - 1))];
}

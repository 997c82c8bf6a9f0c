#pragma once

#include <QTest>

#include <initializer_list>
#include <utility>

// The data of a test with one column of type T: the column, and a row for each (name, value).
template<typename T>
void addRows(const char *column, std::initializer_list<std::pair<const char *, T>> rows)
{
    QTest::addColumn<T>(column);
    for (const auto &[name, value] : rows)
        QTest::addRow("%s", name) << value;
}

// The data of a test that runs both ways of one choice: a bool column and a row for each value,
// named for people ("blocking", "async").
inline void addBoolRows(const char *column, const char *whenFalse, const char *whenTrue)
{
    addRows<bool>(column, { { whenFalse, false }, { whenTrue, true } });
}

#include <engine/operationlog.h>

OperationLog::OperationLog(QObject *parent) : QObject(parent) { }

int OperationLog::add(OperationRecord record)
{
    record.id = m_nextId++;
    m_records.append(record);
    emit recordAdded(int(m_records.size()) - 1);
    return record.id;
}

void OperationLog::update(const OperationRecord &record)
{
    const int row = rowOf(record.id);
    if (row < 0)
        return;
    m_records[row] = record;
    emit recordChanged(row);
}

const OperationRecord *OperationLog::find(int id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_records.at(row);
}

int OperationLog::rowOf(int id) const
{
    // ids are assigned in order and never reused, so the row is found by bisection
    auto it = std::lower_bound(m_records.cbegin(), m_records.cend(), id,
                               [](const OperationRecord &r, int value) { return r.id < value; });
    return it != m_records.cend() && it->id == id ? int(it - m_records.cbegin()) : -1;
}

void OperationLog::clear()
{
    m_records.clear();
    emit cleared();
}

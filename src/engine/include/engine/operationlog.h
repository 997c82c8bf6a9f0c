#pragma once

#include <engine/operationrecord.h>

#include <QList>
#include <QObject>

// Every operation the app ran, in start order; the GUI thread owns it.
class OperationLog : public QObject
{
    Q_OBJECT
public:
    explicit OperationLog(QObject *parent = nullptr);

    int add(OperationRecord record); // assigns and returns the id
    void update(const OperationRecord &record); // replaces the record with the same id
    const QList<OperationRecord> &records() const { return m_records; }
    const OperationRecord *find(int id) const;
    int rowOf(int id) const;
    void clear();

signals:
    void recordAdded(int row);
    void recordChanged(int row);
    void cleared();

private:
    QList<OperationRecord> m_records;
    int m_nextId = 1;
};

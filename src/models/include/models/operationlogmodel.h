#pragma once

#include <engine/operationlog.h>

#include <QAbstractTableModel>
#include <QPointer>

// One row per operation in an OperationLog, newest last. Display text is formatted for people;
// SortRole gives the raw value so a QSortFilterProxyModel sorts numbers as numbers.
class OperationLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        KindColumn,
        ModeColumn,
        TargetColumn,
        StatusColumn,
        HttpColumn,
        BytesColumn,
        LinesColumn,
        DurationColumn,
        MaxStallColumn,
        CulpritColumn,
        ThreadColumn,
        Sha256Column,
        ErrorColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole, // raw number or full text
        IdRole, // the record's id, on every column
    };

    explicit OperationLogModel(OperationLog *log, QObject *parent = nullptr);

    OperationLog *log() const { return m_log; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // The widest text a cell of `column` shows in ordinary use ("99,999", "9.99 s", the longest
    // thread sentence), so a view can size its columns once instead of measuring every row.
    // Longer texts (a culprit, an error) are elided and told in full by the tooltip.
    static QString widestText(int column);

private:
    const OperationRecord *recordAt(int row) const;
    QVariant displayText(const OperationRecord &record, int column) const;
    QVariant sortValue(const OperationRecord &record, int column) const;
    QVariant foreground(const OperationRecord &record, int column) const;
    QVariant decoration(const OperationRecord &record, int column) const;

    QPointer<OperationLog> m_log;
    // Rows announced to views so far. The log changes before it signals, so rowCount() must not
    // read the log's size directly or views would see the new row before beginInsertRows().
    int m_rows = 0;
};

#pragma once

#include "stallrecord.h"

#include <QList>
#include <QWidget>

class QListWidget;
class StallCard;
class StallWatchdog;

// Every stall of the GUI thread as it is recorded, newest last, each with its culprit; the
// selected one explained in a stall card.
class StallsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StallsPanel(StallWatchdog *watchdog, QWidget *parent = nullptr);

    void addRecord(const StallRecord &record);
    const QList<StallRecord> &records() const { return m_records; }
    QListWidget *listView() const { return m_list; }
    StallCard *card() const { return m_card; }
    QSize sizeHint() const override;

    static QString rowText(const StallRecord &record); // "2.01 s  BlockingFetcher::fetch  waiting"

private:
    void showSelected();

    QList<StallRecord> m_records;
    QListWidget *m_list;
    StallCard *m_card;
};

#pragma once

#include <widgets/lagchartwidget.h>
#include <stalls/stallrecord.h>

#include <QList>
#include <QWidget>

class QCheckBox;
class QListWidget;
class QScrollArea;
class StallCard;
class StallWatchdog;

// Every stall of the GUI thread as it is recorded, newest last, each with its culprit; the
// selected one explained in a stall card. Without a watchdog it shows the records it is given
// (one run's stalls).
class StallsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StallsPanel(StallWatchdog *watchdog, QWidget *parent = nullptr);

    void addRecord(const StallRecord &record);
    void setRecords(const QList<StallRecord> &records); // replaces what is listed
    // Into records(); a person's pick, kept when new records arrive.
    void selectRecord(int index);
    int selectedIndex() const;
    // Selects the newest record and keeps following new ones, as before a person picked a row:
    // called when the person starts something new, whose stalls they will want to see.
    void followNewest();
    const QList<StallRecord> &records() const { return m_records; }
    QListWidget *listView() const { return m_list; }
    StallCard *card() const { return m_card; }
    QSize sizeHint() const override;

    // "2.01 s  BlockingFetcher::fetch  waiting"; a start-up stall says so instead of its culprit
    static QString rowText(const StallRecord &record, bool duringStartUp = false);
    // Stalls that began before `ms` (labNowMs) happened while the program was starting: listed
    // apart from what a person did, greyed and said to be the program's own.
    void setStartUpBeforeMs(double ms);
    bool isStartUp(const StallRecord &record) const { return record.startMs < m_startUpBeforeMs; }
    // One marker per record, in the same order, with the card's short text for its tooltip.
    static QList<LagChartWidget::StallMarker> markersFor(const QList<StallRecord> &records);

    // Start-up, AsyncLab's own window and the machine: not the code a person ran. Hidden from
    // the list until asked for, and never selected on their own.
    bool isOthers(const StallRecord &record) const;
    QCheckBox *showOthersBox() const { return m_showOthers; }

signals:
    void recordsChanged();

private:
    void appendRow(const StallRecord &record);
    void showSelected();
    void selectNewest(); // the newest of the person's own stalls
    void selectRow(int row);
    void showOthers(bool shown);
    void recountOthers(); // after the start-up's end moved: every row may change sides
    void updateOthersBox();

    QList<StallRecord> m_records;
    double m_startUpBeforeMs = 0;
    QListWidget *m_list;
    StallCard *m_card;
    QScrollArea *m_cardArea = nullptr;
    QCheckBox *m_showOthers = nullptr;
    int m_othersCount = 0; // rows of AsyncLab's own and the machine's stalls
    bool m_followsNewest = true; // until a person picks a row
    bool m_selectingNewest = false;
};

#include <widgets/stallspanel.h>
#include <widgets/stallcard.h>
#include <stalls/stallwatchdog.h>
#include <common/units.h>

#include <QListWidget>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

StallsPanel::StallsPanel(StallWatchdog *watchdog, QWidget *parent)
    : QWidget(parent), m_list(new QListWidget(this)), m_card(new StallCard(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_list->setAccessibleName(tr("Stalls"));
    // One line a row, so that rows never move under the pointer as the dock narrows or a row
    // arrives; a row too long for the dock ends in "…" and its tooltip has all of it.
    m_list->setWordWrap(false);
    m_list->setUniformItemSizes(true);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // the list gets a quarter of the height, however many rows it holds; the card the rest
    m_list->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    m_list->setMinimumHeight(m_list->fontMetrics().height() * 4 + 8);
    splitter->addWidget(m_list);
    // scrolls rather than making the window it is in taller than a laptop's screen
    m_cardArea = new QScrollArea(splitter);
    m_cardArea->setWidgetResizable(true);
    m_cardArea->setFrameShape(QFrame::NoFrame);
    m_cardArea->setAccessibleName(tr("Selected stall"));
    m_cardArea->setWidget(m_card);
    splitter->addWidget(m_cardArea);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        // A row a person picked, by mouse or keyboard, stays picked: new stalls no longer move
        // the selection or the list under them.
        if (!m_selectingNewest)
            m_followsNewest = false;
        showSelected();
    });
    connect(m_list, &QListWidget::itemPressed, this, [this] { m_followsNewest = false; });
    if (watchdog) {
        for (const StallRecord &record : watchdog->records())
            addRecord(record);
        connect(watchdog, &StallWatchdog::stallRecorded, this, &StallsPanel::addRecord);
    }
}

QSize StallsPanel::sizeHint() const
{
    // Wide enough for a culprit's name and a line of source beside the chart.
    return { fontMetrics().horizontalAdvance(u'x') * 60, 600 };
}

QString StallsPanel::rowText(const StallRecord &record, bool duringStartUp)
{
    if (duringStartUp)
        return tr("%1  AsyncLab starting, not your code").arg(formatDuration(record.durationMs));
    if (record.isCpuStarved()) {
        return tr("%1  the machine, not your code (no CPU to give)")
                .arg(formatDuration(record.durationMs));
    }
    if (record.isAsyncLabDrawing())
        return tr("%1  AsyncLab drawing its window, not your code")
                .arg(formatDuration(record.durationMs));
    if (record.sampleCount == 0)
        return tr("%1  too short to see where").arg(formatDuration(record.durationMs));
    const QString where =
            record.culprit.isKnown() ? record.culprit.function : tr("(library code only)");
    const QString doing = record.busyShare >= record.waitingShare ? tr("busy") : tr("waiting");
    QString text = u"%1  %2  %3"_s.arg(formatDuration(record.durationMs), where, doing);
    if (record.open)
        text += tr("  (still going at the end)");
    if (record.startUp)
        text = tr("start-up: %1").arg(text);
    return text;
}

void StallsPanel::addRecord(const StallRecord &record)
{
    // Follows the newest stall until a person picks one; then neither the selection nor the
    // part of the list in view moves.
    QScrollBar *scroll = m_list->verticalScrollBar();
    const int scrolledTo = scroll->value();
    appendRow(record);
    if (m_followsNewest)
        selectNewest();
    else
        scroll->setValue(scrolledTo);
    emit recordsChanged();
}

void StallsPanel::selectNewest()
{
    const QScopedValueRollback guard(m_selectingNewest, true);
    m_list->setCurrentRow(m_list->count() - 1);
    if (QListWidgetItem *newest = m_list->currentItem())
        m_list->scrollToItem(newest);
}

void StallsPanel::followNewest()
{
    m_followsNewest = true;
    selectNewest();
}

void StallsPanel::setRecords(const QList<StallRecord> &records)
{
    m_list->clear();
    m_records.clear();
    for (const StallRecord &record : records)
        appendRow(record);
    // other records: nothing among them was picked yet
    m_followsNewest = true;
    selectNewest();
    showSelected(); // also when the row stayed -1 and the card must be cleared
    emit recordsChanged();
}

void StallsPanel::setStartUpBeforeMs(double ms)
{
    m_startUpBeforeMs = ms;
    for (int row = 0; row < m_records.size(); ++row) {
        const StallRecord &record = m_records.at(row);
        m_list->item(row)->setText(rowText(record, isStartUp(record)));
        if (isStartUp(record))
            m_list->item(row)->setForeground(palette().color(QPalette::PlaceholderText));
    }
    showSelected();
}

void StallsPanel::selectRecord(int index)
{
    if (index < 0 || index >= m_records.size())
        return;
    // a person's pick (a marker clicked on a chart): kept like a row clicked in the list
    m_followsNewest = false;
    m_list->setCurrentRow(index);
}

int StallsPanel::selectedIndex() const
{
    return m_list->currentRow();
}

QList<LagChartWidget::StallMarker> StallsPanel::markersFor(const QList<StallRecord> &records)
{
    QList<LagChartWidget::StallMarker> markers;
    markers.reserve(records.size());
    for (const StallRecord &record : records)
        markers.append({ record.startMs, record.durationMs, StallCard::shortText(record) });
    return markers;
}

void StallsPanel::appendRow(const StallRecord &record)
{
    m_records.append(record);
    auto *item = new QListWidgetItem(rowText(record, isStartUp(record)), m_list);
    // the machine's and start-up's stalls are told apart at a glance from the code that ran
    if (record.isCpuStarved() || isStartUp(record) || record.isAsyncLabDrawing())
        item->setForeground(palette().color(QPalette::PlaceholderText));
    const QString where = record.isCpuStarved() ? record.cpuCauseText() : record.culprit.location();
    QStringList tip = { item->text(), where, record.event };
    tip.removeAll(QString());
    item->setToolTip(tip.join(u'\n'));
}

void StallsPanel::showSelected()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_records.size())
        m_card->clear();
    else
        m_card->setRecord(m_records.at(row), isStartUp(m_records.at(row)));
    m_cardArea->verticalScrollBar()->setValue(0); // another stall's card starts at its top
}

#include <widgets/stallspanel.h>
#include <widgets/stallcard.h>
#include <stalls/stallwatchdog.h>
#include <common/units.h>

#include <QCheckBox>
#include <QListWidget>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>

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
    // AsyncLab's start-up, its own window and a machine short of CPU freeze the window too; they
    // are listed only when asked, so that a person's own freezes are not lost among them.
    m_showOthers = new QCheckBox(this);
    m_showOthers->setToolTip(tr("Stalls while AsyncLab started, drew or updated its own window, "
                                "or while other programs had all the CPUs: not the code you ran."));
    m_showOthers->hide();
    connect(m_showOthers, &QCheckBox::toggled, this, &StallsPanel::showOthers);
    layout->addWidget(m_showOthers);
    splitter->addWidget(m_list);
    // scrolls rather than making the window it is in taller than a laptop's screen
    m_cardArea = new QScrollArea(splitter);
    m_cardArea->setWidgetResizable(true);
    // as wide as the dock: the card's words wrap rather than run off to the right
    m_cardArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_cardArea->setFrameShape(QFrame::NoFrame);
    m_cardArea->setAccessibleName(tr("Selected stall"));
    m_cardArea->setWidget(m_card);
    splitter->addWidget(m_cardArea);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    // a quarter and three quarters from the start, whatever the card holds when first shown
    splitter->setSizes({ 1000, 3000 });
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
    if (record.isAsyncLabsWindow())
        return tr("%1  AsyncLab's own window, not your code")
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
    updateOthersBox();
    if (m_followsNewest && !isOthers(record))
        selectNewest();
    else
        scroll->setValue(scrolledTo);
    emit recordsChanged();
}

void StallsPanel::selectNewest()
{
    int newest = int(m_records.size()) - 1;
    while (newest >= 0 && isOthers(m_records.at(newest)))
        --newest;
    selectRow(newest);
}

void StallsPanel::selectRow(int row)
{
    const QScopedValueRollback guard(m_selectingNewest, true);
    m_list->setCurrentRow(row);
    if (QListWidgetItem *item = m_list->currentItem())
        m_list->scrollToItem(item);
}

bool StallsPanel::isOthers(const StallRecord &record) const
{
    return isStartUp(record) || record.isCpuStarved() || record.isAsyncLabsWindow();
}

void StallsPanel::showOthers(bool shown)
{
    for (int row = 0; row < m_records.size(); ++row)
        m_list->setRowHidden(row, !shown && isOthers(m_records.at(row)));
    if (QListWidgetItem *item = m_list->currentItem())
        m_list->scrollToItem(item);
}

void StallsPanel::recountOthers()
{
    m_othersCount = int(std::count_if(m_records.cbegin(), m_records.cend(),
                                      [this](const StallRecord &r) { return isOthers(r); }));
    updateOthersBox();
    showOthers(m_showOthers->isChecked());
}

void StallsPanel::updateOthersBox()
{
    m_showOthers->setText(tr("Also AsyncLab's own and the machine's (%n)", nullptr, m_othersCount));
    m_showOthers->setVisible(m_othersCount > 0);
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
    m_othersCount = 0;
    for (const StallRecord &record : records)
        appendRow(record);
    updateOthersBox();
    // One run's records, nothing among them picked yet: the longest freeze of the code that ran
    // (the newest of equals), as the run's headline names it.
    m_followsNewest = true;
    int longest = -1;
    for (int row = 0; row < m_records.size(); ++row) {
        const StallRecord &record = m_records.at(row);
        if (!isOthers(record)
            && (longest < 0 || record.durationMs >= m_records.at(longest).durationMs))
            longest = row;
    }
    selectRow(longest);
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
    recountOthers();
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
    if (isOthers(record)) {
        item->setForeground(palette().color(QPalette::PlaceholderText));
        item->setHidden(!m_showOthers->isChecked());
        ++m_othersCount;
    }
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

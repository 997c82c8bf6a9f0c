#include "widgetchecks.h"
#include <widgets/stallcard.h>
#include <widgets/stallspanel.h>

#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

// The Stalls panel and its card, fed with records as the watchdog hands them over.
class TestStallsPanel : public QObject
{
    Q_OBJECT
private slots:
    void cardExplainsTheStall();
    void missingSourceIsSaid();
    void listFollowsTheNewest();
    void aPickedStallStaysPicked_data();
    void aPickedStallStaysPicked();
    void oneRunsRecordsAndTheirMarkers();
    void startUpAndMachineStallsAreSetApart();
    void libraryFramesFold();
    void codeInViewInASmallPane();
    void cpuWaitHasItsOwnShare_data();
    void cpuWaitHasItsOwnShare();
};

namespace {
StallRecord fetchStall(const QString &path)
{
    StallRecord r;
    r.id = 1;
    r.durationMs = 2010;
    r.sampleCount = 200;
    r.waitingShare = 0.99;
    r.busyShare = 0.01;
    r.mainWait = WaitReason::LockOrFuture;
    r.culprit.function = u"BlockingFetcher::fetch"_s;
    r.culprit.file = u"src/engine/blockingfetcher.cpp"_s;
    r.culprit.path = path;
    r.culprit.line = 36;
    r.culprit.samples = 198;
    r.culprit.share = 0.99;
    r.event = u"MouseButtonRelease on QPushButton 'fetchButton'"_s;
    StackFrame futex;
    futex.function = u"syscall"_s;
    futex.module = u"libc.so.6"_s;
    StackFrame fetch;
    fetch.function = u"BlockingFetcher::fetch(QUrl const&, FetchOptions const&)"_s;
    fetch.file = u"src/engine/blockingfetcher.cpp"_s;
    fetch.path = path;
    fetch.line = 36;
    fetch.own = true;
    r.stack = { futex, fetch };
    return r;
}
} // namespace

void TestStallsPanel::cardExplainsTheStall()
{
    StallCard card;
    card.setRecord(
            fetchStall(QStringLiteral(ASYNCLAB_SOURCE_DIR "/src/engine/blockingfetcher.cpp")));
    QVERIFY(card.summaryLabel()->text().contains(u"2.01 s"_s));
    QVERIFY(card.summaryLabel()->text().contains(u"waiting 99% on a lock or future (futex)"_s));
    QVERIFY(card.culpritLabel()->text().contains(u"<b>BlockingFetcher::fetch</b>"_s));
    QVERIFY(card.culpritLabel()->text().contains(u"src/engine/blockingfetcher.cpp:36"_s));
    QCOMPARE(card.eventLabel()->text(),
             u"Started by MouseButtonRelease on QPushButton 'fetchButton'"_s);
    QCOMPARE(card.shareBar()->waitingShare(), 0.99);
    QCOMPARE(card.stackView()->count(), 2);
    const QColor dimmed = card.palette().color(QPalette::PlaceholderText);
    QCOMPARE(card.stackView()->item(0)->foreground().color(), dimmed);
    QVERIFY(card.stackView()->item(1)->foreground().color() != dimmed);
    QCOMPARE(card.stackView()->item(1)->text(),
             u"BlockingFetcher::fetch (src/engine/blockingfetcher.cpp:36)"_s);
    // The source around the line, the culprit's line marked.
    const QString source = card.sourceView()->toPlainText();
    QVERIFY2(source.contains(u"▶   36  "_s), qPrintable(source));
    QVERIFY(source.contains(u"result.get()"_s));
    // Four lines either side, as far as the file goes (it ends at line 39).
    QVERIFY2(source.startsWith(u"    32  "_s), qPrintable(source));
    QVERIFY2(source.contains(u"\n    39  "_s), qPrintable(source));
}

void TestStallsPanel::missingSourceIsSaid()
{
    StallCard card;
    card.setRecord(fetchStall(u"/nonexistent/src/engine/blockingfetcher.cpp"_s));
    QVERIFY(card.sourceView()->toPlainText().startsWith(
            u"The source file is not on this machine"_s));
    QVERIFY(card.culpritLabel()->text().contains(u"src/engine/blockingfetcher.cpp:36"_s));
}

void TestStallsPanel::listFollowsTheNewest()
{
    StallsPanel panel(nullptr);
    QCOMPARE(panel.listView()->count(), 0);
    StallRecord first = fetchStall({});
    panel.addRecord(first);
    StallRecord second = first;
    second.id = 2;
    second.durationMs = 300;
    second.culprit = {};
    panel.addRecord(second);
    QCOMPARE(panel.listView()->count(), 2);
    QCOMPARE(panel.listView()->currentRow(), 1);
    QCOMPARE(panel.listView()->item(0)->text(), u"2.01 s  BlockingFetcher::fetch  waiting"_s);
    QVERIFY(panel.card()->culpritLabel()->text().startsWith(u"Not in the program's own code"_s));
    // AsyncLab painting its own window meanwhile: it does not take the person's stall away
    StallRecord drawing = first;
    drawing.program = u"AsyncLab"_s;
    drawing.event = u"UpdateRequest on MainWindow"_s;
    panel.addRecord(drawing);
    QCOMPARE(panel.listView()->count(), 3);
    QCOMPARE(panel.listView()->currentRow(), 1);
    QVERIFY(panel.listView()->isRowHidden(2));
    // A person picks the older one; a new stall does not take the selection away.
    panel.listView()->setCurrentRow(0);
    QVERIFY(panel.card()->culpritLabel()->text().contains(u"BlockingFetcher::fetch"_s));
    panel.addRecord(second);
    QCOMPARE(panel.listView()->currentRow(), 0);
}

void TestStallsPanel::aPickedStallStaysPicked_data()
{
    QTest::addColumn<QString>("how");
    QTest::addRow("newest row clicked") << u"click"_s;
    QTest::addRow("row chosen with the keyboard") << u"key"_s;
    QTest::addRow("marker clicked on the chart") << u"marker"_s;
}

void TestStallsPanel::aPickedStallStaysPicked()
{
    QFETCH(QString, how);
    StallsPanel panel(nullptr);
    QVERIFY(showExposed(&panel, QSize(400, 500)));
    QListWidget *list = panel.listView();
    StallRecord record = fetchStall({});
    for (int i = 0; i < 12; ++i) {
        record.id = i + 1;
        record.durationMs = 60 + i;
        panel.addRecord(record);
    }
    // nothing picked yet: the newest is shown, and in view
    QCOMPARE(list->currentRow(), 11);
    const int picked = how == u"key"_s ? 10 : 11;
    if (how == u"click"_s) {
        const QRect row = list->visualItemRect(list->item(11));
        QVERIFY(list->viewport()->rect().contains(row.center()));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, row.center());
    } else if (how == u"key"_s) {
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Up);
    } else {
        panel.selectRecord(11);
    }
    QCOMPARE(list->currentRow(), picked);
    const QString card = panel.card()->headlineLabel()->text();
    const int scrolledTo = list->verticalScrollBar()->value();
    for (int i = 12; i < 30; ++i) {
        record.id = i + 1;
        record.durationMs = 60 + i;
        panel.addRecord(record);
    }
    QCOMPARE(list->count(), 30);
    QCOMPARE(list->currentRow(), picked);
    QCOMPARE(panel.selectedIndex(), picked);
    QCOMPARE(panel.card()->headlineLabel()->text(), card);
    QCOMPARE(list->verticalScrollBar()->value(), scrolledTo);
    QVERIFY(list->viewport()->rect().intersects(list->visualItemRect(list->item(picked))));
    // the person starts something new: its stalls are the ones to show again
    panel.followNewest();
    QCOMPARE(list->currentRow(), 29);
    panel.addRecord(record);
    QCOMPARE(list->currentRow(), 30);
    QVERIFY(list->viewport()->rect().intersects(list->visualItemRect(list->item(30))));
    // another run's records: none of them was picked, so the newest is shown again
    panel.setRecords({ record, record });
    QCOMPARE(list->currentRow(), 1);
    panel.addRecord(record);
    QCOMPARE(list->currentRow(), 2);
}

void TestStallsPanel::oneRunsRecordsAndTheirMarkers()
{
    StallsPanel panel(nullptr);
    QSignalSpy changed(&panel, &StallsPanel::recordsChanged);
    QVERIFY(changed.isValid());
    StallRecord first = fetchStall({});
    first.startMs = 1000;
    StallRecord second = first;
    second.id = 2;
    second.startMs = 4000;
    second.durationMs = 120;
    second.event.clear();
    panel.setRecords({ first, second });
    QCOMPARE(changed.size(), 1);
    QCOMPARE(panel.listView()->count(), 2);
    QCOMPARE(panel.selectedIndex(), 0); // the run's longest freeze
    QVERIFY(panel.card()->summaryLabel()->text().contains(u"2.01 s"_s));
    panel.selectRecord(1);
    QCOMPARE(panel.selectedIndex(), 1);
    QVERIFY(panel.card()->summaryLabel()->text().contains(u"120 ms"_s));
    panel.selectRecord(5); // out of range: the selection stays
    QCOMPARE(panel.selectedIndex(), 1);

    const QList<LagChartWidget::StallMarker> markers = StallsPanel::markersFor(panel.records());
    QCOMPARE(markers.size(), 2);
    QCOMPARE(markers.at(1).startMs, 4000.0);
    QCOMPARE(markers.at(1).durationMs, 120.0);
    const QString text = markers.at(0).text;
    QVERIFY2(text.contains(u"Froze 2.01 s"_s), qPrintable(text));
    QVERIFY(text.contains(u"waiting 99% on a lock or future (futex)"_s));
    QVERIFY(text.contains(u"<b>BlockingFetcher::fetch</b> at src/engine/blockingfetcher.cpp:36"_s));
    QVERIFY(text.contains(u"Started by MouseButtonRelease on QPushButton 'fetchButton'"_s));
    QVERIFY(!markers.at(1).text.contains(u"Started by"_s));

    // a run with no stalls empties the list and the card
    panel.setRecords({});
    QCOMPARE(changed.size(), 2);
    QCOMPARE(panel.listView()->count(), 0);
    QVERIFY(panel.card()->summaryLabel()->text().startsWith(u"No stall yet"_s));
}

void TestStallsPanel::cpuWaitHasItsOwnShare_data()
{
    QTest::addColumn<double>("busySamples");
    QTest::addColumn<double>("cpuWaitSamples");
    QTest::addColumn<double>("waitingSamples");
    QTest::addColumn<double>("runQueue"); // the kernel's count, -1 when not known
    QTest::addColumn<double>("busy");
    QTest::addColumn<double>("cpuWait");
    QTest::addColumn<double>("waiting");
    QTest::addRow("none") << 0.01 << 0.0 << 0.99 << -1.0 << 0.01 << 0.0 << 0.99;
    QTest::addRow("samples found it runnable") << 0.3 << 0.6 << 0.1 << -1.0 << 0.3 << 0.6 << 0.1;
    // A thread on a run queue looks runnable to the sampler: the kernel's count comes out of busy.
    QTest::addRow("kernel counted a run queue") << 1.0 << 0.0 << 0.0 << 0.4 << 0.6 << 0.4 << 0.0;
    QTest::addRow("more than the busy samples") << 0.2 << 0.0 << 0.8 << 0.5 << 0.0 << 0.5 << 0.5;
}

void TestStallsPanel::cpuWaitHasItsOwnShare()
{
    QFETCH(double, busySamples);
    QFETCH(double, cpuWaitSamples);
    QFETCH(double, waitingSamples);
    QFETCH(double, runQueue);
    QFETCH(double, busy);
    QFETCH(double, cpuWait);
    QFETCH(double, waiting);
    StallRecord r = fetchStall({});
    r.busyShare = busySamples;
    r.cpuWaitSampleShare = cpuWaitSamples;
    r.waitingShare = waitingSamples;
    r.cpuWaitShare = runQueue;
    StallCard card;
    card.setRecord(r);
    const StallShareBar *bar = card.shareBar();
    QVERIFY2(qAbs(bar->busyShare() - busy) < 1e-9, qPrintable(QString::number(bar->busyShare())));
    QVERIFY2(qAbs(bar->cpuWaitShare() - cpuWait) < 1e-9,
             qPrintable(QString::number(bar->cpuWaitShare())));
    QVERIFY2(qAbs(bar->waitingShare() - waiting) < 1e-9,
             qPrintable(QString::number(bar->waitingShare())));
    QVERIFY2(card.legendLabel()->text().contains(u"waiting for a CPU"_s),
             qPrintable(card.legendLabel()->text()));
    // the words say what the bar shows
    QCOMPARE(card.summaryLabel()->text().contains(u"waiting for a CPU"_s), cpuWait >= 0.1);
}

QTEST_MAIN(TestStallsPanel)

void TestStallsPanel::startUpAndMachineStallsAreSetApart()
{
    StallRecord startUp = fetchStall({});
    startUp.startMs = 1000;
    startUp.durationMs = 340;
    StallRecord machine = fetchStall({});
    machine.startMs = 5000;
    machine.durationMs = 102;
    // the case that read "waiting for a CPU 100%" then "0% of it on a run queue": one sample
    // found the thread runnable, the kernel counted no wait
    machine.cpuWaitShare = 0;
    machine.cpuWaitSampleShare = 1;
    machine.culprit = {}; // the thread was in the event loop: no own code to blame
    machine.sampleCount = 1;
    StallRecord fetch = fetchStall({});
    fetch.startMs = 9000;
    // AsyncLab painting its own window: its own drawing, not the code a person ran
    StallRecord drawing = fetchStall({});
    drawing.startMs = 12000;
    drawing.durationMs = 115;
    drawing.program = u"AsyncLab"_s;
    drawing.event = u"UpdateRequest on MainWindow"_s;
    drawing.culprit.function = u"MainWindow::event"_s;
    StallsPanel panel(nullptr);
    panel.setRecords({ startUp, machine, fetch, drawing });
    panel.setStartUpBeforeMs(2000);
    // One run's list opens on its longest freeze of the code that ran; the others are listed
    // only when asked for, and counted.
    QCOMPARE(panel.listView()->currentRow(), 2);
    for (int row : { 0, 1, 3 })
        QVERIFY(panel.listView()->isRowHidden(row));
    QVERIFY(!panel.listView()->isRowHidden(2));
    QVERIFY(panel.showOthersBox()->isVisibleTo(&panel));
    QVERIFY(panel.showOthersBox()->text().contains(u"(3)"_s));
    panel.showOthersBox()->setChecked(true);
    for (int row = 0; row < 4; ++row)
        QVERIFY(!panel.listView()->isRowHidden(row));
    QCOMPARE(panel.listView()->item(0)->text(), u"340 ms  AsyncLab starting, not your code"_s);
    QVERIFY(panel.listView()->item(1)->text().startsWith(u"102 ms  the machine, not your code"_s));
    QCOMPARE(panel.listView()->item(2)->text(), u"2.01 s  BlockingFetcher::fetch  waiting"_s);
    panel.selectRecord(0);
    QVERIFY(panel.card()->headlineLabel()->text().startsWith(
            u"The window froze 340 ms while AsyncLab was starting"_s));
    panel.selectRecord(1);
    QVERIFY(panel.card()->headlineLabel()->text().contains(u"the machine gave AsyncLab no CPU"_s));
    // one measure says it, so the card never contradicts itself
    QVERIFY(!panel.card()->culpritLabel()->text().contains(u"0% of it on a run queue"_s));
    panel.selectRecord(2);
    QCOMPARE(panel.card()->headlineLabel()->text(),
             u"The window froze 2.01 s because BlockingFetcher::fetch (line 36) kept the GUI "
             "thread waiting on a lock or a future."_s);
    QCOMPARE(panel.listView()->item(3)->text(), u"115 ms  AsyncLab's own window, not your code"_s);
    QCOMPARE(panel.listView()->item(3)->foreground().color(),
             panel.palette().color(QPalette::PlaceholderText));
    panel.selectRecord(3);
    QVERIFY(panel.card()->headlineLabel()->text().endsWith(u"Not caused by the code you ran."_s));
    QVERIFY(!panel.card()->culpritLabel()->text().contains(u"Why:"_s)); // nothing to change
    // AsyncLab's own window code, not painting: its own too
    StallRecord panelCode = fetchStall({});
    panelCode.program = u"AsyncLab"_s;
    panelCode.culprit.function = u"StallsPanel::selectNewest"_s;
    panelCode.culprit.file = u"src/widgets/stallspanel.cpp"_s;
    QVERIFY(panelCode.isAsyncLabsWindow());
    // the same stall in a watched program is that program's own drawing: its code, named
    drawing.program = u"qtcreator"_s;
    QCOMPARE(StallsPanel::rowText(drawing), u"115 ms  MainWindow::event  waiting"_s);
}

void TestStallsPanel::codeInViewInASmallPane()
{
    // The size of a Compare half's Stalls tab at 1366x768: the culprit's code is seen without
    // scrolling, and another stall's card starts at its top however far the last one scrolled.
    StallsPanel panel(nullptr);
    QVERIFY(showExposed(&panel, QSize(640, 290)));
    const StallRecord stall =
            fetchStall(QStringLiteral(ASYNCLAB_SOURCE_DIR "/src/engine/blockingfetcher.cpp"));
    panel.setRecords({ stall, stall });
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest); // the card laid out
    auto *area = panel.findChild<QScrollArea *>();
    QVERIFY(area);
    const auto shown = [&](QWidget *w, const QRect &part) {
        return area->viewport()->rect().contains(
                QRect(w->mapTo(area->viewport(), part.topLeft()), part.size()));
    };
    // the culprit's line (where the source pane's cursor is) and the lines around it
    QPlainTextEdit *source = panel.card()->sourceView();
    const auto codeShown = [&] {
        const QRect line = source->cursorRect();
        const int around = 2 * source->fontMetrics().lineSpacing();
        return shown(source->viewport(), line.adjusted(0, -around, 0, around));
    };
    QLabel *culprit = panel.card()->culpritLabel();
    QVERIFY(shown(culprit, culprit->rect()));
    QVERIFY(codeShown());
    area->verticalScrollBar()->setValue(area->verticalScrollBar()->maximum());
    QVERIFY(!shown(culprit, culprit->rect()));
    panel.selectRecord(0);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCOMPARE(area->verticalScrollBar()->value(), 0);
    QVERIFY(codeShown());
}

void TestStallsPanel::libraryFramesFold()
{
    StallRecord r = fetchStall({});
    Stack stack;
    for (int i = 0; i < 5; ++i) {
        StackFrame qt;
        qt.function = u"QCoreApplication::notify"_s;
        qt.module = u"libQt6Core.so.6"_s;
        stack.append(qt);
    }
    StackFrame own = r.stack.last();
    stack.insert(2, own);
    r.stack = stack; // two library frames, own code, three library frames
    StallCard card;
    card.setRecord(r);
    QVERIFY(showExposed(&card));
    QListWidget *view = card.stackView();
    QCOMPARE(view->count(), 4);
    QVERIFY(view->item(3)->text().contains(u"3 frames in libraries (libQt6Core)"_s));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualItemRect(view->item(3)).center());
    QCOMPARE(view->count(), 6);
}

#include "tst_stallspanel.moc"

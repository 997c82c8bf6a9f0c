#include "stallcard.h"
#include "stallspanel.h"

#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
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
    r.culprit = { u"BlockingFetcher::fetch"_s, u"core/blockingfetcher.cpp"_s, path, 36, 198, 0.99 };
    r.event = u"MouseButtonRelease on QPushButton 'fetchButton'"_s;
    StackFrame futex;
    futex.function = u"syscall"_s;
    futex.module = u"libc.so.6"_s;
    StackFrame fetch;
    fetch.function = u"BlockingFetcher::fetch(QUrl const&, FetchOptions const&)"_s;
    fetch.file = u"core/blockingfetcher.cpp"_s;
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
    card.setRecord(fetchStall(QStringLiteral(ASYNCLAB_SOURCE_DIR "/core/blockingfetcher.cpp")));
    QVERIFY(card.summaryLabel()->text().contains(u"2.01 s"_s));
    QVERIFY(card.summaryLabel()->text().contains(u"waiting 99% on a lock or future (futex)"_s));
    QVERIFY(card.culpritLabel()->text().contains(u"<b>BlockingFetcher::fetch</b>"_s));
    QVERIFY(card.culpritLabel()->text().contains(u"core/blockingfetcher.cpp:36"_s));
    QCOMPARE(card.eventLabel()->text(),
             u"Started by MouseButtonRelease on QPushButton 'fetchButton'"_s);
    QCOMPARE(card.shareBar()->waitingShare(), 0.99);
    QCOMPARE(card.stackView()->count(), 2);
    const QColor dimmed = card.palette().color(QPalette::PlaceholderText);
    QCOMPARE(card.stackView()->item(0)->foreground().color(), dimmed);
    QVERIFY(card.stackView()->item(1)->foreground().color() != dimmed);
    QCOMPARE(card.stackView()->item(1)->text(),
             u"BlockingFetcher::fetch (core/blockingfetcher.cpp:36)"_s);
    // The source around the line, the culprit's line marked.
    const QString source = card.sourceView()->toPlainText();
    QVERIFY2(source.contains(u"▶   36  "_s), qPrintable(source));
    QVERIFY(source.contains(u"result.get()"_s));
    // Four lines either side, as far as the file goes (it ends at line 37).
    QVERIFY2(source.startsWith(u"    32  "_s), qPrintable(source));
    QVERIFY(source.endsWith(u"    37  }"_s));
}

void TestStallsPanel::missingSourceIsSaid()
{
    StallCard card;
    card.setRecord(fetchStall(u"/nonexistent/core/blockingfetcher.cpp"_s));
    QVERIFY(card.sourceView()->toPlainText().startsWith(
            u"The source file is not on this machine"_s));
    QVERIFY(card.culpritLabel()->text().contains(u"core/blockingfetcher.cpp:36"_s));
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
    QVERIFY(panel.card()->culpritLabel()->text().startsWith(u"Not in AsyncLab's own code"_s));
    // A person picks the older one; a new stall does not take the selection away.
    panel.listView()->setCurrentRow(0);
    QVERIFY(panel.card()->culpritLabel()->text().contains(u"BlockingFetcher::fetch"_s));
    panel.addRecord(second);
    QCOMPARE(panel.listView()->currentRow(), 0);
}

QTEST_MAIN(TestStallsPanel)
#include "tst_stallspanel.moc"

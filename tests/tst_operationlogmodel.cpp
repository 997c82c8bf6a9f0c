#include <models/labcolors.h>
#include <engine/operationlog.h>
#include <models/operationlogmodel.h>

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

class TestOperationLogModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void followsTheLog();
    void cellText_data();
    void cellText();
    void fullTextInToolTips();
    void rawValuesForSorting();
    void marksFailedCanceledAndBlockingRows();
    void alignsNumbersRight();
    void headerForEveryColumn();
    void survivesLogDeletion();
};

namespace {

OperationRecord finishedFetch()
{
    OperationRecord r;
    r.kind = OperationKind::Fetch;
    r.mode = RunMode::Blocking;
    r.target = u"http://127.0.0.1:8080/bytes?size=64M"_s;
    r.status = OperationStatus::Succeeded;
    r.httpStatus = 200;
    r.bytes = 64 * 1024 * 1024;
    r.totalBytes = r.bytes;
    r.sha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"_ba;
    r.startMs = 1000;
    r.endMs = 2234;
    r.maxStallMs = 1180.4;
    r.workerThread = u"GUI thread"_s;
    return r;
}

QString cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

} // namespace

void TestOperationLogModel::initTestCase()
{
    // cell texts are checked in one known locale
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestOperationLogModel::followsTheLog()
{
    OperationLog log;
    OperationLogModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(inserted.isValid() && changed.isValid() && reset.isValid());

    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(OperationLogModel::ColumnCount));

    OperationRecord running;
    running.target = u"/tmp/a.txt"_s;
    running.kind = OperationKind::FileLoad;
    const int first = log.add(running);
    const int second = log.add(finishedFetch());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 1);
    QCOMPARE(cell(model, 0, OperationLogModel::StatusColumn), u"running"_s);
    QCOMPARE(model.index(1, 0).data(OperationLogModel::IdRole).toInt(), second);

    OperationRecord done = *log.find(first);
    done.status = OperationStatus::Succeeded;
    done.lines = 12345;
    done.endMs = done.startMs + 42;
    log.update(done);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.index(0, 0));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(),
             model.index(0, OperationLogModel::ColumnCount - 1));
    QCOMPARE(cell(model, 0, OperationLogModel::StatusColumn), u"ok"_s);
    QCOMPARE(cell(model, 0, OperationLogModel::LinesColumn), u"12,345"_s);

    log.clear();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 0);

    log.add(finishedFetch());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, 0, OperationLogModel::IdColumn), u"3"_s);
}

void TestOperationLogModel::cellText_data()
{
    QTest::addColumn<OperationRecord>("record");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");

    const OperationRecord fetch = finishedFetch();
    QTest::addRow("kind") << fetch << int(OperationLogModel::KindColumn) << u"fetch"_s;
    QTest::addRow("mode") << fetch << int(OperationLogModel::ModeColumn) << u"blocking"_s;
    QTest::addRow("url shows path and query")
            << fetch << int(OperationLogModel::TargetColumn) << u"/bytes?size=64M"_s;
    QTest::addRow("http") << fetch << int(OperationLogModel::HttpColumn) << u"200"_s;
    QTest::addRow("bytes in MiB") << fetch << int(OperationLogModel::BytesColumn) << u"64.0 MiB"_s;
    QTest::addRow("no lines for a fetch")
            << fetch << int(OperationLogModel::LinesColumn) << QString();
    QTest::addRow("duration as everywhere")
            << fetch << int(OperationLogModel::DurationColumn) << u"1.23 s"_s;
    QTest::addRow("stall rounded")
            << fetch << int(OperationLogModel::MaxStallColumn) << u"1.18 s"_s;
    OperationRecord blockingFetch = fetch;
    blockingFetch.workerThread = u"network thread"_s;
    QTest::addRow("blocking fetch: who waited, who did the I/O")
            << blockingFetch << int(OperationLogModel::ThreadColumn)
            << u"GUI thread waited; network thread did the I/O"_s;
    OperationRecord asyncFetch = fetch;
    asyncFetch.mode = RunMode::Async;
    QTest::addRow("async fetch: nobody waited")
            << asyncFetch << int(OperationLogModel::ThreadColumn)
            << u"no thread waited (event loop)"_s;
    OperationRecord frozenFetch = blockingFetch;
    frozenFetch.culprit = u"BlockingFetcher::fetch (src/engine/blockingfetcher.cpp:36)"_s;
    frozenFetch.culpritStallMs = 2010;
    QTest::addRow("culprit of the longest freeze")
            << frozenFetch << int(OperationLogModel::CulpritColumn) << frozenFetch.culprit;
    QTest::addRow("no culprit without a freeze")
            << asyncFetch << int(OperationLogModel::CulpritColumn) << QString();
    QTest::addRow("short sha") << fetch << int(OperationLogModel::Sha256Column)
                               << u"0123456789ab\u2026"_s;

    OperationRecord load;
    load.kind = OperationKind::FileLoad;
    load.mode = RunMode::Async;
    load.target = u"/tmp/lab/data-16M.txt"_s;
    load.bytes = 1536;
    load.lines = 1234567;
    load.startMs = 10;
    load.endMs = 13.4;
    load.status = OperationStatus::Failed;
    load.error = u"Read error\nat byte 1536"_s;
    QTest::addRow("file shows name")
            << load << int(OperationLogModel::TargetColumn) << u"data-16M.txt"_s;
    QTest::addRow("bytes in KiB") << load << int(OperationLogModel::BytesColumn) << u"1.5 KiB"_s;
    QTest::addRow("lines grouped") << load << int(OperationLogModel::LinesColumn) << u"1,234,567"_s;
    QTest::addRow("short duration has a decimal")
            << load << int(OperationLogModel::DurationColumn) << u"3.4 ms"_s;
    QTest::addRow("failed") << load << int(OperationLogModel::StatusColumn) << u"failed"_s;
    QTest::addRow("first error line")
            << load << int(OperationLogModel::ErrorColumn) << u"Read error\u2026"_s;
    QTest::addRow("no http for a file") << load << int(OperationLogModel::HttpColumn) << QString();
    OperationRecord workerLoad = load;
    workerLoad.workerThread = u"worker 1"_s;
    QTest::addRow("async load: worker did it") << workerLoad << int(OperationLogModel::ThreadColumn)
                                               << u"worker 1 did the work; GUI thread free"_s;
    OperationRecord guiLoad = load;
    guiLoad.mode = RunMode::Blocking;
    guiLoad.workerThread = u"GUI thread"_s;
    QTest::addRow("blocking load: GUI thread did it")
            << guiLoad << int(OperationLogModel::ThreadColumn)
            << u"GUI thread did the work (and froze)"_s;

    OperationRecord running = fetch;
    running.status = OperationStatus::Running;
    running.bytes = 16 * 1024 * 1024;
    running.endMs = 0;
    running.maxStallMs = 0;
    QTest::addRow("progress") << running << int(OperationLogModel::StatusColumn)
                              << u"running 25%"_s;
    QTest::addRow("no duration while running")
            << running << int(OperationLogModel::DurationColumn) << QString();
    QTest::addRow("no stall yet") << running << int(OperationLogModel::MaxStallColumn) << QString();
}

void TestOperationLogModel::cellText()
{
    QFETCH(OperationRecord, record);
    QFETCH(int, column);
    QFETCH(QString, text);

    OperationLog log;
    OperationLogModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    log.add(record);
    QCOMPARE(cell(model, 0, column), text);
    // The window sizes the columns once, from their widest text ("64.0 MiB" was cut to "64…iB"):
    // no cell holds more characters than that. The target stretches instead; a culprit or an
    // error is cut in the middle, and its tooltip has all of it.
    if (column != OperationLogModel::TargetColumn && column != OperationLogModel::CulpritColumn
        && column != OperationLogModel::ErrorColumn)
        QVERIFY2(text.size() <= OperationLogModel::widestText(column).size(),
                 qPrintable(OperationLogModel::widestText(column)));
}

void TestOperationLogModel::fullTextInToolTips()
{
    OperationLog log;
    OperationLogModel model(&log);
    OperationRecord r = finishedFetch();
    r.error = u"first line\nsecond line"_s;
    log.add(r);
    QCOMPARE(cell(model, 0, OperationLogModel::TargetColumn, Qt::ToolTipRole), r.target);
    QCOMPARE(cell(model, 0, OperationLogModel::Sha256Column, Qt::ToolTipRole),
             QString::fromLatin1(r.sha256));
    QCOMPARE(cell(model, 0, OperationLogModel::ErrorColumn, Qt::ToolTipRole), r.error);
    // every other cell that shows text tells it whole, for when the column elides it
    for (int column = 0; column < OperationLogModel::ColumnCount; ++column) {
        const QString text = cell(model, 0, column);
        if (text.isEmpty() || column == OperationLogModel::TargetColumn
            || column == OperationLogModel::Sha256Column
            || column == OperationLogModel::ErrorColumn)
            continue;
        QCOMPARE(cell(model, 0, column, Qt::ToolTipRole), text);
    }
}

void TestOperationLogModel::rawValuesForSorting()
{
    OperationLog log;
    OperationLogModel model(&log);
    log.add(finishedFetch());
    const auto raw = [&](int column) {
        return model.index(0, column).data(OperationLogModel::SortRole);
    };
    QCOMPARE(raw(OperationLogModel::BytesColumn).toLongLong(), 64LL * 1024 * 1024);
    QCOMPARE(raw(OperationLogModel::DurationColumn).toDouble(), 1234.0);
    QCOMPARE(raw(OperationLogModel::MaxStallColumn).toDouble(), 1180.4);
    QCOMPARE(raw(OperationLogModel::HttpColumn).toInt(), 200);
    QCOMPARE(raw(OperationLogModel::IdColumn).toInt(), 1);
    QCOMPARE(raw(OperationLogModel::LinesColumn).toLongLong(), -1);
}

void TestOperationLogModel::marksFailedCanceledAndBlockingRows()
{
    OperationLog log;
    OperationLogModel model(&log);
    OperationRecord r = finishedFetch();
    log.add(r);
    r.status = OperationStatus::Failed;
    r.mode = RunMode::Async;
    log.add(r);
    r.status = OperationStatus::Canceled;
    log.add(r);

    const auto brush = [&](int row, int column) {
        return model.index(row, column).data(Qt::ForegroundRole).value<QBrush>();
    };
    QCOMPARE(brush(0, OperationLogModel::ModeColumn).color(), modeColor(RunMode::Blocking));
    QCOMPARE(model.index(0, OperationLogModel::ModeColumn).data(Qt::DecorationRole).value<QColor>(),
             modeColor(RunMode::Blocking));
    QCOMPARE(brush(0, OperationLogModel::MaxStallColumn).color(), failedColor()); // over 50 ms
    QCOMPARE(brush(0, OperationLogModel::TargetColumn), QBrush());
    QCOMPARE(brush(1, OperationLogModel::StatusColumn).color(), failedColor());
    QCOMPARE(brush(1, OperationLogModel::ModeColumn).color(), modeColor(RunMode::Async));
    QCOMPARE(brush(2, OperationLogModel::TargetColumn).color(), dimmedColor());
    QVERIFY(model.index(1, OperationLogModel::StatusColumn).data(Qt::DecorationRole).isValid());
    QVERIFY(!model.index(0, OperationLogModel::StatusColumn).data(Qt::DecorationRole).isValid());
}

void TestOperationLogModel::alignsNumbersRight()
{
    OperationLog log;
    OperationLogModel model(&log);
    log.add(finishedFetch());
    const auto horizontal = [&](int column) {
        return Qt::Alignment(model.index(0, column).data(Qt::TextAlignmentRole).toInt())
                & Qt::AlignHorizontal_Mask;
    };
    QCOMPARE(horizontal(OperationLogModel::BytesColumn), Qt::AlignRight);
    QCOMPARE(horizontal(OperationLogModel::DurationColumn), Qt::AlignRight);
    QCOMPARE(horizontal(OperationLogModel::TargetColumn), Qt::AlignLeft);
}

void TestOperationLogModel::headerForEveryColumn()
{
    OperationLog log;
    OperationLogModel model(&log);
    for (int column = 0; column < model.columnCount(); ++column) {
        QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());
        QVERIFY(!model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    }
    QCOMPARE(model.headerData(OperationLogModel::Sha256Column, Qt::Horizontal).toString(),
             u"SHA-256"_s);
}

void TestOperationLogModel::survivesLogDeletion()
{
    auto log = std::make_unique<OperationLog>();
    OperationLogModel model(log.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    log->add(finishedFetch());
    QCOMPARE(model.rowCount(), 1);
    log.reset();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.index(0, 0).isValid());
}

QTEST_GUILESS_MAIN(TestOperationLogModel)
#include "tst_operationlogmodel.moc"

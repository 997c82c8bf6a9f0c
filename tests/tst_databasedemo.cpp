#include "demorun.h"
#include <demos/databasedemo.h>
#include <demos/demoregistry.h>
#include <engine/lab.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <memory>

using namespace Qt::StringLiterals;

// The database demo (a slow SQLite query on the GUI thread and on a worker, and its cancel), run
// for real against the embedded server as the gallery's Run button and `asynclab --demo` run it,
// and what it measured. What every demo promises is tested in tst_democontract.
class TestDatabaseDemo : public DemoTestCase
{
    Q_OBJECT
private slots:
    void databaseQueryOnWorkerKeepsGuiFree();
    void databaseCancelInterruptsWithin500Ms();
    void destroyedDuringTheWorkersQuery();
};

void TestDatabaseDemo::databaseQueryOnWorkerKeepsGuiFree()
{
    const DemoOutcome r = runToEnd(u"database"_s, 60000);
    if (QTest::currentTestFailed())
        return;
    const QString summary = r.summary;
    QVERIFY(r.figure(u"same answer"_s).toBool());
    QVERIFY(figure(r, u"answer"_s) > 0);
    // On the GUI thread the window froze for about the whole query; on the worker it did not.
    QVERIFY2(figure(r, u"GUI thread"_s, u"query"_s) >= 500, qPrintable(summary));
    QVERIFY2(figure(r, u"GUI thread"_s, u"max stall"_s)
                     >= 0.8 * figure(r, u"GUI thread"_s, u"query"_s),
             qPrintable(summary));
    QVERIFY2(figure(r, u"worker"_s, u"max stall"_s) < 100, qPrintable(summary));
    QVERIFY(figure(r, u"worker"_s, u"progress reports"_s) > 10);
    // The demo's own Cancel: the query stopped inside SQLite, soon.
    QVERIFY(r.figure(u"cancel"_s, u"interrupted"_s).toBool());
    QVERIFY2(figure(r, u"cancel"_s, u"until the query stopped"_s) < 500, qPrintable(summary));
    QVERIFY(r.figure(u"wrong thread"_s, u"Qt says"_s)
                    .toString()
                    .contains(u"does not belong to the calling thread"_s));
    QVERIFY(r.figure(u"wrong thread"_s, u"connection"_s).toString().startsWith(u"invalid"_s));
    QCOMPARE(r.bars.size(), 3);
}

void TestDatabaseDemo::databaseCancelInterruptsWithin500Ms()
{
    std::unique_ptr<Demo> demo(create(u"database"_s));
    auto *database = static_cast<DatabaseDemo *>(demo.get());
    QSignalSpy finished(demo.get(), &Demo::finished);
    QSignalSpy progress(demo.get(), &Demo::progress);
    const auto workerReported = [&progress] {
        for (const QList<QVariant> &line : std::as_const(progress)) {
            if (line.first().toString().contains(u"% of the query"_s))
                return true;
        }
        return false;
    };
    demo->run();
    // Well inside the query on the worker: SQLite's progress handler has reported.
    QTRY_VERIFY_WITH_TIMEOUT(database->isQueryOnWorker() && workerReported(), 60000);
    QElapsedTimer sinceCancel;
    sinceCancel.start();
    demo->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QVERIFY2(sinceCancel.elapsed() < 500, qPrintable(QString::number(sinceCancel.elapsed())));
    const auto outcome = finished.first().first().value<DemoOutcome>();
    QCOMPARE(outcome.status, DemoOutcome::Status::Canceled);
    QVERIFY(!demo->isRunning());
}

// Deleted while SQLite runs its query on the worker: the destructor interrupts it, briefly.
void TestDatabaseDemo::destroyedDuringTheWorkersQuery()
{
    QTemporaryDir dir;
    QPointer<Demo> demo = DemoRegistry::create(u"database"_s, m_bench.context(dir.path()), this);
    auto *database = static_cast<DatabaseDemo *>(demo.get());
    demo->run();
    QTRY_VERIFY_WITH_TIMEOUT(database->isQueryOnWorker(), 60000);
    QElapsedTimer timer;
    timer.start();
    delete demo.get();
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    // What it left queued runs now, and must not touch it (ASan would say so).
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

QTEST_GUILESS_MAIN(TestDatabaseDemo)
#include "tst_databasedemo.moc"

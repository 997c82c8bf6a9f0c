#include "demoregistry.h"
#include "demos/databasedemo.h"
#include "lab.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The data-side demos (a database, a stream with backpressure, combinators) run through the
// registry, as the gallery's Run button and `asynclab --demo` do, and what they measured.
class TestDemosC : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void registered();
    void databaseQueryOnWorkerKeepsGuiFree();
    void databaseCancelInterruptsWithin500Ms();

private:
    struct Run
    {
        int finishedCount = 0;
        DemoOutcome outcome;
    };
    Demo *create(const QString &name);
    Run run(Demo *demo, int timeoutMs);
    static double figure(const DemoOutcome &outcome, const QString &key)
    {
        return outcome.figures.value(key).toDouble();
    }

    std::unique_ptr<Lab> m_lab;
    QTemporaryDir m_dir;
};

void TestDemosC::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_lab = std::make_unique<Lab>();
    QVERIFY2(m_lab->start(), qPrintable(m_lab->errorString()));
}

Demo *TestDemosC::create(const QString &name)
{
    return DemoRegistry::create(name, DemoRegistry::contextFor(m_lab.get(), m_dir.path()), this);
}

TestDemosC::Run TestDemosC::run(Demo *demo, int timeoutMs)
{
    Run result;
    const QMetaObject::Connection connection =
            connect(demo, &Demo::finished, demo, [&result](const DemoOutcome &outcome) {
                ++result.finishedCount;
                result.outcome = outcome;
            });
    QSignalSpy finished(demo, &Demo::finished);
    demo->run();
    if (result.finishedCount != 0) {
        qWarning("finished() was emitted from inside run()");
    } else if (finished.wait(timeoutMs)) {
        finished.wait(100); // a second finished() would show here
    }
    disconnect(connection);
    return result;
}

void TestDemosC::registered()
{
    for (const QString &name : { u"database"_s }) {
        QVERIFY2(DemoRegistry::names().contains(name), qPrintable(name));
        std::unique_ptr<Demo> demo(create(name));
        QCOMPARE(demo->name(), name);
        QVERIFY(!demo->explanation().isEmpty());
    }
}

void TestDemosC::databaseQueryOnWorkerKeepsGuiFree()
{
    std::unique_ptr<Demo> demo(create(u"database"_s));
    const Run r = run(demo.get(), 60000);
    QCOMPARE(r.finishedCount, 1);
    QVERIFY2(r.outcome.ok, qPrintable(r.outcome.error));
    const QString summary = r.outcome.summary;
    QVERIFY(r.outcome.figures[u"same answer"_s].toBool());
    QVERIFY(figure(r.outcome, u"answer"_s) > 0);
    // On the GUI thread the window froze for about the whole query; on the worker it did not.
    QVERIFY2(figure(r.outcome, u"GUI thread: query ms"_s) >= 500, qPrintable(summary));
    QVERIFY2(figure(r.outcome, u"GUI thread: max stall ms"_s)
                     >= 0.8 * figure(r.outcome, u"GUI thread: query ms"_s),
             qPrintable(summary));
    QVERIFY2(figure(r.outcome, u"worker: max stall ms"_s) < 100, qPrintable(summary));
    QVERIFY(figure(r.outcome, u"worker: progress reports"_s) > 10);
    // The demo's own Cancel: the query stopped inside SQLite, soon.
    QVERIFY(r.outcome.figures[u"cancel: interrupted"_s].toBool());
    QVERIFY2(figure(r.outcome, u"cancel: ms until the query stopped"_s) < 500, qPrintable(summary));
    QVERIFY(r.outcome.figures[u"wrong thread: Qt says"_s].toString().contains(
            u"does not belong to the calling thread"_s));
    QVERIFY(r.outcome.figures[u"wrong thread: connection"_s].toString().startsWith(u"invalid"_s));
    QCOMPARE(r.outcome.bars.size(), 3);
}

void TestDemosC::databaseCancelInterruptsWithin500Ms()
{
    std::unique_ptr<Demo> demo(create(u"database"_s));
    auto *database = static_cast<DatabaseDemo *>(demo.get());
    QSignalSpy finished(demo.get(), &Demo::finished);
    demo->run();
    QTRY_VERIFY_WITH_TIMEOUT(database->isQueryOnWorker(), 60000);
    QTest::qWait(300); // well inside the query
    QVERIFY(database->isQueryOnWorker());
    QElapsedTimer sinceCancel;
    sinceCancel.start();
    demo->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QVERIFY2(sinceCancel.elapsed() < 500, qPrintable(QString::number(sinceCancel.elapsed())));
    const auto outcome = finished.first().first().value<DemoOutcome>();
    QCOMPARE(outcome.error, u"canceled"_s);
    QVERIFY(!demo->isRunning());
}

QTEST_GUILESS_MAIN(TestDemosC)
#include "tst_demos_c.moc"

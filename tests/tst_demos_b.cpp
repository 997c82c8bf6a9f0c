#include <demos/demoregistry.h>
#include "demorun.h"
#include <demos/deadlockdemo.h>
#include <demos/errorsdemo.h>
#include <demos/nestedeventloopdemo.h>
#include <demos/objectlifetimedemo.h>
#include <demos/racedemo.h>
#include <engine/lab.h>
#include <common/labclock.h>
#include <demokit/snippets.h>

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

// The race, deadlock, nested-event-loop, object-lifetime and errors demos, run for real against
// the embedded server, with their outcomes checked.
class TestDemosB : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void describesItself_data();
    void describesItself();
    void race();
    void searchRaceOverSeeds();
    void deadlock();
    void nestedEventLoop();
    void objectLifetime();
    void errors();
    void cancel_data();
    void cancel();
    void destroyWhileRunning_data();
    void destroyWhileRunning();
    void deadlockWaitsEndOnCancel_data();
    void deadlockWaitsEndOnCancel();

private:
    DemoContext context(const QString &workDir = {});
    void runToEnd(Demo *demo, int timeoutMs, DemoOutcome *outcome);
    void factories();

    DemoBench m_bench;
};

Q_DECLARE_METATYPE(DemoFactory)

void TestDemosB::initTestCase()
{
    QVERIFY2(m_bench.start(), qPrintable(m_bench.errorString()));
}

DemoContext TestDemosB::context(const QString &workDir)
{
    return m_bench.context(workDir);
}

// Runs the demo and checks the contract: finished() exactly once, never from inside run(),
// with progress lines on the way.
void TestDemosB::runToEnd(Demo *demo, int timeoutMs, DemoOutcome *outcome)
{
    QObject receiver; // disconnects the lambdas when this function returns
    QList<DemoOutcome> outcomes;
    int lines = 0;
    connect(demo, &Demo::finished, &receiver,
            [&outcomes](const DemoOutcome &o) { outcomes.append(o); });
    connect(demo, &Demo::progress, &receiver, [&lines] { ++lines; });
    demo->run();
    QVERIFY(demo->isRunning());
    QVERIFY2(outcomes.isEmpty(), "finished() was emitted from inside run()");
    QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 1, timeoutMs);
    QVERIFY(!demo->isRunning());
    QCoreApplication::processEvents(); // a second finished() would show up here
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(outcomes.first().ok, qPrintable(outcomes.first().error));
    QVERIFY(!outcomes.first().summary.isEmpty());
    QVERIFY(lines > 0);
    *outcome = outcomes.first();
}

void TestDemosB::factories()
{
    QTest::addColumn<DemoFactory>("factory");
    QTest::addColumn<QString>("source");
    QTest::newRow("race") << demoFactory<RaceDemo>() << u"demos/racedemo.cpp"_s;
    QTest::newRow("deadlock") << demoFactory<DeadlockDemo>() << u"demos/deadlockdemo.cpp"_s;
    QTest::newRow("nested-event-loop")
            << demoFactory<NestedEventLoopDemo>() << u"demos/nestedeventloopdemo.cpp"_s;
    QTest::newRow("object-lifetime")
            << demoFactory<ObjectLifetimeDemo>() << u"demos/objectlifetimedemo.cpp"_s;
    QTest::newRow("errors") << demoFactory<ErrorsDemo>() << u"demos/errorsdemo.cpp"_s;
}

void TestDemosB::describesItself_data()
{
    factories();
}

// Names match the rows, and every snippet id names a region the build extracted from the demo's
// own source.
void TestDemosB::describesItself()
{
    QFETCH(DemoFactory, factory);
    QFETCH(QString, source);
    const std::unique_ptr<Demo> demo(factory(context(), nullptr));
    QCOMPARE(demo->name(), QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(!demo->title().isEmpty());
    QVERIFY(demo->explanation().size() > 100);
    QVERIFY(!demo->isRunning());

    const QStringList ids = demo->snippetIds();
    QVERIFY(!ids.isEmpty());
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size());
    for (const QString &id : ids) {
        QVERIFY2(!snippet(id).isEmpty(), qPrintable(id));
        QVERIFY2(snippetLocation(id).startsWith(u"src/"_s + source + u':'), qPrintable(id));
    }
}

void TestDemosB::race()
{
    const std::unique_ptr<Demo> demo(demoFactory<RaceDemo>()(context(), nullptr));
    auto *race = qobject_cast<RaceDemo *>(demo.get());
    QVERIFY(race);
    QVERIFY(race->options().threads >= 4);
    QVERIFY(race->options().threads >= QThread::idealThreadCount());
    DemoOutcome outcome;
    runToEnd(demo.get(), 30000, &outcome);
    if (QTest::currentTestFailed())
        return;
    const QJsonObject &f = outcome.figures;
    qInfo().noquote() << outcome.summary;
    for (const QString &variant : { u"unprotected"_s, u"QMutex"_s, u"std::atomic"_s }) {
        qInfo().noquote() << variant
                          << "lost per run:" << f[variant + u": lost per run"_s].toString() << "in"
                          << f[variant + u": total ms"_s].toDouble() << "ms";
    }
    // Unprotected increments lose updates in at least one of the runs; the others never do.
    QVERIFY2(f[u"unprotected: lost updates"_s].toDouble() > 0,
             qPrintable(f[u"unprotected: lost per run"_s].toString()));
    QVERIFY(f[u"unprotected: runs with lost updates"_s].toInt() >= 1);
    QCOMPARE(f[u"QMutex: lost updates"_s].toDouble(), 0.0);
    QCOMPARE(f[u"std::atomic: lost updates"_s].toDouble(), 0.0);
    QCOMPARE(outcome.bars.size(), 3);
    QVERIFY(outcome.bars.at(0).second > 0); // mean lost updates per run
    QCOMPARE(outcome.bars.at(1).second, 0.0);
    QCOMPARE(outcome.bars.at(2).second, 0.0);

    // The default seed makes a stale answer land last without the guard; with it, never.
    QVERIFY(f[u"search without guard: shown at the end"_s].toString() != u"asynclab"_s);
    QVERIFY(f[u"search without guard: stale overwrites"_s].toInt() >= 1);
    QCOMPARE(f[u"search with guard: stale overwrites"_s].toInt(), 0);
    QCOMPARE(f[u"search with guard: shown at the end"_s].toString(), u"asynclab"_s);
}

// Whatever the delays, the guard keeps the newest answer; without it, some seeds end stale.
void TestDemosB::searchRaceOverSeeds()
{
    int staleEndings = 0;
    for (const quint32 seed : { 2u, 3u, 4u, 5u }) {
        const std::unique_ptr<Demo> demo(demoFactory<RaceDemo>()(context(), nullptr));
        auto *race = qobject_cast<RaceDemo *>(demo.get());
        RaceDemo::Options options = race->options();
        options.runs = 1; // the counters are tested above
        options.incrementsPerThread = 1000;
        options.seed = seed;
        race->setOptions(options);
        DemoOutcome outcome;
        runToEnd(demo.get(), 10000, &outcome);
        if (QTest::currentTestFailed())
            return;
        const QJsonObject &f = outcome.figures;
        QCOMPARE(f[u"search with guard: stale overwrites"_s].toInt(), 0);
        QCOMPARE(f[u"search with guard: shown at the end"_s].toString(), u"asynclab"_s);
        if (f[u"search without guard: shown at the end"_s].toString() != u"asynclab"_s)
            ++staleEndings;
    }
    QVERIFY(staleEndings >= 1);
}

void TestDemosB::deadlock()
{
    const std::unique_ptr<Demo> demo(demoFactory<DeadlockDemo>()(context(), nullptr));
    ResponsivenessMonitor &monitor = m_bench.lab()->monitor();
    const double start = labNowMs();
    DemoOutcome outcome;
    runToEnd(demo.get(), 20000, &outcome);
    if (QTest::currentTestFailed())
        return;
    const double end = labNowMs();
    const QJsonObject &f = outcome.figures;
    qInfo().noquote() << outcome.summary;

    QVERIFY(f[u"GUI thread waits on itself: detected"_s].toBool());
    const double guiMs = f[u"GUI thread waits on itself: ms to detect"_s].toDouble();
    QVERIFY2(guiMs >= DeadlockDemo::GuiTimeoutMs - 20 && guiMs < DeadlockDemo::GuiTimeoutMs + 500,
             qPrintable(QString::number(guiMs)));
    QVERIFY(f[u"GUI thread, fixed: ms to result"_s].toDouble() < 500);
    // The GUI thread was blocked once, for about the watchdog's timeout, and no longer.
    const double longestFreeze = monitor.maxStallBetween(start, end);
    QVERIFY2(longestFreeze > DeadlockDemo::GuiTimeoutMs / 2
                     && longestFreeze < DeadlockDemo::GuiTimeoutMs + 500,
             qPrintable(QString::number(longestFreeze)));

    QVERIFY(f[u"opposite lock order: detected"_s].toBool());
    const double lockMs = f[u"opposite lock order: ms to detect"_s].toDouble();
    QVERIFY(lockMs >= DeadlockDemo::LockTimeoutMs - 20
            && lockMs < DeadlockDemo::LockTimeoutMs + 1000);
    QCOMPARE(f[u"one lock order: timeouts"_s].toInt(), 0);

    QVERIFY(f[u"pool starvation: detected"_s].toBool());
    const double poolMs = f[u"pool starvation: ms to detect"_s].toDouble();
    QVERIFY(poolMs >= DeadlockDemo::PoolTimeoutMs - 20
            && poolMs < DeadlockDemo::PoolTimeoutMs + 1000);
    QVERIFY(!f[u"pool of two threads: timed out"_s].toBool());
    QVERIFY(f[u"pool, continuation: ms"_s].toDouble() < 500);

    // Afterwards the event loop runs freely again.
    const double after = labNowMs();
    QTRY_VERIFY(!monitor.samples().empty() && monitor.samples().back().atMs > after + 300);
    const double stallAfter = monitor.statsBetween(after, labNowMs()).maxStallMs;
    QVERIFY2(stallAfter < 100, qPrintable(QString::number(stallAfter)));
}

void TestDemosB::nestedEventLoop()
{
    const std::unique_ptr<Demo> demo(demoFactory<NestedEventLoopDemo>()(context(), nullptr));
    DemoOutcome outcome;
    runToEnd(demo.get(), 10000, &outcome);
    if (QTest::currentTestFailed())
        return;
    const QJsonObject &f = outcome.figures;
    QVERIFY(f[u"nested event loop: re-entered"_s].toBool());
    QCOMPARE(f[u"nested event loop: order"_s].toString(), u"start 1, start 2, end 2, end 1"_s);
    QVERIFY(!f[u"continuation + busy flag: re-entered"_s].toBool());
    QCOMPARE(f[u"continuation + busy flag: order"_s].toString(),
             u"start 1, end 1, start 2, end 2"_s);
    // The nested loop froze nothing: that is why it is tempting.
    QVERIFY(f[u"nested event loop: max stall ms"_s].toDouble() < 100);
}

void TestDemosB::objectLifetime()
{
    const std::unique_ptr<Demo> demo(demoFactory<ObjectLifetimeDemo>()(context(), nullptr));
    DemoOutcome outcome;
    runToEnd(demo.get(), 10000, &outcome);
    if (QTest::currentTestFailed())
        return;
    const QJsonObject &f = outcome.figures;
    QCOMPARE(f[u"late results"_s].toInt(), 3);
    QCOMPARE(f[u"naive callback: would touch a deleted panel"_s].toInt(), 1);
    QCOMPARE(f[u"QPointer guard: results dropped"_s].toInt(), 1);
    QCOMPARE(f[u"context object: callbacks run"_s].toInt(), 0);
    QCOMPARE(f[u"context object: results dropped"_s].toInt(), 1);
    QCOMPARE(f[u"panels updated"_s].toInt(), 0);
    const QList<QObject *> children = demo->findChildren<QObject *>();
    for (const QObject *child : children)
        QVERIFY2(!child->objectName().startsWith(u"panel"_s), "a closed panel is still there");
}

void TestDemosB::errors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::unique_ptr<Demo> demo(demoFactory<ErrorsDemo>()(context(dir.path()), nullptr));
    auto *errors = qobject_cast<ErrorsDemo *>(demo.get());
    QVERIFY(errors);
    DemoOutcome outcome;
    runToEnd(demo.get(), 15000, &outcome);
    if (QTest::currentTestFailed())
        return;
    const QJsonObject &f = outcome.figures;
    qInfo().noquote() << outcome.summary;

    QVERIFY(f[u"exception: delivered"_s].toBool());
    QVERIFY(f[u"exception: message"_s].toString().contains(u"12,5"_s));
    QCOMPARE(f[u"exception: caught on"_s].toString(), u"GUI thread"_s);

    QVERIFY(f[u"timeout: detected"_s].toBool());
    const double deadlineMs = f[u"timeout: stopped after ms"_s].toDouble();
    QVERIFY2(deadlineMs >= ErrorsDemo::DeadlineMs - 20 && deadlineMs < 2000,
             qPrintable(QString::number(deadlineMs)));
    QVERIFY(f[u"timeout: error"_s].toString().contains(u"timed out"_s));

    QVERIFY(f[u"retry: succeeded"_s].toBool());
    QCOMPARE(f[u"retry: attempts"_s].toInt(), 4);
    QCOMPARE(f[u"retry: backoff ms"_s].toString(), u"100, 200, 400"_s);
    QCOMPARE(outcome.bars.size(), 3);

    QVERIFY(QFile::exists(errors->completeFilePath()));
    QCOMPARE(f[u"file written: bytes"_s].toDouble(),
             double(QFileInfo(errors->completeFilePath()).size()));
    QVERIFY(f[u"file written: bytes"_s].toDouble() > 0);
    QCOMPARE(f[u"file canceled: after chunk"_s].toInt(), ErrorsDemo::CancelAfterChunk);
    QVERIFY(!f[u"file canceled: target exists"_s].toBool());
    QCOMPARE(f[u"file canceled: temporary files left"_s].toInt(), 0);
    QVERIFY(!QFile::exists(errors->canceledFilePath()));
    // Nothing else was left in the folder: only the completed file.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList { QFileInfo(errors->completeFilePath()).fileName() });
}

void TestDemosB::cancel_data()
{
    QTest::addColumn<DemoFactory>("factory");
    QTest::addColumn<int>("cancelAfterMs"); // -1: right after run() returns
    const QList<std::pair<const char *, DemoFactory>> all = {
        { "race", demoFactory<RaceDemo>() },
        { "deadlock", demoFactory<DeadlockDemo>() },
        { "nested-event-loop", demoFactory<NestedEventLoopDemo>() },
        { "object-lifetime", demoFactory<ObjectLifetimeDemo>() },
        { "errors", demoFactory<ErrorsDemo>() },
    };
    for (const auto &[name, factory] : all) {
        QTest::addRow("%s at once", name) << factory << -1;
        QTest::addRow("%s midway", name) << factory << 120;
    }
    QTest::addRow("errors while retrying") << demoFactory<ErrorsDemo>() << 700;
}

// cancel() ends the demo with one finished(), not ok, whatever it was doing.
void TestDemosB::cancel()
{
    QFETCH(DemoFactory, factory);
    QFETCH(int, cancelAfterMs);
    const std::unique_ptr<Demo> demo(factory(context(), nullptr));
    QSignalSpy finished(demo.get(), &Demo::finished);
    QVERIFY(finished.isValid());
    demo->run();
    if (cancelAfterMs < 0)
        demo->cancel();
    else
        QTimer::singleShot(cancelAfterMs, demo.get(), &Demo::cancel);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QVERIFY(!demo->isRunning());
    QCoreApplication::processEvents();
    QCOMPARE(finished.size(), 1);
    const auto outcome = finished.at(0).at(0).value<DemoOutcome>();
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error, u"canceled"_s);
    demo->cancel(); // harmless once finished
    QCOMPARE(finished.size(), 1);
}

void TestDemosB::destroyWhileRunning_data()
{
    QTest::addColumn<DemoFactory>("factory");
    QTest::addColumn<int>("destroyAfterMs");
    QTest::newRow("race counting") << demoFactory<RaceDemo>() << 50;
    QTest::newRow("deadlock worker threads") << demoFactory<DeadlockDemo>() << 100;
    QTest::newRow("inside the nested event loop") << demoFactory<NestedEventLoopDemo>() << 120;
    QTest::newRow("lifetime requests in flight") << demoFactory<ObjectLifetimeDemo>() << 150;
    QTest::newRow("errors deadline fetch") << demoFactory<ErrorsDemo>() << 150;
}

// Deleting a running demo waits for its threads and leaves nothing behind that could call back
// into it: clean under AddressSanitizer.
void TestDemosB::destroyWhileRunning()
{
    QFETCH(DemoFactory, factory);
    QFETCH(int, destroyAfterMs);
    QPointer<Demo> demo = factory(context(), nullptr);
    demo->run();
    QTimer::singleShot(destroyAfterMs, this, [demo] { delete demo.get(); });
    QTRY_VERIFY_WITH_TIMEOUT(demo.isNull(), 10000);
    // Let late replies, timers and queued calls aimed at it arrive.
    QTest::qWait(500);
}

void TestDemosB::deadlockWaitsEndOnCancel_data()
{
    QTest::addColumn<QString>("step"); // the start of the progress line that begins the wait
    QTest::addColumn<bool>("destroy");
    for (const char *step : { "(b)", "(c)" }) {
        QTest::addRow("%s canceled", step) << QString::fromLatin1(step) << false;
        QTest::addRow("%s destroyed", step) << QString::fromLatin1(step) << true;
    }
}

// The lock-order and pool-starvation traps wait a whole second for their timeouts; a cancel or
// the demo's destruction ends those waits at once instead.
void TestDemosB::deadlockWaitsEndOnCancel()
{
    QFETCH(QString, step);
    QFETCH(bool, destroy);
    QPointer<Demo> demo = demoFactory<DeadlockDemo>()(context(), nullptr);
    QSignalSpy finished(demo.get(), &Demo::finished);
    bool waiting = false;
    connect(demo.get(), &Demo::progress, this,
            [&waiting, step](const QString &line) { waiting = waiting || line.startsWith(step); });
    demo->run();
    QTRY_VERIFY_WITH_TIMEOUT(waiting, 10000);
    QTest::qWait(100); // well into the one-second wait
    QElapsedTimer timer;
    timer.start();
    if (destroy) {
        delete demo.get();
    } else {
        demo->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        QCOMPARE(finished.at(0).at(0).value<DemoOutcome>().error, u"canceled"_s);
    }
    const qint64 ms = timer.elapsed();
    qInfo("%s: over after %lld ms", destroy ? "destroyed" : "canceled", ms);
    // Left alone, the timeouts would end the waits 900 ms from here at the earliest; a cancel ends
    // them within a 20 ms slice, and what comes on top is the machine's scheduling, generously.
    QVERIFY2(ms < 600, qPrintable(QString::number(ms)));
    delete demo.get();
}

QTEST_GUILESS_MAIN(TestDemosB)
#include "tst_demos_b.moc"

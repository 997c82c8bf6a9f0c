#include "demorun.h"
#include <demos/racedemo.h>
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

// The race demo (a shared counter without protection, under a QMutex and atomic; search as you type
// with and without a request-id guard), run for real against the embedded server as the gallery's
// Run button and `asynclab --demo` run it, and what it measured. What every demo promises is tested
// in tst_democontract.
class TestRaceDemo : public DemoTestCase
{
    Q_OBJECT
private slots:
    void race();
    void searchRaceOverSeeds();
};

void TestRaceDemo::race()
{
    const std::unique_ptr<Demo> demo(demoFactory<RaceDemo>()(context(), nullptr));
    auto *race = qobject_cast<RaceDemo *>(demo.get());
    QVERIFY(race);
    QVERIFY(race->options().threads >= 4);
    QVERIFY(race->options().threads >= QThread::idealThreadCount());
    const DemoOutcome f = runToEnd(demo.get(), 30000);
    if (QTest::currentTestFailed())
        return;
    qInfo().noquote() << f.summary;
    for (const QString &variant : { u"unprotected"_s, u"QMutex"_s, u"std::atomic"_s }) {
        qInfo().noquote() << variant
                          << "lost per run:" << f.figure(variant, u"lost per run"_s).toString()
                          << "in" << f.figure(variant, u"total"_s).toDouble() << "ms";
    }
    // Unprotected increments lose updates in at least one of the runs; the others never do.
    QVERIFY2(f.figure(u"unprotected"_s, u"lost updates"_s).toDouble() > 0,
             qPrintable(f.figure(u"unprotected"_s, u"lost per run"_s).toString()));
    QVERIFY(f.figure(u"unprotected"_s, u"runs with lost updates"_s).toInt() >= 1);
    QCOMPARE(f.figure(u"QMutex"_s, u"lost updates"_s).toDouble(), 0.0);
    QCOMPARE(f.figure(u"std::atomic"_s, u"lost updates"_s).toDouble(), 0.0);
    QCOMPARE(f.bars.size(), 3);
    QVERIFY(f.bars.at(0).second > 0); // mean lost updates per run
    QCOMPARE(f.bars.at(1).second, 0.0);
    QCOMPARE(f.bars.at(2).second, 0.0);

    // The default seed makes a stale answer land last without the guard; with it, never.
    QVERIFY(f.figure(u"search without guard"_s, u"shown at the end"_s).toString() != u"asynclab"_s);
    QVERIFY(f.figure(u"search without guard"_s, u"stale overwrites"_s).toInt() >= 1);
    QCOMPARE(f.figure(u"search with guard"_s, u"stale overwrites"_s).toInt(), 0);
    QCOMPARE(f.figure(u"search with guard"_s, u"shown at the end"_s).toString(), u"asynclab"_s);
}

// Whatever the delays, the guard keeps the newest answer; without it, some seeds end stale.
void TestRaceDemo::searchRaceOverSeeds()
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
        const DemoOutcome f = runToEnd(demo.get(), 10000);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(f.figure(u"search with guard"_s, u"stale overwrites"_s).toInt(), 0);
        QCOMPARE(f.figure(u"search with guard"_s, u"shown at the end"_s).toString(), u"asynclab"_s);
        if (f.figure(u"search without guard"_s, u"shown at the end"_s).toString() != u"asynclab"_s)
            ++staleEndings;
    }
    QVERIFY(staleEndings >= 1);
}

QTEST_GUILESS_MAIN(TestRaceDemo)
#include "tst_racedemo.moc"

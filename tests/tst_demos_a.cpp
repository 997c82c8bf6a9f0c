#include <demos/demoregistry.h>
#include "demorun.h"
#include <demos/concurrencylimitdemo.h>
#include <demos/eventloopdemo.h>
#include <demos/threestylesdemo.h>
#include <demos/wherethewaitdemo.h>
#include <engine/lab.h>

#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <algorithm>

using namespace Qt::StringLiterals;

// Runs the first five concept demos through the registry, as the gallery's Run button and
// `asynclab --demo` do, against the real embedded server, and checks what they measured.
class TestDemosA : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void registeredUnderTheirOwnNames();
    void whereTheWaitHappens();
    void threeStylesAgree();
    void concurrencyLimitIsNeverExceeded();
    void parallelismUsesEveryCore();
    void longHandlerDelaysEverything();
    void cancelEndsOnce_data();
    void cancelEndsOnce();
    void runsAgainAfterCancel();
    void destroyedWhileRunning_data();
    void destroyedWhileRunning();

private:
    using Run = DemoRun;
    Demo *create(const QString &name) { return m_bench.create(name, this); }
    static Run run(Demo *demo, int timeoutMs) { return runDemo(demo, timeoutMs); }

    DemoBench m_bench;
};

void TestDemosA::initTestCase()
{
    QVERIFY2(m_bench.start(), qPrintable(m_bench.errorString()));
}

void TestDemosA::registeredUnderTheirOwnNames()
{
    const QStringList mine = { u"where-the-wait-happens"_s, u"three-styles"_s,
                               u"concurrency-limit"_s, u"parallelism"_s, u"event-loop"_s };
    QCOMPARE(DemoRegistry::names().mid(0, mine.size()), mine);
    for (const QString &name : DemoRegistry::names()) {
        std::unique_ptr<Demo> demo(create(name));
        QVERIFY(demo);
        QCOMPARE(demo->name(), name);
        QVERIFY(!demo->title().isEmpty());
        QVERIFY(!demo->explanation().isEmpty());
        QVERIFY(!demo->isRunning());
    }
    QVERIFY(!DemoRegistry::create(u"no-such-demo"_s, {}, this));
}

void TestDemosA::whereTheWaitHappens()
{
    std::unique_ptr<Demo> demo(create(u"where-the-wait-happens"_s));
    const Run r = run(demo.get(), 20000);
    QCOMPARE(r.finishedCount, 1);
    QVERIFY2(r.outcome.ok, qPrintable(r.outcome.error));
    const double guiWaitMs = WhereTheWaitDemo::GuiFetches * WhereTheWaitDemo::DelayMs;
    QVERIFY2(figure(r.outcome, u"GUI thread: max stall ms"_s) >= 0.8 * guiWaitMs,
             qPrintable(r.outcome.summary));
    QVERIFY2(figure(r.outcome, u"event loop: max stall ms"_s) < 100, qPrintable(r.outcome.summary));
    QVERIFY2(figure(r.outcome, u"worker threads: threads blocked"_s) > 1,
             qPrintable(r.outcome.summary));
    QCOMPARE(figure(r.outcome, u"event loop: fetches"_s), WhereTheWaitDemo::Fetches);
    // 20 waits of 500 ms overlap: far less than 20 x 500 ms one after another.
    QVERIFY(figure(r.outcome, u"event loop: time ms"_s) < 2000);
    QVERIFY(figure(r.outcome, u"worker threads: time ms"_s) < 2000);
    QCOMPARE(r.outcome.bars.size(), 3);
}

void TestDemosA::threeStylesAgree()
{
    std::unique_ptr<Demo> demo(create(u"three-styles"_s));
    const Run r = run(demo.get(), 20000);
    QCOMPARE(r.finishedCount, 1);
    QVERIFY2(r.outcome.ok, qPrintable(r.outcome.error));

    auto *styles = static_cast<ThreeStylesDemo *>(demo.get());
    QList<QByteArray> files;
    for (auto style :
         { ThreeStylesDemo::Callbacks, ThreeStylesDemo::Futures, ThreeStylesDemo::Coroutines }) {
        QFile file(styles->outputPath(style, ThreeStylesDemo::Good));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        files.append(file.readAll());
        QVERIFY(!QFile::exists(styles->outputPath(style, ThreeStylesDemo::HttpError)));
        QVERIFY(!QFile::exists(styles->outputPath(style, ThreeStylesDemo::BadJson)));
    }
    QVERIFY(files[0].contains("items: 500\n"));
    QCOMPARE(files[1], files[0]);
    QCOMPARE(files[2], files[0]);

    for (const QString &error : { u"HTTP 500"_s, u"bad JSON"_s }) {
        const QString callbacks = r.outcome.figures[u"callbacks: "_s + error].toString();
        QVERIFY(!callbacks.isEmpty());
        QCOMPARE(r.outcome.figures[u"futures: "_s + error].toString(), callbacks);
        QCOMPARE(r.outcome.figures[u"coroutines: "_s + error].toString(), callbacks);
    }
    QCOMPARE(r.outcome.figures[u"callbacks: HTTP 500"_s].toString(),
             u"fetch failed: HTTP 500 Internal Server Error"_s);
    QVERIFY(r.outcome.figures[u"callbacks: bad JSON"_s].toString().startsWith(u"parse failed: "_s));
}

void TestDemosA::concurrencyLimitIsNeverExceeded()
{
    std::unique_ptr<Demo> demo(create(u"concurrency-limit"_s));
    const Run r = run(demo.get(), 28000);
    QCOMPARE(r.finishedCount, 1);
    QVERIFY2(r.outcome.ok, qPrintable(r.outcome.error));
    for (const auto &setting : ConcurrencyLimitDemo::settings()) {
        const QString label = u"max in flight "_s + ConcurrencyLimitDemo::settingLabel(setting);
        const int serverPeak = r.outcome.figures[label + u": server peak"_s].toInt();
        const int clientPeak = r.outcome.figures[label + u": client peak"_s].toInt();
        const int expected = setting.limit != ConcurrencyLimitDemo::Unlimited ? setting.limit
                : setting.managers == 1 ? ConcurrencyLimitDemo::PerManager
                                        : ConcurrencyLimitDemo::Fetches;
        QVERIFY2(serverPeak >= 1 && serverPeak <= expected,
                 qPrintable(u"%1: server peak %2"_s.arg(label).arg(serverPeak)));
        if (setting.limit != ConcurrencyLimitDemo::Unlimited)
            QCOMPARE(clientPeak, setting.limit);
    }
    // The limit decides the time: one at a time is far slower than sixteen.
    QVERIFY(r.outcome.figures[u"max in flight 1: ms"_s].toDouble()
            > 3 * r.outcome.figures[u"max in flight 16: ms"_s].toDouble());
}

void TestDemosA::parallelismUsesEveryCore()
{
    // How much faster all cores are depends on what else the machine runs: bench_parallelism
    // prints that figure. What does not depend on timing is checked here.
    std::unique_ptr<Demo> demo(create(u"parallelism"_s));
    const Run r = run(demo.get(), 20000);
    QCOMPARE(r.finishedCount, 1);
    QVERIFY2(r.outcome.ok, qPrintable(r.outcome.error));
    QVERIFY(r.outcome.figures[u"same result"_s].toBool());
    QCOMPARE(r.outcome.figures[u"cores"_s].toInt(), QThread::idealThreadCount());
    QCOMPARE(r.outcome.figures[u"threads hashing, all cores"_s].toInt(),
             QThread::idealThreadCount());
}

void TestDemosA::longHandlerDelaysEverything()
{
    std::unique_ptr<Demo> demo(create(u"event-loop"_s));
    const Run r = run(demo.get(), 10000);
    QCOMPARE(r.finishedCount, 1);
    QVERIFY2(r.outcome.ok, qPrintable(r.outcome.error));
    for (const QString &what : { u"timer tick"_s, u"network reply"_s, u"worker result"_s }) {
        const double blocked = r.outcome.figures[u"blocked: %1 delay ms"_s.arg(what)].toDouble();
        QVERIFY2(blocked >= 250, qPrintable(u"%1 delayed by %2 ms"_s.arg(what).arg(blocked)));
    }
    QVERIFY2(r.outcome.figures[u"free: network reply delay ms"_s].toDouble() < 100,
             qPrintable(r.outcome.summary));
    QVERIFY2(r.outcome.figures[u"free: worker result delay ms"_s].toDouble() < 100,
             qPrintable(r.outcome.summary));
    QVERIFY(r.outcome.figures[u"monitor max stall ms"_s].toDouble() >= 250);
    const auto &events = static_cast<EventLoopDemo *>(demo.get())->events();
    // The log holds each kind of event; how many ticks fit depends on how busy the machine is.
    for (const QString &kind : { u"timer tick"_s, u"network reply (readyRead)"_s,
                                 u"worker result (posted)"_s, u"long handler"_s }) {
        const auto matches = [&](const EventLoopDemo::Event &e) { return e.what == kind; };
        QVERIFY2(std::any_of(events.begin(), events.end(), matches), qPrintable(kind));
    }
    QVERIFY(std::count_if(events.begin(), events.end(),
                          [](const EventLoopDemo::Event &e) { return e.what == u"timer tick"_s; })
            >= 20);
}

void TestDemosA::cancelEndsOnce_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("cancelAfterMs");
    QTest::newRow("where-the-wait-happens") << u"where-the-wait-happens"_s << 100;
    QTest::newRow("three-styles") << u"three-styles"_s << 1;
    QTest::newRow("concurrency-limit") << u"concurrency-limit"_s << 300;
    QTest::newRow("parallelism") << u"parallelism"_s << 100;
    QTest::newRow("event-loop") << u"event-loop"_s << 200;
}

void TestDemosA::cancelEndsOnce()
{
    QFETCH(QString, name);
    QFETCH(int, cancelAfterMs);
    std::unique_ptr<Demo> demo(create(name));
    int count = 0;
    DemoOutcome outcome;
    connect(demo.get(), &Demo::finished, demo.get(), [&](const DemoOutcome &o) {
        ++count;
        outcome = o;
    });
    QSignalSpy finished(demo.get(), &Demo::finished);
    demo->run();
    QVERIFY(demo->isRunning());
    QTimer::singleShot(cancelAfterMs, demo.get(), &Demo::cancel);
    QVERIFY(finished.wait(5000));
    QVERIFY(!finished.wait(100));
    QCOMPARE(count, 1);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error, u"canceled"_s);
    QVERIFY(!demo->isRunning());
}

void TestDemosA::runsAgainAfterCancel()
{
    std::unique_ptr<Demo> demo(create(u"three-styles"_s));
    demo->run();
    demo->cancel();
    const Run r = run(demo.get(), 20000);
    QCOMPARE(r.finishedCount, 1);
    QVERIFY2(r.outcome.ok, qPrintable(r.outcome.error));
    QVERIFY(r.outcome.figures[u"files identical"_s].toBool());
}

void TestDemosA::destroyedWhileRunning_data()
{
    // Deleted at the n-th progress line, with work in flight: blocked workers, pool tasks,
    // pending replies, a suspended coroutine or a QFuture chain.
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("atLine");
    QTest::newRow("where-the-wait-happens, workers blocked") << u"where-the-wait-happens"_s << 3;
    QTest::newRow("three-styles") << u"three-styles"_s << 2;
    QTest::newRow("concurrency-limit") << u"concurrency-limit"_s << 1;
    QTest::newRow("parallelism, hashing") << u"parallelism"_s << 1;
    QTest::newRow("event-loop") << u"event-loop"_s << 2;
}

void TestDemosA::destroyedWhileRunning()
{
    QFETCH(QString, name);
    QFETCH(int, atLine);
    QPointer<Demo> demo = create(name);
    int lines = 0;
    connect(demo, &Demo::progress, demo, [&lines, atLine, demo] {
        if (++lines == atLine)
            demo->deleteLater();
    });
    demo->run();
    QTRY_VERIFY_WITH_TIMEOUT(!demo, 10000);
    // Events for the dead demo still arrive meanwhile; they must find nothing to touch.
    QTRY_COMPARE_WITH_TIMEOUT(m_bench.lab()->server().requestsInFlight(), 0, 5000);
}

QTEST_GUILESS_MAIN(TestDemosA)
#include "tst_demos_a.moc"

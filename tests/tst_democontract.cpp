#include "demorun.h"
#include "markingtranslator.h"
#include <demokit/figuretable.h>
#include <demokit/snippets.h>
#include <demos/backpressuredemo.h>
#include <demos/databasedemo.h>
#include <demos/demoregistry.h>
#include <demos/racedemo.h>
#include <demos/serversdemo.h>
#include <engine/lab.h>
#include <httpserver/embeddedserver.h>

#include <QElapsedTimer>
#include <QPointer>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>

using namespace Qt::StringLiterals;

namespace {
// How each registered demo is caught in the middle of its work (after this many live log lines,
// then this many milliseconds more), and where its snippets are marked. Every demo the registry
// lists needs a row.
struct Row
{
    int lines;
    int ms;
    const char *snippetsIn; // the start of their location
};
const QHash<QString, Row> &rows()
{
    static const QHash<QString, Row> table {
        // workers blocked in their fetches
        { u"where-the-wait-happens"_s, { 3, 0, "src/demos/wherethewaitdemo.cpp:" } },
        // a suspended coroutine or a QFuture chain
        { u"three-styles"_s, { 2, 0, "src/demos/threestylesdemo.cpp:" } },
        { u"concurrency-limit"_s, { 1, 0, "src/demos/concurrencylimitdemo.cpp:" } }, // replies
        { u"parallelism"_s, { 1, 0, "src/demos/parallelismdemo.cpp:" } }, // the pool hashing
        // ticks, replies and worker results due
        { u"event-loop"_s, { 2, 0, "src/demos/eventloopdemo.cpp:" } },
        { u"race"_s, { 0, 50, "src/demos/racedemo.cpp:" } }, // threads counting
        // worker threads waiting on each other
        { u"deadlock"_s, { 0, 100, "src/demos/deadlockdemo.cpp:" } },
        // inside the nested event loop
        { u"nested-event-loop"_s, { 0, 120, "src/demos/nestedeventloopdemo.cpp:" } },
        // requests in flight
        { u"object-lifetime"_s, { 0, 150, "src/demos/objectlifetimedemo.cpp:" } },
        { u"errors"_s, { 0, 150, "src/demos/errorsdemo.cpp:" } }, // the deadline's fetch
        { u"database"_s, { 0, 0, "src/demos/databasedemo.cpp:" } }, // making the database
        { u"backpressure"_s, { 3, 0, "src/demos/backpressuredemo.cpp:" } }, // the stream flowing
        // a round's requests in flight
        { u"combinators"_s, { 1, 0, "src/demos/combinatorsdemo.cpp:" } },
        // a server under load; its contestants' code is in serverlab
        { u"servers"_s, { 1, 0, "src/" } },
    };
    return table;
}

// Shorter runs, where a demo has options: what the outcome is checked for here is which texts it
// shows, not what it measured (each demo's own test does that with its usual options).
void shorten(Demo *demo)
{
    if (auto *race = qobject_cast<RaceDemo *>(demo)) {
        RaceDemo::Options options = race->options();
        options.runs = 1;
        options.incrementsPerThread = 1000;
        race->setOptions(options);
    } else if (auto *servers = qobject_cast<ServersDemo *>(demo)) {
        ServersDemo::Options options; // every server, so that every sentence is said
        options.connections = { 10 };
        options.warmupMs = 50;
        options.measureMs = 200;
        servers->setOptions(options);
    } else if (auto *database = qobject_cast<DatabaseDemo *>(demo)) {
        DatabaseDemo::Options options = database->options();
        options.rows = 20000;
        options.outerRows = 4;
        options.cancelAfterMs = 50;
        database->setOptions(options);
    } else if (auto *backpressure = qobject_cast<BackpressureDemo *>(demo)) {
        BackpressureDemo::Options options = backpressure->options();
        options.streamBytes = qint64(8) << 20;
        backpressure->setOptions(options);
    }
}

// A text as a person would see it has letters outside what the marking translator marked.
bool untranslated(const QString &text)
{
    const QString rest = MarkingTranslator::unmarked(text);
    return std::any_of(rest.cbegin(), rest.cend(), [](QChar c) { return c.isLetter(); });
}
} // namespace

// What every demo the registry lists promises, whichever it is: it describes itself, a cancel
// ends it with one finished() and the status Canceled, and deleting it while it runs waits for
// its work and leaves nothing behind that could call back into it (clean under AddressSanitizer)
// or keep the server busy.
class TestDemoContract : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void registryListsEveryDemoInGalleryOrder();
    void describesItself_data() { eachDemo(); }
    void describesItself();
    void cancelAtOnce_data() { eachDemo(); }
    void cancelAtOnce();
    void cancelMidway_data() { eachDemo(); }
    void cancelMidway();
    void destroyedWhileRunning_data() { eachDemo(); }
    void destroyedWhileRunning();
    void outcomeIsTranslated_data() { eachDemo(); }
    void outcomeIsTranslated();

private:
    void eachDemo();
    // Runs `demo` until it is midway, as its row in rows() says; false on a timeout.
    bool runUntilMidway(Demo *demo);

    DemoBench m_bench;
};

void TestDemoContract::initTestCase()
{
    QVERIFY2(m_bench.start(), qPrintable(m_bench.errorString()));
}

void TestDemoContract::eachDemo()
{
    QTest::addColumn<QString>("name");
    for (const DemoEntry &entry : DemoRegistry::all())
        QTest::newRow(qPrintable(entry.name)) << entry.name;
}

void TestDemoContract::registryListsEveryDemoInGalleryOrder()
{
    const QStringList first = { u"where-the-wait-happens"_s, u"three-styles"_s,
                                u"concurrency-limit"_s, u"parallelism"_s, u"event-loop"_s };
    QCOMPARE(DemoRegistry::names().mid(0, first.size()), first);
    // and every demo it lists has a row in rows()
    const QStringList names = DemoRegistry::names();
    QCOMPARE(QSet<QString>(rows().keyBegin(), rows().keyEnd()),
             QSet<QString>(names.begin(), names.end()));
    QVERIFY(!DemoRegistry::create(u"no-such-demo"_s, m_bench.context(), this));
}

// Name and title as the registry lists them, its explanation read from its file with every
// placeholder filled, and snippets the build extracted from the sources.
void TestDemoContract::describesItself()
{
    QFETCH(QString, name);
    const std::unique_ptr<Demo> demo(m_bench.create(name, nullptr));
    QVERIFY(demo);
    QCOMPARE(demo->name(), name);
    QCOMPARE(demo->title(), DemoRegistry::find(name)->title);
    QVERIFY(!demo->isRunning());
    const QString explanation = demo->explanation();
    QVERIFY2(explanation.size() > 100, qPrintable(explanation));
    QVERIFY2(!explanation.contains(QRegularExpression(u"%\\d"_s)), qPrintable(explanation));

    const QStringList ids = demo->snippetIds();
    QVERIFY(!ids.isEmpty());
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size());
    for (const QString &id : ids) {
        QVERIFY2(!snippet(id).isEmpty(), qPrintable(id));
        QVERIFY2(snippetLocation(id).startsWith(QLatin1StringView(rows().value(name).snippetsIn)),
                 qPrintable(id + u" at "_s + snippetLocation(id)));
    }
}

// cancel() right after run() ends the demo once, with the status Canceled; a second cancel()
// does nothing.
void TestDemoContract::cancelAtOnce()
{
    QFETCH(QString, name);
    const std::unique_ptr<Demo> demo(m_bench.create(name, nullptr));
    QSignalSpy finished(demo.get(), &Demo::finished);
    QVERIFY(finished.isValid());
    demo->run();
    QVERIFY(demo->isRunning());
    QVERIFY2(finished.isEmpty(), "finished() was emitted from inside run()");
    demo->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QVERIFY(!demo->isRunning());
    QCoreApplication::processEvents(); // a second finished() would show here
    QCOMPARE(finished.size(), 1);
    const auto outcome = finished.at(0).at(0).value<DemoOutcome>();
    QCOMPARE(outcome.status, DemoOutcome::Status::Canceled);
    QVERIFY(!outcome.ok());
    demo->cancel(); // harmless once finished
    QVERIFY(!finished.wait(100));
}

// Canceled with work in flight, a demo ends within a few seconds, once.
void TestDemoContract::cancelMidway()
{
    QFETCH(QString, name);
    const std::unique_ptr<Demo> demo(m_bench.create(name, nullptr));
    QSignalSpy finished(demo.get(), &Demo::finished);
    QVERIFY(runUntilMidway(demo.get()));
    QVERIFY(demo->isRunning());
    demo->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QVERIFY(!finished.wait(100));
    QCOMPARE(finished.at(0).at(0).value<DemoOutcome>().status, DemoOutcome::Status::Canceled);
    QVERIFY(!demo->isRunning());
}

bool TestDemoContract::runUntilMidway(Demo *demo)
{
    const Row midway = rows().value(demo->name());
    QSignalSpy progress(demo, &Demo::progress);
    demo->run();
    if (!QTest::qWaitFor([&] { return progress.size() >= midway.lines; }, 30000))
        return false;
    QTest::qWait(midway.ms);
    return true;
}

// Deleted with work in flight: blocked workers, pool tasks, pending replies, a suspended
// coroutine, a QFuture chain, a nested event loop or a server thread. The destructor waits for
// all of it, but briefly; afterwards the server has nothing of it left to answer.
void TestDemoContract::destroyedWhileRunning()
{
    QFETCH(QString, name);
    // A work folder of its own, so that a database is still being made when the demo goes.
    QTemporaryDir dir;
    QPointer<Demo> demo = DemoRegistry::create(name, m_bench.context(dir.path()), this);
    QVERIFY(runUntilMidway(demo.get()));
    QVERIFY(demo->isRunning());
    QElapsedTimer timer;
    timer.start();
    delete demo.get();
    QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
    // What it left queued, late replies and timers, run now and must not touch it.
    QTRY_COMPARE_WITH_TIMEOUT(m_bench.lab()->server().requestsInFlight(), 0, 5000);
    QTest::qWait(200);
}

// Run to its end under a translator that marks every text of the catalogue, a demo's outcome
// shows only marked texts: its summary, and the figure table's, the bars' and the plots' labels
// as the views show them (translated()). The English keys under them stay as they were.
void TestDemoContract::outcomeIsTranslated()
{
    QFETCH(QString, name);
    MarkingTranslator translator;
    QVERIFY(translator.loadCatalogue(MarkingTranslator::projectCatalogue()));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const auto uninstall = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });
    const std::unique_ptr<Demo> demo(m_bench.create(name, nullptr));
    shorten(demo.get());
    DemoOutcome outcome;
    runToEnd(demo.get(), 30000, &outcome);
    if (QTest::currentTestFailed())
        return;

    const DemoOutcome shown = outcome.translated();
    QStringList texts { outcome.summary, shown.barsUnit, shown.barsCategory, shown.barsNote,
                        shown.plotsX };
    const FigureTable table = figureTable(shown.figures, 7);
    texts += table.columns;
    for (const FigureTable::Row &row : table.rows)
        texts.append(row.name);
    for (const DemoFigure &figure : std::as_const(shown.figures))
        texts << figure.label() << figure.unit;
    for (const auto &bar : std::as_const(shown.bars))
        texts.append(bar.first);
    for (const DemoPlot &plot : std::as_const(shown.plots)) {
        texts << plot.title << plot.unit;
        for (const DemoSeries &series : plot.series)
            texts.append(series.name);
    }
    QStringList failures;
    for (const QString &text : std::as_const(texts)) {
        if (untranslated(text))
            failures.append(text);
    }
    failures.removeDuplicates();
    QVERIFY2(failures.isEmpty(), qPrintable(u"shown untranslated:\n"_s + failures.join(u'\n')));
    // The keys JSON and the tests read did not go through the translator.
    for (const DemoFigure &figure : std::as_const(outcome.figures)) {
        QVERIFY2(!figure.column.contains(MarkingTranslator::Open), qPrintable(figure.column));
        QVERIFY2(!figure.row.contains(MarkingTranslator::Open), qPrintable(figure.row));
    }
}

QTEST_GUILESS_MAIN(TestDemoContract)
#include "tst_democontract.moc"

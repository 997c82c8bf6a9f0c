#include "demorun.h"
#include <demos/eventloopdemo.h>
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

// The event-loop demo (one long handler delays every event due meanwhile), run for real against the
// embedded server as the gallery's Run button and `asynclab --demo` run it, and what it measured.
// What every demo promises is tested in tst_democontract.
class TestEventLoopDemo : public DemoTestCase
{
    Q_OBJECT
private slots:
    void longHandlerDelaysEverything();
};

void TestEventLoopDemo::longHandlerDelaysEverything()
{
    const DemoOutcome r = runToEnd(u"event-loop"_s, 10000);
    if (QTest::currentTestFailed())
        return;
    for (const QString &what : { u"timer tick"_s, u"network reply"_s, u"worker result"_s }) {
        const double blocked = r.figure(u"loop blocked"_s, what).toDouble();
        QVERIFY2(blocked >= 250, qPrintable(u"%1 delayed by %2 ms"_s.arg(what).arg(blocked)));
    }
    QVERIFY2(r.figure(u"loop free"_s, u"network reply"_s).toDouble() < 100, qPrintable(r.summary));
    QVERIFY2(r.figure(u"loop free"_s, u"worker result"_s).toDouble() < 100, qPrintable(r.summary));
    QVERIFY(r.figure(u"monitor max stall"_s).toDouble() >= 250);
    const auto &events = static_cast<EventLoopDemo *>(demo())->events();
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

QTEST_GUILESS_MAIN(TestEventLoopDemo)
#include "tst_eventloopdemo.moc"

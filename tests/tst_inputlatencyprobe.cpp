#include "widgetchecks.h"
#include <widgets/inputlatencyprobe.h>
#include <common/labclock.h>

#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

// The probe types into a real line edit from its own thread; the GUI thread is blocked on purpose
// to show that the presses keep coming and wait.
class TestInputLatencyProbe : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void idleFieldHandlesPressesAtOnce();
    void blockedGuiThreadMakesPressesWait();
    void stopEndsPosting();
    void statsCoverTheRange();
    void destroyedTargetStopsProbe();

private:
    std::unique_ptr<QLineEdit> m_field;
    std::unique_ptr<InputLatencyProbe> m_probe; // typing into m_field, not started
};

void TestInputLatencyProbe::init()
{
    m_field = std::make_unique<QLineEdit>();
    QVERIFY(showExposed(m_field.get()));
    m_probe = std::make_unique<InputLatencyProbe>();
    m_probe->setTarget(m_field.get());
}

void TestInputLatencyProbe::cleanup()
{
    m_probe.reset();
    m_field.reset();
}

void TestInputLatencyProbe::idleFieldHandlesPressesAtOnce()
{
    InputLatencyProbe &probe = *m_probe;
    QSignalSpy measured(&probe, &InputLatencyProbe::measured);
    probe.start(20);
    QVERIFY(probe.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(measured.size() >= 10, 5000);
    probe.stop();
    QTRY_COMPARE(probe.samples().size(), probe.postedCount());
    for (const KeyPressSample &s : probe.samples()) {
        QVERIFY(s.latencyMs() >= 0);
        QVERIFY2(s.latencyMs() < 100, qPrintable(QString::number(s.latencyMs())));
    }
    // the field really got the keys, as typed text
    QCOMPARE(m_field->text().size(), probe.samples().size());
}

void TestInputLatencyProbe::blockedGuiThreadMakesPressesWait()
{
    InputLatencyProbe &probe = *m_probe;
    probe.start(20);
    QTRY_VERIFY_WITH_TIMEOUT(!probe.samples().isEmpty(), 5000);

    // What a blocking handler does: hold the GUI thread, here for 400 ms.
    const double blockStart = labNowMs();
    QThread::msleep(400);
    const double blockEnd = labNowMs();
    QTRY_VERIFY_WITH_TIMEOUT(
            !probe.samples().isEmpty() && probe.samples().constLast().postedAtMs > blockEnd, 5000);
    probe.stop();

    const InputLatencyProbe::Stats during = probe.statsBetween(blockStart, blockEnd);
    // posted all along by the probe's thread: about one per 20 ms of the 400
    QVERIFY2(during.presses >= 10, qPrintable(QString::number(during.presses)));
    QVERIFY2(during.maxMs >= 330, qPrintable(QString::number(during.maxMs)));
    QVERIFY2(during.medianMs >= 100, qPrintable(QString::number(during.medianMs)));
    // each waited until the block ended, and not much longer
    for (const KeyPressSample &s : probe.samples()) {
        if (s.postedAtMs >= blockStart && s.postedAtMs <= blockEnd)
            QVERIFY(s.handledAtMs >= blockEnd && s.handledAtMs < blockEnd + 200);
    }
}

void TestInputLatencyProbe::stopEndsPosting()
{
    InputLatencyProbe &probe = *m_probe;
    probe.start(10);
    QTRY_VERIFY_WITH_TIMEOUT(probe.postedCount() >= 3, 5000);
    probe.stop();
    QVERIFY(!probe.isRunning());
    const int posted = probe.postedCount();
    QTest::qWait(100); // ten intervals: none may be posted now
    QCOMPARE(probe.postedCount(), posted);
    QCOMPARE(probe.samples().size(), posted);
}

void TestInputLatencyProbe::statsCoverTheRange()
{
    InputLatencyProbe &probe = *m_probe;
    probe.start(10);
    QTRY_VERIFY_WITH_TIMEOUT(probe.samples().size() >= 9, 5000);
    probe.stop();
    QTRY_COMPARE(probe.samples().size(), probe.postedCount());
    const QList<KeyPressSample> &samples = probe.samples();
    const InputLatencyProbe::Stats all = probe.statsBetween(0, labNowMs());
    QCOMPARE(all.presses, samples.size());
    double max = 0;
    for (const KeyPressSample &s : samples)
        max = std::max(max, s.latencyMs());
    QCOMPARE(all.maxMs, max);
    QVERIFY(all.medianMs <= all.maxMs);
    // a range holding only the first three
    const InputLatencyProbe::Stats first =
            probe.statsBetween(samples[0].postedAtMs, samples[2].postedAtMs);
    QCOMPARE(first.presses, 3);
    QVERIFY(first.medianMs >= std::min(
                    { samples[0].latencyMs(), samples[1].latencyMs(), samples[2].latencyMs() }));
    QCOMPARE(probe.statsBetween(labNowMs() + 1000, labNowMs() + 2000).presses, 0);
    probe.clear();
    QVERIFY(probe.samples().isEmpty());
}

void TestInputLatencyProbe::destroyedTargetStopsProbe()
{
    InputLatencyProbe &probe = *m_probe;
    probe.start(5);
    QTRY_VERIFY_WITH_TIMEOUT(probe.samples().size() >= 2, 5000);
    m_field.reset();
    QVERIFY(!probe.isRunning());
    QVERIFY(!probe.target());
    probe.start(); // nothing to type into: stays stopped
    QVERIFY(!probe.isRunning());
}

QTEST_MAIN(TestInputLatencyProbe)
#include "tst_inputlatencyprobe.moc"

#include "demorun.h"
#include <demos/concurrencylimitdemo.h>
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

// The concurrency-limit demo (a queue that keeps at most N requests in flight), run for real
// against the embedded server as the gallery's Run button and `asynclab --demo` run it, and what it
// measured. What every demo promises is tested in tst_democontract.
class TestConcurrencyLimitDemo : public DemoTestCase
{
    Q_OBJECT
private slots:
    void concurrencyLimitIsNeverExceeded();
};

void TestConcurrencyLimitDemo::concurrencyLimitIsNeverExceeded()
{
    const DemoOutcome r = runToEnd(u"concurrency-limit"_s, 28000);
    if (QTest::currentTestFailed())
        return;
    for (const auto &setting : ConcurrencyLimitDemo::settings()) {
        const QString label = u"max in flight "_s + ConcurrencyLimitDemo::settingLabel(setting);
        const int serverPeak = r.figure(label, u"server peak"_s).toInt();
        const int clientPeak = r.figure(label, u"client peak"_s).toInt();
        const int expected = setting.limit != ConcurrencyLimitDemo::Unlimited ? setting.limit
                : setting.managers == 1 ? ConcurrencyLimitDemo::PerManager
                                        : ConcurrencyLimitDemo::Fetches;
        QVERIFY2(serverPeak >= 1 && serverPeak <= expected,
                 qPrintable(u"%1: server peak %2"_s.arg(label).arg(serverPeak)));
        if (setting.limit != ConcurrencyLimitDemo::Unlimited)
            QCOMPARE(clientPeak, setting.limit);
    }
    // The limit decides the time: one at a time is far slower than sixteen.
    QVERIFY(r.figure(u"max in flight 1"_s, u"time"_s).toDouble()
            > 3 * r.figure(u"max in flight 16"_s, u"time"_s).toDouble());
}

QTEST_GUILESS_MAIN(TestConcurrencyLimitDemo)
#include "tst_concurrencylimitdemo.moc"

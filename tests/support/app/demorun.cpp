#include "demorun.h"

#include <demos/demoregistry.h>
#include <engine/lab.h>

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

DemoRun runDemo(Demo *demo, int timeoutMs)
{
    DemoRun result;
    const QMetaObject::Connection connection =
            QObject::connect(demo, &Demo::finished, demo, [&result](const DemoOutcome &outcome) {
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
    QObject::disconnect(connection);
    return result;
}

void runToEnd(Demo *demo, int timeoutMs, DemoOutcome *outcome)
{
    QObject receiver; // disconnects the lambdas when this function returns
    QList<DemoOutcome> outcomes;
    int lines = 0;
    QObject::connect(demo, &Demo::finished, &receiver,
                     [&outcomes](const DemoOutcome &o) { outcomes.append(o); });
    QObject::connect(demo, &Demo::progress, &receiver, [&lines] { ++lines; });
    QSignalSpy finished(demo, &Demo::finished);
    demo->run();
    QVERIFY(demo->isRunning());
    QVERIFY2(outcomes.isEmpty(), "finished() was emitted from inside run()");
    // A spy's wait runs the event loop as the window does; QTRY_ would sleep the GUI thread 10 ms
    // at a time, which slows what demos measure on it.
    QVERIFY(finished.wait(timeoutMs));
    QVERIFY(!demo->isRunning());
    finished.wait(100); // a second finished() would show up here
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(outcomes.first().ok(), qPrintable(outcomes.first().error));
    QVERIFY(!outcomes.first().summary.isEmpty());
    QVERIFY(lines > 0);
    *outcome = outcomes.first();
}

DemoOutcome DemoTestCase::runToEnd(Demo *demo, int timeoutMs)
{
    DemoOutcome outcome;
    ::runToEnd(demo, timeoutMs, &outcome);
    return outcome;
}

DemoOutcome DemoTestCase::runToEnd(const QString &name, int timeoutMs)
{
    m_demo.reset(create(name));
    if (!m_demo) {
        QTest::qFail(qPrintable(u"no demo is called "_s + name), __FILE__, __LINE__);
        return {};
    }
    return runToEnd(m_demo.get(), timeoutMs);
}

DemoBench::DemoBench() = default;
DemoBench::~DemoBench() = default;

bool DemoBench::start()
{
    if (!m_dir.isValid()) {
        m_error = m_dir.errorString();
        return false;
    }
    m_lab = std::make_unique<Lab>();
    if (!m_lab->start()) {
        m_error = m_lab->errorString();
        return false;
    }
    return true;
}

QString DemoBench::errorString() const
{
    return m_error;
}

DemoContext DemoBench::context(const QString &workDir) const
{
    DemoContext context = DemoRegistry::contextFor(m_lab.get(), m_dir.path());
    if (!workDir.isEmpty())
        context.workDir = workDir;
    return context;
}

Demo *DemoBench::create(const QString &name, QObject *parent) const
{
    return DemoRegistry::create(name, context(), parent);
}

double figure(const DemoOutcome &outcome, const QString &row, const QString &column)
{
    return outcome.figure(row, column).toDouble();
}

double figure(const DemoOutcome &outcome, const QString &column)
{
    return outcome.figure(column).toDouble();
}

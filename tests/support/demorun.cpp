#include "demorun.h"

#include <demos/demoregistry.h>
#include <engine/lab.h>

#include <QSignalSpy>

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

double figure(const DemoOutcome &outcome, const QString &key)
{
    return outcome.figures.value(key).toDouble();
}

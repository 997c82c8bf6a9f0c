#include <demokit/demo.h>

#include <QCoreApplication>

#include <utility>

using namespace Qt::StringLiterals;

Demo::Demo(const DemoContext &context, QString name, QString title, QObject *parent)
    : QObject(parent), m_context(context), m_name(std::move(name)), m_title(std::move(title))
{
}

void Demo::cancel()
{
    if (!m_running || m_canceled)
        return;
    m_canceled = true;
    cancelRun();
}

bool Demo::beginRun()
{
    if (m_running)
        return false;
    m_running = true;
    m_canceled = false;
    ++m_generation;
    return true;
}

void Demo::finish(const DemoOutcome &outcome)
{
    if (!m_running)
        return;
    m_running = false;
    ++m_generation; // whatever the ended run still has in flight now finds itself stale
    stopRun();
    emit finished(outcome);
}

void Demo::fail(const QString &error)
{
    finish({ false, error, {}, {}, {}, {}, {}, {}, {}, {} });
}

void Demo::finishCanceled(const QString &summary)
{
    finish({ false, u"canceled"_s, summary, {}, {}, {}, {}, {}, {}, {} });
}

void Demo::dropPostedContinuations()
{
    QCoreApplication::removePostedEvents(this, QEvent::MetaCall);
}

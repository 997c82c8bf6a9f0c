#include <demokit/simulatedtyping.h>

QList<SimulatedTyping::Key> SimulatedTyping::evenly(const QString &text, int intervalMs)
{
    QList<Key> keys;
    for (qsizetype i = 0; i < text.size(); ++i)
        keys.append({ text.at(i), i == 0 ? 0 : intervalMs });
    return keys;
}

SimulatedTyping::SimulatedTyping(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SimulatedTyping::typeNext);
}

void SimulatedTyping::start(const QList<Key> &keys)
{
    m_keys = keys;
    m_typed = 0;
    m_text.clear();
    scheduleNext();
}

void SimulatedTyping::stop()
{
    m_timer.stop();
}

void SimulatedTyping::scheduleNext()
{
    if (m_typed == m_keys.size())
        return;
    if (m_keys.at(m_typed).afterMs <= 0)
        typeNext();
    else
        m_timer.start(m_keys.at(m_typed).afterMs);
}

void SimulatedTyping::typeNext()
{
    const int index = int(m_typed++);
    m_text += m_keys.at(index).letter;
    // Scheduled before the signal, so a slot that stops typing is not undone.
    if (m_typed < m_keys.size())
        m_timer.start(std::max(0, m_keys.at(m_typed).afterMs));
    emit keyTyped(index, m_text);
}

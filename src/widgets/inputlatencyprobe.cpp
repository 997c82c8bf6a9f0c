#include <widgets/inputlatencyprobe.h>
#include <common/labclock.h>

#include <QCoreApplication>
#include <QInputDevice>
#include <QKeyEvent>
#include <QWidget>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>

using namespace Qt::StringLiterals;

namespace {
// A key press that carries the time it was posted, so the receiving side needs no lookup.
class ProbeKeyEvent : public QKeyEvent
{
public:
    ProbeKeyEvent(double postedAtMs, const QInputDevice *device)
        : QKeyEvent(QEvent::KeyPress, Qt::Key_periodcentered, Qt::NoModifier, 0, 0, 0, u"·"_s,
                    false, 1, device),
          m_postedAtMs(postedAtMs)
    {
    }
    ProbeKeyEvent *clone() const override { return new ProbeKeyEvent(*this); }
    double postedAtMs() const { return m_postedAtMs; }

private:
    double m_postedAtMs;
};
} // namespace

InputLatencyProbe::InputLatencyProbe(QObject *parent) : QObject(parent) { }

InputLatencyProbe::~InputLatencyProbe()
{
    stop();
}

void InputLatencyProbe::setTarget(QWidget *target)
{
    stop();
    if (m_target) {
        m_target->removeEventFilter(this);
        disconnect(m_target, nullptr, this, nullptr);
    }
    m_target = target;
    if (target) {
        target->installEventFilter(this);
        // Joins the posting thread before the widget's pending events are discarded.
        connect(target, &QObject::destroyed, this, &InputLatencyProbe::stop);
    }
}

void InputLatencyProbe::start(int intervalMs)
{
    stop();
    if (!m_target)
        return;
    QWidget *target = m_target;
    // Looked up here: on first use it creates a QObject, which must not happen on our thread.
    const QInputDevice *keyboard = QInputDevice::primaryKeyboard();
    m_thread = std::jthread([this, target, keyboard, intervalMs](std::stop_token stopToken) {
        std::mutex mutex;
        std::condition_variable_any wakeUp; // only ever woken by a stop request
        auto next = std::chrono::steady_clock::now();
        while (!stopToken.stop_requested()) {
            QCoreApplication::postEvent(target, new ProbeKeyEvent(labNowMs(), keyboard));
            ++m_posted;
            next += std::chrono::milliseconds(intervalMs);
            std::unique_lock lock(mutex);
            wakeUp.wait_until(lock, stopToken, next, [] { return false; });
        }
    });
}

void InputLatencyProbe::stop()
{
    if (!m_thread.joinable())
        return;
    m_thread.request_stop();
    m_thread.join();
}

void InputLatencyProbe::clear()
{
    m_samples.clear();
}

InputLatencyProbe::Stats InputLatencyProbe::statsBetween(double fromMs, double toMs) const
{
    QList<double> latencies;
    for (const KeyPressSample &s : m_samples) {
        if (s.postedAtMs >= fromMs && s.postedAtMs <= toMs)
            latencies.append(s.latencyMs());
    }
    Stats stats;
    stats.presses = int(latencies.size());
    if (latencies.isEmpty())
        return stats;
    std::sort(latencies.begin(), latencies.end());
    stats.maxMs = latencies.constLast();
    const qsizetype middle = latencies.size() / 2;
    stats.medianMs = latencies.size() % 2 ? latencies.at(middle)
                                          : (latencies.at(middle - 1) + latencies.at(middle)) / 2;
    return stats;
}

bool InputLatencyProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && watched == m_target) {
        if (const auto *press = dynamic_cast<const ProbeKeyEvent *>(event)) {
            const KeyPressSample sample { press->postedAtMs(), labNowMs() };
            m_samples.append(sample);
            emit measured(sample);
        }
    }
    return QObject::eventFilter(watched, event); // the widget still gets the key
}

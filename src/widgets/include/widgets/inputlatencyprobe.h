#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <thread>

class QWidget;

// One synthetic key press: when it was posted and when the target widget got to handle it.
struct KeyPressSample
{
    double postedAtMs = 0; // labNowMs() time
    double handledAtMs = 0;

    double latencyMs() const { return handledAtMs - postedAtMs; }
};

// Types into a widget at a steady rate, as a person keeps typing during a freeze, and measures how
// long each key press waited before the widget handled it. The presses are posted from a thread
// of the probe's own: a timer on the GUI thread could not fire while that thread is blocked, and
// would hide exactly the delay being measured.
class InputLatencyProbe : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultIntervalMs = 50;

    struct Stats
    {
        int presses = 0; // handled presses posted in the range
        double maxMs = 0;
        double medianMs = 0;
    };

    explicit InputLatencyProbe(QObject *parent = nullptr);
    ~InputLatencyProbe() override;

    void setTarget(QWidget *target); // the probe stops if the target is destroyed
    QWidget *target() const { return m_target; }

    void start(int intervalMs = DefaultIntervalMs);
    // No more presses are posted; those already posted are still measured when handled.
    void stop();
    bool isRunning() const { return m_thread.joinable(); }

    int postedCount() const { return m_posted.load(); }
    const QList<KeyPressSample> &samples() const { return m_samples; }
    void clear();
    Stats statsBetween(double fromMs, double toMs) const; // by the time each press was posted

signals:
    void measured(const KeyPressSample &sample);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<QWidget> m_target;
    std::jthread m_thread;
    std::atomic<int> m_posted = 0;
    QList<KeyPressSample> m_samples;
};

// The cost of the handler trace the watch probe installs in every watched program: per event
// delivered (sendEvent of a plain event, and a posted event through the event loop) and per
// signal emitted, without and with the hooks; and the hooks' own work called directly. Figures
// only; the target is under 100 ns per event.
#include <stalls/handlertrace.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <functional>

namespace {
class Target : public QObject
{
    Q_OBJECT
public:
    bool event(QEvent *e) override
    {
        if (e->type() != QEvent::User)
            return QObject::event(e);
        ++handled;
        return true;
    }
    qint64 handled = 0;
signals:
    void ping(int value);
};

constexpr int Rounds = 7; // the median of these is printed

template<typename F>
double medianNsPer(qint64 count, F &&f)
{
    QList<double> ns;
    for (int round = 0; round < Rounds; ++round) {
        QElapsedTimer clock;
        clock.start();
        f(count);
        ns.append(double(clock.nsecsElapsed()) / double(count));
    }
    std::sort(ns.begin(), ns.end());
    return ns.at(Rounds / 2);
}

void sendEvents(Target &target, qint64 count)
{
    QEvent event(QEvent::User);
    for (qint64 i = 0; i < count; ++i)
        QCoreApplication::sendEvent(&target, &event);
}

void postEvents(Target &target, qint64 count)
{
    for (qint64 i = 0; i < count; ++i)
        QCoreApplication::postEvent(&target, new QEvent(QEvent::User));
    QCoreApplication::sendPostedEvents(&target, QEvent::User);
}

void emitSignals(Target &target, qint64 count)
{
    for (qint64 i = 0; i < count; ++i)
        emit target.ping(int(i));
}

void measure(const char *what, qint64 count, const std::function<void(qint64)> &run)
{
    const double off = medianNsPer(count, run);
    HandlerTrace::install();
    const double on = medianNsPer(count, run);
    HandlerTrace::uninstall();
    std::printf("%-34s %8.1f ns off %8.1f ns on %+7.1f ns (%+.0f%%)\n", what, off, on, on - off,
                100 * (on - off) / off);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Target target;
    int sum = 0;
    QObject::connect(&target, &Target::ping, &target, [&sum](int value) { sum += value; });
    std::printf("per event or signal, median of %d rounds\n", Rounds);
    measure("sendEvent (plain QObject)", 2000000, [&](qint64 n) { sendEvents(target, n); });
    measure("postEvent + delivery", 500000, [&](qint64 n) { postEvents(target, n); });
    measure("emit, one lambda connected", 2000000, [&](qint64 n) { emitSignals(target, n); });
    HandlerTrace::install();
    QEvent event(QEvent::User);
    const double hookEvent = medianNsPer(5000000, [&](qint64 n) {
        for (qint64 i = 0; i < n; ++i)
            HandlerTrace::benchEvent(&target, &event);
    });
    const double hookSignal = medianNsPer(5000000, [&](qint64 n) {
        for (qint64 i = 0; i < n; ++i)
            HandlerTrace::benchSignal(&target, 0);
    });
    const double snapshot = medianNsPer(200000, [](qint64 n) {
        for (qint64 i = 0; i < n; ++i)
            (void)HandlerTrace::snapshot();
    });
    HandlerTrace::uninstall();
    std::printf("%-34s %8.1f ns\n", "event hook alone", hookEvent);
    std::printf("%-34s %8.1f ns\n", "signal hooks alone (begin + end)", hookSignal);
    std::printf("%-34s %8.1f ns\n", "snapshot (watchdog, per sample)", snapshot);
    return sum == -1 ? 1 : 0; // keeps the slot's work
}

#include "bench_handlertrace.moc"

#pragma once

#include <QList>
#include <QString>
#include <array>

struct QMetaObject;

// One handler in a chain, for people: "MouseButtonRelease on QPushButton 'load' \"Load\"".
struct HandlerStep
{
    enum class Kind : quint8 { Event, Signal, Slot, QueuedFunctor };
    Kind kind = Kind::Event;
    QString text;
    bool operator==(const HandlerStep &other) const = default;
};

// Where a freeze is, from the chain noted in it before and a newer one: a freeze ends by unwinding
// (the slot returns, then the signal, then the event) before the heartbeat ticks again, and what
// it unwinds to is not where the thread froze; any other change is a handler it went on in.
QList<HandlerStep> frozenChain(const QList<HandlerStep> &noted, const QList<HandlerStep> &newer);

// Which handlers the GUI thread is running, as they nest: the event being delivered (type,
// receiver class and name, a button's text), the signals being emitted and, for string-based
// connections, the slots being called. Qt's own hooks feed it, in any Qt program:
// QInternal's EventNotifyCallback (before every delivery; it has no end, so an event ends when a
// sibling or outer one begins, or when Qt's count of deliveries in progress drops below it) and
// the signal spy callbacks (begin and end of every emission). The GUI thread writes a fixed array,
// no allocation, no lock; another thread (the stall watchdog) copies it under a sequence counter
// and names what it holds while the GUI thread is frozen, so the objects it points to are alive.
class HandlerTrace
{
public:
    static constexpr int MaxDepth = 24; // deeper nesting is counted, not recorded
    static constexpr int NameSize = 40;

    enum class Kind : quint8 { Event, Signal, Slot };
    struct Entry
    {
        Kind kind = Kind::Event;
        int level = 0; // Qt's deliveries in progress while this handler runs
        int code = 0; // the event type; the signal or method index
        int method = -1; // a queued call's method index on the receiver; -1: none or a functor
        const QMetaObject *meta = nullptr; // the receiver's (event, slot) or sender's (signal)
        char objectName[NameSize] = {}; // truncated, Latin-1
        char text[NameSize] = {}; // a button's or label's text, for input events only
    };
    struct Snapshot
    {
        bool valid = false; // false: the hooks are off, or the GUI thread kept writing
        int count = 0;
        std::array<Entry, MaxDepth> entries {};
    };

    // On the thread to trace (the GUI thread), once the application object exists. Saves any
    // signal spy callbacks already set and calls them too; uninstall() puts them back. Returns
    // false when already installed. The event callback stays registered, inert, after uninstall.
    static bool install();
    static void uninstall();
    static bool isInstalled();

    // Any thread: the chain live on the traced thread now, outermost first.
    static Snapshot snapshot();
    // "MouseButtonRelease on QPushButton 'load' \"Load\"", "QPushButton::clicked(bool)", ...
    // Reads the meta-objects the entries point to: call while the traced thread is still frozen.
    static QList<HandlerStep> describe(const Snapshot &snapshot);
    static bool sameChain(const Snapshot &a, const Snapshot &b);

    // For the benchmark: what the hooks do for one event delivery and one signal emission.
    static void benchEvent(void *receiver, void *event);
    static void benchSignal(void *sender, int signalIndex);
};

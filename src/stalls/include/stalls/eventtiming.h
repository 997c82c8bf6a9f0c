#pragma once

#include <QEvent>
#include <QString>
#include <array>
#include <pthread.h>

class QObject;

// An event the GUI thread took long to handle.
struct TimedEvent
{
    const char *className = nullptr; // the receiver's, from its meta-object (static storage)
    QString objectName;
    QString label; // the text a person saw on the receiver of a click or key ("Slow server (2 s)")
    QEvent::Type type = QEvent::None;
    double startMs = 0; // labNowMs()
    double durationMs = 0;
    int depth = 0; // 0 for an event the event loop dispatched, 1 for one sent from its handler, ...

    double endMs() const { return startMs + durationMs; }
    // "MouseButtonRelease on QPushButton “Slow server (2 s)”": the receiver's visible
    // text when it has one, else its object name in single quotes
    QString description() const;
};

QString eventTypeName(QEvent::Type type); // "MouseButtonRelease"; a number for unnamed types

// Times the events an application object dispatches on its own thread, as the browsers' Long
// Animation Frames do for scripts: which receiver, which event, how long the handler ran. The
// application's notify() override calls dispatch(). Only events of at least longEventMs are
// kept (the last few dozen), so an event that ends quickly costs two clock reads and a copy of
// the receiver's name.
class EventTiming
{
public:
    static constexpr double DefaultLongEventMs = 16; // one frame at 60 Hz
    static constexpr int Kept = 64;

    EventTiming(); // becomes instance() for the thread that creates it (the GUI thread)
    ~EventTiming();
    EventTiming(const EventTiming &) = delete;
    EventTiming &operator=(const EventTiming &) = delete;

    static EventTiming *instance();

    template<typename Base>
    bool dispatch(QObject *receiver, QEvent *event, Base &&base)
    {
        if (!receiver || !event || pthread_self() != m_thread)
            return base();
        Frame frame = enter(receiver, event);
        const bool result = base();
        leave(frame);
        return result;
    }

    // The innermost kept event that covered most of [startMs, endMs], or an empty description.
    // Call on the GUI thread, after the interval has ended.
    QString eventDuring(double startMs, double endMs) const;
    QList<TimedEvent> longEvents() const; // oldest first
    qint64 dispatched() const { return m_dispatched; }
    void setLongEventMs(double ms) { m_longEventMs = ms; }

private:
    struct Frame
    {
        const char *className;
        QString objectName;
        QString label;
        QEvent::Type type;
        double startMs;
        int depth;
    };
    Frame enter(QObject *receiver, QEvent *event);
    void leave(const Frame &frame);

    pthread_t m_thread;
    int m_depth = 0;
    qint64 m_dispatched = 0;
    double m_longEventMs = DefaultLongEventMs;
    std::array<TimedEvent, Kept> m_kept;
    int m_next = 0;
    int m_count = 0;
};

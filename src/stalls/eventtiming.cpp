#include <stalls/eventtiming.h>
#include <common/labclock.h>

#include <QMetaEnum>
#include <QObject>
#include <QVariant>
#include <algorithm>
#include <atomic>

using namespace Qt::StringLiterals;

namespace {
std::atomic<EventTiming *> current { nullptr };
}

QString eventTypeName(QEvent::Type type)
{
    if (const char *key = QMetaEnum::fromType<QEvent::Type>().valueToKey(int(type)))
        return QString::fromLatin1(key);
    return u"event %1"_s.arg(int(type));
}

QString TimedEvent::description() const
{
    QString text = eventTypeName(type);
    if (className)
        text += u" on "_s + QString::fromLatin1(className);
    if (!label.isEmpty())
        text += u" \u201c%1\u201d"_s.arg(label);
    else if (!objectName.isEmpty())
        text += u" '%1'"_s.arg(objectName);
    return text;
}

EventTiming::EventTiming() : m_thread(pthread_self())
{
    current.store(this);
}

EventTiming::~EventTiming()
{
    EventTiming *self = this;
    current.compare_exchange_strong(self, nullptr);
}

EventTiming *EventTiming::instance()
{
    return current.load();
}

namespace {
// What a person clicked or typed on, as they saw it: a button's or action's "text" property
// without its shortcut ampersand. Looked up only for input events, which come at a person's pace,
// so the property lookup never runs for the thousands of timer and paint events.
QString visibleLabel(const QObject *receiver, QEvent::Type type)
{
    switch (type) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::Shortcut: {
        const QVariant text = receiver->property("text");
        if (text.typeId() != QMetaType::QString)
            return {};
        QString label = text.toString().simplified();
        label.replace(u"&&"_s, u"\x01"_s).remove(u'&').replace(u'\x01', u'&');
        return label;
    }
    default:
        return {};
    }
}
} // namespace

EventTiming::Frame EventTiming::enter(QObject *receiver, QEvent *event)
{
    ++m_dispatched;
    // Names are taken now: the handler may delete the receiver (DeferredDelete does).
    return Frame { receiver->metaObject()->className(),
                   receiver->objectName(),
                   visibleLabel(receiver, event->type()),
                   event->type(),
                   labNowMs(),
                   m_depth++ };
}

void EventTiming::leave(const Frame &frame)
{
    --m_depth;
    const double durationMs = labNowMs() - frame.startMs;
    if (durationMs < m_longEventMs)
        return;
    m_kept[size_t(m_next)] =
            TimedEvent { frame.className, frame.objectName, frame.label, frame.type,
                         frame.startMs,   durationMs,       frame.depth };
    m_next = (m_next + 1) % Kept;
    m_count = std::min(m_count + 1, Kept);
}

QList<TimedEvent> EventTiming::longEvents() const
{
    QList<TimedEvent> events;
    for (int i = 0; i < m_count; ++i)
        events.append(m_kept[size_t((m_next - m_count + i + Kept) % Kept)]);
    return events;
}

QString EventTiming::eventDuring(double startMs, double endMs) const
{
    const double length = std::max(1.0, endMs - startMs);
    const TimedEvent *best = nullptr;
    for (int i = 0; i < m_count; ++i) {
        const TimedEvent &event = m_kept[size_t(i)];
        const double overlap = std::min(endMs, event.endMs()) - std::max(startMs, event.startMs);
        if (overlap < 0.5 * length)
            continue;
        if (!best || event.depth > best->depth)
            best = &event;
    }
    return best ? best->description() : QString();
}

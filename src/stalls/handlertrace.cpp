#include <stalls/handlertrace.h>
#include <stalls/eventtiming.h>

#include <QMetaMethod>
#include <QThread>
#include <QtCore/private/qobject_p.h>
#include <QtCore/private/qthread_p.h>
#include <algorithm>
#include <atomic>
#include <cstring>
#include <pthread.h>

using namespace Qt::StringLiterals;

namespace {
using Entry = HandlerTrace::Entry;
using Kind = HandlerTrace::Kind;

// The trace: written only by the traced thread, read by others under the sequence counter (odd
// while a write is under way). Static storage: nothing is allocated per event.
struct Trace
{
    std::atomic<bool> installed { false };
    bool registered = false; // the event callback, once per process
    pthread_t thread {};
    QThreadData *threadData = nullptr;
    std::atomic<unsigned> sequence { 0 };
    int depth = 0; // may exceed MaxDepth: those levels are counted, not kept
    std::array<Entry, HandlerTrace::MaxDepth> entries {};
    QSignalSpyCallbackSet ours {};
    QSignalSpyCallbackSet *previous = nullptr;
};
Trace trace;

// Qt counts the deliveries in progress on a thread (QScopedScopeLevelCounter in notifyInternal2);
// the EventNotifyCallback runs before the count goes up, so a handler runs one level deeper.
int levelNow()
{
    return std::atomic_ref<int>(trace.threadData->scopeLevel).load(std::memory_order_relaxed);
}

bool onTracedThread()
{
    return trace.installed.load(std::memory_order_relaxed)
            && pthread_equal(pthread_self(), trace.thread);
}

void beginWrite()
{
    trace.sequence.fetch_add(1, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_release);
}

void endWrite()
{
    trace.sequence.fetch_add(1, std::memory_order_release);
}

// Drops what has ended by the time something begins at `level`: handlers deeper than it, and
// siblings at its level of the kinds it replaces.
void popEnded(int level, bool isEvent)
{
    while (trace.depth > 0) {
        const int top = std::min(trace.depth, HandlerTrace::MaxDepth) - 1;
        const Entry &entry = trace.entries[size_t(top)];
        const bool ended = entry.level > level || (isEvent && entry.level == level);
        if (trace.depth <= HandlerTrace::MaxDepth && !ended)
            break;
        --trace.depth;
    }
}

void copyName(char (&to)[HandlerTrace::NameSize], const QString &from)
{
    // Latin-1 by hand: QString::toLatin1() would allocate.
    const qsizetype n = std::min<qsizetype>(from.size(), HandlerTrace::NameSize - 1);
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = from.at(i).unicode();
        to[i] = c >= 0x20 && c < 0x7f ? char(c) : '?';
    }
    to[n] = 0;
}

bool isInput(QEvent::Type type)
{
    switch (type) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::Shortcut:
        return true;
    default:
        return false;
    }
}

Entry *push(Kind kind, int level)
{
    const int at = trace.depth++;
    if (at >= HandlerTrace::MaxDepth)
        return nullptr;
    Entry &entry = trace.entries[size_t(at)];
    entry.kind = kind;
    entry.level = level;
    entry.method = -1;
    entry.objectName[0] = 0;
    entry.text[0] = 0;
    return &entry;
}

void recordEvent(QObject *receiver, QEvent *event)
{
    const int level = levelNow() + 1;
    beginWrite();
    popEnded(level, true);
    if (Entry *entry = push(Kind::Event, level)) {
        entry->code = int(event->type());
        entry->meta = receiver->metaObject();
        copyName(entry->objectName, receiver->objectName());
        // Input is rare (people are slow): the text of what was pressed is worth a property read.
        // Only buttons', labels' and actions' texts; a line edit's may be private.
        if (isInput(event->type())
            && (receiver->inherits("QAbstractButton") || receiver->inherits("QAction")
                || receiver->inherits("QLabel") || receiver->inherits("QQuickAbstractButton"))) {
            const QVariant text = receiver->property("text");
            if (text.metaType() == QMetaType::fromType<QString>())
                copyName(entry->text, *static_cast<const QString *>(text.constData()));
        }
        if (event->type() == QEvent::MetaCall) {
            // A queued call: QMetaCallEvent knows the receiver's method unless it calls a functor
            // (then the stack names it). Other QAbstractMetaCallEvent kinds carry no method.
            if (auto *call = dynamic_cast<QMetaCallEvent *>(event); call && call->id() < 0xffff)
                entry->method = call->id();
        }
    }
    endWrite();
}

bool onEvent(void **data)
{
    // data: receiver, event, &result; false lets the delivery go on as usual.
    if (onTracedThread() && data[0] && data[1])
        recordEvent(static_cast<QObject *>(data[0]), static_cast<QEvent *>(data[1]));
    return false;
}

void begin(Kind kind, QObject *object, int index)
{
    const int level = levelNow();
    beginWrite();
    popEnded(level, false);
    if (Entry *entry = push(kind, level)) {
        entry->code = index;
        entry->meta = object->metaObject();
    }
    endWrite();
}

void end(Kind kind)
{
    beginWrite();
    // The innermost entry of this kind ends, with whatever began inside it.
    while (trace.depth > 0) {
        const int top = --trace.depth;
        if (top >= HandlerTrace::MaxDepth || trace.entries[size_t(top)].kind == kind)
            break; // a level too deep to keep ends as it began, one at a time
    }
    endWrite();
}

void signalBegin(QObject *caller, int signalIndex, void **argv)
{
    if (onTracedThread() && caller)
        begin(Kind::Signal, caller, signalIndex);
    if (trace.previous && trace.previous->signal_begin_callback)
        trace.previous->signal_begin_callback(caller, signalIndex, argv);
}

void signalEnd(QObject *caller, int signalIndex)
{
    if (onTracedThread())
        end(Kind::Signal);
    if (trace.previous && trace.previous->signal_end_callback)
        trace.previous->signal_end_callback(caller, signalIndex);
}

void slotBegin(QObject *receiver, int methodIndex, void **argv)
{
    if (onTracedThread() && receiver)
        begin(Kind::Slot, receiver, methodIndex);
    if (trace.previous && trace.previous->slot_begin_callback)
        trace.previous->slot_begin_callback(receiver, methodIndex, argv);
}

void slotEnd(QObject *receiver, int methodIndex)
{
    if (onTracedThread())
        end(Kind::Slot);
    if (trace.previous && trace.previous->slot_end_callback)
        trace.previous->slot_end_callback(receiver, methodIndex);
}

QString latin1(const char *text)
{
    return QString::fromLatin1(text, qsizetype(qstrnlen(text, HandlerTrace::NameSize)));
}

// The signal index counts the signals of the class and its bases in method order.
QMetaMethod signalAt(const QMetaObject *meta, int signalIndex)
{
    for (int i = 0; i < meta->methodCount(); ++i) {
        const QMetaMethod method = meta->method(i);
        if (method.methodType() != QMetaMethod::Signal)
            continue;
        if (signalIndex-- == 0)
            return method;
    }
    return {};
}

QString describeEntry(const Entry &entry)
{
    const QString className = QString::fromLatin1(entry.meta->className());
    switch (entry.kind) {
    case Kind::Event: {
        QString text = u"%1 on %2"_s.arg(eventTypeName(QEvent::Type(entry.code)), className);
        if (entry.objectName[0])
            text += u" '%1'"_s.arg(latin1(entry.objectName));
        if (entry.text[0])
            text += u" \"%1\""_s.arg(latin1(entry.text).remove(u'&'));
        if (entry.method >= 0 && entry.method < entry.meta->methodCount()) {
            text += u": %1::%2"_s.arg(
                    className,
                    QString::fromLatin1(entry.meta->method(entry.method).methodSignature()));
        }
        return text;
    }
    case Kind::Signal: {
        const QMetaMethod signal = signalAt(entry.meta, entry.code);
        return signal.isValid()
                ? u"%1::%2"_s.arg(className, QString::fromLatin1(signal.methodSignature()))
                : u"%1 signal %2"_s.arg(className).arg(entry.code);
    }
    case Kind::Slot:
        if (entry.code >= 0 && entry.code < entry.meta->methodCount()) {
            return u"%1::%2"_s.arg(
                    className,
                    QString::fromLatin1(entry.meta->method(entry.code).methodSignature()));
        }
        return u"%1 slot %2"_s.arg(className).arg(entry.code);
    }
    return {};
}
} // namespace

bool HandlerTrace::install()
{
    if (trace.installed.load())
        return false;
    trace.thread = pthread_self();
    // The thread object lives in its own thread, so its data is this thread's. Through
    // QObjectPrivate, whose type information Qt exports (QThreadPrivate's it does not).
    trace.threadData = QObjectPrivate::get(QThread::currentThread())->threadData.loadRelaxed();
    trace.depth = 0;
    trace.ours = { signalBegin, slotBegin, signalEnd, slotEnd };
    trace.previous = qt_signal_spy_callback_set.loadAcquire();
    trace.installed.store(true);
    // Registered once and never taken out: Qt's callback list has no lock, and another thread
    // may be walking it. While uninstalled the callback returns at its first test.
    if (!trace.registered) {
        QInternal::registerCallback(QInternal::EventNotifyCallback, onEvent);
        trace.registered = true;
    }
    qt_register_signal_spy_callbacks(&trace.ours);
    return true;
}

void HandlerTrace::uninstall()
{
    if (!trace.installed.load())
        return;
    // Someone who set their callbacks after ours keeps them.
    if (qt_signal_spy_callback_set.loadAcquire() == &trace.ours)
        qt_register_signal_spy_callbacks(trace.previous);
    trace.installed.store(false);
}

bool HandlerTrace::isInstalled()
{
    return trace.installed.load();
}

HandlerTrace::Snapshot HandlerTrace::snapshot()
{
    Snapshot copy;
    if (!trace.installed.load())
        return copy;
    // A frozen thread does not write; a running one may, and then a few tries are enough or the
    // chain is not worth having (it is changing under us).
    for (int attempt = 0; attempt < 4; ++attempt) {
        const unsigned before = trace.sequence.load(std::memory_order_acquire);
        if (before & 1)
            continue;
        const int depth = std::min(trace.depth, MaxDepth);
        std::memcpy(static_cast<void *>(copy.entries.data()), trace.entries.data(),
                    sizeof(Entry) * size_t(std::max(0, depth)));
        std::atomic_thread_fence(std::memory_order_acquire);
        if (trace.sequence.load(std::memory_order_relaxed) != before)
            continue;
        // Events whose delivery has ended without a later one to replace them: deeper than the
        // deliveries still in progress.
        const int level = levelNow();
        copy.count = 0;
        for (int i = 0; i < depth && copy.entries[size_t(i)].level <= level; ++i)
            ++copy.count;
        copy.valid = true;
        return copy;
    }
    return copy;
}

QList<HandlerStep> frozenChain(const QList<HandlerStep> &noted, const QList<HandlerStep> &newer)
{
    const bool unwinding =
            newer.size() < noted.size() && std::equal(newer.cbegin(), newer.cend(), noted.cbegin());
    return unwinding ? noted : newer;
}

QList<HandlerStep> HandlerTrace::describe(const Snapshot &snapshot)
{
    QList<HandlerStep> chain;
    for (int i = 0; i < snapshot.count; ++i) {
        const Entry &entry = snapshot.entries[size_t(i)];
        if (!entry.meta)
            continue;
        HandlerStep::Kind kind = HandlerStep::Kind::Event;
        if (entry.kind == Kind::Signal)
            kind = HandlerStep::Kind::Signal;
        else if (entry.kind == Kind::Slot)
            kind = HandlerStep::Kind::Slot;
        else if (entry.code == QEvent::MetaCall && entry.method < 0)
            kind = HandlerStep::Kind::QueuedFunctor;
        chain.append({ kind, describeEntry(entry) });
    }
    return chain;
}

bool HandlerTrace::sameChain(const Snapshot &a, const Snapshot &b)
{
    return a.valid == b.valid && a.count == b.count
            && std::memcmp(static_cast<const void *>(a.entries.data()), b.entries.data(),
                           sizeof(Entry) * size_t(a.count))
            == 0;
}

void HandlerTrace::benchEvent(void *receiver, void *event)
{
    void *data[] = { receiver, event, nullptr };
    onEvent(data);
}

void HandlerTrace::benchSignal(void *sender, int signalIndex)
{
    signalBegin(static_cast<QObject *>(sender), signalIndex, nullptr);
    signalEnd(static_cast<QObject *>(sender), signalIndex);
}

#pragma once

#include <QObject>
#include <coroutine>

// `co_await SignalOrDestruction(object, &Object::signal)` suspends a coroutine until `object`
// emits `signal` or is destroyed; it returns true for the signal, false for the destruction.
//
// QCoro's qCoro(object, signal) resumes only on the signal, through a queued call. A demo torn
// down mid-run deletes the object it waits on (a fetch job, a timer) before that call arrives, so
// the coroutine would stay suspended for ever and its frame would leak. This awaiter also resumes
// on destroyed(), and resumes directly inside the emission, as a plain connection would run.
template<typename Object, typename Signal>
class SignalOrDestruction
{
public:
    SignalOrDestruction(Object *object, Signal signal) : m_object(object), m_signal(signal) { }

    bool await_ready() const noexcept { return false; }

    void await_suspend(std::coroutine_handle<> coroutine)
    {
        // No context object: both run directly, also while `object` is being destroyed.
        m_emitted = QObject::connect(m_object, m_signal,
                                     [this, coroutine] { resume(coroutine, true); });
        m_destroyed = QObject::connect(m_object, &QObject::destroyed,
                                       [this, coroutine] { resume(coroutine, false); });
    }

    bool await_resume() const noexcept { return m_signalled; }

private:
    // The coroutine may end and free this awaiter inside resume(): nothing touches it after.
    void resume(std::coroutine_handle<> coroutine, bool signalled)
    {
        QObject::disconnect(m_emitted);
        QObject::disconnect(m_destroyed);
        m_signalled = signalled;
        coroutine.resume();
    }

    Object *m_object;
    Signal m_signal;
    QMetaObject::Connection m_emitted;
    QMetaObject::Connection m_destroyed;
    bool m_signalled = false;
};

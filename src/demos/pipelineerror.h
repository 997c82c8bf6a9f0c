#pragma once

#include <QByteArray>
#include <QException>
#include <QString>

// A failed step of the three-styles pipeline, thrown by its futures and coroutine versions. A
// QException subclass, so a QFuture carries it across threads as itself and onFailed() can catch
// it by type.
class PipelineError : public QException
{
public:
    explicit PipelineError(const QString &message)
        : m_message(message), m_what(message.toUtf8()) { }

    QString message() const { return m_message; }
    const char *what() const noexcept override { return m_what.constData(); }
    void raise() const override { throw *this; }
    PipelineError *clone() const override { return new PipelineError(*this); }

private:
    QString m_message;
    QByteArray m_what;
};

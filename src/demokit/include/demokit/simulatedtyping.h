#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

// A person typing into a search box: one letter after another, each after its own pause, on
// the GUI thread's event loop (a precise timer, so the pauses are kept).
class SimulatedTyping : public QObject
{
    Q_OBJECT
public:
    struct Key
    {
        QChar letter;
        int afterMs = 0; // after the key before it (the first: after start())
    };
    // `text` one letter every intervalMs, the first at once.
    static QList<Key> evenly(const QString &text, int intervalMs);

    explicit SimulatedTyping(QObject *parent = nullptr);

    // Starts typing `keys`; a key due at once is typed inside start().
    void start(const QList<Key> &keys);
    void stop();
    bool isTyping() const { return m_typed < m_keys.size() && m_timer.isActive(); }
    bool isDone() const { return m_typed == m_keys.size(); }
    qsizetype typedCount() const { return m_typed; }
    QString text() const { return m_text; } // typed so far

signals:
    // index of the key, and the text with it
    void keyTyped(int index, const QString &text);

private:
    void typeNext();
    void scheduleNext();

    QList<Key> m_keys;
    qsizetype m_typed = 0;
    QString m_text;
    QTimer m_timer;
};

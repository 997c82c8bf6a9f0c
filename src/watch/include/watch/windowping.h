#pragma once

#include <QObject>
#include <QTimer>

class QSocketNotifier;
struct xcb_connection_t;

// Asks a program's X11 window the question window managers ask to declare a window "not
// responding" (the _NET_WM_PING protocol of the EWMH) and times the answer: the program's event
// loop answers it between two events, so the round trip is how long the event loop took to get
// to it. Works for any toolkit that speaks the protocol (Qt 5 and 6, GTK), without anything inside
// the program. One ping is in flight at a time.
class WindowPing : public QObject
{
    Q_OBJECT
public:
    static constexpr int IntervalMs = 100; // a new ping this long after the last answer

    explicit WindowPing(qint64 pid, QObject *parent = nullptr);
    ~WindowPing() override;

    // Connects to the X display and finds a window of the program that answers pings; false with
    // the reason in `why` (no X11 display, no such window).
    bool start(QString *why);
    void stop();
    quint32 window() const { return m_window; }
    // How long the ping in flight has waited for its answer (labNowMs); 0 when none is.
    double pendingMs() const;

signals:
    void answered(double sentMs, double roundTripMs);

private:
    quint32 atom(const char *name) const;
    quint32 findWindow(quint32 parent, int depth) const;
    bool answersPings(quint32 window) const;
    void send();
    void readEvents();

    qint64 m_pid;
    xcb_connection_t *m_connection = nullptr;
    QSocketNotifier *m_notifier = nullptr;
    QTimer m_next;
    quint32 m_root = 0;
    quint32 m_window = 0;
    quint32 m_protocols = 0;
    quint32 m_ping = 0;
    quint32 m_pidAtom = 0;
    quint32 m_serial = 0;
    double m_sentMs = -1; // of the ping in flight
};

#include <watch/windowping.h>
#include <common/labclock.h>

#include <QSocketNotifier>
#include <cstdlib>
#include <cstring>
#include <xcb/xcb.h>

using namespace Qt::StringLiterals;

namespace {
template<typename Reply>
struct Freed
{
    Reply *reply;
    ~Freed() { std::free(reply); }
    Reply *operator->() const { return reply; }
    explicit operator bool() const { return reply != nullptr; }
};
} // namespace

WindowPing::WindowPing(qint64 pid, QObject *parent) : QObject(parent), m_pid(pid)
{
    m_next.setSingleShot(true);
    m_next.setInterval(IntervalMs);
    connect(&m_next, &QTimer::timeout, this, &WindowPing::send);
}

WindowPing::~WindowPing()
{
    stop();
}

quint32 WindowPing::atom(const char *name) const
{
    Freed<xcb_intern_atom_reply_t> reply { xcb_intern_atom_reply(
            m_connection, xcb_intern_atom(m_connection, 0, uint16_t(std::strlen(name)), name),
            nullptr) };
    return reply ? reply->atom : 0;
}

bool WindowPing::answersPings(quint32 window) const
{
    Freed<xcb_get_property_reply_t> pid { xcb_get_property_reply(
            m_connection,
            xcb_get_property(m_connection, 0, window, m_pidAtom, XCB_ATOM_CARDINAL, 0, 1),
            nullptr) };
    if (!pid || xcb_get_property_value_length(pid.reply) != 4
        || *static_cast<const quint32 *>(xcb_get_property_value(pid.reply)) != quint32(m_pid))
        return false;
    Freed<xcb_get_property_reply_t> protocols { xcb_get_property_reply(
            m_connection,
            xcb_get_property(m_connection, 0, window, m_protocols, XCB_ATOM_ATOM, 0, 32),
            nullptr) };
    if (!protocols)
        return false;
    const auto *atoms = static_cast<const quint32 *>(xcb_get_property_value(protocols.reply));
    const int count = xcb_get_property_value_length(protocols.reply) / 4;
    return std::find(atoms, atoms + count, m_ping) != atoms + count;
}

// Top-level windows are children of the root, or grandchildren under a reparenting window manager.
quint32 WindowPing::findWindow(quint32 parent, int depth) const
{
    Freed<xcb_query_tree_reply_t> tree { xcb_query_tree_reply(
            m_connection, xcb_query_tree(m_connection, parent), nullptr) };
    if (!tree)
        return 0;
    const xcb_window_t *children = xcb_query_tree_children(tree.reply);
    const int count = xcb_query_tree_children_length(tree.reply);
    for (int i = 0; i < count; ++i) {
        if (answersPings(children[i]))
            return children[i];
    }
    for (int i = 0; depth > 1 && i < count; ++i) {
        if (const quint32 found = findWindow(children[i], depth - 1))
            return found;
    }
    return 0;
}

bool WindowPing::start(QString *why)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY")) {
        *why = tr("no X11 display (DISPLAY is not set)");
        return false;
    }
    m_connection = xcb_connect(nullptr, nullptr);
    if (xcb_connection_has_error(m_connection)) {
        *why = tr("cannot connect to the X11 display %1").arg(qEnvironmentVariable("DISPLAY"));
        stop();
        return false;
    }
    m_root = xcb_setup_roots_iterator(xcb_get_setup(m_connection)).data->root;
    m_protocols = atom("WM_PROTOCOLS");
    m_ping = atom("_NET_WM_PING");
    m_pidAtom = atom("_NET_WM_PID");
    m_window = findWindow(m_root, 3);
    if (!m_window) {
        *why = tr("no window of pid %1 on the X11 display answers _NET_WM_PING").arg(m_pid);
        stop();
        return false;
    }
    // The answer is sent to the root window for the clients that listen there: Qt's xcb plugin
    // sends it with StructureNotify | SubstructureRedirect (the window manager holds the latter),
    // other toolkits with SubstructureNotify. Both are selected here.
    const quint32 mask = XCB_EVENT_MASK_STRUCTURE_NOTIFY | XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY;
    xcb_change_window_attributes(m_connection, m_root, XCB_CW_EVENT_MASK, &mask);
    m_notifier =
            new QSocketNotifier(xcb_get_file_descriptor(m_connection), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &WindowPing::readEvents);
    send();
    return true;
}

void WindowPing::stop()
{
    m_next.stop();
    delete m_notifier;
    m_notifier = nullptr;
    if (m_connection)
        xcb_disconnect(m_connection);
    m_connection = nullptr;
    m_sentMs = -1;
}

double WindowPing::pendingMs() const
{
    return m_sentMs < 0 ? 0 : labNowMs() - m_sentMs;
}

void WindowPing::send()
{
    xcb_client_message_event_t event {};
    event.response_type = XCB_CLIENT_MESSAGE;
    event.format = 32;
    event.window = m_window;
    event.type = m_protocols;
    event.data.data32[0] = m_ping;
    event.data.data32[1] = ++m_serial; // the "timestamp", echoed back: which ping is answered
    event.data.data32[2] = m_window;
    xcb_send_event(m_connection, 0, m_window, XCB_EVENT_MASK_NO_EVENT,
                   reinterpret_cast<const char *>(&event));
    xcb_flush(m_connection);
    m_sentMs = labNowMs();
}

void WindowPing::readEvents()
{
    while (xcb_generic_event_t *event = xcb_poll_for_event(m_connection)) {
        const auto *message = reinterpret_cast<const xcb_client_message_event_t *>(event);
        const bool answer = (event->response_type & 0x7f) == XCB_CLIENT_MESSAGE
                && message->type == m_protocols && message->data.data32[0] == m_ping
                && message->data.data32[1] == m_serial && m_sentMs >= 0;
        std::free(event);
        if (answer) {
            const double sentMs = m_sentMs;
            m_sentMs = -1;
            emit answered(sentMs, labNowMs() - sentMs);
            m_next.start();
        }
    }
    if (xcb_connection_has_error(m_connection))
        stop();
}

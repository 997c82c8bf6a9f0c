#include <cli/stopsignals.h>

#include <cerrno>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {
constexpr int Signals[] = { SIGINT, SIGTERM, SIGHUP };
int signalSocket[2] = { -1, -1 };

void onStopSignal(int signal)
{
    const int savedErrno = errno;
    const char number = char(signal);
    [[maybe_unused]] const ssize_t written = ::write(signalSocket[1], &number, 1);
    errno = savedErrno;
}
} // namespace

StopSignals::StopSignals(std::function<void(int)> onSignal)
{
    if (signalSocket[0] < 0
        && socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, signalSocket) != 0)
        return;
    struct sigaction action
    {
    };
    action.sa_handler = onStopSignal;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    for (int signal : Signals)
        sigaction(signal, &action, nullptr);
    m_notifier = std::make_unique<QSocketNotifier>(signalSocket[0], QSocketNotifier::Read);
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(),
                     [onSignal = std::move(onSignal)] {
                         char number = 0;
                         while (read(signalSocket[0], &number, 1) == 1)
                             onSignal(number);
                     });
}

StopSignals::~StopSignals()
{
    for (int signal : Signals)
        std::signal(signal, SIG_DFL);
}

// A Qt Widgets program for tst_watch, built like any program AsyncLab knows nothing about: two
// buttons whose handlers freeze the window, one computing and one waiting, clicked by a timer.
// Arguments: COMPUTE_MS WAIT_MS [START_MS]; "shown" on stdout once the window is shown.
#include <QApplication>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <chrono>
#include <cstdio>
#include <thread>

using namespace Qt::StringLiterals;

namespace {
int computeMs = 400;
int waitMs = 400;
int startMs = 300;
volatile unsigned long long sink = 0;

__attribute__((noinline)) void computeChecksum()
{
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(computeMs);
    unsigned long long sum = 0;
    while (std::chrono::steady_clock::now() < end) {
        for (int i = 0; i < 1000; ++i)
            sum = sum * 31 + unsigned(i);
    }
    sink = sum;
}

__attribute__((noinline)) void waitForReply()
{
    std::this_thread::sleep_for(std::chrono::milliseconds(waitMs));
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() > 2) {
        computeMs = args.at(1).toInt();
        waitMs = args.at(2).toInt();
    }
    if (args.size() > 3)
        startMs = args.at(3).toInt();
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *compute = new QPushButton(u"Compute"_s, &window);
    auto *wait = new QPushButton(u"Wait"_s, &window);
    compute->setObjectName(u"compute"_s);
    wait->setObjectName(u"wait"_s);
    layout->addWidget(compute);
    layout->addWidget(wait);
    QObject::connect(compute, &QPushButton::clicked, &window, [] { computeChecksum(); });
    QObject::connect(wait, &QPushButton::clicked, &window, [] { waitForReply(); });
    window.show();
    std::puts("shown");
    std::fflush(stdout);
    QTimer::singleShot(startMs, compute, &QPushButton::click);
    QTimer::singleShot(startMs + computeMs + 300, wait, &QPushButton::click);
    QTimer::singleShot(startMs + computeMs + 300 + waitMs + 300, &app, &QCoreApplication::quit);
    return app.exec();
}

#include "freezelib.h"

#include <QThread>
#include <chrono>

namespace FreezeLib {
namespace {
volatile unsigned long long sink = 0;
}

void crunch(int ms)
{
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    unsigned long long sum = 0;
    while (std::chrono::steady_clock::now() < end) {
        for (int i = 0; i < 1000; ++i)
            sum = sum * 31 + unsigned(i);
    }
    sink = sum;
}

void waitForWorker(int ms)
{
    QThread *worker = QThread::create([ms] { QThread::msleep(ulong(ms)); });
    worker->start();
    worker->wait();
    delete worker;
}
} // namespace FreezeLib

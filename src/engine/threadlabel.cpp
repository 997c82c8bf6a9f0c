#include <engine/threadlabel.h>

#include <QCoreApplication>
#include <QThread>
#include <atomic>

using namespace Qt::StringLiterals;

namespace {
bool isMainThread()
{
    return QCoreApplication::instance()
            && QThread::currentThread() == QCoreApplication::instance()->thread();
}

int workerNumber()
{
    static std::atomic<int> counter = 0;
    thread_local const int number = ++counter;
    return number;
}
} // namespace

QString currentThreadLabel()
{
    if (isMainThread())
        return threadLaneName(ThreadLane::Gui);
    const QString name = QThread::currentThread()->objectName();
    if (!name.isEmpty() && name != "Thread (pooled)"_L1)
        return name;
    return threadLaneName(ThreadLane::Worker, workerNumber());
}

LaneId currentThreadLane()
{
    if (isMainThread())
        return { ThreadLane::Gui, 0 };
    return { ThreadLane::Worker, workerNumber() };
}

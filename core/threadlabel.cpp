#include "threadlabel.h"

#include <QCoreApplication>
#include <QThread>
#include <atomic>

using namespace Qt::StringLiterals;

QString currentThreadLabel()
{
    QThread *thread = QThread::currentThread();
    if (QCoreApplication::instance() && thread == QCoreApplication::instance()->thread())
        return u"GUI thread"_s;
    if (!thread->objectName().isEmpty() && thread->objectName() != "Thread (pooled)"_L1)
        return thread->objectName();
    static std::atomic<int> counter = 0;
    thread_local const int number = ++counter;
    return u"worker %1"_s.arg(number);
}

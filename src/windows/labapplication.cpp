#include <windows/labapplication.h>

bool LabApplication::notify(QObject *receiver, QEvent *event)
{
    return m_timing.dispatch(receiver, event,
                             [&] { return QApplication::notify(receiver, event); });
}

bool LabCoreApplication::notify(QObject *receiver, QEvent *event)
{
    return m_timing.dispatch(receiver, event,
                             [&] { return QCoreApplication::notify(receiver, event); });
}

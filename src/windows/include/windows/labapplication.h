#pragma once

#include <stalls/eventtiming.h>
#include <stalls/handlertrace.h>

#include <QApplication>
#include <QCoreApplication>

// The application objects of AsyncLab: Qt's, plus a timer around every event they dispatch on
// the GUI thread, so that a stall record can name the event whose handler froze the window.
class LabApplication : public QApplication
{
    Q_OBJECT
public:
    // The handler trace names the events, signals and slots a stall froze in.
    LabApplication(int &argc, char **argv) : QApplication(argc, argv) { HandlerTrace::install(); }
    ~LabApplication() override { HandlerTrace::uninstall(); }
    bool notify(QObject *receiver, QEvent *event) override;
    const EventTiming &eventTiming() const { return m_timing; }

private:
    EventTiming m_timing;
};

// The same without widgets, for the command line without a window.
class LabCoreApplication : public QCoreApplication
{
    Q_OBJECT
public:
    LabCoreApplication(int &argc, char **argv) : QCoreApplication(argc, argv)
    {
        HandlerTrace::install();
    }
    ~LabCoreApplication() override { HandlerTrace::uninstall(); }
    bool notify(QObject *receiver, QEvent *event) override;
    const EventTiming &eventTiming() const { return m_timing; }

private:
    EventTiming m_timing;
};

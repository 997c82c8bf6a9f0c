#pragma once

#include "commandline.h"

#include <QObject>
#include <QPointer>

class Lab;
class QWidget;

// Carries out a command-line action (--fetch, --load, --compare, --serve, --screenshot), prints
// its result and ends the event loop with the exit code. With a window, the window shows the run
// live and is grabbed into the screenshot file at the end.
class CommandRunner : public QObject
{
    Q_OBJECT
public:
    CommandRunner(Lab *lab, const CommandLine &options, QWidget *window = nullptr,
                  QObject *parent = nullptr);
    void start();

private:
    void serve();
    void runJob();
    void runComparison();
    void finish(int exitCode);

    Lab *m_lab;
    CommandLine m_options;
    QPointer<QWidget> m_window;
};

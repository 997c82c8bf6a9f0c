#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// What a finished child process left behind.
struct ProcessOutcome
{
    int exitCode = -1; // -1: timed out (and killed), -2: crashed
    QByteArray out;
    QByteArray err;
};

// Runs a program to its end the way a person would from a terminal, with the test's environment
// unless one is given. A test's own thread may wait here: nothing else runs in it meanwhile.
ProcessOutcome
runProcess(const QString &program, const QStringList &arguments, int timeoutMs = 30000,
           const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

#pragma once

#include <demos/serversdemo.h>

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// What the servers demo measured, for people and for the charts: the plots (one line per
// server against C), the figures (one row per server and C) and a summary true to them.
class ServersOutcomeBuilder
{
    Q_DECLARE_TR_FUNCTIONS(ServersOutcomeBuilder)
public:
    struct Run
    {
        ServersDemo::Options options;
        QList<ServersDemo::Step> steps;
        quint64 fileLimitBefore = 0;
        quint64 fileLimitDuring = 0;
        double loadAverage = -1;
    };
    explicit ServersOutcomeBuilder(Run run);

    DemoOutcome build() const;

private:
    QList<DemoPlot> plots() const;
    void addFigures(DemoOutcome *outcome) const;
    QStringList sentences() const;
    QString eventLoopSentence() const;
    QString perConnectionSentence() const;
    QStringList blockingSentences() const; // one thread and the pool
    QString failuresSentence() const;
    QList<ServersDemo::Step> stepsOf(ServersDemo::Server server) const; // those that ran

    Run m_run;
};

#pragma once

#include <stalls/eventtiming.h>
#include <engine/operationrecord.h>
#include <stalls/responsivenessmonitor.h>
#include <stalls/stallrecord.h>

#include <QList>
#include <QString>

class ChromeTrace;
class SpeedscopeProfile;

// What one run measured, whoever measured it (AsyncLab itself, or the probe inside a watched
// program): the input of every export. Times are labNowMs(); the exports count from originMs.
struct Recording
{
    qint64 pid = 0;
    QString processName;
    qint64 mainTid = 0; // the thread the stalls and the lag are about
    QString mainThreadName;
    double originMs = 0;
    double endMs = 0;
    QList<StallRecord> stalls;
    QList<LagSample> lag;
    QString lagName = QStringLiteral("event-loop lag (ms)"); // the counter track's name
    QList<TimedEvent> longEvents; // events and slots that ran long, where they were timed
    QList<OperationRecord> operations;

    // The samples of `monitor` between originMs and endMs.
    void takeLag(const ResponsivenessMonitor &monitor);

    // The Chrome Trace Event Format: one track per thread, stalls with their culprit and handler,
    // long events, the lag as a counter, operations and what each thread did for them as spans.
    ChromeTrace trace() const;
    // speedscope's format: one profile per stall, its stacks weighted in milliseconds.
    SpeedscopeProfile profile() const;
    // Writes whichever of the two is given a path; false with the first error.
    bool save(const QString &tracePath, const QString &profilePath, QString *error) const;
};

// The words a stall's trace event and profile are named with: "stall 2.01 s in
// BlockingFetcher::fetch".
QString stallTitle(const StallRecord &record);

#pragma once

#include <stalls/stallrecord.h>

#include <QList>
#include <QString>
#include <QStringList>

class QtTestFunctions;

// A responsiveness check for continuous integration (`asynclab watch --fail-over MS`): a stall
// fails it when it lasted longer than the wall-time limit, or when the GUI thread itself was
// busy longer than the busy limit during it (CPU time the kernel counted, so a machine crowded
// with other jobs does not fail it).
class ResponsivenessGate
{
public:
    // AsyncLab's exit status when the program succeeded but a stall failed the gate; not one
    // that timeout(1) (124, 125) or a shell (126, 127, 128 + N) gives a program's end.
    static constexpr int FailedStatus = 123;

    void setWallLimitMs(double ms) { m_wallLimitMs = ms; }
    void setBusyLimitMs(double ms) { m_busyLimitMs = ms; }
    bool isActive() const { return m_wallLimitMs > 0 || m_busyLimitMs > 0; }

    struct Verdict
    {
        StallRecord record;
        bool failed = false;
        QString reason; // "300 ms over the 100 ms limit", "190 ms busy over the 150 ms limit"
        QString testFunction; // the Qt Test function that was running, when known
    };
    // Judges every stall; `functions` may be null (not a Qt Test program).
    void judge(const QList<StallRecord> &stalls, const QtTestFunctions *functions, double originMs);
    const QList<Verdict> &verdicts() const { return m_verdicts; }
    bool failed() const;
    // The program's own failure stays its status; otherwise FailedStatus when a stall failed.
    int exitStatus(int programStatus) const;

    // One line per stall, for standard error.
    QStringList lines() const;
    // The JUnit XML report: one test case per stall, a passing one when there is none.
    QString junitXml(const QString &program, double watchedMs) const;
    bool saveJunit(const QString &path, const QString &program, double watchedMs,
                   QString *error) const;

    // The GUI thread's own CPU time during the stall when the kernel counted it, else the busy
    // share of its samples.
    static double busyMs(const StallRecord &record);

private:
    QString describe(const Verdict &verdict) const;

    double m_wallLimitMs = 0;
    double m_busyLimitMs = 0;
    double m_originMs = 0;
    QList<Verdict> m_verdicts;
};

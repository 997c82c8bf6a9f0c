#pragma once

#include <QCoreApplication>
#include <QCommandLineOption>
#include <QList>
#include <QString>

class QCommandLineParser;
class QtTestFunctions;
struct Recording;

// The options of `asynclab watch` that take what it found elsewhere (--trace, --profile) or turn
// it into a verdict for continuous integration (--fail-over, --fail-over-busy, --junit), and
// what they do once the watch has ended.
class WatchOutputs
{
    Q_DECLARE_TR_FUNCTIONS(WatchOutputs)

public:
    WatchOutputs();
    QList<QCommandLineOption> options() const;
    // Takes the values from a parser that had options(); false with a usage message.
    bool read(const QCommandLineParser &parser, QString *error);
    // Why a file cannot be written at `path` (no such folder, a folder, no permission), or empty.
    static QString cannotWrite(const QString &path);
    // The report to standard output, or whole to `path` (never half-written); false, with one
    // line on standard error, when it cannot be written.
    static bool writeReport(const QByteArray &report, const QString &path);

    // Writes the files and judges the stalls: one line per stall on standard error when gating.
    // Returns the exit status: the program's when it failed, else ResponsivenessGate's when a
    // stall failed the gate, else 1 when a file could not be written.
    int conclude(const Recording &recording, int programStatus,
                 const QtTestFunctions *functions) const;

private:
    QCommandLineOption m_trace;
    QCommandLineOption m_profile;
    QCommandLineOption m_failOver;
    QCommandLineOption m_failOverBusy;
    QCommandLineOption m_junit;
    QString m_tracePath;
    QString m_profilePath;
    QString m_junitPath;
    double m_failOverMs = 0;
    double m_failOverBusyMs = 0;
};

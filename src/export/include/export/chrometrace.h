#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <utility>

// A trace in the Chrome Trace Event Format (JSON), as Perfetto, chrome://tracing and Qt Creator's
// Chrome Trace Format visualizer read it: named threads, complete events ("X") with arguments,
// and counters ("C"). Times are given in milliseconds from any origin and written in
// microseconds from the origin set here.
//
// Perfetto wants the complete events of one thread to nest; events of one thread that overlap
// without nesting are moved to a companion track ("GUI thread (overlapping)"), so every event
// keeps its true start and duration.
class ChromeTrace
{
public:
    explicit ChromeTrace(double originMs = 0) : m_originMs(originMs) { }

    void setProcess(qint64 pid, const QString &name);
    // A track: a real thread's id, or any unused number for a synthetic one.
    void addThread(qint64 tid, const QString &name);
    void addComplete(qint64 tid, const QString &name, const QString &category, double startMs,
                     double durationMs, const QJsonObject &args = {});
    void addCounter(qint64 tid, const QString &name, double atMs, const QJsonObject &values);
    // A number for a synthetic track, unused by any thread added so far.
    qint64 freeTid() const;

    QJsonObject toJson() const;
    bool save(const QString &path, QString *error) const;

private:
    struct Complete
    {
        qint64 tid;
        QString name;
        QString category;
        qint64 startNs; // whole nanoseconds, so that nesting is decided exactly
        qint64 durationNs;
        QJsonObject args;
    };
    qint64 toNs(double ms) const;
    // The events in time order, outer ones first, each with its track, so that the events of
    // every track nest; names the companion tracks it adds.
    QList<std::pair<qsizetype, qint64>> nestedTracks(QMap<qint64, QString> &names) const;

    double m_originMs;
    qint64 m_pid = 0;
    QString m_processName;
    QMap<qint64, QString> m_threads;
    QList<Complete> m_complete;
    QList<QJsonObject> m_counters;
};

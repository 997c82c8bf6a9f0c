#include <export/chrometrace.h>
#include <export/savefile.h>

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {
double microseconds(qint64 ns)
{
    return double(ns) / 1000.0;
}

// Qt Creator 9 skips events without a time, metadata included, and makes a track of every
// thread id it sees: metadata has a time, and the process's name goes on its main thread.
QJsonObject metadata(const QString &what, qint64 pid, qint64 tid, const QJsonObject &args)
{
    return { { u"ph"_s, u"M"_s }, { u"name"_s, what }, { u"pid"_s, pid },
             { u"tid"_s, tid },   { u"ts"_s, 0 },      { u"args"_s, args } };
}
} // namespace

void ChromeTrace::setProcess(qint64 pid, const QString &name)
{
    m_pid = pid;
    m_processName = name;
}

void ChromeTrace::addThread(qint64 tid, const QString &name)
{
    m_threads.insert(tid, name);
}

qint64 ChromeTrace::toNs(double ms) const
{
    return std::llround((ms - m_originMs) * 1e6);
}

void ChromeTrace::addComplete(qint64 tid, const QString &name, const QString &category,
                              double startMs, double durationMs, const QJsonObject &args)
{
    m_complete.append({ tid, name, category, toNs(startMs),
                        std::max<qint64>(0, std::llround(durationMs * 1e6)), args });
}

void ChromeTrace::addCounter(qint64 tid, const QString &name, double atMs,
                             const QJsonObject &values)
{
    m_counters.append({ { u"ph"_s, u"C"_s },
                        { u"name"_s, name },
                        { u"pid"_s, m_pid },
                        { u"tid"_s, tid },
                        { u"ts"_s, microseconds(toNs(atMs)) },
                        { u"args"_s, values } });
}

qint64 ChromeTrace::freeTid() const
{
    qint64 tid = m_threads.isEmpty() ? 1 : m_threads.lastKey() + 1;
    return std::max(tid, m_pid + 1);
}

QList<std::pair<qsizetype, qint64>> ChromeTrace::nestedTracks(QMap<qint64, QString> &names) const
{
    QList<qsizetype> order(m_complete.size());
    std::iota(order.begin(), order.end(), 0);
    // Outer events first: by start, the longer of two that start together first.
    std::stable_sort(order.begin(), order.end(), [this](qsizetype a, qsizetype b) {
        const Complete &x = m_complete.at(a);
        const Complete &y = m_complete.at(b);
        return x.startNs != y.startNs ? x.startNs < y.startNs : x.durationNs > y.durationNs;
    });
    struct Track
    {
        qint64 tid;
        QList<qint64> openEnds; // the ends of the events this one may still nest in
    };
    QMap<qint64, QList<Track>> tracks; // per thread: its own track, then its companions
    qint64 next = freeTid();
    QList<std::pair<qsizetype, qint64>> result;
    for (qsizetype index : order) {
        const Complete &event = m_complete.at(index);
        const qint64 endNs = event.startNs + event.durationNs;
        QList<Track> &own = tracks[event.tid];
        if (own.isEmpty())
            own.append(Track { event.tid, {} });
        Track *chosen = nullptr;
        for (Track &track : own) {
            while (!track.openEnds.isEmpty() && track.openEnds.last() <= event.startNs)
                track.openEnds.removeLast();
            if (track.openEnds.isEmpty() || endNs <= track.openEnds.last()) {
                chosen = &track;
                break;
            }
        }
        if (!chosen) {
            const QString name = names.value(event.tid, QString::number(event.tid));
            names.insert(next,
                         own.size() == 1 ? u"%1 (overlapping)"_s.arg(name)
                                         : u"%1 (overlapping %2)"_s.arg(name).arg(own.size()));
            own.append(Track { next++, {} });
            chosen = &own.last();
        }
        chosen->openEnds.append(endNs);
        result.append({ index, chosen->tid });
    }
    return result;
}

QJsonObject ChromeTrace::toJson() const
{
    QMap<qint64, QString> names = m_threads;
    const QList<std::pair<qsizetype, qint64>> placed = nestedTracks(names);
    QJsonArray events;
    events.append(metadata(u"process_name"_s, m_pid, names.isEmpty() ? m_pid : names.firstKey(),
                           { { u"name"_s, m_processName } }));
    int sortIndex = 0;
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        events.append(metadata(u"thread_name"_s, m_pid, it.key(), { { u"name"_s, it.value() } }));
        events.append(metadata(u"thread_sort_index"_s, m_pid, it.key(),
                               { { u"sort_index"_s, sortIndex++ } }));
    }
    // In time order: Qt Creator builds each track's stack of events as it reads them.
    for (const auto &[index, tid] : placed) {
        const Complete &event = m_complete.at(index);
        QJsonObject json { { u"ph"_s, u"X"_s },
                           { u"name"_s, event.name },
                           { u"cat"_s, event.category },
                           { u"pid"_s, m_pid },
                           { u"tid"_s, tid },
                           { u"ts"_s, microseconds(event.startNs) },
                           { u"dur"_s, microseconds(event.durationNs) } };
        if (!event.args.isEmpty())
            json.insert(u"args"_s, event.args);
        events.append(json);
    }
    for (const QJsonObject &counter : m_counters)
        events.append(counter);
    return { { u"traceEvents"_s, events }, { u"displayTimeUnit"_s, u"ms"_s } };
}

bool ChromeTrace::save(const QString &path, QString *error) const
{
    return saveJsonFile(path, toJson(), error);
}

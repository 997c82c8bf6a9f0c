#pragma once

#include <engine/operationlog.h>

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

// What one thread did for one operation, placed on a lane of the timeline.
struct TimelineBar
{
    int operationId = 0;
    int lane = 0; // index into TimelineModel::lanes()
    SpanKind kind = SpanKind::Work;
    RunMode mode = RunMode::Async;
    double startMs = 0;
    double endMs = 0;
    bool blocksGui = false; // on the GUI thread: nothing else (painting, input, timers) ran there
    bool running = false; // the operation is not over; the bar ends at the window's end

    double durationMs() const { return endMs - startMs; }
};

// Overlapping or touching spans joined into one: {(0, 2), (5, 6), (1, 3)} -> {(0, 3), (5, 6)}.
QList<std::pair<double, double>> mergeSpans(QList<std::pair<double, double>> spans);

// Bars of one kind that overlap on the same lane in the same mode, drawn as one: forty requests
// pending at once read as one hollow bar that says "40 requests", not as a solid block.
struct BarGroup
{
    TimelineBar bar; // the first bar, stretched to the group's end
    int count = 0;
};
QList<BarGroup> groupOverlappingBars(const QList<TimelineBar> &bars, SpanKind kind);

// Turns an OperationLog into one lane per thread and one bar per recorded ThreadSpan, over a time
// window that either follows the clock (the last N seconds) or is fixed (one finished run). The
// GUI thread's lane always comes first, even when empty: an empty lane is the point of async code.
class TimelineModel : public QObject
{
    Q_OBJECT
public:
    static constexpr double DefaultWindowMs = 30000;

    explicit TimelineModel(QObject *parent = nullptr);

    static QString guiLane(); // the GUI thread's lane name

    void setLog(OperationLog *log);
    OperationLog *log() const { return m_log; }
    void setFollowing(double windowMs = DefaultWindowMs); // the window ends now, at each refresh
    void setTimeRange(double fromMs, double toMs); // a fixed window
    // Shows only these operations (an empty list shows all).
    void setOperations(const QList<int> &ids);
    // Shows no operation at all, and no lane but the GUI thread's, until setOperations().
    void clear();
    // Lanes shown even when no bar is on them, so two timelines side by side line up.
    void setExtraLanes(const QList<LaneId> &lanes);

    void refresh(); // recomputes lanes and bars; emits changed()

    bool isFollowing() const { return m_following; }
    double fromMs() const { return m_fromMs; }
    double toMs() const { return m_toMs; }
    double windowMs() const { return m_toMs - m_fromMs; }
    const QStringList &lanes() const { return m_lanes; } // names, in laneIds() order
    // GUI thread, then pool workers by number, then the network lanes.
    const QList<LaneId> &laneIds() const { return m_laneIds; }
    const QList<TimelineBar> &bars() const { return m_bars; }
    QList<TimelineBar> barsOf(int operationId) const;
    // How long the GUI thread could not run its event loop, within the window.
    double guiBlockedMs() const;
    // The separate times it could not, each one freeze of the window, in order.
    QList<std::pair<double, double>> guiBlockedSpans() const;
    const OperationRecord *record(int operationId) const;
    // A few plain sentences about a bar, for a tooltip (rich text).
    QString describe(const TimelineBar &bar) const;

signals:
    void changed();

private:
    void addBar(const OperationRecord &record, const ThreadSpan &span, bool running);

    QPointer<OperationLog> m_log;
    bool m_following = true;
    double m_windowMs = DefaultWindowMs;
    double m_fromMs = 0;
    double m_toMs = 0;
    QList<int> m_operations;
    bool m_showNone = false;
    QList<LaneId> m_extraLanes;
    QList<LaneId> m_laneIds;
    QStringList m_lanes;
    QList<TimelineBar> m_bars;
};

#include <models/timelinemodel.h>
#include <common/labclock.h>
#include <common/units.h>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace {
// Where a running operation is, before its spans are recorded at its end.
ThreadSpan provisionalSpan(const OperationRecord &record, double nowMs)
{
    if (record.mode == RunMode::Blocking) {
        const SpanKind kind =
                record.kind == OperationKind::Fetch ? SpanKind::BlockedWaiting : SpanKind::Work;
        return { { ThreadLane::Gui, 0 }, kind, record.startMs, nowMs };
    }
    if (record.kind == OperationKind::Fetch)
        return { { ThreadLane::EventLoop, 0 }, SpanKind::EventLoopWait, record.startMs, nowMs };
    return { { ThreadLane::ThreadPool, 0 }, SpanKind::Work, record.startMs, nowMs };
}
} // namespace

QList<std::pair<double, double>> mergeSpans(QList<std::pair<double, double>> spans)
{
    std::sort(spans.begin(), spans.end());
    QList<std::pair<double, double>> merged;
    for (const auto &span : std::as_const(spans)) {
        if (!merged.isEmpty() && span.first <= merged.last().second)
            merged.last().second = std::max(merged.last().second, span.second);
        else
            merged.append(span);
    }
    return merged;
}

QList<BarGroup> groupOverlappingBars(const QList<TimelineBar> &bars, SpanKind kind)
{
    QList<TimelineBar> ofKind;
    for (const TimelineBar &bar : bars) {
        if (bar.kind == kind)
            ofKind.append(bar);
    }
    std::stable_sort(ofKind.begin(), ofKind.end(), [](const TimelineBar &a, const TimelineBar &b) {
        return std::tie(a.lane, a.mode, a.startMs) < std::tie(b.lane, b.mode, b.startMs);
    });
    QList<BarGroup> groups;
    for (const TimelineBar &bar : std::as_const(ofKind)) {
        BarGroup *last = groups.isEmpty() ? nullptr : &groups.last();
        if (last && last->bar.lane == bar.lane && last->bar.mode == bar.mode
            && bar.startMs <= last->bar.endMs) {
            last->bar.endMs = std::max(last->bar.endMs, bar.endMs);
            last->bar.running = last->bar.running || bar.running;
            ++last->count;
        } else {
            groups.append({ bar, 1 });
        }
    }
    return groups;
}

TimelineModel::TimelineModel(QObject *parent) : QObject(parent)
{
    m_toMs = labNowMs();
    m_fromMs = m_toMs - m_windowMs;
}

QString TimelineModel::guiLane()
{
    return threadLaneName(ThreadLane::Gui);
}

void TimelineModel::setLog(OperationLog *log)
{
    if (m_log)
        disconnect(m_log, nullptr, this, nullptr);
    m_log = log;
    if (log) {
        connect(log, &OperationLog::recordAdded, this, &TimelineModel::refresh);
        connect(log, &OperationLog::recordChanged, this, &TimelineModel::refresh);
        connect(log, &OperationLog::cleared, this, &TimelineModel::refresh);
    }
    refresh();
}

void TimelineModel::setFollowing(double windowMs)
{
    m_following = true;
    m_windowMs = windowMs;
    refresh();
}

void TimelineModel::setTimeRange(double fromMs, double toMs)
{
    m_following = false;
    m_fromMs = fromMs;
    m_toMs = std::max(toMs, fromMs + 1);
    refresh();
}

void TimelineModel::setOperations(const QList<int> &ids)
{
    m_operations = ids;
    m_showNone = false;
    refresh();
}

void TimelineModel::clear()
{
    m_showNone = true;
    m_extraLanes.clear();
    refresh();
}

void TimelineModel::setExtraLanes(const QList<LaneId> &lanes)
{
    m_extraLanes = lanes;
    refresh();
}

void TimelineModel::refresh()
{
    if (m_following) {
        m_toMs = labNowMs();
        m_fromMs = m_toMs - m_windowMs;
    }
    m_laneIds = QList<LaneId> { LaneId {} } + m_extraLanes;
    m_bars.clear();
    if (m_log && !m_showNone) {
        for (const OperationRecord &record : m_log->records()) {
            if (!m_operations.isEmpty() && !m_operations.contains(record.id))
                continue;
            const bool running = !record.isFinished();
            const double end = running ? m_toMs : record.endMs;
            if (end < m_fromMs || record.startMs > m_toMs)
                continue;
            if (running) {
                addBar(record, provisionalSpan(record, m_toMs), true);
                continue;
            }
            for (const ThreadSpan &span : record.spans)
                addBar(record, span, false);
        }
    }
    // Lanes were collected in order of appearance; sort them and renumber the bars.
    const QList<LaneId> unsorted = m_laneIds;
    std::sort(m_laneIds.begin(), m_laneIds.end());
    m_laneIds.erase(std::unique(m_laneIds.begin(), m_laneIds.end()), m_laneIds.end());
    for (TimelineBar &bar : m_bars)
        bar.lane = int(m_laneIds.indexOf(unsorted.at(bar.lane)));
    m_lanes.clear();
    for (const LaneId &lane : std::as_const(m_laneIds))
        m_lanes.append(lane.name());
    emit changed();
}

void TimelineModel::addBar(const OperationRecord &record, const ThreadSpan &span, bool running)
{
    if (span.endMs < m_fromMs || span.startMs > m_toMs)
        return;
    TimelineBar bar;
    bar.operationId = record.id;
    bar.lane = int(m_laneIds.size());
    m_laneIds.append(span.lane);
    bar.kind = span.kind;
    bar.mode = record.mode;
    bar.startMs = span.startMs;
    bar.endMs = std::max(span.endMs, span.startMs);
    bar.blocksGui = span.lane.lane == ThreadLane::Gui && span.kind != SpanKind::EventLoopWait;
    bar.running = running;
    m_bars.append(bar);
}

QList<TimelineBar> TimelineModel::barsOf(int operationId) const
{
    QList<TimelineBar> result;
    for (const TimelineBar &bar : m_bars) {
        if (bar.operationId == operationId)
            result.append(bar);
    }
    return result;
}

QList<std::pair<double, double>> TimelineModel::guiBlockedSpans() const
{
    QList<std::pair<double, double>> spans;
    for (const TimelineBar &bar : m_bars) {
        const double start = std::max(bar.startMs, m_fromMs);
        const double end = std::min(bar.endMs, m_toMs);
        if (bar.blocksGui && end > start)
            spans.append({ start, end });
    }
    return mergeSpans(spans);
}

double TimelineModel::guiBlockedMs() const
{
    double total = 0;
    for (const auto &[start, end] : guiBlockedSpans())
        total += end - start;
    return total;
}

const OperationRecord *TimelineModel::record(int operationId) const
{
    return m_log ? m_log->find(operationId) : nullptr;
}

QString TimelineModel::describe(const TimelineBar &bar) const
{
    const OperationRecord *r = record(bar.operationId);
    if (!r)
        return {};
    const QString lane = m_lanes.value(bar.lane);
    QString text = tr("<b>#%1 %2</b> — %3 mode, %4")
                           .arg(r->id)
                           .arg(operationKindText(r->kind), runModeText(r->mode),
                                bar.running ? operationStatusText(OperationStatus::Running)
                                            : operationStatusText(r->status));
    if (r->isFinished())
        text += tr(", %1").arg(formatDuration(r->durationMs()));
    text += u"<br>%1<br>"_s.arg(r->target.toHtmlEscaped());
    const bool onGui = m_laneIds.value(bar.lane).lane == ThreadLane::Gui;
    const QString what = bar.running && bar.kind == SpanKind::Work && !onGui
            ? tr("working on a pool thread")
            : spanKindName(bar.kind);
    text += tr("<b>%1: %2 for %3.</b> ").arg(lane, what, formatDuration(bar.durationMs()));
    if (bar.blocksGui)
        text += tr("Nothing else ran on the GUI thread meanwhile: no painting, no typing, no "
                   "timers. The window was frozen.");
    else if (bar.kind == SpanKind::EventLoopWait)
        text += tr("No thread waited: the request was pending while the GUI thread's event loop "
                   "ran on and kept the window responsive.");
    else if (r->mode == RunMode::Blocking)
        text += tr("Meanwhile the GUI thread waited for it and could do nothing else.");
    else
        text += tr("The GUI thread stayed free meanwhile.");
    return text;
}

#include <stalls/stallrecord.h>
#include <stalls/eventtiming.h>
#include <common/units.h>

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QStringList>
#include <functional>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

QString StallCulprit::location() const
{
    if (file.isEmpty())
        return function;
    return u"%1 (%2:%3)"_s.arg(function, file).arg(line);
}

namespace {
QString percent(double share)
{
    return numberLocale().toString(std::lround(share * 100));
}
} // namespace

bool StallRecord::duringPainting() const
{
    return event.startsWith(eventTypeName(QEvent::UpdateRequest) + u' ')
            || event.startsWith(eventTypeName(QEvent::Paint) + u' ');
}

bool StallRecord::isCpuStarved() const
{
    // The kernel counts a wait only once the thread gets a CPU again, and the sampler's signal
    // makes a sleeping thread runnable: either measure may fall short of the other.
    // Own code on the stack froze the window however slowly the machine ran it: the machine is
    // the cause only when the thread was in the event loop, wanting a CPU to go on.
    return std::max(cpuWaitShare, cpuWaitSampleShare) >= 0.5 && !culprit.isKnown();
}

QString StallRecord::cpuCauseText() const
{
    QString text = tr("the machine had no CPU to give");
    // Said by the measure that decided it, so the card never says both "waiting for a CPU 100%"
    // and "0% of it on a run queue".
    if (cpuWaitShare >= 0.5)
        text = tr("%1: %2% of it on a run queue").arg(text, percent(cpuWaitShare));
    else
        text = tr("%1: %2% of the samples found it ready to run but not running")
                       .arg(text, percent(cpuWaitSampleShare));
    if (cpuRunMs >= 0)
        text = tr("%1, %2 ms of CPU time").arg(text, numberLocale().toString(cpuRunMs, 'f', 1));
    return text;
}

QString StallPath::activityText() const
{
    if (activity == ThreadActivity::Waiting)
        return u"waiting on %1"_s.arg(waitReasonName(reason));
    return threadActivityName(activity);
}

QString StallRecord::activityText() const
{
    if (isCpuStarved()) {
        return tr("waiting for a CPU %1% (other programs were running)")
                .arg(percent(std::max(cpuWaitShare, cpuWaitSampleShare)));
    }
    if (sampleCount == 0 || unansweredCount == sampleCount)
        return tr("no sample");
    if (busyShare >= waitingShare)
        return tr("busy %1%").arg(percent(busyShare));
    return tr("waiting %1% on %2").arg(percent(waitingShare), waitReasonName(mainWait));
}

namespace {
// A frame of Qt's event loop or its delivery of an event: own frames outside it only started the
// loop (main() calling exec(), a dialog's exec()) or time every event (an application's notify());
// what froze the window is inside it.
bool runsEventLoop(const StackFrame &frame)
{
    return frame.function.contains(u"::notify"_s) || frame.function.contains(u"QEventLoop::exec"_s)
            || frame.function.contains(u"QEventLoop::processEvents"_s)
            || frame.function.contains(u"QCoreApplication::processEvents"_s);
}

// The innermost frame in own code inside the event loop. A small helper from one of our headers
// inlined into the loop that calls it (labNowMs() in a busy-wait) is context: the loop is the
// culprit.
const StackFrame *innermostOwn(const Stack &stack)
{
    const StackFrame *first = nullptr;
    for (qsizetype i = 0; i < stack.size(); ++i) {
        const StackFrame &frame = stack.at(i);
        if (runsEventLoop(frame))
            break;
        // A lambda a delivery frame calls (notify() wrapping Qt's delivery in one) delivers too:
        // Qt's own notify() it calls may be a tail call, missing from the stack.
        if (frame.function.contains(u"operator()"_s) && i + 1 < stack.size()
            && runsEventLoop(stack.at(i + 1)))
            break;
        if (!frame.own)
            continue;
        if (!frame.inlined || !frame.file.endsWith(u".h"))
            return &frame;
        if (!first)
            first = &frame;
    }
    return first;
}

// The answered samples grouped by call path, the most common first: the stall's representative
// stack is the first's, so the stack shown is what most samples saw.
QList<StallPath> callPaths(const QList<StallSample> &samples, int withStack,
                           const std::function<bool(const Stack &)> &preferred)
{
    struct Group
    {
        StallPath path;
        int order = 0;
        bool preferredStack = false;
        QHash<int, int> activities;
        QHash<int, int> reasons;
    };
    QHash<QString, Group> groups;
    for (const StallSample &sample : samples) {
        if (!sample.answered)
            continue;
        const QString key = callPathKey(sample.stack);
        auto it = groups.find(key);
        if (it == groups.end()) {
            it = groups.insert(key, {});
            it->order = int(groups.size());
            it->path.stack = sample.stack;
        }
        if (!it->preferredStack && preferred(sample.stack)) {
            it->path.stack = sample.stack;
            it->preferredStack = true;
        }
        ++it->path.samples;
        ++it->activities[int(sample.activity)];
        if (sample.activity == ThreadActivity::Waiting)
            ++it->reasons[int(sample.reason)];
    }
    QList<Group> sorted = groups.values();
    std::sort(sorted.begin(), sorted.end(), [](const Group &a, const Group &b) {
        return a.path.samples != b.path.samples ? a.path.samples > b.path.samples
                                                : a.order < b.order;
    });
    const auto most = [](const QHash<int, int> &counts) {
        int key = -1;
        int best = 0;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            if (it.value() > best || (it.value() == best && it.key() < key)) {
                key = it.key();
                best = it.value();
            }
        }
        return key;
    };
    QList<StallPath> paths;
    for (const Group &group : std::as_const(sorted)) {
        if (paths.size() == StallRecord::MaxPaths)
            break;
        StallPath path = group.path;
        path.share = double(path.samples) / std::max(1, withStack);
        path.activity = ThreadActivity(most(group.activities));
        if (path.activity == ThreadActivity::Waiting)
            path.reason = WaitReason(most(group.reasons));
        paths.append(path);
    }
    return paths;
}
} // namespace

void setCpuFigures(StallRecord &record, const SchedReading &first, const SchedReading &last)
{
    // The kernel adds a wait when it ends, so the wait since the first reading holds the one
    // going on then, from before the watchdog saw the stall: the share is of the whole stall.
    const double watchedMs = std::max(last.atMs - first.atMs, record.durationMs);
    if (first.stat.valid && last.stat.valid && last.stat.waitNs >= first.stat.waitNs
        && last.stat.runNs >= first.stat.runNs && watchedMs > 0) {
        record.cpuWaitShare =
                std::min(1.0, double(last.stat.waitNs - first.stat.waitNs) / 1e6 / watchedMs);
        record.cpuRunMs = double(last.stat.runNs - first.stat.runNs) / 1e6;
    }
}

void summarizeStall(StallRecord &record, const QList<StallSample> &samples)
{
    record.sampleCount = int(samples.size());
    record.unansweredCount = 0;
    record.truncatedCount = 0;
    int busy = 0;
    int waiting = 0;
    int cpuWait = 0;
    int withStack = 0;
    QHash<int, int> reasons; // by WaitReason
    QHash<QString, int> byFunction;
    QHash<QString, QHash<int, int>> linesByFunction;
    for (const StallSample &sample : samples) {
        if (sample.activity == ThreadActivity::Busy) {
            ++busy;
        } else if (sample.activity == ThreadActivity::Waiting) {
            ++waiting;
            ++reasons[int(sample.reason)];
        } else if (sample.activity == ThreadActivity::CpuWait) {
            ++cpuWait;
        }
        if (!sample.answered) {
            ++record.unansweredCount;
            continue;
        }
        if (sample.truncated)
            ++record.truncatedCount;
        ++withStack;
        if (const StackFrame *own = innermostOwn(sample.stack)) {
            const QString name = own->shortFunction();
            ++byFunction[name];
            ++linesByFunction[name][own->line];
        }
    }
    const double total = std::max(1, record.sampleCount);
    record.busyShare = busy / total;
    record.waitingShare = waiting / total;
    record.cpuWaitSampleShare = cpuWait / total;
    record.mainWait = WaitReason::None;
    int most = 0;
    for (auto it = reasons.cbegin(); it != reasons.cend(); ++it) {
        if (it.value() > most) {
            most = it.value();
            record.mainWait = WaitReason(it.key());
        }
    }

    record.culprit = {};
    record.stack.clear();
    for (auto it = byFunction.cbegin(); it != byFunction.cend(); ++it) {
        if (it.value() > record.culprit.samples) {
            record.culprit.function = it.key();
            record.culprit.samples = it.value();
        }
    }
    // The most frequent line of the culprit: its file and line, and the sample to show for a path.
    int bestLine = 0;
    if (record.culprit.isKnown()) {
        record.culprit.share = double(record.culprit.samples) / std::max(1, withStack);
        int bestCount = 0;
        const QHash<int, int> &lines = linesByFunction.value(record.culprit.function);
        for (auto it = lines.cbegin(); it != lines.cend(); ++it) {
            if (it.value() > bestCount || (it.value() == bestCount && it.key() < bestLine)) {
                bestLine = it.key();
                bestCount = it.value();
            }
        }
        for (const StallSample &sample : samples) {
            const StackFrame *own = sample.answered ? innermostOwn(sample.stack) : nullptr;
            if (own && own->shortFunction() == record.culprit.function && own->line == bestLine) {
                record.culprit.file = own->file;
                record.culprit.path = own->path;
                record.culprit.line = own->line;
                break;
            }
        }
    }
    const auto showsCulprit = [&](const Stack &stack) {
        const StackFrame *own = innermostOwn(stack);
        return own && own->shortFunction() == record.culprit.function && own->line == bestLine;
    };
    record.paths = callPaths(samples, withStack, showsCulprit);
    if (!record.paths.isEmpty())
        record.stack = record.paths.constFirst().stack;
}

QString callPathKey(const Stack &stack)
{
    QString key;
    for (const StackFrame &frame : stack) {
        key += frame.function.isEmpty() ? frame.module : frame.shortFunction();
        key += u'\n';
    }
    return key;
}

QString callChainText(const Stack &stack, const StallCulprit &culprit, int depth)
{
    QStringList names;
    bool started = !culprit.isKnown();
    for (const StackFrame &frame : stack) {
        if (frame.function.isEmpty())
            continue;
        const QString name = frame.shortFunction();
        started = started || name == culprit.function;
        if (!started || (!names.isEmpty() && names.constLast() == name))
            continue;
        names.append(name);
        if (names.size() == depth)
            break;
    }
    if (names.isEmpty() && culprit.isKnown())
        return callChainText(stack, {}, depth); // the culprit is on another path
    if (names.isEmpty() && !stack.isEmpty())
        names.append(stack.constFirst().location());
    return names.join(u" ← "_s);
}

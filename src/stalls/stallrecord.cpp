#include <stalls/stallrecord.h>

#include <QHash>
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
    return QString::number(std::lround(share * 100));
}
} // namespace

bool StallRecord::isCpuStarved() const
{
    // The kernel counts a wait only once the thread gets a CPU again, and the sampler's signal
    // makes a sleeping thread runnable: either measure may fall short of the other.
    return std::max(cpuWaitShare, cpuWaitSampleShare) >= 0.5;
}

QString StallRecord::cpuCauseText() const
{
    QString text = u"the machine had no CPU to give"_s;
    // Said by the measure that decided it, so the card never says both "waiting for a CPU 100%"
    // and "0% of it on a run queue".
    if (cpuWaitShare >= 0.5)
        text += u": %1% of it on a run queue"_s.arg(percent(cpuWaitShare));
    else
        text += u": %1% of the samples found it ready to run but not running"_s.arg(
                percent(cpuWaitSampleShare));
    if (cpuRunMs >= 0)
        text += u", %1 ms of CPU time"_s.arg(QString::number(cpuRunMs, 'f', 1));
    return text;
}

QString StallRecord::activityText() const
{
    if (isCpuStarved()) {
        return u"waiting for a CPU %1% (other programs were running)"_s.arg(
                percent(std::max(cpuWaitShare, cpuWaitSampleShare)));
    }
    if (sampleCount == 0 || unansweredCount == sampleCount)
        return u"no sample"_s;
    if (busyShare >= waitingShare)
        return u"busy %1%"_s.arg(percent(busyShare));
    return u"waiting %1% on %2"_s.arg(percent(waitingShare), waitReasonName(mainWait));
}

namespace {
// The innermost frame in own code. A small helper from one of our headers inlined into the loop
// that calls it (labNowMs() in a busy-wait) is context: the loop is the culprit.
const StackFrame *innermostOwn(const Stack &stack)
{
    const StackFrame *first = nullptr;
    for (const StackFrame &frame : stack) {
        if (!frame.own)
            continue;
        if (!frame.inlined || !frame.file.endsWith(u".h"))
            return &frame;
        if (!first)
            first = &frame;
    }
    return first;
}
} // namespace

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
    if (record.isCpuStarved())
        record.culprit = {}; // whatever was on the stack waited for a CPU like the rest
    if (!record.culprit.isKnown()) {
        // No own code on any stack (the thread was in Qt or a library throughout): the first
        // answered sample still shows where.
        for (const StallSample &sample : samples) {
            if (sample.answered) {
                record.stack = sample.stack;
                break;
            }
        }
        return;
    }
    record.culprit.share = double(record.culprit.samples) / std::max(1, withStack);
    // The most frequent line of the culprit, and a stack that shows it.
    int bestLine = 0;
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
            record.stack = sample.stack;
            break;
        }
    }
}

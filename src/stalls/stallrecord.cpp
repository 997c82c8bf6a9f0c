#include <stalls/stallrecord.h>
#include <stalls/eventtiming.h>
#include <stalls/owncode.h>
#include <stalls/stallpatterns.h>
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
        return module.isEmpty() ? function : u"%1 (%2)"_s.arg(function, module);
    return u"%1 (%2:%3)"_s.arg(function, file).arg(line);
}

QString StallCulprit::sentence(bool waiting) const
{
    if (!isKnown())
        return {};
    QString text = location();
    if (!call.isEmpty())
        text = (waiting ? tr("%1, waiting in %2") : tr("%1, busy in %2")).arg(text, call);
    if (!callers.isEmpty())
        text = tr("%1, called from %2").arg(text, callers.join(u" \u2190 "_s));
    return text;
}

QString StallRecord::notOwnText() const
{
    if (program.isEmpty() || program == u"AsyncLab")
        return tr("not in AsyncLab's code");
    return tr("not in %1's code").arg(program);
}

QString StallRecord::handlerText() const
{
    if (!handler.isEmpty())
        return handler.join(u" \u2192 "_s);
    return event;
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

bool StallRecord::isAsyncLabsWindow() const
{
    if (program != u"AsyncLab")
        return false;
    static const QStringView windowCode[] = { u"src/widgets/", u"src/windows/", u"src/models/" };
    return duringPainting()
            || std::any_of(std::begin(windowCode), std::end(windowCode),
                           [this](QStringView folder) { return culprit.file.startsWith(folder); });
}

bool StallRecord::isCpuStarved() const
{
    // The kernel counts a wait only once the thread gets a CPU again, and the sampler's signal
    // makes a sleeping thread runnable: either measure may fall short of the other.
    // Own code on the stack froze the window however slowly the machine ran it: the machine is
    // the cause only when the thread was in the event loop, wanting a CPU to go on.
    return std::max(cpuWaitShare, cpuWaitSampleShare) >= 0.5 && !culprit.isKnown();
}

StallRecord::Shares StallRecord::shares() const
{
    // The larger of the two measures, as isCpuStarved() and the card's words take it. A thread on
    // a run queue looks runnable to the sampler, so the kernel's count comes out of the busy
    // share first; the rest out of waiting, where the sampler's signal woke a sleeping thread.
    Shares shares { busyShare + cpuWaitSampleShare, 0, waitingShare };
    shares.cpuWait = std::clamp(std::max(cpuWaitShare, cpuWaitSampleShare), 0.0,
                                shares.busy + shares.waiting);
    const double fromBusy = std::min(shares.cpuWait, shares.busy);
    shares.busy -= fromBusy;
    shares.waiting -= shares.cpuWait - fromBusy;
    return shares;
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
        text = tr("%1, %2 of CPU time").arg(text, formatDuration(cpuRunMs));
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
    // the shares the card's bar draws, so the words and the bar agree
    const Shares split = shares();
    const QString text = split.busy >= split.waiting
            ? tr("busy %1%").arg(percent(split.busy))
            : tr("waiting %1% on %2").arg(percent(split.waiting), waitReasonName(mainWait));
    if (split.cpuWait < 0.1)
        return text;
    return tr("%1, waiting for a CPU %2%").arg(text, percent(split.cpuWait));
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

// In a Python program the program's own code is Python: its frames, when any is own, name the
// culprit; the interpreter's native frames are not the program's.
const Stack &ownStackOf(const StallSample &sample)
{
    for (const StackFrame &frame : sample.pythonStack) {
        if (frame.own)
            return sample.pythonStack;
    }
    return sample.stack;
}

// "MainWindow::onLoad", or for a lambda "lambda in MainWindow::MainWindow".
QString handlerName(const StackFrame &frame)
{
    const qsizetype lambda = frame.function.indexOf(u"::{lambda("_s);
    if (lambda > 0) {
        StackFrame enclosing;
        enclosing.function = frame.function.left(lambda);
        return u"lambda in "_s + enclosing.shortFunction();
    }
    return frame.shortFunction();
}

bool isActivation(const QString &name)
{
    return name.contains(u"doActivate<"_s) || name == u"QMetaObject::activate"_s;
}

// "clicked" from "QPushButton::clicked(bool)" or "QAbstractButton::clicked".
QString signalName(const QString &function)
{
    const qsizetype open = function.indexOf(u'(');
    const QString qualified = open < 0 ? function : function.left(open);
    const qsizetype colons = qualified.lastIndexOf(u"::"_s);
    return colons < 0 ? QString() : qualified.mid(colons + 2);
}

bool isDelivery(const QString &name)
{
    return name.endsWith(u"::notify_helper"_s);
}

// The first own frame inward of stack[at] before the next frame `stop` accepts: what a
// dispatch called.
QString calledFrom(const Stack &stack, qsizetype at, bool (*stop)(const QString &))
{
    for (qsizetype i = at - 1; i >= 0; --i) {
        const StackFrame &frame = stack.at(i);
        if (frame.own)
            return handlerName(frame);
        if (stop && stop(frame.shortFunction()))
            break;
    }
    return {};
}

bool isDispatch(const QString &name)
{
    return isActivation(name) || isDelivery(name);
}

// What the culprit called (the frame just inside it, when that is not own code) and the own
// functions that called the culprit.
// A waiting culprit's call is what it waited in; a busy native one's is only the sample's last
// step (a clock read in a loop), so it is not said. A Python library function is where the time
// went, busy or not.
void describeCalls(StallCulprit &culprit, const Stack &stack, const StackFrame *own, bool waiting)
{
    const qsizetype at = own - stack.constData();
    const bool saysCall = waiting || own->module == u"python";
    // The named function the culprit called; unnamed frames are its module's internals.
    for (qsizetype i = at - 1; saysCall && i >= 0; --i) {
        const StackFrame &frame = stack.at(i);
        if (frame.function.isEmpty())
            continue;
        if (!frame.own)
            culprit.call = frame.location();
        break;
    }
    // The own functions that called it, up to the delivery of the event that started it: not the
    // event loop's callers (main).
    for (qsizetype i = at + 1; i < stack.size() && culprit.callers.size() < 2; ++i) {
        const StackFrame &frame = stack.at(i);
        const QString name = frame.shortFunction();
        if (runsEventLoop(frame) || isDelivery(name))
            break;
        if (frame.own && name != culprit.function && !culprit.callers.contains(name)
            && !OwnCode::isToolkitFunction(frame.function))
            culprit.callers.append(name);
    }
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

QStringList handlerChain(const QList<HandlerStep> &steps, const Stack &stack)
{
    // Walks the stack from the outside in, beside the steps: each event has its delivery frame
    // (notify_helper), each signal its emission (doActivate, or where a system library keeps that
    // unnamed, the signal's own function); what the dispatch called is the first own frame inside.
    QStringList chain;
    qsizetype cursor = stack.size(); // frames outward of the cursor are used
    const auto findInward = [&](auto accept) -> qsizetype {
        for (qsizetype i = cursor - 1; i >= 0; --i) {
            if (accept(stack.at(i).shortFunction())) {
                cursor = i;
                return i;
            }
        }
        return -1;
    };
    for (qsizetype k = 0; k < steps.size(); ++k) {
        const HandlerStep &step = steps.at(k);
        chain.append(step.text);
        const bool named = k + 1 < steps.size() && steps.at(k + 1).kind == HandlerStep::Kind::Slot;
        qsizetype dispatch = -1;
        bool wanted = false;
        switch (step.kind) {
        case HandlerStep::Kind::Event:
        case HandlerStep::Kind::QueuedFunctor:
            dispatch = findInward(isDelivery);
            wanted = step.kind == HandlerStep::Kind::QueuedFunctor || k + 1 == steps.size();
            break;
        case HandlerStep::Kind::Signal: {
            const QString signal = signalName(step.text);
            dispatch = findInward([&signal](const QString &name) {
                return isActivation(name) || (!signal.isEmpty() && signalName(name) == signal);
            });
            // From the signal's function into Qt's activation, where the slot is called.
            while (dispatch > 0 && isActivation(stack.at(dispatch - 1).shortFunction()))
                cursor = --dispatch;
            wanted = true;
            break;
        }
        case HandlerStep::Kind::Slot:
            break;
        }
        if (named || !wanted || dispatch < 0)
            continue;
        if (const QString called = calledFrom(stack, dispatch, isDispatch); !called.isEmpty())
            chain.append(called);
    }
    return chain;
}

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
        if (const StackFrame *own = innermostOwn(ownStackOf(sample))) {
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
            const StackFrame *own = sample.answered ? innermostOwn(ownStackOf(sample)) : nullptr;
            if (own && own->shortFunction() == record.culprit.function && own->line == bestLine) {
                record.culprit.file = own->file;
                record.culprit.path = own->path;
                record.culprit.line = own->line;
                record.culprit.module = own->module;
                describeCalls(record.culprit, ownStackOf(sample), own,
                              record.waitingShare > record.busyShare);
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
    // The handlers and Python frames of the sample shown: the one whose stack is the record's.
    record.handler.clear();
    record.pythonStack.clear();
    for (const StallSample &sample : samples) {
        if (sample.answered && sample.stack == record.stack) {
            record.handler = handlerChain(sample.handler, sample.stack);
            record.pythonStack = sample.pythonStack;
            break;
        }
    }
    if (record.handler.isEmpty()) {
        for (const StallSample &sample : samples) {
            if (!sample.handler.isEmpty()) {
                record.handler = handlerChain(sample.handler, sample.stack);
                break;
            }
        }
    }
    if (record.pythonStack.isEmpty() && record.culprit.module == u"python") {
        for (const StallSample &sample : samples) {
            const StackFrame *own = innermostOwn(ownStackOf(sample));
            if (own && own->shortFunction() == record.culprit.function) {
                record.pythonStack = sample.pythonStack;
                break;
            }
        }
    }
    record.pattern = StallPatterns::match(record);
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

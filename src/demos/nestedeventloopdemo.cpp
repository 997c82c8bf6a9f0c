#include <demos/nestedeventloopdemo.h>
#include <common/labclock.h>
#include <common/units.h>
#include <stalls/responsivenessmonitor.h>

#include <QEventLoop>
#include <QPointer>
#include <QTimer>
#include <cmath>

using namespace Qt::StringLiterals;

NestedEventLoopDemo::NestedEventLoopDemo(const DemoContext &context, QObject *parent)
    : Demo(context, { u"nested-unsafe"_s, u"nested-safe"_s }, parent)
{
    setExplanationArguments({ SecondClickAfterMs, WorkMs });
}

// A nested loop still running when we are deleted ends by its own timer; its handler notices
// through its QPointer and returns without touching us.
NestedEventLoopDemo::~NestedEventLoopDemo() = default;

void NestedEventLoopDemo::run()
{
    if (!beginRun())
        return;
    m_depth = 0;
    m_busy = false;
    m_waitingClicks.clear();
    m_unsafe = {};
    m_safe = {};
    m_unsafeMaxStallMs = 0;
    m_unsafeStartMs = labNowMs();
    emit phase(tr("nested event loop"));
    emit progress(
            tr("nested event loop: click 1 now, click 2 %1 ms later").arg(SecondClickAfterMs));
    postClicks(&NestedEventLoopDemo::clickUnsafe);
}

void NestedEventLoopDemo::cancelRun()
{
    emit progress(tr("canceling"));
    finishIfCanceled(); // or, inside a nested loop, once the handlers have returned
}

void NestedEventLoopDemo::postClicks(void (NestedEventLoopDemo::*handler)(int))
{
    for (const int click : { 1, 2 }) {
        const int delayMs = click == 1 ? 0 : SecondClickAfterMs;
        QTimer::singleShot(delayMs, Qt::PreciseTimer, this,
                           [this, handler, click, generation = currentGeneration()] {
                               if (isCurrent(generation) && !isCanceled())
                                   (this->*handler)(click);
                           });
    }
}

bool NestedEventLoopDemo::enter(Variant &variant)
{
    ++m_depth;
    variant.maxDepth = std::max(variant.maxDepth, m_depth);
    if (m_depth > 1)
        variant.reentered = true;
    return m_depth > 1;
}

void NestedEventLoopDemo::note(Variant &variant, const QString &event, const QString &detail)
{
    variant.order.append(event);
    emit progress(u"    %1: %2"_s.arg(event, detail));
}

void NestedEventLoopDemo::clickUnsafe(int click)
{
    const bool reentered = enter(m_unsafe);
    note(m_unsafe, u"start %1"_s.arg(click),
         reentered ? tr("the handler is RE-ENTERED: its first call has not returned yet")
                   : tr("the handler waits %1 ms in a nested event loop").arg(WorkMs));
    //! [nested-unsafe]
    const QPointer<NestedEventLoopDemo> self(this);
    QEventLoop loop;
    QTimer::singleShot(WorkMs, &loop, &QEventLoop::quit); // stands in for the awaited work
    loop.exec(); // paints, and runs every other pending event too: the next click as well
    if (!self)
        return; // anything can happen meanwhile, even this object's deletion
    //! [nested-unsafe]
    --m_depth;
    note(m_unsafe, u"end %1"_s.arg(click), tr("handler returns"));
    if (finishIfCanceled() || ++m_unsafe.clicksDone < 2)
        return;
    if (context().monitor)
        m_unsafeMaxStallMs = context().monitor->maxStallBetween(m_unsafeStartMs, labNowMs());
    emit progress(tr("    order: %1; longest event-loop stall meanwhile: %2")
                          .arg(m_unsafe.order.join(u", "_s), formatDuration(m_unsafeMaxStallMs)));
    QTimer::singleShot(0, this, [this, generation = currentGeneration()] {
        if (isCurrent(generation))
            startSafe();
    });
}

void NestedEventLoopDemo::startSafe()
{
    if (finishIfCanceled())
        return;
    emit phase(tr("continuation"));
    emit progress(tr("continuation and busy flag: the same two clicks"));
    postClicks(&NestedEventLoopDemo::clickSafe);
}

void NestedEventLoopDemo::clickSafe(int click)
{
    enter(m_safe);
    //! [nested-safe]
    if (m_busy) { // like a disabled button, except that the click is kept for later
        m_waitingClicks.append(click);
        emit progress(tr("    click %1 arrives while busy: it waits its turn").arg(click));
    } else {
        m_busy = true;
        note(m_safe, u"start %1"_s.arg(click), tr("starts the work and returns at once"));
        QTimer::singleShot(WorkMs, this, [this, click, generation = currentGeneration()] {
            if (isCurrent(generation))
                safeWorkDone(click); // the rest of the handler, run when the work is done
        });
    }
    //! [nested-safe]
    --m_depth;
}

void NestedEventLoopDemo::safeWorkDone(int click)
{
    note(m_safe, u"end %1"_s.arg(click), tr("the continuation finishes the work"));
    m_busy = false;
    ++m_safe.clicksDone;
    if (finishIfCanceled())
        return;
    if (!m_waitingClicks.isEmpty()) {
        clickSafe(m_waitingClicks.takeFirst());
        return;
    }
    if (m_safe.clicksDone == 2) {
        emit progress(tr("    order: %1").arg(m_safe.order.join(u", "_s)));
        finish(outcome());
    }
}

bool NestedEventLoopDemo::finishIfCanceled()
{
    if (!isCanceled() || m_depth > 0)
        return false;
    finishCanceled(tr("Canceled before both clicks were handled."));
    return true;
}

DemoOutcome NestedEventLoopDemo::outcome() const
{
    DemoOutcome o;
    o.setFigure(DemoFigure::englishKey("nested event loop"), DemoFigure::englishKey("re-entered"),
                m_unsafe.reentered);
    o.setFigure(DemoFigure::englishKey("nested event loop"), DemoFigure::englishKey("order"),
                m_unsafe.order.join(u", "_s));
    o.setFigure(DemoFigure::englishKey("nested event loop"), DemoFigure::englishKey("max stall"),
                std::round(m_unsafeMaxStallMs * 10) / 10, DemoFigure::englishKey("ms"));
    o.setFigure(DemoFigure::englishKey("continuation + busy flag"),
                DemoFigure::englishKey("re-entered"), m_safe.reentered);
    o.setFigure(DemoFigure::englishKey("continuation + busy flag"), DemoFigure::englishKey("order"),
                m_safe.order.join(u", "_s));
    o.setRunFigure(DemoFigure::englishKey("work"), WorkMs, DemoFigure::englishKey("ms"));
    o.setRunFigure(DemoFigure::englishKey("second click after"), SecondClickAfterMs,
                   DemoFigure::englishKey("ms"));
    o.bars = { { DemoFigure::englishKey("nested QEventLoop"), double(m_unsafe.maxDepth) },
               { DemoFigure::englishKey("continuation + busy flag"), double(m_safe.maxDepth) } };
    o.barsUnit = DemoFigure::englishKey("handler calls running at once (max)");
    o.barsCategory = DemoFigure::englishKey("handler");
    const auto verdict = [](const Variant &v) {
        return v.reentered ? tr("re-entered") : tr("not re-entered");
    };
    o.summary =
            tr("Nested event loop: %1, order %2, while the event loop never stalled longer than "
               "%3. Continuation with a busy flag: %4, order %5.")
                    .arg(verdict(m_unsafe), m_unsafe.order.join(u", "_s),
                         formatDuration(m_unsafeMaxStallMs), verdict(m_safe),
                         m_safe.order.join(u", "_s));
    return o;
}

#include <demos/objectlifetimedemo.h>
#include <httpserver/embeddedserver.h>
#include <engine/fetchjob.h>

#include <QTimer>

using namespace Qt::StringLiterals;

ObjectLifetimeDemo::ObjectLifetimeDemo(const DemoContext &context, QObject *parent)
    : Demo(context, { u"lifetime-naive"_s, u"lifetime-qpointer"_s, u"lifetime-context"_s }, parent)
{
    setExplanationArguments({ RequestDelayMs, CloseAfterMs });
}

ObjectLifetimeDemo::~ObjectLifetimeDemo()
{
    teardown(); // deletes the jobs before the manager their replies belong to
}

void ObjectLifetimeDemo::run()
{
    if (!beginRun())
        return;
    m_lateResults = m_wouldTouchDeadPanel = m_droppedByQPointer = 0;
    m_contextCallbacksRun = m_droppedByContext = m_panelsUpdated = 0;
    m_error.clear();
    QTimer::singleShot(0, this, [this, generation = currentGeneration()] {
        if (isCurrent(generation))
            start();
    });
}

void ObjectLifetimeDemo::cancelRun()
{
    emit progress(tr("canceling"));
    if (m_jobs.isEmpty()) {
        finishCanceled(tr("Canceled before the requests started."));
        return;
    }
    const QList<QPointer<FetchJob>> jobs = m_jobs;
    for (const QPointer<FetchJob> &job : jobs) {
        if (job)
            job->cancel(); // finished() comes back synchronously, through requestDone()
    }
}

QObject *ObjectLifetimeDemo::openPanel(const QString &name)
{
    auto *panel = new QObject(this);
    panel->setObjectName(name);
    m_panels.append(panel);
    m_livePanels.insert(panel);
    connect(panel, &QObject::destroyed, this, [this, panel] { m_livePanels.remove(panel); });
    return panel;
}

FetchJob *ObjectLifetimeDemo::startRequest()
{
    const QUrl url = context().server->url(u"/delay/%1"_s.arg(RequestDelayMs));
    auto *job = new FetchJob(network(), url, {}, this);
    m_jobs.append(deleteBeforeNetwork(job));
    return job;
}

void ObjectLifetimeDemo::start()
{
    m_clock.start();
    emit progress(tr("three panels open, each fetching /delay/%1").arg(RequestDelayMs));
    QList<FetchJob *> started;
    {
        QObject *panel = openPanel(u"panel with a naive callback"_s);
        FetchJob *job = startRequest();
        //! [lifetime-naive]
        // The callback's context is the job: it lives as long as the request, not the panel.
        connect(job, &FetchJob::finished, job, [this, panel](const FetchResult &result) {
            showIn(panel, result); // where panel->setProperty(...) would touch freed memory
        });
        //! [lifetime-naive]
        connect(job, &FetchJob::finished, this, [this, job](const FetchResult &result) {
            requestDone(job, Variant::Naive, result);
        });
        started.append(job);
    }
    {
        QObject *panel = openPanel(u"panel with a QPointer guard"_s);
        FetchJob *job = startRequest();
        //! [lifetime-qpointer]
        connect(job, &FetchJob::finished, job,
                [this, guard = QPointer<QObject>(panel)](const FetchResult &result) {
                    if (!guard) { // deleted while the request ran: drop the result
                        ++m_droppedByQPointer;
                        return;
                    }
                    guard->setProperty("results", result.preview);
                });
        //! [lifetime-qpointer]
        connect(job, &FetchJob::finished, this, [this, job](const FetchResult &result) {
            requestDone(job, Variant::QPointerGuard, result);
        });
        started.append(job);
    }
    {
        QObject *panel = openPanel(u"panel as context object"_s);
        FetchJob *job = startRequest();
        //! [lifetime-context]
        // The panel is the context: deleting it disconnects the callback, which never runs.
        connect(job, &FetchJob::finished, panel, [this, panel](const FetchResult &result) {
            ++m_contextCallbacksRun;
            panel->setProperty("results", result.preview);
        });
        //! [lifetime-context]
        connect(job, &FetchJob::finished, this, [this, job](const FetchResult &result) {
            requestDone(job, Variant::Context, result);
        });
        started.append(job);
    }
    for (FetchJob *job : std::as_const(started))
        job->start();
    QTimer::singleShot(CloseAfterMs, Qt::PreciseTimer, this,
                       [this, generation = currentGeneration()] {
                           if (isCurrent(generation))
                               closePanels();
                       });
}

void ObjectLifetimeDemo::closePanels()
{
    const QList<QPointer<QObject>> panels = std::exchange(m_panels, {});
    for (const QPointer<QObject> &panel : panels)
        delete panel.get();
    emit progress(tr("%1 ms: the user closes all three panels (deleted); their requests are still "
                     "in flight")
                          .arg(m_clock.elapsed()));
}

// The naive callback's panel->setProperty(...), made safe to show: the address is looked up among
// the live panels first and never followed once the panel is gone.
void ObjectLifetimeDemo::showIn(QObject *panel, const FetchResult &result)
{
    if (result.canceled)
        return;
    if (!m_livePanels.contains(panel)) {
        ++m_wouldTouchDeadPanel;
        emit progress(tr("%1 ms: a result arrives for the panel with the naive callback: it runs "
                         "with a pointer to the deleted panel, and a real program would write into "
                         "freed memory now (counted here, not done)")
                              .arg(m_clock.elapsed()));
        return;
    }
    panel->setProperty("results", result.preview);
    ++m_panelsUpdated;
    emit progress(
            tr("%1 ms: the naive callback updates its panel, still open").arg(m_clock.elapsed()));
}

void ObjectLifetimeDemo::requestDone(FetchJob *job, Variant variant, const FetchResult &result)
{
    job->deleteLater();
    m_jobs.removeOne(job);
    ++m_lateResults;
    if (!result.ok() && !result.canceled)
        m_error = tr("the request failed: %1").arg(result.error);
    if (!isCanceled() && variant != Variant::Naive) { // the naive callback reported itself
        QString what;
        if (variant == Variant::QPointerGuard) {
            what = m_droppedByQPointer > 0 ? tr("the QPointer is null, the result is dropped")
                                           : tr("the panel was still there");
        } else if (m_contextCallbacksRun == 0) {
            ++m_droppedByContext;
            what = tr("the callback went with the panel and does not run");
        } else {
            what = tr("the callback ran");
        }
        emit progress(tr("%1 ms: a result arrives for the panel with the %2: %3")
                              .arg(m_clock.elapsed())
                              .arg(variant == Variant::QPointerGuard ? tr("QPointer guard")
                                                                     : tr("panel as context"),
                                   what));
    }
    if (!m_jobs.isEmpty())
        return;
    if (isCanceled())
        finishCanceled(tr("Canceled while the requests were in flight."));
    else
        finish(outcome());
}

DemoOutcome ObjectLifetimeDemo::outcome() const
{
    DemoOutcome o;
    o.setRunFigure(DemoFigure::englishKey("request"), RequestDelayMs, DemoFigure::englishKey("ms"));
    o.setRunFigure(DemoFigure::englishKey("panels closed after"), CloseAfterMs,
                   DemoFigure::englishKey("ms"));
    o.setRunFigure(DemoFigure::englishKey("late results"), m_lateResults);
    o.setFigure(DemoFigure::englishKey("naive callback"),
                DemoFigure::englishKey("would touch a deleted panel"), m_wouldTouchDeadPanel);
    o.setFigure(DemoFigure::englishKey("QPointer guard"), DemoFigure::englishKey("results dropped"),
                m_droppedByQPointer);
    o.setFigure(DemoFigure::englishKey("context object"), DemoFigure::englishKey("callbacks run"),
                m_contextCallbacksRun);
    o.setFigure(DemoFigure::englishKey("context object"), DemoFigure::englishKey("results dropped"),
                m_droppedByContext);
    o.setRunFigure(DemoFigure::englishKey("results dropped cleanly"),
                   m_droppedByQPointer + m_droppedByContext);
    o.setRunFigure(DemoFigure::englishKey("panels updated"), m_panelsUpdated);
    o.bars = { { DemoFigure::englishKey("naive callback"), double(m_wouldTouchDeadPanel) },
               { DemoFigure::englishKey("QPointer guard"), 0 },
               { DemoFigure::englishKey("context object"), double(m_contextCallbacksRun) } };
    o.barsUnit = DemoFigure::englishKey("callbacks that touch a closed panel");
    o.barsCategory = DemoFigure::englishKey("how the late result is handled");
    QStringList sentences;
    sentences << tr("%n result(s) arrived after their panels were closed.", nullptr, m_lateResults);
    sentences << tr("The naive callback ran %n time(s) with a pointer to a deleted panel (counted, "
                    "not followed).",
                    nullptr, m_wouldTouchDeadPanel);
    sentences << tr("The QPointer guard dropped %n result(s).", nullptr, m_droppedByQPointer);
    sentences << tr("The callback with the panel as context ran %n time(s).", nullptr,
                    m_contextCallbacksRun);
    o.summary = sentences.join(u' ');
    if (!m_error.isEmpty()) {
        o.status = DemoOutcome::Status::Failed;
        o.error = m_error;
    }
    return o;
}

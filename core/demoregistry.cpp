#include "demoregistry.h"
#include "demos/concurrencylimitdemo.h"
#include "demos/deadlockdemo.h"
#include "demos/errorsdemo.h"
#include "demos/eventloopdemo.h"
#include "demos/nestedeventloopdemo.h"
#include "demos/objectlifetimedemo.h"
#include "demos/parallelismdemo.h"
#include "demos/racedemo.h"
#include "demos/threestylesdemo.h"
#include "demos/wherethewaitdemo.h"
#include "lab.h"

using namespace Qt::StringLiterals;

const QList<DemoEntry> &DemoRegistry::all()
{
    // To add a demo, include its header above and add one line here, where it should appear in the
    // gallery: { u"its-name"_s, demoFactory<ItsClass>() }. A demo whose constructor takes other
    // arguments can be given as a lambda returning a new Demo instead.
    static const QList<DemoEntry> entries = {
        { u"where-the-wait-happens"_s, demoFactory<WhereTheWaitDemo>() },
        { u"three-styles"_s, demoFactory<ThreeStylesDemo>() },
        { u"concurrency-limit"_s, demoFactory<ConcurrencyLimitDemo>() },
        { u"parallelism"_s, demoFactory<ParallelismDemo>() },
        { u"event-loop"_s, demoFactory<EventLoopDemo>() },
        { u"race"_s, demoFactory<RaceDemo>() },
        { u"deadlock"_s, demoFactory<DeadlockDemo>() },
        { u"nested-event-loop"_s, demoFactory<NestedEventLoopDemo>() },
        { u"object-lifetime"_s, demoFactory<ObjectLifetimeDemo>() },
        { u"errors"_s, demoFactory<ErrorsDemo>() },
    };
    return entries;
}

const DemoEntry *DemoRegistry::find(const QString &name)
{
    for (const DemoEntry &entry : all()) {
        if (entry.name == name)
            return &entry;
    }
    return nullptr;
}

QStringList DemoRegistry::names()
{
    QStringList list;
    for (const DemoEntry &entry : all())
        list.append(entry.name);
    return list;
}

Demo *DemoRegistry::create(const QString &name, const DemoContext &context, QObject *parent)
{
    const DemoEntry *entry = find(name);
    return entry ? entry->factory(context, parent) : nullptr;
}

DemoContext DemoRegistry::contextFor(Lab *lab, const QString &workDir)
{
    return { &lab->server(), &lab->monitor(), &lab->log(), &lab->jobs(), workDir };
}

#include <demos/demoregistry.h>
#include <demos/backpressuredemo.h>
#include <demos/combinatorsdemo.h>
#include <demos/concurrencylimitdemo.h>
#include <demos/databasedemo.h>
#include <demos/deadlockdemo.h>
#include <demos/errorsdemo.h>
#include <demos/eventloopdemo.h>
#include <demos/nestedeventloopdemo.h>
#include <demos/objectlifetimedemo.h>
#include "parallelismdemo.h"
#include <demos/racedemo.h>
#include <demos/serversdemo.h>
#include <demos/threestylesdemo.h>
#include <demos/wherethewaitdemo.h>
#include <engine/lab.h>

using namespace Qt::StringLiterals;

const QList<DemoEntry> &DemoRegistry::all()
{
    // To add a demo, include its header above and add one line here, where it should appear in the
    // gallery: demoEntry<ItsClass>(). Its class holds its name and title (Name, Title).
    static const QList<DemoEntry> entries = {
        demoEntry<WhereTheWaitDemo>(),     demoEntry<ThreeStylesDemo>(),
        demoEntry<ConcurrencyLimitDemo>(), demoEntry<ParallelismDemo>(),
        demoEntry<EventLoopDemo>(),        demoEntry<RaceDemo>(),
        demoEntry<DeadlockDemo>(),         demoEntry<NestedEventLoopDemo>(),
        demoEntry<ObjectLifetimeDemo>(),   demoEntry<ErrorsDemo>(),
        demoEntry<DatabaseDemo>(),         demoEntry<BackpressureDemo>(),
        demoEntry<CombinatorsDemo>(),      demoEntry<ServersDemo>(),
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
    return { &lab->server(), &lab->monitor(), workDir };
}

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
    // To add a demo, include its header above and add its line here, where it should appear in
    // the gallery: its class, its name on the command line and its title.
    static const QList<DemoEntry> entries = {
        demoEntry<WhereTheWaitDemo>(u"where-the-wait-happens", u"Where the wait happens"),
        demoEntry<ThreeStylesDemo>(u"three-styles", u"Callbacks, futures, coroutines"),
        demoEntry<ConcurrencyLimitDemo>(u"concurrency-limit", u"Limiting concurrency"),
        demoEntry<ParallelismDemo>(u"parallelism", u"Parallelism vs concurrency"),
        demoEntry<EventLoopDemo>(u"event-loop", u"Inside the event loop"),
        demoEntry<RaceDemo>(u"race", u"Race condition"),
        demoEntry<DeadlockDemo>(u"deadlock", u"Deadlock"),
        demoEntry<NestedEventLoopDemo>(u"nested-event-loop", u"Nested event loop"),
        demoEntry<ObjectLifetimeDemo>(u"object-lifetime", u"Object lifetime"),
        demoEntry<ErrorsDemo>(u"errors", u"Errors, timeouts, retries, cancellation"),
        demoEntry<DatabaseDemo>(u"database", u"A database without freezing"),
        demoEntry<BackpressureDemo>(u"backpressure", u"Streams and backpressure"),
        demoEntry<CombinatorsDemo>(u"combinators", u"Combining operations"),
        demoEntry<ServersDemo>(u"servers", u"Servers under load"),
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
    if (!entry)
        return nullptr;
    DemoContext named = context;
    named.name = entry->name;
    named.title = entry->title;
    return entry->factory(named, parent);
}

DemoContext DemoRegistry::contextFor(Lab *lab, const QString &workDir)
{
    DemoContext context;
    context.server = &lab->server();
    context.monitor = &lab->monitor();
    context.workDir = workDir;
    return context;
}

#pragma once

#include <demokit/demo.h>

#include <QList>
#include <QString>
#include <QStringList>

class Lab;

struct DemoEntry
{
    QString name; // the demo's name(), e.g. "race"
    QString title; // its title(), e.g. "Race condition"
    DemoFactory factory;
};

// The factory of a demo class whose constructor is T(const DemoContext &, QObject *parent).
template<typename T>
DemoFactory demoFactory()
{
    return [](const DemoContext &context, QObject *parent) -> Demo * {
        return new T(context, parent);
    };
}

// The entry of a demo class with a constructor as demoFactory() needs, its name on the command
// line and its title: what `--demo list` and the gallery's list show without constructing a demo.
template<typename T>
DemoEntry demoEntry(QStringView name, QStringView title)
{
    return { name.toString(), title.toString(), demoFactory<T>() };
}

// The concept gallery's demos in gallery order, which is also the order of `asynclab --demo list`.
// The window's Run button and `asynclab --demo NAME` both make their demo through create().
class DemoRegistry
{
public:
    static const QList<DemoEntry> &all();
    static const DemoEntry *find(const QString &name);
    static QStringList names();
    // A new demo, told its name and title, or nullptr when no demo has that name.
    static Demo *create(const QString &name, const DemoContext &context, QObject *parent = nullptr);
    // The context a Lab provides; workDir must be a writable folder that outlives the demo.
    static DemoContext contextFor(Lab *lab, const QString &workDir);
};

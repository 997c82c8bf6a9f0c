#pragma once

#include <QString>
#include <QStringList>

// Source snippets shown beside the concept demos: the regions of the engine's sources marked with
// a pair of `//! [id]` lines, extracted at build time (cmake/extractsnippets.cmake) into a
// resource, so what the window shows is the code that runs.

// The region's code, common indentation removed; empty when no region has that id.
QString snippet(const QString &id);
// Where the region starts, "src/demos/threestylesdemo.cpp:42"; empty when unknown.
QString snippetLocation(const QString &id);
// The region's name for people, translated ("bounded" for "backpressure-bounded"); the id itself
// when it has none.
QString snippetName(const QString &id);
// Every extracted id, sorted.
QStringList snippetIds();

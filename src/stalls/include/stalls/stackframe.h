#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

// One frame of a symbolised stack. A return address inside inlined code gives several frames,
// innermost first, all with the same address.
struct StackFrame
{
    quintptr address = 0;
    QString function; // demangled: "BlockingFetcher::fetch(QUrl const&, FetchOptions const&)"
    QString file; // relative to the source tree for AsyncLab's own code, absolute otherwise
    QString path; // absolute path of the source file, empty when unknown
    int line = 0;
    QString module; // file name of the executable or library: "asynclab", "libQt6Core.so.6"
    quint64 offset = 0; // the address in the module's own address space (as eu-addr2line takes)
    QString buildId; // the module's GNU build id, hex
    bool own = false; // AsyncLab's own code, not Qt's, the C library's or the C++ library's
    bool inlined = false;

    bool operator==(const StackFrame &other) const = default;

    // "BlockingFetcher::fetch" from the demangled name: no parameters, return type or qualifiers.
    QString shortFunction() const;
    // "BlockingFetcher::fetch (src/engine/blockingfetcher.cpp:36)"
    QString location() const;
};

using Stack = QList<StackFrame>;

#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

class WatchSession;

// What a watch found, for people (text) and for tools (JSON), from one set of figures: every line
// of the text has its field in the JSON. Times are relative to the program's start; absolute ones
// are named so (steady clock, UTC).
class WatchReport
{
    Q_DECLARE_TR_FUNCTIONS(WatchReport)
public:
    enum class Stacks { Paths, Full }; // the text's stalls: call paths only, or full stacks too
    enum class Format { Text, Json };

    explicit WatchReport(const WatchSession &session) : m_session(session) { }

    QJsonObject json() const;
    QString text(Stacks stacks = Stacks::Paths) const;
    // The report as it is printed and saved, by the command line and the Watch window alike:
    // the text in UTF-8, or indented JSON.
    QByteArray bytes(Format format, Stacks stacks = Stacks::Paths) const;
    // One line for a status bar: "stalls > 50 ms: 2, max 400 ms, frozen 800 ms of 5.0 s (16%)"
    QString summaryLine() const;

private:
    const WatchSession &m_session;
};

#pragma once

#include <stalls/stallrecord.h>

#include <QJsonObject>
#include <QList>
#include <QString>

class ResponsivenessMonitor;

// Text and JSON forms of stall records, shared by AsyncLab's own reports and `watch`.
namespace StallReport {
// One frame, every key present: function, file, line, module, offset ("0x..." in the module),
// buildId, own, inlined; null where it is not known (a frame without symbols).
QJsonObject frameJson(const StackFrame &frame);
// A stall record: start, duration, samples, busy/waiting shares, culprit, event and stack.
QJsonObject stallJson(const StallRecord &record);
// `json` with a "stalls" array of every record, and "longestStall" naming the longest one.
QJsonObject withStalls(QJsonObject json, const QList<StallRecord> &stalls);
// One line on the longest freeze and where it was, e.g. "culprit    BlockingFetcher::fetch
// (src/engine/blockingfetcher.cpp:36), waiting 100% on a lock or future (futex), 2.01 s freeze,
// during MouseButtonRelease on QPushButton 'fetchButton'"; "culprit    none: no freeze over 50 ms".
// The longest freeze and where it was: "BlockingFetcher::fetch (src/engine/blockingfetcher.cpp:36),
// waiting 100% on ..., 2.01 s freeze, during ...", or "none: no freeze was recorded".
QString culpritDescription(const QList<StallRecord> &stalls);
QString culpritText(const QList<StallRecord> &stalls);
const StallRecord *longestStall(const QList<StallRecord> &stalls);
// A stack for people, a line a frame, indented by `indent` spaces, the program's own frames
// marked "> ".
QString stackText(const QList<StackFrame> &stack, int indent);
// A run's top culprit for people: "the longest freeze, 2.01 s, waiting in
// BlockingFetcher::fetch (src/engine/blockingfetcher.cpp:36)"; "no freeze over 50 ms".
QString topCulpritText(const QList<StallRecord> &stalls);
// The stalls mostly within [fromMs, toMs), one per stall the monitor counted there: the
// watchdog's record of it where there is one (from `recorded`), else a record of its start and
// length alone, a freeze that ended before the watchdog looked. So a count, a list and a chart of
// one run's stalls give one number.
QList<StallRecord> stallsDuring(const ResponsivenessMonitor &monitor,
                                const QList<StallRecord> &recorded, double fromMs, double toMs);
} // namespace StallReport

#pragma once

#include <stalls/responsivenessmonitor.h>
#include <stalls/stallrecord.h>

#include <QByteArray>
#include <QJsonObject>
#include <QList>

// What the watch probe inside a watched program and AsyncLab say to each other: one JSON object
// per line over a local socket, probe to AsyncLab only.
//   {"type":"hello","pid":N,"qt":"6.4.2","program":"..."}      the probe runs
//   {"type":"refused","pid":N,"reason":"..."}                  the probe stays inert, and why
//   {"type":"lag","samples":[[atMs,lagMs],...]}                 monitor ticks since the last line
//   {"type":"stall","record":{...}}                            one stall, with samples' culprit
//   {"type":"dropped","samples":N}                             lag samples lost: AsyncLab read
//   slowly
//   {"type":"bye"}                                             the program's application ends
// Times are labNowMs(): the steady clock, the same in both processes.
namespace WatchProtocol {
inline constexpr char SocketVariable[] = "ASYNCLAB_WATCH_SOCKET"; // the server's full path
inline constexpr char ThresholdVariable[] = "ASYNCLAB_WATCH_THRESHOLD_MS";
inline constexpr char PreloadVariable[] = "LD_PRELOAD";

QByteArray helloLine(qint64 pid, const QString &qtVersion, const QString &program);
QByteArray refusedLine(qint64 pid, const QString &reason);
QByteArray lagLine(const QList<LagSample> &samples);
QByteArray stallLine(const StallRecord &record);
QByteArray droppedLine(qint64 samples);
QByteArray byeLine();

QJsonObject recordToJson(const StallRecord &record); // every field, the stack included
StallRecord recordFromJson(const QJsonObject &json);
QList<LagSample> lagFromJson(const QJsonObject &json);
} // namespace WatchProtocol

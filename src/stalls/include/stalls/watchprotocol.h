#pragma once

#include <stalls/responsivenessmonitor.h>
#include <stalls/stallrecord.h>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <atomic>

// What the watch probe inside a watched program and AsyncLab say to each other: one JSON object
// per line over a local socket, probe to AsyncLab only.
//   {"type":"hello","pid":N,"tid":N,"qt":"6.4.2","program":"...",
//    "heartbeat":"7f..","startBeat":ms,"tickMs":5}             the probe runs; AsyncLab reads
//                                                              the heartbeat at that address
//                                                              (hex) to see stalls from outside
//   {"type":"refused","pid":N,"reason":"..."}                  the probe stays inert, and why
//   {"type":"lag","samples":[[atMs,lagMs],...]}                 monitor ticks since the last line
//   {"type":"stall","record":{...}}                            one stall seen from inside
//   {"type":"handler","beat":ms,"steps":[[kind,"text"],...]}   while the GUI thread is frozen
//                                                              since the tick `beat`: the
//                                                              handlers it runs, outermost first
//   {"type":"python","beat":ms,"atMs":ms,"frames":[...]}       and in a Python program its
//                                                              Python frames, innermost first
//   {"type":"dropped","samples":N}                             lag samples lost: AsyncLab read
//   slowly
//   {"type":"bye"}                                             the program's application ends
// Times are labNowMs(): the steady clock, the same in both processes. A reader ignores types and
// fields it does not know, so either side may add some.
namespace WatchProtocol {
inline constexpr char SocketVariable[] = "ASYNCLAB_WATCH_SOCKET"; // the server's full path
inline constexpr char PreloadVariable[] = "LD_PRELOAD";

// What the probe publishes in the program's memory for AsyncLab to read with process_vm_readv:
// lock-free 8-byte atomics, each written whole, the beat last. A reader that sees a beat after a
// freeze finds when that freeze ended in the gap fields, however late it looks.
struct Heartbeat
{
    std::atomic<double> gapFromMs { -1 }; // the beat before the latest gap of two ticks or more
    std::atomic<double> gapToMs { -1 }; // the first beat after it
    std::atomic<double> beatMs { -1 }; // labNowMs() of the latest tick, negative when stopped
};
static_assert(std::atomic<double>::is_always_lock_free && sizeof(Heartbeat) == 3 * sizeof(double));

struct Hello
{
    qint64 pid = 0;
    qint64 tid = 0; // the main (GUI) thread
    QString qtVersion;
    QString program;
    quintptr heartbeat = 0; // address of the program's Heartbeat
    double startBeatMs = -1; // the heartbeat before the event loop first ran
    int tickMs = 5;
};
QByteArray helloLine(const Hello &hello);
Hello helloFromJson(const QJsonObject &json);
QByteArray refusedLine(qint64 pid, const QString &reason);
QByteArray lagLine(const QList<LagSample> &samples);
QByteArray stallLine(const StallRecord &record);
QByteArray droppedLine(qint64 samples);
QByteArray handlerLine(double beatMs, const QList<HandlerStep> &steps);
QByteArray pythonLine(double beatMs, double atMs, const Stack &frames);
QList<HandlerStep> handlerStepsFromJson(const QJsonObject &json);
Stack framesFromJson(const QJsonObject &json);
QByteArray byeLine();

QJsonObject recordToJson(const StallRecord &record); // every field, the stack included
StallRecord recordFromJson(const QJsonObject &json);
QList<LagSample> lagFromJson(const QJsonObject &json);
} // namespace WatchProtocol

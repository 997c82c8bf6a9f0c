#pragma once

#include <stalls/responsivenessmonitor.h>

#include <QByteArray>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <sys/types.h>

// The probe's line to AsyncLab: a Unix-domain socket written from a thread of its own, so a
// frozen main thread never holds up the stream and a slow reader never holds up the program.
// Callers on any thread only queue (under the link's own short lock, never one of the host's);
// the queue is bounded: the oldest lag samples are dropped first. When AsyncLab is gone the link
// stops and every later call returns at once.
class ProbeLink
{
public:
    static constexpr qsizetype MaxLagSamples = 60000; // five minutes at 200 a second
    static constexpr qsizetype MaxLines = 256; // stall records and notes
    static constexpr int FlushIntervalMs = 50;
    static constexpr int WriteTimeoutMs = 200;

    explicit ProbeLink(QByteArray socketPath);
    ~ProbeLink();
    ProbeLink(const ProbeLink &) = delete;
    ProbeLink &operator=(const ProbeLink &) = delete;

    void start();
    void send(QByteArray line);
    void sendLag(const LagSample &sample);
    bool isGone() const { return m_gone.load(); }
    // Writes what is queued within timeoutMs, then closes; a thread that does not finish in time
    // is left to end with the process.
    void finish(int timeoutMs);

private:
    void run();
    bool writeAll(int fd, const QByteArray &data);

    QByteArray m_socketPath;
    pid_t m_pid;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_done;
    std::deque<LagSample> m_lag; // under m_mutex
    std::deque<QByteArray> m_lines;
    qint64 m_dropped = 0;
    bool m_stopping = false;
    bool m_finished = false;
    std::atomic<bool> m_gone { false };
};

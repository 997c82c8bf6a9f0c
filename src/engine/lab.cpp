#include <engine/lab.h>
#include <engine/threadpriority.h>

#include <QDir>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStalls, "asynclab.stalls", QtWarningMsg)

Lab::Lab(QObject *parent)
    : QObject(parent), m_jobs(&m_log, &m_monitor), m_scenarios(&m_jobs, &m_log, &m_monitor)
{
    m_jobs.setFetchOptions(defaultFetchOptions());
    m_jobs.setFileLoadOptions(defaultFileLoadOptions());
    setSampleDir(QDir::tempPath());
    m_server.setThreadStartHook([] { ThreadPriority::lowerCurrentThread(); });
    connect(&m_stalls, &StallWatchdog::stallRecorded, this, [this](const StallRecord &stall) {
        if (!stall.culprit.isKnown())
            return;
        QList<OperationRecord> frozen;
        for (const OperationRecord &record : m_log.records()) {
            const double endMs = record.isFinished() ? record.endMs : stall.endMs();
            if (record.startMs <= stall.endMs() && endMs >= stall.startMs
                && record.culpritStallMs < stall.durationMs)
                frozen.append(record);
        }
        for (OperationRecord &record : frozen) {
            record.culprit = stall.culprit.location();
            record.culpritStallMs = stall.durationMs;
            m_log.update(record);
        }
    });
}

Lab::~Lab() = default;

bool Lab::start(quint16 port, int maxConnections)
{
    ServerLimits limits;
    limits.maxConnections = maxConnections;
    if (!m_server.start(port, limits))
        return false;
    m_scenarios.setServerUrl(m_server.baseUrl());
    m_monitor.start();
    // Without the watchdog the lab still measures; it only cannot say where a stall was.
    m_stalls.setLagSource(&m_monitor); // one measure per freeze: the monitor's
    if (!m_stalls.start(&m_monitor.heartbeat(), m_monitor.intervalMs()))
        qCWarning(lcStalls, "%s", qPrintable(m_stalls.errorString()));
    return true;
}

QUrl Lab::resolveUrl(const QString &text) const
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(u'/'))
        return m_server.baseUrl().resolved(QUrl(trimmed));
    return QUrl(trimmed, QUrl::StrictMode);
}

FetchOptions Lab::defaultFetchOptions()
{
    FetchOptions options;
    options.deadlineMs = 10000;
    return options;
}

FileLoadOptions Lab::defaultFileLoadOptions()
{
    return {};
}

void Lab::setSampleDir(const QString &dir)
{
    m_sampleDir = dir;
    m_scenarios.setSampleDir(dir);
}

QString Lab::sampleFileName(qint64 bytes)
{
    return u"asynclab-sample-%1.txt"_s.arg(bytes);
}

QString Lab::samplePath(qint64 bytes) const
{
    return QDir(m_sampleDir).filePath(sampleFileName(bytes));
}

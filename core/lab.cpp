#include "lab.h"

Lab::Lab(QObject *parent)
    : QObject(parent), m_jobs(&m_log, &m_monitor), m_scenarios(&m_jobs, &m_log, &m_monitor)
{
}

Lab::~Lab() = default;

bool Lab::start(quint16 port)
{
    if (!m_server.start(port))
        return false;
    m_scenarios.setServerUrl(m_server.baseUrl());
    m_monitor.start();
    return true;
}

QUrl Lab::resolveUrl(const QString &text) const
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(u'/'))
        return m_server.baseUrl().resolved(QUrl(trimmed));
    return QUrl(trimmed, QUrl::StrictMode);
}

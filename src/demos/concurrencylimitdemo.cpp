#include <demos/concurrencylimitdemo.h>
#include <httpserver/embeddedserver.h>
#include <common/labclock.h>
#include <common/units.h>

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
// A setting's row of figures, e.g. "max in flight 16"; the views translate it by its pattern.
QString rowKey(const ConcurrencyLimitDemo::Setting &setting)
{
    if (setting.limit != ConcurrencyLimitDemo::Unlimited)
        return DemoFigure::englishKey("max in flight %1").arg(setting.limit);
    return setting.managers == 1
            ? DemoFigure::englishKey("max in flight unlimited, %1 manager").arg(1)
            : DemoFigure::englishKey("max in flight unlimited");
}
} // namespace

ConcurrencyLimitDemo::ConcurrencyLimitDemo(const DemoContext &context, QObject *parent)
    : Demo(context, { u"limiter"_s }, parent)
{
    setExplanationArguments({ Fetches, DelayMs, PerManager });
}

ConcurrencyLimitDemo::~ConcurrencyLimitDemo()
{
    teardown();
}

QList<ConcurrencyLimitDemo::Setting> ConcurrencyLimitDemo::settings()
{
    constexpr int enough = (Fetches + PerManager - 1) / PerManager;
    return { { 1, 1 }, { 2, 1 }, { 6, 1 }, { 16, 3 }, { Unlimited, enough }, { Unlimited, 1 } };
}

QString ConcurrencyLimitDemo::settingLabel(const Setting &setting)
{
    if (setting.limit != Unlimited)
        return QString::number(setting.limit);
    return setting.managers == 1 ? DemoFigure::englishKey("unlimited, %1 manager").arg(1)
                                 : DemoFigure::englishKey("unlimited");
}

void ConcurrencyLimitDemo::run()
{
    if (!beginRun())
        return;
    m_outcome = {};
    m_outcome.barsUnit = DemoFigure::englishKey("ms for %1 fetches").arg(Fetches);
    m_outcome.barsCategory = DemoFigure::englishKey("fetches in flight at most");
    m_setting = 0;
    QTimer::singleShot(0, this, &ConcurrencyLimitDemo::startSetting);
}

void ConcurrencyLimitDemo::startSetting()
{
    if (!isRunning())
        return;
    // The server's peak is reset only once the previous batch has fully left it.
    if (context().server->requestsInFlight() > 0) {
        QTimer::singleShot(5, this, &ConcurrencyLimitDemo::startSetting);
        return;
    }
    const Setting setting = settings().at(m_setting);
    qDeleteAll(m_managers);
    m_managers.clear();
    for (int i = 0; i < setting.managers; ++i)
        m_managers.append(new QNetworkAccessManager(this));
    m_busy = QList<int>(setting.managers, 0);
    m_limit = setting.limit;
    m_queue = QList<QUrl>(Fetches, context().server->url(u"/delay/%1"_s.arg(DelayMs)));
    m_inFlight = m_peakInFlight = m_done = m_failed = 0;
    context().server->resetPeakRequestsInFlight();
    m_startMs = m_lastReportMs = labNowMs();
    emit progress(
            tr("max in flight %1: starting %2 fetches").arg(settingLabel(setting)).arg(Fetches));
    startMore();
}

//! [limiter]
// Starts queued fetches while fewer than the limit are in flight; each one that ends makes room.
void ConcurrencyLimitDemo::startMore()
{
    while (!m_queue.isEmpty() && (m_limit == Unlimited || m_inFlight < m_limit)) {
        QNetworkReply *reply = leastBusyManager()->get(QNetworkRequest(m_queue.takeFirst()));
        m_peakInFlight = std::max(m_peakInFlight, ++m_inFlight);
        connect(reply, &QNetworkReply::finished, this, [this, reply] { onFetched(reply); });
    }
}

void ConcurrencyLimitDemo::onFetched(QNetworkReply *reply)
{
    reply->deleteLater();
    if (!isRunning())
        return; // canceled
    --m_inFlight;
    --m_busy[m_managers.indexOf(reply->manager())];
    m_failed += reply->error() == QNetworkReply::NoError ? 0 : 1;
    if (++m_done < Fetches) {
        // A slow setting reports as it goes, so a long phase never shows only "Running…".
        if (labNowMs() - m_lastReportMs >= 1000) {
            m_lastReportMs = labNowMs();
            emit progress(tr("  max in flight %1: %2 of %3 fetches done after %4")
                                  .arg(settingLabel(settings().at(m_setting)))
                                  .arg(m_done)
                                  .arg(Fetches)
                                  .arg(formatDuration(labNowMs() - m_startMs)));
        }
        return startMore();
    }
    //! [limiter]
    const Setting setting = settings().at(m_setting);
    const QString key = rowKey(setting);
    const double ms = labNowMs() - m_startMs;
    const int serverPeak = context().server->peakRequestsInFlight();
    if (m_failed > 0)
        return fail(tr("%1 fetches failed").arg(m_failed));
    m_outcome.setFigure(key, DemoFigure::englishKey("time"), ms, DemoFigure::englishKey("ms"));
    m_outcome.setFigure(key, DemoFigure::englishKey("server peak"), serverPeak);
    m_outcome.setFigure(key, DemoFigure::englishKey("client peak"), m_peakInFlight);
    m_outcome.bars.append({ settingLabel(setting), ms });
    emit progress(
            tr("max in flight %1 (%2 network manager%3): %4 fetches in %5; the server answered "
               "at most %6 at once")
                    .arg(settingLabel(setting))
                    .arg(setting.managers)
                    .arg(setting.managers == 1 ? QString() : u"s"_s)
                    .arg(Fetches)
                    .arg(formatDuration(ms))
                    .arg(serverPeak));
    if (++m_setting < settings().size())
        return startSetting();

    bool respected = true;
    QStringList times;
    QStringList peaks;
    for (const Setting &s : settings()) {
        const QString label = settingLabel(s);
        const QString key = rowKey(s);
        const int peak = m_outcome.figure(key, u"server peak"_s).toInt();
        respected = respected && (s.limit == Unlimited || peak <= s.limit);
        if (s.managers > 1 || s.limit != Unlimited) {
            times.append(
                    u"%1: %2"_s.arg(DemoOutcome::translatedKey(label),
                                    formatDuration(m_outcome.figure(key, u"time"_s).toDouble())));
            peaks.append(QString::number(peak));
        }
    }
    m_outcome.setRunFigure(DemoFigure::englishKey("limit respected"), respected);
    const QString oneManager = rowKey(settings().constLast());
    m_outcome.summary =
            tr("%1 fetches with at most N in flight took %2. Peaks at the server: %3 requests at "
               "once, %4. One network manager with no limit of ours peaked at %5 on the server and "
               "took %6.")
                    .arg(Fetches)
                    .arg(times.join(u", "_s), peaks.join(u", "_s),
                         respected ? tr("never above the limit") : tr("ABOVE THE LIMIT"))
                    .arg(m_outcome.figure(oneManager, u"server peak"_s).toInt())
                    .arg(formatDuration(m_outcome.figure(oneManager, u"time"_s).toDouble()));
    if (!respected) {
        m_outcome.status = DemoOutcome::Status::Failed;
        m_outcome.error = tr("the server saw more requests at once than the limit allowed");
    }
    finish(m_outcome);
}

QNetworkAccessManager *ConcurrencyLimitDemo::leastBusyManager()
{
    const auto least = std::min_element(m_busy.begin(), m_busy.end());
    ++*least;
    return m_managers.at(int(least - m_busy.begin()));
}

void ConcurrencyLimitDemo::stopRun()
{
    m_queue.clear();
    // Deleting a manager aborts its requests; later, since this may run inside one's handler.
    for (QNetworkAccessManager *manager : std::as_const(m_managers))
        manager->deleteLater();
    m_managers.clear();
}

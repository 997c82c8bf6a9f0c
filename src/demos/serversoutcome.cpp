#include "serversoutcome.h"
#include "serversstep.h"

#include <common/units.h>

#include <QJsonValue>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

using Server = ServersDemo::Server;
using Step = ServersDemo::Step;

ServersOutcomeBuilder::ServersOutcomeBuilder(Run run) : m_run(std::move(run)) { }

DemoOutcome ServersOutcomeBuilder::build() const
{
    DemoOutcome o;
    o.plots = plots();
    o.plotsX = DemoFigure::englishKey("connections (C)");
    addFigures(&o);
    o.summary = sentences().join(u' ');
    return o;
}

QList<DemoPlot> ServersOutcomeBuilder::plots() const
{
    DemoPlot throughput { DemoFigure::englishKey("req/s"), {}, {} };
    DemoPlot p99 { DemoFigure::englishKey("p99"), DemoFigure::englishKey("ms"), {} };
    DemoPlot threads { DemoFigure::englishKey("threads"), {}, {} };
    DemoPlot rss { DemoFigure::englishKey("RSS +"), DemoFigure::englishKey("MiB"), {} };
    for (const Server server : m_run.options.servers) {
        DemoSeries t { ServersDemo::serverName(server), {} };
        DemoSeries l = t;
        DemoSeries n = t;
        DemoSeries m = t;
        for (const Step &step : stepsOf(server)) {
            const double c = step.connections;
            t.points.append({ c, step.requestsPerSecond });
            if (step.ok > 0)
                l.points.append({ c, step.p99Ms });
            n.points.append({ c, double(step.threads) });
            m.points.append({ c, step.rssGrowthMib() });
        }
        throughput.series.append(t);
        p99.series.append(l);
        threads.series.append(n);
        rss.series.append(m);
    }
    return { throughput, p99, threads, rss };
}

void ServersOutcomeBuilder::addFigures(DemoOutcome *o) const
{
    for (const Step &step : m_run.steps) {
        const QString row = figureRow(step.server, step.connections);
        o->setFigure(row, DemoFigure::englishKey("throughput"), qRound(step.requestsPerSecond),
                     DemoFigure::englishKey("req/s"));
        // No answer, no latency: "none", not a 0 that reads as instant. Not rounded here:
        // roundDurations() rounds it once, as the text's formatDuration() does (828.46 ms was
        // rounded to 828.5 first, then to 829, beside the text's 828).
        const auto latency = [&step](double ms) {
            return step.ok > 0 ? QJsonValue(ms) : QJsonValue(u"none"_s);
        };
        o->setFigure(row, DemoFigure::englishKey("p50"), latency(step.p50Ms),
                     DemoFigure::englishKey("ms"));
        o->setFigure(row, DemoFigure::englishKey("p99"), latency(step.p99Ms),
                     DemoFigure::englishKey("ms"));
        o->setFigure(row, DemoFigure::englishKey("errors"), double(step.errors));
        o->setFigure(row, DemoFigure::englishKey("timeouts"), double(step.timeouts));
        o->setFigure(row, DemoFigure::englishKey("threads"), step.threads);
        o->setFigure(row, DemoFigure::englishKey("RSS"), std::round(step.rssGrowthMib() * 10) / 10,
                     DemoFigure::englishKey("MiB"));
    }
}

QList<Step> ServersOutcomeBuilder::stepsOf(Server server) const
{
    QList<Step> list;
    for (const Step &step : m_run.steps) {
        if (step.server == server && step.ran)
            list.append(step);
    }
    return list;
}

// The summary says what these numbers show, whatever they are.
QStringList ServersOutcomeBuilder::sentences() const
{
    QStringList all { eventLoopSentence(), perConnectionSentence() };
    all += blockingSentences();
    all.append(failuresSentence());
    all.append(tr("Open-file limit: %1 -> %2; load average %3 at the start (other programs "
                  "share the cores).")
                       .arg(countText(qint64(m_run.fileLimitBefore)),
                            countText(qint64(m_run.fileLimitDuring)),
                            QString::number(m_run.loadAverage, 'f', 2)));
    all.removeAll(QString());
    return all;
}

QString ServersOutcomeBuilder::eventLoopSentence() const
{
    const QList<Step> steps = stepsOf(Server::EventLoop);
    if (steps.isEmpty())
        return {};
    int most = 0;
    for (const Step &s : steps)
        most = std::max(most, s.threads);
    const Step &top = steps.last();
    const QString held = top.ok > 0
            ? tr("The event loop used %n thread(s) at every C; at C=%1 it held %2 connections at "
                 "%3 req/s with p99 %4 (%5x the handler's %6 ms).",
                 nullptr, most)
                      .arg(countText(top.connections), countText(top.serverConnections))
                      .arg(qRound(top.requestsPerSecond))
                      .arg(formatDuration(top.p99Ms))
                      .arg(top.p99Ms / ServersDemo::BackendWaitMs, 0, 'f', 1)
                      .arg(ServersDemo::BackendWaitMs)
            : tr("The event loop used %n thread(s) at every C; at C=%1 it held %2 connections but "
                 "answered none in the measured %3.",
                 nullptr, most)
                      .arg(countText(top.connections), countText(top.serverConnections),
                           formatDuration(m_run.options.measureMs));
    // errors are said where the table shows them, not left for the reader to find
    if (top.errors == 0)
        return held;
    return held + u' '
            + tr("It had %n error(s) there (refused, reset, 503 or never opened).", nullptr,
                 int(top.errors));
}

QString ServersOutcomeBuilder::perConnectionSentence() const
{
    const QList<Step> steps = stepsOf(Server::ThreadPerConnection);
    if (steps.isEmpty())
        return {};
    QStringList each;
    for (const Step &s : steps)
        each.append(tr("%1 at C=%2").arg(countText(s.threads), countText(s.connections)));
    const Step &top = steps.last();
    return tr("Thread per connection needed a thread for each connection (%1, the acceptor "
              "included) and RSS grew by %2 MiB at C=%3.")
            .arg(each.join(u", "_s))
            .arg(top.rssGrowthMib(), 0, 'f', 1)
            .arg(countText(top.connections));
}

QStringList ServersOutcomeBuilder::blockingSentences() const
{
    QStringList sentences;
    for (const Server server : { Server::OneThread, Server::ThreadPool }) {
        const QList<Step> steps = stepsOf(server);
        if (steps.isEmpty())
            continue;
        double best = 0;
        double worstP99 = 0;
        for (const Step &s : steps) {
            best = std::max(best, s.requestsPerSecond);
            worstP99 = std::max(worstP99, s.p99Ms);
        }
        const QString name = DemoOutcome::translatedKey(ServersDemo::serverName(server));
        sentences.append(tr("%1 served at most %2 req/s (p99 up to %3), whatever C.")
                                 .arg(name.first(1).toUpper() + name.sliced(1),
                                      QString::number(best, 'f', 1), formatDuration(worstP99)));
    }
    return sentences;
}

QString ServersOutcomeBuilder::failuresSentence() const
{
    // The same reason for several servers (the open-file limit at one C) is said once.
    QList<std::pair<QString, QStringList>> reasons;
    for (const Step &step : m_run.steps) {
        if (step.failure.isEmpty())
            continue;
        const QString reason = tr("at C=%1, %2").arg(countText(step.connections), step.failure);
        auto it = std::find_if(reasons.begin(), reasons.end(),
                               [&](const auto &entry) { return entry.first == reason; });
        if (it == reasons.end())
            reasons.append(
                    { reason,
                      { DemoOutcome::translatedKey(ServersDemo::serverName(step.server)) } });
        else
            it->second.append(DemoOutcome::translatedKey(ServersDemo::serverName(step.server)));
    }
    QStringList failures;
    for (const auto &[reason, names] : reasons)
        failures.append(u"%1 (%2)"_s.arg(reason, names.join(u", "_s)));
    return failures.isEmpty() ? QString()
                              : tr("Could not run fully: %1.").arg(failures.join(u"; "_s));
}

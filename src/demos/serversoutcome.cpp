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
    o.plotsX = u"connections (C)"_s;
    addFigures(&o);
    o.summary = sentences().join(u' ');
    return o;
}

QList<DemoPlot> ServersOutcomeBuilder::plots() const
{
    DemoPlot throughput { u"req/s"_s, {}, {} };
    DemoPlot p99 { u"p99"_s, u"ms"_s, {} };
    DemoPlot threads { u"threads"_s, {}, {} };
    DemoPlot rss { u"RSS +"_s, u"MiB"_s, {} };
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
        const QString row =
                u"%1, C=%2"_s.arg(ServersDemo::serverName(step.server)).arg(step.connections);
        o->setFigure(row, u"throughput"_s, qRound(step.requestsPerSecond), u"req/s"_s);
        // No answer, no latency: "none", not a 0 that reads as instant.
        const auto latency = [&step](double ms) {
            return step.ok > 0 ? QJsonValue(std::round(ms * 10) / 10) : QJsonValue(u"none"_s);
        };
        o->setFigure(row, u"p50"_s, latency(step.p50Ms), u"ms"_s);
        o->setFigure(row, u"p99"_s, latency(step.p99Ms), u"ms"_s);
        o->setFigure(row, u"errors"_s, double(step.errors));
        o->setFigure(row, u"timeouts"_s, double(step.timeouts));
        o->setFigure(row, u"threads"_s, step.threads);
        o->setFigure(row, u"RSS"_s, std::round(step.rssGrowthMib() * 10) / 10, u"MiB"_s);
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
    all.append(u"Open-file limit: %1 -> %2; load average %3 at the start (other "
               "programs share the cores)."_s.arg(countText(qint64(m_run.fileLimitBefore)),
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
    const QString served = top.ok > 0
            ? u"at %1 req/s with p99 %2 (%3x the handler's %4 ms)"_s
                      .arg(qRound(top.requestsPerSecond))
                      .arg(formatDuration(top.p99Ms))
                      .arg(top.p99Ms / ServersDemo::BackendWaitMs, 0, 'f', 1)
                      .arg(ServersDemo::BackendWaitMs)
            : u"but answered none in the measured %1"_s.arg(
                    formatDuration(m_run.options.measureMs));
    return u"The event loop used %1 thread%2 at every C; at C=%3 it held %4 connections %5."_s
            .arg(most)
            .arg(most == 1 ? QString() : u"s"_s)
            .arg(countText(top.connections), countText(top.serverConnections), served);
}

QString ServersOutcomeBuilder::perConnectionSentence() const
{
    const QList<Step> steps = stepsOf(Server::ThreadPerConnection);
    if (steps.isEmpty())
        return {};
    QStringList each;
    for (const Step &s : steps)
        each.append(u"%1 at C=%2"_s.arg(countText(s.threads), countText(s.connections)));
    const Step &top = steps.last();
    return u"Thread per connection needed a thread for each connection (%1, the acceptor "
           "included) and RSS grew by %2 MiB at C=%3."_s.arg(each.join(u", "_s))
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
        QString name = ServersDemo::serverName(server);
        name[0] = name.at(0).toUpper();
        sentences.append(u"%1 served at most %2 req/s (p99 up to %3), whatever C."_s.arg(
                name, QString::number(best, 'f', 1), formatDuration(worstP99)));
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
        const QString reason = u"at C=%1, %2"_s.arg(countText(step.connections), step.failure);
        auto it = std::find_if(reasons.begin(), reasons.end(),
                               [&](const auto &entry) { return entry.first == reason; });
        if (it == reasons.end())
            reasons.append({ reason, { ServersDemo::serverName(step.server) } });
        else
            it->second.append(ServersDemo::serverName(step.server));
    }
    QStringList failures;
    for (const auto &[reason, names] : reasons)
        failures.append(u"%1 (%2)"_s.arg(reason, names.join(u", "_s)));
    return failures.isEmpty() ? QString()
                              : u"Could not run fully: %1."_s.arg(failures.join(u"; "_s));
}

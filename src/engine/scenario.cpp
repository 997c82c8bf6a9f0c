#include <engine/scenario.h>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 MiB = qint64(1) << 20;

ScenarioStep fetch(const QString &path)
{
    return { OperationKind::Fetch, path };
}

ScenarioStep load()
{
    return { OperationKind::FileLoad, {} };
}

QList<ScenarioStep> repeated(const ScenarioStep &step, int count)
{
    return QList<ScenarioStep>(count, step);
}
} // namespace

QList<Scenario> Scenario::builtIn()
{
    return {
        { u"standard"_s,
          tr("Standard"),
          tr("A 2 s delayed fetch, a 64 MiB download and a 256 MiB file load."),
          256 * MiB,
          { fetch(u"/delay/2000"_s), fetch(u"/bytes/%1"_s.arg(64 * MiB)), load() } },
        { u"slow-server"_s, tr("Slow server"),
          tr("Five fetches that each wait 1 s for the server."), 0,
          repeated(fetch(u"/delay/1000"_s), 5) },
        { u"big-download"_s,
          tr("Big download"),
          tr("One 256 MiB download."),
          0,
          { fetch(u"/bytes/%1"_s.arg(256 * MiB)) } },
        { u"big-file"_s,
          tr("Big file load"),
          tr("Hash and count lines of a 512 MiB file."),
          512 * MiB,
          { load() } },
        { u"many-small"_s, tr("Many small fetches"),
          tr("Forty small JSON fetches, each answered after 50 ms."), 0,
          repeated(fetch(u"/delay/50"_s), 40) },
        { u"mixed"_s, tr("Mixed"),
          tr("A 1.5 s delayed fetch, a 32 MiB download, a 128 MiB file load and ten small "
             "fetches."),
          128 * MiB,
          QList<ScenarioStep> { fetch(u"/delay/1500"_s), fetch(u"/bytes/%1"_s.arg(32 * MiB)),
                                load() }
                  + repeated(fetch(u"/json"_s), 10) },
    };
}

std::optional<Scenario> Scenario::named(const QString &name)
{
    for (const Scenario &scenario : builtIn()) {
        if (scenario.name == name)
            return scenario;
    }
    return std::nullopt;
}

QString Scenario::defaultName()
{
    return u"standard"_s;
}

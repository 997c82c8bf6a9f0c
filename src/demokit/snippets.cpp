#include <demokit/snippets.h>

#include <QCoreApplication>
#include <QFile>
#include <QHash>

using namespace Qt::StringLiterals;

namespace {
struct Snippet
{
    QString location;
    QString code;
};

// Parsed once from the generated resource: "@@snippet <id> <file>:<line>" starts each region.
const QHash<QString, Snippet> &snippets()
{
    static const QHash<QString, Snippet> all = [] {
        QHash<QString, Snippet> parsed;
        QFile file(u":/snippets/snippets.txt"_s);
        if (!file.open(QIODevice::ReadOnly))
            return parsed;
        Snippet *current = nullptr;
        const QString text = QString::fromUtf8(file.readAll());
        for (const QString &line : text.split(u'\n')) {
            if (line.startsWith("@@snippet "_L1)) {
                const QStringList parts = line.split(u' ');
                current = &parsed[parts.value(1)];
                current->location = parts.value(2);
            } else if (current) {
                current->code += line + u'\n';
            }
        }
        for (Snippet &s : parsed) {
            while (s.code.endsWith(u'\n'))
                s.code.chop(1);
        }
        return parsed;
    }();
    return all;
}

// The regions' names as people read them beside the code: the id, less the demo's name where
// every one of its ids starts with it.
struct SnippetName
{
    const char *id;
    const char *name;
};
constexpr SnippetName names[] = {
    { "backpressure-bounded", QT_TRANSLATE_NOOP("Snippets", "bounded") },
    { "backpressure-unbounded", QT_TRANSLATE_NOOP("Snippets", "unbounded") },
    { "backpressure-producer", QT_TRANSLATE_NOOP("Snippets", "producer") },
    { "combinator-request", QT_TRANSLATE_NOOP("Snippets", "combinator-request") },
    { "combinator-all", QT_TRANSLATE_NOOP("Snippets", "combinator-all") },
    { "combinator-any", QT_TRANSLATE_NOOP("Snippets", "combinator-any") },
    { "combinator-qt", QT_TRANSLATE_NOOP("Snippets", "combinator-qt") },
    { "debounce", QT_TRANSLATE_NOOP("Snippets", "debounce") },
    { "limiter", QT_TRANSLATE_NOOP("Snippets", "limiter") },
    { "database-query", QT_TRANSLATE_NOOP("Snippets", "query") },
    { "database-worker", QT_TRANSLATE_NOOP("Snippets", "worker") },
    { "database-cancel", QT_TRANSLATE_NOOP("Snippets", "cancel") },
    { "database-wrong-thread", QT_TRANSLATE_NOOP("Snippets", "wrong-thread") },
    { "database-handle", QT_TRANSLATE_NOOP("Snippets", "handle") },
    { "deadlock-gui-trap", QT_TRANSLATE_NOOP("Snippets", "gui-trap") },
    { "deadlock-gui-fix", QT_TRANSLATE_NOOP("Snippets", "gui-fix") },
    { "deadlock-lock-order", QT_TRANSLATE_NOOP("Snippets", "lock-order") },
    { "deadlock-lock-order-fix", QT_TRANSLATE_NOOP("Snippets", "lock-order-fix") },
    { "deadlock-pool-starvation", QT_TRANSLATE_NOOP("Snippets", "pool-starvation") },
    { "deadlock-pool-fix", QT_TRANSLATE_NOOP("Snippets", "pool-fix") },
    { "errors-exception", QT_TRANSLATE_NOOP("Snippets", "exception") },
    { "errors-timeout", QT_TRANSLATE_NOOP("Snippets", "timeout") },
    { "errors-retry", QT_TRANSLATE_NOOP("Snippets", "retry") },
    { "errors-cancel-chain", QT_TRANSLATE_NOOP("Snippets", "cancel-chain") },
    { "event-loop-sources", QT_TRANSLATE_NOOP("Snippets", "sources") },
    { "event-loop-long-handler", QT_TRANSLATE_NOOP("Snippets", "long-handler") },
    { "nested-unsafe", QT_TRANSLATE_NOOP("Snippets", "unsafe") },
    { "nested-safe", QT_TRANSLATE_NOOP("Snippets", "safe") },
    { "lifetime-naive", QT_TRANSLATE_NOOP("Snippets", "naive") },
    { "lifetime-qpointer", QT_TRANSLATE_NOOP("Snippets", "qpointer") },
    { "lifetime-context", QT_TRANSLATE_NOOP("Snippets", "context") },
    { "cpu-chunk", QT_TRANSLATE_NOOP("Snippets", "cpu-chunk") },
    { "cpu-one-thread", QT_TRANSLATE_NOOP("Snippets", "cpu-one-thread") },
    { "cpu-all-cores", QT_TRANSLATE_NOOP("Snippets", "cpu-all-cores") },
    { "io-all-at-once", QT_TRANSLATE_NOOP("Snippets", "io-all-at-once") },
    { "race-unprotected", QT_TRANSLATE_NOOP("Snippets", "unprotected") },
    { "race-mutex", QT_TRANSLATE_NOOP("Snippets", "mutex") },
    { "race-atomic", QT_TRANSLATE_NOOP("Snippets", "atomic") },
    { "race-search-unguarded", QT_TRANSLATE_NOOP("Snippets", "search-unguarded") },
    { "race-search-guard", QT_TRANSLATE_NOOP("Snippets", "search-guard") },
    { "servers-thread-handler", QT_TRANSLATE_NOOP("Snippets", "thread-handler") },
    { "servers-one-thread", QT_TRANSLATE_NOOP("Snippets", "one-thread") },
    { "servers-thread-pool", QT_TRANSLATE_NOOP("Snippets", "thread-pool") },
    { "servers-thread-per-connection", QT_TRANSLATE_NOOP("Snippets", "thread-per-connection") },
    { "servers-event-loop", QT_TRANSLATE_NOOP("Snippets", "event-loop") },
    { "servers-generator", QT_TRANSLATE_NOOP("Snippets", "generator") },
    { "pipeline-callbacks", QT_TRANSLATE_NOOP("Snippets", "callbacks") },
    { "pipeline-futures", QT_TRANSLATE_NOOP("Snippets", "futures") },
    { "pipeline-coroutines", QT_TRANSLATE_NOOP("Snippets", "coroutines") },
    { "wait-on-gui-thread", QT_TRANSLATE_NOOP("Snippets", "wait-on-gui-thread") },
    { "wait-on-workers", QT_TRANSLATE_NOOP("Snippets", "wait-on-workers") },
    { "wait-on-event-loop", QT_TRANSLATE_NOOP("Snippets", "wait-on-event-loop") },
    { "blocking-get", QT_TRANSLATE_NOOP("Snippets", "blocking-get") },
};
} // namespace

QString snippet(const QString &id)
{
    return snippets().value(id).code;
}

QString snippetLocation(const QString &id)
{
    return snippets().value(id).location;
}

QStringList snippetIds()
{
    QStringList ids = snippets().keys();
    ids.sort();
    return ids;
}

QString snippetName(const QString &id)
{
    for (const SnippetName &entry : names) {
        if (id == QLatin1StringView(entry.id))
            return QCoreApplication::translate("Snippets", entry.name);
    }
    return id;
}

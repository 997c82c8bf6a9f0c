#include <demokit/snippets.h>

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

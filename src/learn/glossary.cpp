#include <learn/glossary.h>

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
QList<GlossaryTerm> loadGlossary()
{
    QFile file(u":/learn/glossary.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<GlossaryTerm> terms;
    for (const QJsonValue &value : QJsonDocument::fromJson(file.readAll()).array()) {
        const QJsonObject entry = value.toObject();
        // The catalogue holds these texts in the context "Glossary" (cmake/resourcestrings.cmake).
        const auto translated = [&entry](const QString &field) {
            return QCoreApplication::translate("Glossary",
                                               entry.value(field).toString().toUtf8().constData());
        };
        terms.append({ entry.value(u"id"_s).toString(), translated(u"term"_s),
                       translated(u"definition"_s) });
    }
    std::sort(terms.begin(), terms.end(), [](const GlossaryTerm &a, const GlossaryTerm &b) {
        return a.term.compare(b.term, Qt::CaseInsensitive) < 0;
    });
    return terms;
}
} // namespace

const QList<GlossaryTerm> &Glossary::terms()
{
    static const QList<GlossaryTerm> all = loadGlossary();
    return all;
}

const GlossaryTerm *Glossary::find(const QString &id)
{
    for (const GlossaryTerm &term : terms()) {
        if (term.id == id)
            return &term;
    }
    return nullptr;
}

QString Glossary::tooltip(const QString &id)
{
    const GlossaryTerm *term = find(id);
    if (!term)
        return {};
    return u"<b>%1</b>: %2"_s.arg(term->term.toHtmlEscaped(), term->definition.toHtmlEscaped());
}

QString Glossary::withTerms(const QString &text, const QStringList &ids)
{
    QStringList parts { u"<p>%1</p>"_s.arg(text.toHtmlEscaped()) };
    for (const QString &id : ids) {
        if (const QString tip = tooltip(id); !tip.isEmpty())
            parts.append(u"<p>%1</p>"_s.arg(tip));
    }
    return parts.join(QString());
}

QString Glossary::html()
{
    QString page;
    for (const GlossaryTerm &term : terms()) {
        page += u"<p><a name=\"%1\"></a><b>%2</b><br>%3</p>"_s.arg(
                term.id, term.term.toHtmlEscaped(), term.definition.toHtmlEscaped());
    }
    return page;
}

#pragma once

#include <QList>
#include <QString>

// A word the windows use, defined in two lines for someone new to async programming.
struct GlossaryTerm
{
    QString id; // "event-loop": links are "term:event-loop"
    QString term; // "event loop"
    QString definition;
};

// The glossary, read once from its resource file and translated then.
class Glossary
{
public:
    static const QList<GlossaryTerm> &terms(); // alphabetical
    static const GlossaryTerm *find(const QString &id);
    // Rich text for a tooltip: the term in bold, then its definition; empty for an unknown id.
    static QString tooltip(const QString &id);
    // `text`, then a blank line and the terms' definitions: a widget's own tip with the words it
    // uses explained.
    static QString withTerms(const QString &text, const QStringList &ids);
    // The whole glossary as one rich-text page, each term an anchor named after its id.
    static QString html();
};

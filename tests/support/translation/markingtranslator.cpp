#include "markingtranslator.h"

#include <QFile>
#include <QXmlStreamReader>
#include <algorithm>

using namespace Qt::StringLiterals;

QString MarkingTranslator::projectCatalogue()
{
    return QStringLiteral(ASYNCLAB_CATALOGUE);
}

bool MarkingTranslator::loadCatalogue(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == "name"_L1) // the context's
            context = xml.readElementText();
        else if (xml.name() == "source"_L1)
            m_texts.insert(context + u'\n' + xml.readElementText());
    }
    return !xml.hasError() && !m_texts.isEmpty();
}

QString MarkingTranslator::translate(const char *context, const char *sourceText, const char *,
                                     int) const
{
    const QString text = QString::fromUtf8(sourceText);
    const bool qts = context && context[0] == 'Q'; // Qt's own ("Alt" of QShortcut)
    if (!qts && !m_texts.contains(QString::fromUtf8(context) + u'\n' + text))
        return text;
    return Open + text + Close;
}

QString MarkingTranslator::unmarked(const QString &text)
{
    QString rest;
    int depth = 0;
    for (const QChar c : text) {
        if (c == Open)
            ++depth;
        else if (c == Close)
            depth = std::max(0, depth - 1);
        else if (depth == 0)
            rest += c;
    }
    return rest;
}

#include <common/oneline.h>

QString oneLine(QStringView text, qsizetype maxChars)
{
    QString line = text.size() > maxChars ? text.first(maxChars).toString() + QChar(0x2026)
                                          : text.toString();
    for (QChar &c : line) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            c = u' ';
    }
    return line;
}

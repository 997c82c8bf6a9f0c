#include <engine/sourceexcerpt.h>

#include <QFile>

SourceExcerpt SourceExcerpt::read(const QString &path, int line, int context)
{
    SourceExcerpt excerpt;
    excerpt.path = path;
    excerpt.focusLine = line;
    QFile file(path);
    if (path.isEmpty() || line <= 0 || !file.open(QIODevice::ReadOnly | QIODevice::Text))
        return excerpt;
    excerpt.firstLine = std::max(1, line - context);
    const int lastLine = line + context;
    int number = 0;
    while (!file.atEnd() && number < lastLine) {
        const QByteArray text = file.readLine();
        ++number;
        if (number >= excerpt.firstLine)
            excerpt.lines.append(QString::fromUtf8(text).chopped(text.endsWith('\n') ? 1 : 0));
    }
    excerpt.found = number >= line;
    return excerpt;
}

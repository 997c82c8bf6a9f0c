#include <engine/sourceexcerpt.h>

#include <QFile>
#include <QHash>
#include <QMutex>
#include <optional>

namespace {
// A card shows the same culprit's source again each time a stall is picked or a run's list is
// shown: the file is read from the disk once, not on the GUI thread every time.
std::optional<QStringList> linesOf(const QString &path)
{
    static QMutex mutex;
    static QHash<QString, QStringList> files;
    const QMutexLocker lock(&mutex);
    if (const auto it = files.constFind(path); it != files.cend())
        return *it;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::nullopt;
    QStringList lines;
    while (!file.atEnd()) {
        const QByteArray text = file.readLine();
        lines.append(QString::fromUtf8(text).chopped(text.endsWith('\n') ? 1 : 0));
    }
    files.insert(path, lines);
    return lines;
}
} // namespace

SourceExcerpt SourceExcerpt::read(const QString &path, int line, int context)
{
    SourceExcerpt excerpt;
    excerpt.path = path;
    excerpt.focusLine = line;
    const std::optional<QStringList> lines =
            path.isEmpty() || line <= 0 ? std::nullopt : linesOf(path);
    if (!lines)
        return excerpt;
    excerpt.firstLine = std::max(1, line - context);
    const int lastLine = std::min<int>(line + context, int(lines->size()));
    for (int number = excerpt.firstLine; number <= lastLine; ++number)
        excerpt.lines.append(lines->at(number - 1));
    excerpt.found = lines->size() >= line;
    return excerpt;
}

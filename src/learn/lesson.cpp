#include <learn/lesson.h>

#include <demokit/snippets.h>

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCourse, "asynclab.learn", QtWarningMsg)

namespace {
const QString Root = u":/learn/lessons/"_s;

QString readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

template<typename E>
E named(const QHash<QString, E> &names, const QString &name, E fallback, const QString &where)
{
    const auto it = names.constFind(name);
    if (it != names.cend())
        return *it;
    qCWarning(lcCourse, "%s: unknown name \"%s\"", qPrintable(where), qPrintable(name));
    return fallback;
}

LessonMeasure measureNamed(const QString &name, const QString &where)
{
    static const QHash<QString, LessonMeasure> names = {
        { u"fetch"_s, LessonMeasure::Fetch }, { u"fetches"_s, LessonMeasure::Fetches },
        { u"demo"_s, LessonMeasure::Demo },   { u"compare"_s, LessonMeasure::Compare },
        { u"watch"_s, LessonMeasure::Watch },
    };
    return named(names, name, LessonMeasure::Fetch, where);
}

LessonJudge judgeNamed(const QString &name, const QString &where)
{
    static const QHash<QString, LessonJudge> names = {
        { u"freeze-length"_s, LessonJudge::FreezeLength },
        { u"async-fetch"_s, LessonJudge::AsyncFetch },
        { u"connection-limit"_s, LessonJudge::ConnectionLimit },
        { u"queued-timer"_s, LessonJudge::QueuedTimer },
        { u"blocked-threads"_s, LessonJudge::BlockedThreads },
        { u"busy-or-waiting"_s, LessonJudge::BusyOrWaiting },
        { u"compare-wall-times"_s, LessonJudge::CompareWallTimes },
        { u"lost-updates"_s, LessonJudge::LostUpdates },
        { u"self-deadlock"_s, LessonJudge::SelfDeadlock },
        { u"backpressure"_s, LessonJudge::Backpressure },
        { u"culprit-line"_s, LessonJudge::CulpritLine },
    };
    return named(names, name, LessonJudge::FreezeLength, where);
}

LessonPlace placeNamed(const QString &name, const QString &where)
{
    static const QHash<QString, LessonPlace> names = {
        { u"main"_s, LessonPlace::MainWindow },
        { u"compare"_s, LessonPlace::Compare },
        { u"gallery"_s, LessonPlace::Gallery },
        { u"watch"_s, LessonPlace::Watch },
    };
    return named(names, name, LessonPlace::MainWindow, where);
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

// The catalogue holds a lesson's prose in the context "Lesson", one text per string or list item
// (cmake/resourcestrings.cmake).
QString translated(const QJsonValue &value)
{
    return QCoreApplication::translate("Lesson", value.toString().toUtf8().constData());
}

QStringList translatedList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(translated(item));
    return list;
}

Lesson parse(int number, const QString &id, const QJsonObject &json)
{
    const QString where = Root + id;
    Lesson lesson;
    lesson.number = number;
    lesson.id = id;
    lesson.title = translated(json.value(u"title"_s));
    lesson.question = translated(json.value(u"question"_s));
    lesson.choices = translatedList(json.value(u"choices"_s));
    // Prose may be a list of paragraphs, so a long text stays readable in JSON.
    const QJsonValue explanation = json.value(u"explanation"_s);
    lesson.explanation = explanation.isArray()
            ? u"<p>"_s + translatedList(explanation).join(u"</p><p>"_s) + u"</p>"_s
            : translated(explanation);
    lesson.explore = translated(json.value(u"explore"_s));
    lesson.place = placeNamed(json.value(u"place"_s).toString(u"main"_s), where);
    lesson.galleryDemo = json.value(u"gallery"_s).toString();
    lesson.exploreScenario = json.value(u"compareScenario"_s).toString();
    lesson.terms = strings(json.value(u"terms"_s));

    const QJsonObject measure = json.value(u"measure"_s).toObject();
    lesson.measure = measureNamed(measure.value(u"kind"_s).toString(), where);
    lesson.judge = judgeNamed(json.value(u"judge"_s).toString(), where);
    lesson.mode = runModeFromName(measure.value(u"mode"_s).toString(u"blocking"_s))
                          .value_or(RunMode::Blocking);
    lesson.route = measure.value(u"route"_s).toString();
    lesson.delayMs = measure.value(u"delayMs"_s).toInt();
    lesson.count = measure.value(u"count"_s).toInt(1);
    lesson.demo = measure.value(u"demo"_s).toString();
    lesson.variant = measure.value(u"variant"_s).toInt();
    lesson.scenario = measure.value(u"scenario"_s).toString();

    const QJsonObject cpp = json.value(u"cpp"_s).toObject();
    lesson.cppSnippets = strings(cpp.value(u"snippets"_s));
    lesson.cppFile = cpp.value(u"file"_s).toString();
    lesson.codeLines = strings(json.value(u"codeLines"_s));
    lesson.expect = strings(json.value(u"expect"_s));
    return lesson;
}

QList<Lesson> loadLessons()
{
    QList<Lesson> lessons;
    const QJsonArray order =
            QJsonDocument::fromJson(readResource(Root + u"course.json"_s).toUtf8()).array();
    for (const QJsonValue &id : order) {
        const QString path = Root + id.toString() + u"/lesson.json"_s;
        QJsonParseError error {};
        const QJsonDocument doc = QJsonDocument::fromJson(readResource(path).toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            qCWarning(lcCourse, "%s: %s", qPrintable(path), qPrintable(error.errorString()));
        lessons.append(parse(int(lessons.size()) + 1, id.toString(), doc.object()));
    }
    return lessons;
}
} // namespace

QString Lesson::scriptPath(const QString &fileName) const
{
    return Root + id + u'/' + fileName;
}

QString Lesson::javaScript() const
{
    return readResource(scriptPath(u"lesson.js"_s));
}

QString Lesson::python() const
{
    return readResource(scriptPath(u"lesson.py"_s));
}

QString Lesson::cppCode() const
{
    if (!cppFile.isEmpty())
        return readResource(scriptPath(cppFile));
    QStringList parts;
    for (const QString &id : cppSnippets)
        parts.append(snippet(id));
    return parts.join(u"\n\n"_s);
}

QString Lesson::cppLocation() const
{
    if (!cppFile.isEmpty())
        return cppFile;
    QStringList where;
    for (const QString &id : cppSnippets)
        where.append(snippetLocation(id));
    return where.join(u", "_s);
}

QString Lesson::routeFor(int ms) const
{
    return QString(route).replace(u"{ms}"_s, QString::number(ms));
}

const QList<Lesson> &Course::lessons()
{
    static const QList<Lesson> all = loadLessons();
    return all;
}

const Lesson *Course::find(int number)
{
    const QList<Lesson> &all = lessons();
    if (number < 1 || number > all.size())
        return nullptr;
    return &all[number - 1];
}

#include <learn/lesson.h>
#include <learn/lessonreport.h>
#include <learn/lessonrunner.h>

#include <stalls/stallreport.h>

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace LessonReport {

static QString tr(const char *text)
{
    return QCoreApplication::translate("LessonReport", text);
}

QJsonObject json(const Lesson &lesson, const LessonResult &result, int predicted)
{
    QJsonObject json { { u"number"_s, lesson.number },
                       { u"id"_s, lesson.id },
                       { u"title"_s, lesson.title },
                       { u"question"_s, lesson.question },
                       { u"choices"_s, QJsonArray::fromStringList(lesson.choices) },
                       { u"mode"_s, runModeName(result.mode) },
                       { u"ok"_s, result.ok } };
    if (!result.ok) {
        json.insert(u"error"_s, result.error);
        return json;
    }
    const Judgment &judgment = result.judgment;
    json.insert(u"measured"_s, result.figures);
    QJsonObject verdict { { u"verdict"_s, verdictName(judgment.verdict) },
                          { u"measured"_s, judgment.measured } };
    if (judgment.isClear()) {
        verdict.insert(u"rightIndex"_s, judgment.right);
        verdict.insert(u"rightChoice"_s, lesson.choices.value(judgment.right));
    } else {
        verdict.insert(u"rightIndex"_s, QJsonValue());
        verdict.insert(u"note"_s, judgment.note);
    }
    if (predicted >= 0) {
        verdict.insert(u"predictedIndex"_s, predicted);
        verdict.insert(u"prediction"_s, markName(judgment.mark(predicted)));
    }
    json.insert(u"judgment"_s, verdict);
    return StallReport::withStalls(json, result.stalls);
}

QString text(const Lesson &lesson, const LessonResult &result, int predicted)
{
    QString text = tr("Lesson %1: %2\n%3\n").arg(lesson.number).arg(lesson.title, lesson.question);
    for (int i = 0; i < lesson.choices.size(); ++i)
        text += u"  %1. %2\n"_s.arg(i + 1).arg(lesson.choices[i]);
    if (!result.ok)
        return text + tr("could not measure: %1\n").arg(result.error);
    const Judgment &judgment = result.judgment;
    text += tr("measured   %1\n").arg(judgment.measured);
    if (judgment.isClear())
        text += tr("right      %1. %2\n")
                        .arg(judgment.right + 1)
                        .arg(lesson.choices.value(judgment.right));
    else
        text += tr("right      unclear this time: %1\n").arg(judgment.note);
    if (predicted >= 0) {
        const Judgment::Mark mark = judgment.mark(predicted);
        const QString said = mark == Judgment::Mark::Right ? tr("right: the measurement agrees")
                : mark == Judgment::Mark::Wrong            ? tr("not this time")
                                                           : tr("unclear: this run cannot tell");
        text += tr("you said   %1. %2 (%3)\n")
                        .arg(predicted + 1)
                        .arg(lesson.choices.value(predicted), said);
    } else {
        text += tr("predict    next time, answer before you look: asynclab --lesson %1 --predict "
                   "N\n")
                        .arg(lesson.number);
    }
    return text + StallReport::culpritText(result.stalls);
}

QJsonArray listJson()
{
    QJsonArray lessons;
    for (const Lesson &lesson : Course::lessons()) {
        lessons.append(
                QJsonObject { { u"number"_s, lesson.number },
                              { u"id"_s, lesson.id },
                              { u"title"_s, lesson.title },
                              { u"question"_s, lesson.question },
                              { u"choices"_s, QJsonArray::fromStringList(lesson.choices) } });
    }
    return lessons;
}

QString listText()
{
    QString text;
    for (const Lesson &lesson : Course::lessons())
        text += u"%1  %2\n"_s.arg(lesson.number, 2).arg(lesson.title);
    return text;
}

} // namespace LessonReport

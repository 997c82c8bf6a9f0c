#include <learn/lesson.h>
#include <learn/lessonreport.h>
#include <learn/lessonrunner.h>

#include <stalls/stallreport.h>

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace LessonReport {

// The texts' context for lupdate and the translator: a namespace has no Texts::tr() of its own.
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(LessonReport)
};

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
    QString text =
            Texts::tr("Lesson %1: %2\n%3\n").arg(lesson.number).arg(lesson.title, lesson.question);
    for (int i = 0; i < lesson.choices.size(); ++i)
        text += u"  %1. %2\n"_s.arg(i + 1).arg(lesson.choices[i]);
    if (!result.ok)
        return text + Texts::tr("could not measure: %1\n").arg(result.error);
    const Judgment &judgment = result.judgment;
    text += Texts::tr("measured   %1\n").arg(judgment.measured);
    if (judgment.isClear())
        text += Texts::tr("right      %1. %2\n")
                        .arg(judgment.right + 1)
                        .arg(lesson.choices.value(judgment.right));
    else
        text += Texts::tr("right      unclear this time: %1\n").arg(judgment.note);
    if (predicted >= 0) {
        const Judgment::Mark mark = judgment.mark(predicted);
        const QString said = mark == Judgment::Mark::Right
                ? Texts::tr("right: the measurement agrees")
                : mark == Judgment::Mark::Wrong ? Texts::tr("not this time")
                                                : Texts::tr("unclear: this run cannot tell");
        text += Texts::tr("you said   %1. %2 (%3)\n")
                        .arg(predicted + 1)
                        .arg(lesson.choices.value(predicted), said);
    } else {
        text += Texts::tr("predict    next time, answer before you look: asynclab --lesson %1 "
                          "--predict "
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

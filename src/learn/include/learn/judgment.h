#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

struct Lesson;

// What this run's measurement says about a lesson's choices. Never a stored answer: the right
// choice is computed from the figures, and when the machine made them unclear (a loaded machine,
// a race that happened not to race) the judgment says so instead of picking one.
struct Judgment
{
    Q_DECLARE_TR_FUNCTIONS(Judgment)
public:
    enum class Verdict { Clear, Ambiguous };
    Verdict verdict = Verdict::Ambiguous;
    int right = -1; // the choice the measurement makes right; -1 when ambiguous
    QString measured; // what was measured, one sentence for people
    QString note; // why the run is ambiguous, or empty

    bool isClear() const { return verdict == Verdict::Clear; }
    // "right", "wrong" or "ambiguous" for a chosen answer.
    enum class Mark { Right, Wrong, Ambiguous };
    Mark mark(int chosen) const;
};

Q_DECLARE_METATYPE(Judgment::Mark)

QString verdictName(Judgment::Verdict verdict); // "clear", "ambiguous"
QString markName(Judgment::Mark mark); // "right", "wrong", "ambiguous"

// The lesson's judge applied to the figures its measurement produced (see LessonRunner).
Judgment judge(const Lesson &lesson, const QJsonObject &figures);

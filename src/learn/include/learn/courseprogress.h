#pragma once

#include <learn/judgment.h>

#include <QHash>
#include <QString>
#include <optional>

// Where the student is in the course, kept with QSettings between launches: the lesson to resume
// at, each lesson's last mark, and whether the first-run invitation was dismissed for good.
class CourseProgress
{
public:
    // The lesson to resume at, from 1.
    int current() const;
    void setCurrent(int number);

    // A lesson is done once its measurement has been checked against a prediction. The first
    // clear mark (right or wrong) is the one that counts: a prediction changed after seeing the
    // answer is not a prediction. Returns the mark kept.
    Judgment::Mark record(const QString &lessonId, Judgment::Mark mark);
    std::optional<Judgment::Mark> mark(const QString &lessonId) const;
    int doneCount() const;
    int rightCount() const;

    bool invitationDismissed() const;
    void dismissInvitation();

    // Forgets every mark and goes back to lesson 1; the invitation stays dismissed.
    void reset();
};

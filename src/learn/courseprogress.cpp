#include <learn/courseprogress.h>
#include <learn/lesson.h>

#include <QSettings>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
const QString Current = u"learn/current"_s;
const QString Marks = u"learn/marks/"_s;
const QString Dismissed = u"learn/invitationDismissed"_s;

int countMarks(const CourseProgress &progress, std::optional<Judgment::Mark> only)
{
    int count = 0;
    for (const Lesson &lesson : Course::lessons()) {
        const auto mark = progress.mark(lesson.id);
        if (mark && (!only || *mark == *only))
            ++count;
    }
    return count;
}
} // namespace

int CourseProgress::current() const
{
    return std::clamp(QSettings().value(Current, 1).toInt(), 1, std::max(1, Course::size()));
}

void CourseProgress::setCurrent(int number)
{
    QSettings().setValue(Current, number);
}

Judgment::Mark CourseProgress::record(const QString &lessonId, Judgment::Mark mark)
{
    const std::optional<Judgment::Mark> kept = this->mark(lessonId);
    if (kept && *kept != Judgment::Mark::Ambiguous)
        return *kept;
    QSettings().setValue(Marks + lessonId, markName(mark));
    return mark;
}

std::optional<Judgment::Mark> CourseProgress::mark(const QString &lessonId) const
{
    const QString name = QSettings().value(Marks + lessonId).toString();
    for (const auto mark :
         { Judgment::Mark::Right, Judgment::Mark::Wrong, Judgment::Mark::Ambiguous }) {
        if (name == markName(mark))
            return mark;
    }
    return std::nullopt;
}

int CourseProgress::doneCount() const
{
    return countMarks(*this, std::nullopt);
}

int CourseProgress::rightCount() const
{
    return countMarks(*this, Judgment::Mark::Right);
}

bool CourseProgress::invitationDismissed() const
{
    return QSettings().value(Dismissed, false).toBool();
}

void CourseProgress::dismissInvitation()
{
    QSettings().setValue(Dismissed, true);
}

void CourseProgress::reset()
{
    QSettings settings;
    settings.remove(u"learn/marks"_s);
    settings.setValue(Current, 1);
}

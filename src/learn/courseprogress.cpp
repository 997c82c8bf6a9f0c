#include <learn/courseprogress.h>
#include <learn/lesson.h>

#include <QCoreApplication>
#include <QSettings>
#include <QThreadPool>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
const QString Current = u"learn/current"_s;
const QString Marks = u"learn/marks/"_s;
const QString Dismissed = u"learn/invitationDismissed"_s;

// Saving a setting syncs the file to the disk, tens of milliseconds on a busy one: too long for
// the GUI thread to wait each time the student moves to another lesson. One thread saves, in the
// order asked, so the last lesson chosen is the one kept.
QThreadPool *saver()
{
    static QThreadPool pool;
    pool.setMaxThreadCount(1);
    return &pool;
}

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
    saver()->waitForDone(); // a lesson chosen just now is being saved
    return std::clamp(QSettings().value(Current, 1).toInt(), 1, std::max(1, Course::size()));
}

void CourseProgress::setCurrent(int number)
{
    // the names QSettings() would use, read here: the application may be gone when this runs
    saver()->start([organization = QCoreApplication::organizationName(),
                    application = QCoreApplication::applicationName(),
                    number] { QSettings(organization, application).setValue(Current, number); });
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
    // Read through QSettings, whose file the process holds in memory: every CourseProgress
    // object sees what another recorded.
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
    saver()->waitForDone(); // or a lesson chosen before would come back after
    QSettings settings;
    settings.remove(u"learn/marks"_s);
    settings.setValue(Current, 1);
}

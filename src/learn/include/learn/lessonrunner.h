#pragma once

#include <learn/judgment.h>
#include <learn/lesson.h>

#include <stalls/stallrecord.h>

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <memory>
#include <optional>

class Demo;
class Lab;
class WatchSession;
class QTemporaryDir;

// A lesson's measurement and what it makes right.
struct LessonResult
{
    bool ok = true; // false: the measurement itself could not run
    QString error; // one line when !ok
    RunMode mode = RunMode::Blocking; // the mode it ran in
    QJsonObject figures; // what was measured, the names the judge reads
    Judgment judgment;
    QList<StallRecord> stalls; // the GUI thread's freezes during the run
};

Q_DECLARE_METATYPE(LessonResult)

// Ways to run a lesson other than its own, for tests and scripts: another mode forces another
// outcome, a shorter delay a faster run.
struct LessonOptions
{
    std::optional<RunMode> mode;
    int delayMs = 0; // 0: the lesson's
    QString loadPath; // Fetch lessons: load this file instead of fetching
    bool asyncOneAtATime = false; // Compare lessons: the Async steps one after another
};

// Runs a lesson's measurement with the Lab's own runners (jobs, scenarios, demos, watch), without
// a window, and judges it. Lives on the GUI thread. A Blocking measurement freezes the GUI
// thread, as in the main window: that is what the lesson shows.
class LessonRunner : public QObject
{
    Q_OBJECT
public:
    explicit LessonRunner(Lab *lab, QObject *parent = nullptr);
    ~LessonRunner() override;

    void setOptions(const LessonOptions &options) { m_options = options; }
    // Starts the measurement; finished() follows exactly once, later (never from inside run()).
    void run(const Lesson &lesson);
    void cancel(); // finished() follows with the error "canceled"
    bool isRunning() const { return bool(m_run); }

    // The small program the last lesson watches: ASYNCLAB_NOTES_PROGRAM if set, else the one
    // built or installed beside AsyncLab.
    static QString notesProgramPath();

signals:
    void progress(const QString &line);
    void finished(const LessonResult &result);

private:
    void start();
    void runFetch();
    void runFetches();
    void runDemo();
    void runCompare();
    void runWatch();
    // Judges the figures with the stalls of the run: the given ones, or the Lab's watchdog's.
    void complete(QJsonObject figures, std::optional<QList<StallRecord>> stalls = {});
    void fail(const QString &error);
    void end(const LessonResult &result);
    int delayMs() const;
    RunMode mode() const { return m_options.mode.value_or(m_lesson.mode); }

    Lab *m_lab;
    Lesson m_lesson;
    LessonOptions m_options;
    double m_startMs = 0;
    // Parent of everything one run connects and creates: deleting it ends the run's connections.
    std::unique_ptr<QObject> m_run;
    std::unique_ptr<QTemporaryDir> m_dir;
    QPointer<Demo> m_demo;
    QPointer<WatchSession> m_watch;
    bool m_previousOneAtATime = false;
};

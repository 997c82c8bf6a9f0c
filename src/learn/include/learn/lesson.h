#pragma once

#include <engine/runmode.h>

#include <QList>
#include <QString>
#include <QStringList>

// What a lesson runs to check the prediction: a closed set, named in each lesson's JSON file.
enum class LessonMeasure {
    Fetch, // one fetch of an embedded route (or a file load, when the target is a file)
    Fetches, // `count` fetches of one route started at once
    Demo, // a concept demo, headless
    Compare, // a scenario in Blocking, then Async mode
    Watch, // `asynclab watch` on the course's small program
};

// How a measurement makes one choice right: one judge per question, pure functions in judgment.h.
enum class LessonJudge {
    FreezeLength, // how long the heartbeat stopped during one fetch
    AsyncFetch, // the fetch's time and the window's freeze, together
    ConnectionLimit, // total time of many fetches, in rounds of the per-host limit
    QueuedTimer, // how late a timer ran behind a long handler
    BlockedThreads, // threads blocked while worker threads wait for fetches
    BusyOrWaiting, // what the GUI thread did during the longest stall
    CompareWallTimes, // the wall times of a Blocking and an Async run
    LostUpdates, // an unprotected counter's final value
    SelfDeadlock, // the GUI thread waiting for its own event loop
    Backpressure, // memory growth of an unbounded queue
    CulpritLine, // the line of the watched program that froze it
};

// Which window a lesson sends the student to for more.
enum class LessonPlace { MainWindow, Compare, Gallery, Watch };

// One step of the course, read from its resource folder (lessons/NN-id/): the prose in
// lesson.json, the same idea in lesson.js and lesson.py, the C++ from the real sources.
struct Lesson
{
    int number = 0; // from 1, the course's order
    QString id; // "see-a-freeze"
    QString title;
    QString question;
    QStringList choices;
    QString explanation; // rich text; "term:ID" links open the glossary
    QString explore; // where to try more, one sentence
    LessonPlace place = LessonPlace::MainWindow;
    QString galleryDemo; // LessonPlace::Gallery: the demo to select
    QString exploreScenario; // LessonPlace::Compare: the scenario to select
    QStringList terms; // glossary ids this lesson uses

    LessonMeasure measure = LessonMeasure::Fetch;
    LessonJudge judge = LessonJudge::FreezeLength;
    RunMode mode = RunMode::Blocking;
    QString route; // with "{ms}" for the delay: "/delay/{ms}"
    int delayMs = 0; // the lesson's wait, 0 when it has none
    int count = 1; // Fetches
    QString demo; // Demo: its registered name
    int variant = 0; // Demo: from 0
    QString scenario; // Compare

    QStringList cppSnippets; // snippet ids of the real sources
    QString cppFile; // or a source file of the course (the watched program)
    QStringList codeLines; // CulpritLine: the function each choice names, in choice order
    // What lesson.js and lesson.py print, as regular expressions each output must match.
    QStringList expect;

    QString javaScript() const; // lesson.js
    QString python() const; // lesson.py
    QString scriptPath(const QString &fileName) const; // resource path of a file of the lesson
    QString cppCode() const; // the snippets, or the course file
    QString cppLocation() const; // "core/blockingfetcher.cpp:30"

    // The route with the delay filled in.
    QString routeFor(int delayMs) const;
};

// The lessons in course order, read once from the resources.
class Course
{
public:
    static const QList<Lesson> &lessons();
    static const Lesson *find(int number); // nullptr when there is no such lesson
    static int size() { return int(lessons().size()); }
};

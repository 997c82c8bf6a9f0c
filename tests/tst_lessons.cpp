#include "appfixture.h"
#include <engine/lab.h>
#include <engine/report.h>
#include <common/units.h>

#include <learn/courseprogress.h>
#include <learn/glossary.h>
#include <learn/judgment.h>
#include <learn/lesson.h>
#include <learn/lessonreport.h>
#include <learn/lessonrunner.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

// The course's lessons run headless, each judged from this run's measurement: another mode or
// another input makes another choice right.
class TestLessons : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void courseIsComplete();
    void everyLessonRunsToJson_data();
    void everyLessonRunsToJson();
    void judgmentFollowsTheMeasurement_data();
    void judgmentFollowsTheMeasurement();
    void judgesFromFigures_data();
    void judgesFromFigures();
    void progressIsKept();
    void resultLineSaysWhatTheModeBought_data();
    void resultLineSaysWhatTheModeBought();

private:
    LessonResult runLesson(int number, const LessonOptions &options = {});

    std::unique_ptr<Lab> m_lab;
};

namespace {
// Short waits, so the whole course runs in seconds; the judges read the delay from the figures.
constexpr int ShortDelayMs = 200;

const Lesson &lessonWithJudge(LessonJudge judge)
{
    for (const Lesson &lesson : Course::lessons()) {
        if (lesson.judge == judge)
            return lesson;
    }
    qFatal("no lesson has that judge");
}

int numberOf(LessonJudge judge)
{
    return lessonWithJudge(judge).number;
}

// The choice each lesson's own measurement makes right, as the student runs it: the answer the
// lesson teaches.
int taughtAnswer(LessonJudge judge)
{
    switch (judge) {
    case LessonJudge::BlockedThreads:
    case LessonJudge::CulpritLine:
        return 2;
    default:
        return 1;
    }
}
} // namespace

void TestLessons::init()
{
    // A judgment reading a figure the measurement lacks would judge a zero.
    QTest::failOnWarning(QRegularExpression(u"which its measurement lacks"_s));
}

void TestLessons::initTestCase()
{
    useTestSettings();
    CourseProgress().reset();
    m_lab = startedLab();
    QVERIFY(m_lab);
}

LessonResult TestLessons::runLesson(int number, const LessonOptions &options)
{
    LessonRunner runner(m_lab.get());
    runner.setOptions(options);
    QSignalSpy finished(&runner, &LessonRunner::finished);
    [&] { QVERIFY(finished.isValid()); }();
    runner.run(*Course::find(number));
    if (!finished.wait(60000))
        return { false, u"timed out"_s, {}, {}, {}, {} };
    return finished.first().first().value<LessonResult>();
}

void TestLessons::courseIsComplete()
{
    QVERIFY2(Course::size() >= 10 && Course::size() <= 14,
             qPrintable(QString::number(Course::size())));
    for (const Lesson &lesson : Course::lessons()) {
        const QString where = lesson.id;
        QVERIFY2(!lesson.title.isEmpty() && !lesson.question.isEmpty(), qPrintable(where));
        QVERIFY2(lesson.choices.size() >= 3, qPrintable(where));
        QVERIFY2(!lesson.explanation.isEmpty() && !lesson.explore.isEmpty(), qPrintable(where));
        QVERIFY2(!lesson.cppCode().isEmpty(), qPrintable(where + u": no C++"_s));
        QVERIFY2(!lesson.javaScript().isEmpty() && !lesson.python().isEmpty(), qPrintable(where));
        QVERIFY2(!lesson.expect.isEmpty(), qPrintable(where));
        // every word a lesson links to is in the glossary
        static const QRegularExpression termLink(u"href=\"term:([a-z0-9-]+)\""_s);
        QStringList ids = lesson.terms;
        for (const auto &match : termLink.globalMatch(lesson.explanation))
            ids.append(match.captured(1));
        for (const QString &id : ids)
            QVERIFY2(Glossary::find(id), qPrintable(where + u": "_s + id));
    }
    QVERIFY(Glossary::terms().size() >= 30);
    QVERIFY(Glossary::tooltip(u"event-loop"_s).contains(u"event loop"_s));
}

void TestLessons::everyLessonRunsToJson_data()
{
    QTest::addColumn<int>("number");
    for (const Lesson &lesson : Course::lessons())
        QTest::addRow("%d %s", lesson.number, qPrintable(lesson.id)) << lesson.number;
}

void TestLessons::everyLessonRunsToJson()
{
    QFETCH(int, number);
    const Lesson &lesson = *Course::find(number);
    LessonOptions options;
    options.delayMs = ShortDelayMs;
    const LessonResult result = runLesson(number, options);
    QVERIFY2(result.ok, qPrintable(result.error));
    const QJsonObject json = LessonReport::json(lesson, result);
    QCOMPARE(json.value(u"number"_s).toInt(), number);
    QCOMPARE(json.value(u"question"_s).toString(), lesson.question);
    QCOMPARE(json.value(u"choices"_s).toArray().size(), lesson.choices.size());
    QVERIFY(!json.value(u"measured"_s).toObject().isEmpty());
    const QJsonObject judgment = json.value(u"judgment"_s).toObject();
    QVERIFY(!judgment.value(u"measured"_s).toString().isEmpty());
    // Clear, with the right choice named; or ambiguous, saying why. On this machine every lesson
    // should come out clear: an ambiguous one is printed, to see how often it happens.
    if (judgment.value(u"verdict"_s) == u"clear"_s) {
        const int right = judgment.value(u"rightIndex"_s).toInt(-1);
        QVERIFY2(right == taughtAnswer(lesson.judge),
                 qPrintable(judgment.value(u"measured"_s).toString()));
        QCOMPARE(judgment.value(u"rightChoice"_s).toString(), lesson.choices[right]);
    } else {
        QCOMPARE(judgment.value(u"verdict"_s).toString(), u"ambiguous"_s);
        QVERIFY(!judgment.value(u"note"_s).toString().isEmpty());
        qWarning("lesson %d was ambiguous: %s", number,
                 qPrintable(judgment.value(u"measured"_s).toString()));
    }
    QVERIFY(LessonReport::text(lesson, result).contains(lesson.question));
}

void TestLessons::judgmentFollowsTheMeasurement_data()
{
    QTest::addColumn<int>("number");
    QTest::addColumn<int>("mode"); // -1: the lesson's
    QTest::addColumn<bool>("loadFile");
    QTest::addColumn<bool>("oneAtATime");
    QTest::addColumn<int>("right");

    const int blocking = int(RunMode::Blocking);
    const int async = int(RunMode::Async);
    const int freeze = numberOf(LessonJudge::FreezeLength);
    QTest::addRow("freeze, Blocking: about the wait") << freeze << blocking << false << false << 1;
    QTest::addRow("freeze, Async: not at all") << freeze << async << false << false << 0;
    const int alive = numberOf(LessonJudge::AsyncFetch);
    QTest::addRow("same wait, Async: no freeze") << alive << async << false << false << 1;
    QTest::addRow("same wait, Blocking: freezes") << alive << blocking << false << false << 2;
    const int busy = numberOf(LessonJudge::BusyOrWaiting);
    QTest::addRow("Blocking fetch: waiting") << busy << blocking << false << false << 1;
    QTest::addRow("Blocking file load: busy") << busy << blocking << true << false << 0;
    QTest::addRow("Async fetch: no freeze") << busy << async << false << false << 2;
    const int six = numberOf(LessonJudge::ConnectionLimit);
    QTest::addRow("20 fetches, Async: rounds of six") << six << async << false << false << 1;
    QTest::addRow("20 fetches, Blocking: one by one") << six << blocking << false << false << 2;
    const int compare = numberOf(LessonJudge::CompareWallTimes);
    QTest::addRow("compare: Async at once") << compare << -1 << false << false << 1;
    QTest::addRow("compare: Async one at a time") << compare << -1 << false << true << 0;
}

void TestLessons::judgmentFollowsTheMeasurement()
{
    QFETCH(int, number);
    QFETCH(int, mode);
    QFETCH(bool, loadFile);
    QFETCH(bool, oneAtATime);
    QFETCH(int, right);

    LessonOptions options;
    if (mode >= 0)
        options.mode = RunMode(mode);
    options.delayMs = ShortDelayMs;
    options.asyncOneAtATime = oneAtATime;
    // A file whose hashing keeps the GUI thread busy for a few hundred milliseconds.
    QTemporaryFile file;
    if (loadFile) {
        QVERIFY(file.open());
        const QByteArray block(1 << 20, 'x');
        for (int i = 0; i < 256; ++i)
            file.write(block);
        file.flush();
        options.loadPath = file.fileName();
    }
    const LessonResult result = runLesson(number, options);
    QVERIFY2(result.ok, qPrintable(result.error));
    const QString figures = QString::fromUtf8(QJsonDocument(result.figures).toJson());
    QVERIFY2(result.judgment.isClear(), qPrintable(result.judgment.note + u'\n' + figures));
    QVERIFY2(result.judgment.right == right,
             qPrintable(u"%1 instead of %2: %3"_s.arg(result.judgment.right)
                                .arg(right)
                                .arg(result.judgment.measured)));
}

void TestLessons::judgesFromFigures_data()
{
    QTest::addColumn<int>("judge");
    QTest::addColumn<QJsonObject>("figures");
    QTest::addColumn<int>("right"); // -1: ambiguous

    const auto row = [](const char *name, LessonJudge judge, const QJsonObject &figures,
                        int right) { QTest::addRow("%s", name) << int(judge) << figures << right; };
    row("freeze for part of the wait", LessonJudge::FreezeLength,
        { { u"delayMs"_s, 2000 }, { u"durationMs"_s, 2000 }, { u"maxStallMs"_s, 900 } }, -1);
    row("async, but a long freeze", LessonJudge::AsyncFetch,
        { { u"delayMs"_s, 2000 }, { u"durationMs"_s, 2010 }, { u"maxStallMs"_s, 400 } }, -1);
    row("timer late by the handler", LessonJudge::QueuedTimer,
        { { u"loop blocked: timer tick ms late"_s, 297 }, { u"long handler ms"_s, 300 } }, 1);
    row("timer on time", LessonJudge::QueuedTimer,
        { { u"loop blocked: timer tick ms late"_s, 2 }, { u"long handler ms"_s, 300 } }, 0);
    row("a thread per wait", LessonJudge::BlockedThreads,
        { { u"worker threads: threads blocked"_s, 20 }, { u"worker threads: fetches"_s, 20 } }, 2);
    row("some threads", LessonJudge::BlockedThreads,
        { { u"worker threads: threads blocked"_s, 9 }, { u"worker threads: fetches"_s, 20 } }, -1);
    const auto race = [](int unprotectedLost) {
        return QJsonObject { { u"unprotected: lost updates"_s, unprotectedLost },
                             { u"runs per variant"_s, 5 },
                             { u"threads"_s, 4 },
                             { u"increments per thread"_s, 200000 },
                             { u"QMutex: lost updates"_s, 0 },
                             { u"std::atomic: lost updates"_s, 0 } };
    };
    row("updates lost", LessonJudge::LostUpdates, race(12345), 1);
    row("the race did not race", LessonJudge::LostUpdates, race(0), -1);
    row("deadlock caught", LessonJudge::SelfDeadlock,
        { { u"GUI thread waits on itself: detected"_s, true },
          { u"GUI thread waits on itself: blocked at most ms"_s, 1500 },
          { u"GUI thread, fixed: to result ms"_s, 0.1 } },
        1);
    row("no deadlock", LessonJudge::SelfDeadlock,
        { { u"GUI thread waits on itself: detected"_s, false } }, 0);
    const double mib = 1 << 20;
    const auto backpressure = [mib](double unboundedPeak) {
        return QJsonObject { { u"stream bytes"_s, 256 * mib },
                             { u"unbounded: peak queue bytes"_s, unboundedPeak },
                             { u"unbounded: RSS growth MiB"_s, unboundedPeak / mib },
                             { u"bounded: peak queue bytes"_s, 0.25 * mib },
                             { u"bounded: RSS growth MiB"_s, 1.0 } };
    };
    row("queue grew by the stream", LessonJudge::Backpressure, backpressure(250 * mib), 1);
    row("queue stayed small", LessonJudge::Backpressure, backpressure(1 * mib), 0);
    row("queue grew by half", LessonJudge::Backpressure, backpressure(60 * mib), -1);
    row("culprit in the backup", LessonJudge::CulpritLine,
        { { u"culpritFunction"_s, u"NotesWindow::keepBackupCopy"_s },
          { u"culpritLine"_s, 51 },
          { u"longestStallMs"_s, 800 } },
        2);
    row("culprit in packing", LessonJudge::CulpritLine,
        { { u"culpritFunction"_s, u"NotesWindow::packForDisk"_s },
          { u"culpritLine"_s, 40 },
          { u"longestStallMs"_s, 300 } },
        1);
    row("no culprit", LessonJudge::CulpritLine, {}, -1);
    row("five rounds are neither", LessonJudge::ConnectionLimit,
        { { u"delayMs"_s, 1000 }, { u"count"_s, 20 }, { u"totalMs"_s, 9000 } }, -1);
}

void TestLessons::judgesFromFigures()
{
    QFETCH(int, judge);
    QFETCH(QJsonObject, figures);
    QFETCH(int, right);
    const Judgment judgment = ::judge(lessonWithJudge(LessonJudge(judge)), figures);
    QCOMPARE(judgment.right, right);
    QCOMPARE(judgment.isClear(), right >= 0);
    QVERIFY(!judgment.measured.isEmpty());
    if (right < 0) {
        QVERIFY(!judgment.note.isEmpty());
        QCOMPARE(judgment.mark(0), Judgment::Mark::Ambiguous);
    } else {
        QCOMPARE(judgment.mark(right), Judgment::Mark::Right);
        QCOMPARE(judgment.mark(right == 0 ? 1 : 0), Judgment::Mark::Wrong);
    }
}

void TestLessons::progressIsKept()
{
    CourseProgress progress;
    progress.reset();
    QCOMPARE(progress.current(), 1);
    QCOMPARE(progress.doneCount(), 0);
    const QString first = Course::find(1)->id;
    const QString second = Course::find(2)->id;
    progress.record(first, Judgment::Mark::Right);
    progress.record(second, Judgment::Mark::Ambiguous);
    progress.setCurrent(3);
    const CourseProgress later; // as after a restart: everything comes from QSettings
    QCOMPARE(later.current(), 3);
    QCOMPARE(later.mark(first), Judgment::Mark::Right);
    QCOMPARE(later.mark(second), Judgment::Mark::Ambiguous);
    QCOMPARE(later.doneCount(), 2);
    QCOMPARE(later.rightCount(), 1);
    // The first clear prediction counts: not one changed after seeing the answer. An unclear
    // run counts for nothing, so the next clear one does.
    QCOMPARE(progress.record(first, Judgment::Mark::Wrong), Judgment::Mark::Right);
    QCOMPARE(progress.record(second, Judgment::Mark::Wrong), Judgment::Mark::Wrong);
    QCOMPARE(progress.record(second, Judgment::Mark::Right), Judgment::Mark::Wrong);
    QCOMPARE(later.mark(first), Judgment::Mark::Right);
    QCOMPARE(later.rightCount(), 1);
    progress.setCurrent(99);
    QCOMPARE(later.current(), Course::size());
    progress.dismissInvitation();
    progress.reset();
    QCOMPARE(later.current(), 1);
    QCOMPARE(later.doneCount(), 0);
    QVERIFY(later.invitationDismissed()); // dismissed for good, also after a reset
}

void TestLessons::resultLineSaysWhatTheModeBought_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("says");
    QTest::addRow("Blocking") << int(RunMode::Blocking) << u"cost a frozen window"_s;
    QTest::addRow("Async") << int(RunMode::Async) << u"kept painting and reacting"_s;
}

void TestLessons::resultLineSaysWhatTheModeBought()
{
    QFETCH(int, mode);
    QFETCH(QString, says);
    QSignalSpy finished(&m_lab->jobs(), &JobRunner::finished);
    QVERIFY(finished.isValid());
    const int id =
            m_lab->jobs().fetch(m_lab->resolveUrl(u"/delay/%1"_s.arg(ShortDelayMs)), RunMode(mode));
    QTRY_VERIFY_WITH_TIMEOUT(m_lab->log().find(id) && m_lab->log().find(id)->isFinished(), 10000);
    const OperationRecord &record = *m_lab->log().find(id);
    const QString summary = Report::operationSummaryHtml(record);
    QVERIFY2(summary.contains(says), qPrintable(summary));
    // the figures the sentence gives are the record's
    QVERIFY2(summary.contains(formatDuration(record.durationMs())), qPrintable(summary));
}

QTEST_GUILESS_MAIN(TestLessons)
#include "tst_lessons.moc"

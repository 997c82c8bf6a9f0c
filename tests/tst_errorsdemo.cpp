#include "datarows.h"
#include "demorun.h"
#include <demos/errorsdemo.h>
#include <demos/demoregistry.h>
#include <engine/lab.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <memory>

using namespace Qt::StringLiterals;

// The errors demo (an exception across threads, a deadline, retries with backoff, a canceled file
// write), run for real against the embedded server as the gallery's Run button and `asynclab
// --demo` run it, and what it measured. What every demo promises is tested in tst_democontract.
class TestErrorsDemo : public DemoTestCase
{
    Q_OBJECT
private slots:
    void errors();
    void cancelWhileRetrying();
    void destroyedWhileRetrying_data();
    void destroyedWhileRetrying();
};

void TestErrorsDemo::errors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::unique_ptr<Demo> demo(demoFactory<ErrorsDemo>()(context(dir.path()), nullptr));
    auto *errors = qobject_cast<ErrorsDemo *>(demo.get());
    QVERIFY(errors);
    const DemoOutcome f = runToEnd(demo.get(), 15000);
    if (QTest::currentTestFailed())
        return;
    qInfo().noquote() << f.summary;

    QVERIFY(f.figure(u"exception"_s, u"delivered"_s).toBool());
    QVERIFY(f.figure(u"exception"_s, u"message"_s).toString().contains(u"12,5"_s));
    QCOMPARE(f.figure(u"exception"_s, u"caught on"_s).toString(), u"GUI thread"_s);

    QVERIFY(f.figure(u"timeout"_s, u"detected"_s).toBool());
    const double deadlineMs = f.figure(u"timeout"_s, u"stopped after"_s).toDouble();
    QVERIFY2(deadlineMs >= ErrorsDemo::DeadlineMs - 20 && deadlineMs < 2000,
             qPrintable(QString::number(deadlineMs)));
    QVERIFY(f.figure(u"timeout"_s, u"error"_s).toString().contains(u"timed out"_s));

    QVERIFY(f.figure(u"retry"_s, u"succeeded"_s).toBool());
    QCOMPARE(f.figure(u"retry"_s, u"attempts"_s).toInt(), 4);
    QCOMPARE(f.figure(u"retry"_s, u"backoff"_s).toString(), u"100, 200, 400"_s);
    QCOMPARE(f.bars.size(), 3);
    // The attempts took time of their own: the total is never less than the backoff alone.
    QVERIFY(f.figure(u"retry"_s, u"total"_s).toDouble() >= 100 + 200 + 400);

    QVERIFY(QFile::exists(errors->completeFilePath()));
    QCOMPARE(f.figure(u"file written"_s, u"bytes"_s).toDouble(),
             double(QFileInfo(errors->completeFilePath()).size()));
    QVERIFY(f.figure(u"file written"_s, u"bytes"_s).toDouble() > 0);
    QCOMPARE(f.figure(u"file canceled"_s, u"after chunk"_s).toInt(), ErrorsDemo::CancelAfterChunk);
    QVERIFY(!f.figure(u"file canceled"_s, u"target exists"_s).toBool());
    QCOMPARE(f.figure(u"file canceled"_s, u"temporary files left"_s).toInt(), 0);
    QVERIFY(!QFile::exists(errors->canceledFilePath()));
    // Nothing else was left in the folder: only the completed file.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList { QFileInfo(errors->completeFilePath()).fileName() });
}

// Canceled during the retries' backoff, it ends at once, canceled.
void TestErrorsDemo::cancelWhileRetrying()
{
    const std::unique_ptr<Demo> demo(create(u"errors"_s));
    QSignalSpy finished(demo.get(), &Demo::finished);
    demo->run();
    QTimer::singleShot(700, demo.get(), &Demo::cancel);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QVERIFY(!finished.wait(100));
    QCOMPARE(finished.at(0).at(0).value<DemoOutcome>().status, DemoOutcome::Status::Canceled);
}

void TestErrorsDemo::destroyedWhileRetrying_data()
{
    addRows<QString>("lastLine",
                     { { "waiting for an attempt's answer", u"3. fetch a flaky endpoint"_s },
                       { "waiting out the backoff", u"next attempt in"_s } });
}

// The retries are a coroutine waiting on a fetch job or on the backoff timer. Destroyed there,
// the demo takes both down, and the coroutine must end with them rather than stay suspended (its
// frame would leak: the sanitizer build fails on that) or run on into the dead demo.
void TestErrorsDemo::destroyedWhileRetrying()
{
    QFETCH(QString, lastLine);
    std::unique_ptr<Demo> demo(create(u"errors"_s));
    bool reached = false;
    connect(demo.get(), &Demo::progress, demo.get(), [&](const QString &line) {
        if (!reached && line.contains(lastLine)) {
            reached = true;
            QTimer::singleShot(0, [&] { demo.reset(); });
        }
    });
    demo->run();
    QTRY_VERIFY_WITH_TIMEOUT(!demo, 10000);
    QTest::qWait(ErrorsDemo::FirstBackoffMs * 2); // when the attempt or the backoff would end
}

QTEST_GUILESS_MAIN(TestErrorsDemo)
#include "tst_errorsdemo.moc"

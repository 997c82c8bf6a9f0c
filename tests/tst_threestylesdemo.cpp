#include "demorun.h"
#include <demos/threestylesdemo.h>
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

// The three-styles demo (callbacks, futures and coroutines write the same file and report the same
// errors), run for real against the embedded server as the gallery's Run button and `asynclab
// --demo` run it, and what it measured. What every demo promises is tested in tst_democontract.
class TestThreeStylesDemo : public DemoTestCase
{
    Q_OBJECT
private slots:
    void threeStylesAgree();
    void runsAgainAfterCancel();
};

void TestThreeStylesDemo::threeStylesAgree()
{
    const DemoOutcome r = runToEnd(u"three-styles"_s, 20000);
    if (QTest::currentTestFailed())
        return;

    auto *styles = static_cast<ThreeStylesDemo *>(demo());
    QList<QByteArray> files;
    for (auto style :
         { ThreeStylesDemo::Callbacks, ThreeStylesDemo::Futures, ThreeStylesDemo::Coroutines }) {
        QFile file(styles->outputPath(style, ThreeStylesDemo::Good));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        files.append(file.readAll());
        QVERIFY(!QFile::exists(styles->outputPath(style, ThreeStylesDemo::HttpError)));
        QVERIFY(!QFile::exists(styles->outputPath(style, ThreeStylesDemo::BadJson)));
    }
    QVERIFY(files[0].contains("items: 500\n"));
    QCOMPARE(files[1], files[0]);
    QCOMPARE(files[2], files[0]);

    for (const QString &error : { u"HTTP 500"_s, u"bad JSON"_s }) {
        const QString callbacks = r.figure(u"callbacks"_s, error).toString();
        QVERIFY(!callbacks.isEmpty());
        QCOMPARE(r.figure(u"futures"_s, error).toString(), callbacks);
        QCOMPARE(r.figure(u"coroutines"_s, error).toString(), callbacks);
    }
    QCOMPARE(r.figure(u"callbacks"_s, u"HTTP 500"_s).toString(),
             u"fetch failed: HTTP 500 Internal Server Error"_s);
    QVERIFY(r.figure(u"callbacks"_s, u"bad JSON"_s).toString().startsWith(u"parse failed: "_s));
}

void TestThreeStylesDemo::runsAgainAfterCancel()
{
    std::unique_ptr<Demo> demo(create(u"three-styles"_s));
    demo->run();
    demo->cancel();
    const DemoOutcome r = runToEnd(demo.get(), 20000);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(r.figure(u"files identical"_s).toBool());
}

QTEST_GUILESS_MAIN(TestThreeStylesDemo)
#include "tst_threestylesdemo.moc"

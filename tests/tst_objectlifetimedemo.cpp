#include "demorun.h"
#include <demos/objectlifetimedemo.h>
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

// The object-lifetime demo (results that arrive after their panel closed), run for real against the
// embedded server as the gallery's Run button and `asynclab --demo` run it, and what it measured.
// What every demo promises is tested in tst_democontract.
class TestObjectLifetimeDemo : public DemoTestCase
{
    Q_OBJECT
private slots:
    void objectLifetime();
};

void TestObjectLifetimeDemo::objectLifetime()
{
    const DemoOutcome f = runToEnd(u"object-lifetime"_s, 10000);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(f.figure(u"late results"_s).toInt(), 3);
    QCOMPARE(f.figure(u"naive callback"_s, u"would touch a deleted panel"_s).toInt(), 1);
    QCOMPARE(f.figure(u"QPointer guard"_s, u"results dropped"_s).toInt(), 1);
    QCOMPARE(f.figure(u"context object"_s, u"callbacks run"_s).toInt(), 0);
    QCOMPARE(f.figure(u"context object"_s, u"results dropped"_s).toInt(), 1);
    QCOMPARE(f.figure(u"panels updated"_s).toInt(), 0);
    const QList<QObject *> children = demo()->findChildren<QObject *>();
    for (const QObject *child : children)
        QVERIFY2(!child->objectName().startsWith(u"panel"_s), "a closed panel is still there");
}

QTEST_GUILESS_MAIN(TestObjectLifetimeDemo)
#include "tst_objectlifetimedemo.moc"

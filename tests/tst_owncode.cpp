#include <stalls/handlertrace.h>
#include <stalls/owncode.h>
#include <stalls/pythontrace.h>
#include <stalls/responsivenessmonitor.h>
#include <stalls/stacksampler.h>
#include <stalls/stallpatterns.h>
#include <stalls/stallrecord.h>
#include <stalls/stallwatchdog.h>

#include <QSignalSpy>
#include <QtCore/private/qobject_p.h>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <thread>

using namespace Qt::StringLiterals;

namespace NoLines {
void fetchWithoutLineTables(int ms);
}

// Which code is the program's own, the patterns a stall's stack matches, the handler chain the
// hooks and the stack give, Python frames from CPython's dump, and a culprit found without line
// tables.
class TestOwnCode : public QObject
{
    Q_OBJECT
signals:
    void poked();

public slots:
    void onPokedByName() { m_seen = HandlerTrace::describe(HandlerTrace::snapshot()); }

private slots:
    void modules_data();
    void modules();
    void globs();
    void toolkitFunctions_data();
    void toolkitFunctions();
    void patterns_data();
    void patterns();
    void culpritSentence();
    void words();
    void handlerChainFromStack();
    void freezeKeepsItsChainAsItEnds();
    void pythonFrames();
    void traceNamesTimerAndSlots();
    void traceNamesQueuedCall();
    void traceRestoresPreviousSpy();
    void culpritWithoutLineTables();

private:
    QList<HandlerStep> m_seen;
};

void TestOwnCode::modules_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("own");
    const QString exe = u"/usr/bin/qtcreator"_s;
    QTest::addRow("executable") << exe << true;
    QTest::addRow("private library")
            << u"/usr/lib/x86_64-linux-gnu/qtcreator/libUtils.so.4"_s << true;
    QTest::addRow("private plugin")
            << u"/usr/lib/x86_64-linux-gnu/qtcreator/plugins/libProjectExplorer.so"_s << true;
    QTest::addRow("build tree") << u"/home/me/build/libengine.so"_s << true;
    QTest::addRow("libc") << u"/usr/lib/x86_64-linux-gnu/libc.so.6"_s << false;
    QTest::addRow("loader") << u"/usr/lib64/ld-linux-x86-64.so.2"_s << false;
    QTest::addRow("libstdc++") << u"/usr/lib/x86_64-linux-gnu/libstdc++.so.6"_s << false;
    QTest::addRow("Qt") << u"/usr/lib/x86_64-linux-gnu/libQt6Widgets.so.6"_s << false;
    QTest::addRow("Qt plugin") << u"/usr/lib/x86_64-linux-gnu/qt6/plugins/platforms/libqxcb.so"_s
                               << false;
    QTest::addRow("Qt in /opt") << u"/opt/qt/6.4.2/gcc_64/lib/libQt6Core.so.6"_s << false;
    QTest::addRow("glib") << u"/usr/lib/x86_64-linux-gnu/libglib-2.0.so.0"_s << false;
    QTest::addRow("Mesa") << u"/usr/lib/x86_64-linux-gnu/dri/swrast_dri.so"_s << false;
    QTest::addRow("other system library") << u"/usr/lib/x86_64-linux-gnu/libfoo.so.1"_s << false;
    QTest::addRow("python") << u"/usr/bin/python3.11"_s << false;
    QTest::addRow("PyQt") << u"/usr/lib/python3/dist-packages/PyQt6/QtCore.abi3.so"_s << false;
    QTest::addRow("extension")
            << u"/usr/lib/python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so"_s << false;
    QTest::addRow("vdso") << u"[vdso]"_s << false;
}

void TestOwnCode::modules()
{
    QFETCH(QString, path);
    QFETCH(bool, own);
    OwnCode rules(u"/usr/bin/qtcreator"_s);
    QCOMPARE(rules.isOwnModule(path), own);
    QCOMPARE(rules.isOwnModule(path), own); // cached
}

void TestOwnCode::globs()
{
    OwnCode rules(u"/usr/bin/app"_s, { u"*/libfoo.so*"_s, u"/src/app/*"_s });
    QVERIFY(rules.isOwnModule(u"/usr/lib/x86_64-linux-gnu/libfoo.so.1"_s));
    QVERIFY(!rules.isOwnModule(u"/usr/lib/x86_64-linux-gnu/libbar.so.1"_s));
    QVERIFY(rules.matchesOwnGlob(u"/src/app/main.cpp"_s));
    QVERIFY(!rules.isOwnSource(u"/usr/include/x86_64-linux-gnu/qt6/QtCore/qlist.h"_s));
    QVERIFY(!rules.isOwnSource(u"/build/app_autogen/moc_window.cpp"_s));
    QVERIFY(rules.isOwnSource(u"/home/me/app/window.cpp"_s));
    // An interpreter is never the program, even as the executable.
    OwnCode python(u"/usr/bin/python3.11"_s);
    QVERIFY(!python.isOwnModule(u"/usr/bin/python3.11"_s));
}

void TestOwnCode::toolkitFunctions_data()
{
    QTest::addColumn<QString>("function");
    QTest::addColumn<bool>("toolkit");
    QTest::addRow("own") << u"BlockingFetcher::fetch(QUrl const&)"_s << false;
    QTest::addRow("free") << u"parseRecords(int)"_s << false;
    QTest::addRow("lambda") << u"Window::Window()::{lambda()#1}::operator()() const"_s << false;
    QTest::addRow("std") << u"std::vector<int>::push_back(int&&)"_s << true;
    QTest::addRow("QList") << u"QList<int>::append(int)"_s << true;
    QTest::addRow("QtPrivate")
            << u"QtPrivate::QFunctorSlotObject<Window::Window()::{lambda()#1}, 0>::impl"_s << true;
    QTest::addRow("moc")
            << u"Window::qt_static_metacall(QObject*, QMetaObject::Call, int, void**)"_s << true;
    QTest::addRow("runtime") << u"__libc_start_main"_s << true;
}

void TestOwnCode::toolkitFunctions()
{
    QFETCH(QString, function);
    QFETCH(bool, toolkit);
    QCOMPARE(OwnCode::isToolkitFunction(function), toolkit);
}

namespace {
StackFrame frame(const QString &function, bool own = false, const QString &module = {})
{
    StackFrame f;
    f.function = function;
    f.own = own;
    f.module = module;
    return f;
}
} // namespace

void TestOwnCode::patterns_data()
{
    QTest::addColumn<QStringList>("functions"); // innermost first
    QTest::addColumn<QString>("pattern");
    QTest::addRow("process, through a wrapper")
            << QStringList { u"syscall"_s, u"QWaitCondition::wait(QMutex*)"_s,
                             u"Utils::QtcProcess::runBlocking(Utils::EventLoopMode)"_s,
                             u"ProjectExplorer::GccToolChain::gccHeaderPaths()"_s }
            << u"process"_s;
    QTest::addRow("process") << QStringList { u"poll"_s, u"QProcess::waitForFinished(int)"_s }
                             << u"process"_s;
    QTest::addRow("future") << QStringList { u"syscall"_s, u"QThread::wait(QDeadlineTimer)"_s }
                            << u"future"_s;
    QTest::addRow("thread pool") << QStringList { u"QThreadPool::waitForDone(int)"_s }
                                 << u"future"_s;
    QTest::addRow("nested loop") << QStringList { u"poll"_s, u"QEventLoop::exec(QFlags<>)"_s,
                                                  u"QDialog::exec()"_s }
                                 << u"nested-loop"_s;
    QTest::addRow("main loop only") << QStringList { u"poll"_s, u"QEventLoop::exec(QFlags<>)"_s,
                                                     u"QCoreApplication::exec()"_s, u"main"_s }
                                    << QString();
    QTest::addRow("socket") << QStringList { u"poll"_s,
                                             u"QAbstractSocket::waitForReadyRead(int)"_s }
                            << u"io"_s;
    QTest::addRow("file") << QStringList { u"read"_s, u"QFileDevice::readData(char*, long long)"_s,
                                           u"QIODevice::readAll()"_s }
                          << u"io"_s;
    QTest::addRow("sql") << QStringList { u"pread64"_s, u"sqlite3_step"_s, u"QSqlQuery::exec()"_s }
                         << u"sql"_s;
    QTest::addRow("sleep") << QStringList { u"clock_nanosleep"_s,
                                            u"QThread::msleep(unsigned long)"_s }
                           << u"sleep"_s;
    QTest::addRow("python sleep") << QStringList { u"clock_nanosleep"_s, u"pysleep"_s }
                                  << u"sleep"_s;
    QTest::addRow("image") << QStringList { u"png_read_row"_s, u"QImageReader::read(QImage*)"_s }
                           << u"image"_s;
    QTest::addRow("plugin") << QStringList { u"_dl_relocate_object"_s, u"dlopen"_s,
                                             u"QPluginLoader::instance()"_s }
                            << u"plugin"_s;
    QTest::addRow("gl") << QStringList { u"glXCreateContextAttribsARB"_s,
                                         u"QOpenGLContext::create()"_s }
                        << u"gl"_s;
    QTest::addRow("unknown") << QStringList { u"computeChecksum()"_s, u"main"_s } << QString();
}

void TestOwnCode::patterns()
{
    QFETCH(QStringList, functions);
    QFETCH(QString, pattern);
    Stack stack;
    for (const QString &function : functions)
        stack.append(frame(function));
    QCOMPARE(StallPatterns::matchStack(stack), pattern);
    if (!pattern.isEmpty()) {
        QVERIFY(!StallPatterns::advice(pattern).isEmpty());
        QVERIFY(StallPatterns::sentence(pattern).startsWith(StallPatterns::what(pattern)));
    }
}

void TestOwnCode::culpritSentence()
{
    // The Qt Creator stall: waiting in a library call, the culprit in a private library.
    StallSample sample;
    sample.activity = ThreadActivity::Waiting;
    sample.answered = true;
    sample.stack = { frame(u"syscall"_s, false, u"libc.so.6"_s),
                     frame(u"QWaitCondition::wait(QMutex*)"_s, false, u"libQt6Core.so.6"_s),
                     frame(u"Utils::QtcProcess::runBlocking()"_s, true, u"libUtils.so.4"_s),
                     frame(u"ProjectExplorer::GccToolChain::gccHeaderPaths()"_s, true,
                           u"libProjectExplorer.so.4"_s),
                     frame(u"void doActivate<true>(QObject*, int, void**)"_s, false,
                           u"libQt6Core.so.6"_s),
                     frame(u"CppEditor::CppModelManager::setupFallbackProjectPart()"_s, true,
                           u"libCppEditor.so.4"_s) };
    StallRecord record;
    record.durationMs = 500;
    summarizeStall(record, { sample, sample });
    QCOMPARE(record.culprit.function, u"Utils::QtcProcess::runBlocking"_s);
    QCOMPARE(record.culprit.module, u"libUtils.so.4"_s);
    QCOMPARE(record.culprit.location(), u"Utils::QtcProcess::runBlocking (libUtils.so.4)"_s);
    QCOMPARE(record.culprit.call, u"QWaitCondition::wait (libQt6Core.so.6)"_s);
    QCOMPARE(record.culprit.callers,
             QStringList({ u"ProjectExplorer::GccToolChain::gccHeaderPaths"_s,
                           u"CppEditor::CppModelManager::setupFallbackProjectPart"_s }));
    QCOMPARE(record.culprit.sentence(true),
             u"Utils::QtcProcess::runBlocking (libUtils.so.4), waiting in QWaitCondition::wait "
             "(libQt6Core.so.6), called from ProjectExplorer::GccToolChain::gccHeaderPaths \u2190 "
             "CppEditor::CppModelManager::setupFallbackProjectPart"_s);
    QCOMPARE(record.pattern, u"process"_s);
}

void TestOwnCode::words()
{
    StallRecord record;
    record.program = u"AsyncLab"_s;
    QCOMPARE(record.notOwnText(), u"not in AsyncLab's code"_s);
    record.program = u"qtcreator"_s;
    QCOMPARE(record.notOwnText(), u"not in qtcreator's code"_s);
}

void TestOwnCode::handlerChainFromStack()
{
    // A click whose signal reached a lambda, and a queued functor, named from the stack.
    const Stack stack = {
        frame(u"crunch(int)"_s, true),
        frame(u"Window::Window()::{lambda()#1}::operator()() const"_s, true),
        frame(u"QtPrivate::QFunctorSlotObject<Window::Window()::{lambda()#1}, 0>::impl"_s),
        frame(u"void doActivate<true>(QObject*, int, void**)"_s),
        frame(u"QAbstractButton::clicked(bool)"_s),
        frame(u"QAbstractButton::mouseReleaseEvent(QMouseEvent*)"_s),
        frame(u"QApplicationPrivate::notify_helper(QObject*, QEvent*)"_s),
        frame(u"main"_s, true),
    };
    const QList<HandlerStep> steps = {
        { HandlerStep::Kind::Event, u"MouseButtonRelease on QPushButton 'go' \"Go\""_s },
        { HandlerStep::Kind::Signal, u"QPushButton::clicked(bool)"_s },
    };
    QCOMPARE(handlerChain(steps, stack),
             QStringList({ u"MouseButtonRelease on QPushButton 'go' \"Go\""_s,
                           u"QPushButton::clicked(bool)"_s, u"lambda in Window::Window"_s }));
    const Stack keyStack = { frame(u"crunch(int)"_s, true),
                             frame(u"KeyArea::keyPressEvent(QKeyEvent*)"_s, true),
                             frame(u"QWidget::event(QEvent*)"_s),
                             frame(u"QApplicationPrivate::notify_helper(QObject*, QEvent*)"_s) };
    QCOMPARE(handlerChain({ { HandlerStep::Kind::Event, u"KeyPress on KeyArea 'keys'"_s } },
                          keyStack),
             QStringList({ u"KeyPress on KeyArea 'keys'"_s, u"KeyArea::keyPressEvent"_s }));
    // Qt Creator starting, as Debian ships it: Qt's doActivate and the functor's impl have no
    // symbols; the signal's own function and the delivery still place the handlers.
    const StackFrame unnamed;
    const Stack timerStack = {
        frame(u"QWaitCondition::wait(QMutex*, QDeadlineTimer)"_s),
        unnamed,
        frame(u"Utils::QtcProcess::runBlocking(Utils::EventLoopMode)"_s, true),
        frame(u"ProjectExplorer::GccToolChain::detectInstallDir() const"_s, true),
        frame(u"CppEditor::CppModelManager::setupFallbackProjectPart()"_s, true),
        unnamed,
        frame(u"QTimer::timeout(QTimer::QPrivateSignal)"_s),
        frame(u"QObject::event(QEvent*)"_s),
        frame(u"QApplicationPrivate::notify_helper(QObject*, QEvent*)"_s),
        frame(u"QCoreApplication::notifyInternal2(QObject*, QEvent*)"_s),
    };
    QCOMPARE(handlerChain({ { HandlerStep::Kind::Event, u"Timer on QTimer"_s },
                            { HandlerStep::Kind::Signal,
                              u"QTimer::timeout(QTimer::QPrivateSignal)"_s } },
                          timerStack),
             QStringList({ u"Timer on QTimer"_s, u"QTimer::timeout(QTimer::QPrivateSignal)"_s,
                           u"CppEditor::CppModelManager::setupFallbackProjectPart"_s }));
    const Stack queuedStack = {
        frame(u"Utils::QtcProcess::runBlocking(Utils::EventLoopMode)"_s, true),
        frame(u"Debugger::DebuggerItem::reinitializeFromFile(QString*)"_s, true),
        unnamed,
        frame(u"QObject::event(QEvent*)"_s),
        frame(u"QApplicationPrivate::notify_helper(QObject*, QEvent*)"_s),
    };
    QCOMPARE(handlerChain({ { HandlerStep::Kind::QueuedFunctor,
                              u"MetaCall on Debugger::Internal::DebuggerPluginPrivate"_s } },
                          queuedStack),
             QStringList({ u"MetaCall on Debugger::Internal::DebuggerPluginPrivate"_s,
                           u"Debugger::DebuggerItem::reinitializeFromFile"_s }));
}

void TestOwnCode::freezeKeepsItsChainAsItEnds()
{
    const HandlerStep event { HandlerStep::Kind::Event,
                              u"MouseButtonRelease on QPushButton 'b'"_s };
    const HandlerStep signal { HandlerStep::Kind::Signal, u"QPushButton::clicked(bool)"_s };
    const HandlerStep slot { HandlerStep::Kind::Slot, u"Window::onClicked()"_s };
    const HandlerStep timer { HandlerStep::Kind::Event, u"Timer on QTimer 't'"_s };
    QCOMPARE(frozenChain({}, { event, signal }), QList<HandlerStep>({ event, signal }));
    // Deeper as the handler goes on; then the end of the freeze unwinds it, step by step.
    QCOMPARE(frozenChain({ event }, { event, signal, slot }),
             QList<HandlerStep>({ event, signal, slot }));
    QCOMPARE(frozenChain({ event, signal, slot }, { event }),
             QList<HandlerStep>({ event, signal, slot }));
    QCOMPARE(frozenChain({ event, signal }, {}), QList<HandlerStep>({ event, signal }));
    // Another handler: the freeze went on in it.
    QCOMPARE(frozenChain({ event, signal }, { timer }), QList<HandlerStep>({ timer }));
}

void TestOwnCode::pythonFrames()
{
    const pthread_t gui = pthread_t(0x7f0011223344);
    const QByteArray dump =
            "Thread 0x00007f0055667788 (most recent call first):\n"
            "  File \"/usr/lib/python3.11/threading.py\", line 320 in wait\n"
            "\n"
            "Current thread 0x00007f0011223344 (most recent call first):\n"
            "  File \"/usr/lib/python3.11/json/decoder.py\", line 353 in raw_decode\n"
            "  File \"/home/me/app/loader.py\", line 12 in load_catalog\n"
            "  File \"app.py\", line 40 in on_timer\n"
            "  File \"/usr/lib/python3/dist-packages/foo/bar.py\", line 3 in run\n";
    const Stack frames = PythonTrace::framesOf(dump, gui);
    QCOMPARE(frames.size(), 4);
    QCOMPARE(frames.at(0).function, u"raw_decode"_s);
    QVERIFY(!frames.at(0).own);
    QCOMPARE(frames.at(1).location(), u"load_catalog (/home/me/app/loader.py:12)"_s);
    QVERIFY(frames.at(1).own);
    QVERIFY(frames.at(2).own);
    QVERIFY(!frames.at(3).own);
    // The culprit of a Python program is its innermost own Python frame.
    StallSample sample;
    sample.activity = ThreadActivity::Busy;
    sample.answered = true;
    sample.stack = { frame(u"_PyEval_EvalFrameDefault"_s, false, u"python3.11"_s) };
    sample.pythonStack = frames;
    StallRecord record;
    summarizeStall(record, { sample });
    QCOMPARE(record.culprit.location(), u"load_catalog (/home/me/app/loader.py:12)"_s);
    QCOMPARE(record.culprit.call, u"raw_decode (/usr/lib/python3.11/json/decoder.py:353)"_s);
    QCOMPARE(record.culprit.callers, QStringList({ u"on_timer"_s }));
    QCOMPARE(record.pythonStack.size(), 4);
}

void TestOwnCode::traceNamesTimerAndSlots()
{
    QVERIFY(HandlerTrace::install());
    QVERIFY(!HandlerTrace::install());
    QTimer timer;
    timer.setObjectName(u"tick"_s);
    timer.setSingleShot(true);
    QList<HandlerStep> inTimer;
    connect(&timer, &QTimer::timeout, this, [&] {
        inTimer = HandlerTrace::describe(HandlerTrace::snapshot());
        emit poked(); // a string-based connection below names its slot itself
    });
    connect(this, SIGNAL(poked()), this, SLOT(onPokedByName())); // NOLINT: the subject
    QSignalSpy spy(&timer, &QTimer::timeout);
    timer.start(0);
    QVERIFY(spy.wait(2000));
    HandlerTrace::uninstall();
    QCOMPARE(inTimer.size(), 2);
    QCOMPARE(inTimer.at(0).text, u"Timer on QTimer 'tick'"_s);
    QCOMPARE(inTimer.at(1).kind, HandlerStep::Kind::Signal);
    QVERIFY2(inTimer.at(1).text.startsWith(u"QTimer::timeout("_s), qPrintable(inTimer.at(1).text));
    QCOMPARE(m_seen.size(), 4);
    QCOMPARE(m_seen.at(2).text, u"TestOwnCode::poked()"_s);
    QCOMPARE(m_seen.at(3).kind, HandlerStep::Kind::Slot);
    QCOMPARE(m_seen.at(3).text, u"TestOwnCode::onPokedByName()"_s);
    QVERIFY(!HandlerTrace::snapshot().valid); // nothing is traced once uninstalled
}

void TestOwnCode::traceNamesQueuedCall()
{
    QVERIFY(HandlerTrace::install());
    m_seen.clear();
    QMetaObject::invokeMethod(this, "onPokedByName", Qt::QueuedConnection);
    QTRY_VERIFY_WITH_TIMEOUT(!m_seen.isEmpty(), 2000);
    HandlerTrace::uninstall();
    QCOMPARE(m_seen.size(), 1);
    QCOMPARE(m_seen.at(0).text, u"MetaCall on TestOwnCode: TestOwnCode::onPokedByName()"_s);
}

namespace {
int previousBegins = 0;
void countBegin(QObject *, int, void **)
{
    ++previousBegins;
}
} // namespace

void TestOwnCode::traceRestoresPreviousSpy()
{
    QSignalSpyCallbackSet previous { countBegin, nullptr, nullptr, nullptr };
    qt_register_signal_spy_callbacks(&previous);
    QVERIFY(HandlerTrace::install());
    emit poked(); // also reaches the previous callbacks
    QCOMPARE(previousBegins, 1);
    HandlerTrace::uninstall();
    QCOMPARE(qt_signal_spy_callback_set.loadAcquire(), &previous);
    qt_register_signal_spy_callbacks(nullptr);
}

// A plain Release build has no line tables: the culprit is still named, by its module.
void TestOwnCode::culpritWithoutLineTables()
{
    QString error;
    QVERIFY2(StackSampler::install(&error), qPrintable(error));
    ResponsivenessMonitor monitor;
    StallWatchdog watchdog;
    monitor.start();
    QVERIFY(watchdog.start(&monitor.heartbeat(), monitor.intervalMs()));
    QTest::qWait(100);
    QSignalSpy spy(&watchdog, &StallWatchdog::stallRecorded);
    NoLines::fetchWithoutLineTables(300);
    QVERIFY(spy.wait(5000));
    const StallRecord record = spy.takeFirst().at(0).value<StallRecord>();
    if (record.isCpuStarved())
        QSKIP("the machine is loaded: the loop mostly waited for a CPU");
    QCOMPARE(record.culprit.function, u"NoLines::fetchWithoutLineTables"_s);
    QVERIFY(record.culprit.file.isEmpty());
    QCOMPARE(record.culprit.module, u"tst_owncode"_s);
    QCOMPARE(record.culprit.location(), u"NoLines::fetchWithoutLineTables (tst_owncode)"_s);
    QCOMPARE(record.program, u"AsyncLab"_s);
}

QTEST_GUILESS_MAIN(TestOwnCode)
#include "tst_owncode.moc"

#include <stalls/eventtiming.h>
#include <engine/lab.h>
#include <stalls/stacksampler.h>
#include <stalls/stallrecord.h>
#include <stalls/stallwatchdog.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <chrono>
#include <csignal>
#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;

// Functions whose names the records must find. noinline keeps each its own frame in the release
// build; the volatile sink keeps the loops from being optimised away.
namespace {
volatile quint64 sink = 0;

Q_NEVER_INLINE void computeForMs(int ms)
{
    QElapsedTimer timer;
    timer.start();
    quint64 x = 1;
    while (timer.elapsed() < ms) {
        for (int i = 0; i < 10000; ++i)
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    }
    sink = x;
}

Q_NEVER_INLINE void sleepForMs(int ms)
{
    // sleep_for resumes after the sampler's signal interrupts it (nanosleep returns EINTR).
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

Q_NEVER_INLINE int recurseThenCompute(int depth, int ms)
{
    if (depth == 0) {
        computeForMs(ms);
        return 0;
    }
    return recurseThenCompute(depth - 1, ms) + int(sink & 1); // not a tail call
}

// An object whose custom event handler freezes the thread, for the event attribution test.
class Freezer : public QObject
{
    Q_OBJECT
public:
    bool event(QEvent *event) override
    {
        if (event->type() == QEvent::User) {
            computeForMs(300);
            return true;
        }
        return QObject::event(event);
    }
};

// What AsyncLab's application objects do, here around the test's own application object.
class TimedApplication : public QCoreApplication
{
public:
    TimedApplication(int &argc, char **argv) : QCoreApplication(argc, argv) { }
    bool notify(QObject *receiver, QEvent *event) override
    {
        return m_timing.dispatch(receiver, event,
                                 [&] { return QCoreApplication::notify(receiver, event); });
    }

private:
    EventTiming m_timing;
};

// Takes the CPU from the calling thread for a while, as a loaded machine does: two spinners and
// the thread share one CPU, the thread at SCHED_IDLE, until a timer thread puts it back.
class CpuStarver
{
public:
    explicit CpuStarver(int forMs) : m_tid(pid_t(syscall(SYS_gettid)))
    {
        sched_getaffinity(0, sizeof m_original, &m_original);
        int cpu = 0;
        while (cpu < CPU_SETSIZE && !CPU_ISSET(cpu, &m_original))
            ++cpu;
        CPU_ZERO(&m_one);
        CPU_SET(cpu, &m_one);
        for (std::thread &spinner : m_spinners) {
            spinner = std::thread([this] {
                sched_setaffinity(0, sizeof m_one, &m_one);
                m_spinning.fetch_add(1);
                while (!m_stop.load(std::memory_order_relaxed)) { }
            });
        }
        while (m_spinning.load() < int(std::size(m_spinners)))
            std::this_thread::yield();
        sched_param param {};
        m_started = sched_setaffinity(0, sizeof m_one, &m_one) == 0
                && sched_setscheduler(0, SCHED_IDLE, &param) == 0;
        m_timer = std::thread([this, forMs] {
            // It starts with the starved thread's CPU and policy: not so.
            sched_param normal {};
            sched_setscheduler(0, SCHED_OTHER, &normal);
            sched_setaffinity(0, sizeof m_original, &m_original);
            std::this_thread::sleep_for(std::chrono::milliseconds(forMs));
            restore();
        });
    }
    ~CpuStarver()
    {
        m_timer.join();
        sched_setaffinity(0, sizeof m_original, &m_original);
    }
    bool started() const { return m_started; }
    bool restored() const { return m_restored.load(); }

    // Whether this process may leave SCHED_IDLE again: root, CAP_SYS_NICE or a nice limit.
    static bool canRestore()
    {
        rlimit limit {};
        return geteuid() == 0 || (getrlimit(RLIMIT_NICE, &limit) == 0 && limit.rlim_cur >= 20);
    }

private:
    void restore()
    {
        sched_param param {};
        m_restored.store(sched_setscheduler(m_tid, SCHED_OTHER, &param) == 0);
        m_stop.store(true);
        for (std::thread &spinner : m_spinners)
            spinner.join();
    }

    pid_t m_tid;
    cpu_set_t m_original {};
    cpu_set_t m_one {};
    std::thread m_spinners[2];
    std::thread m_timer;
    std::atomic<int> m_spinning { 0 };
    std::atomic<bool> m_stop { false };
    std::atomic<bool> m_restored { false };
    bool m_started = false;
};

QString dump(const StallRecord &r);

// A computing thread that other programs kept off the CPUs for most of its loop has, rightly, no
// culprit: what the test checks cannot be seen then.
#define SKIP_IF_STARVED(record)                                                                    \
    do {                                                                                           \
        if ((record).isCpuStarved())                                                               \
            QSKIP(qPrintable(u"the machine is loaded, the loop mostly waited for a CPU: "_s        \
                             + dump(record)));                                                     \
    } while (false)

QString dump(const StallRecord &r)
{
    QString text = u"%1 ms, %2 samples (%3 unanswered), %4, culprit %5 %6%, event '%7', "
                   "run queue %8, ran %9 ms\n"_s.arg(r.durationMs)
                           .arg(r.sampleCount)
                           .arg(r.unansweredCount)
                           .arg(r.activityText(), r.culprit.location())
                           .arg(qRound(r.culprit.share * 100))
                           .arg(r.event)
                           .arg(r.cpuWaitShare)
                           .arg(r.cpuRunMs);
    for (const StackFrame &f : r.stack.mid(0, 25))
        text += u"  %1 %2\n"_s.arg(f.own ? u"*"_s : u" "_s, f.location());
    return text;
}
} // namespace

class TestStalls : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void computeAndSleep_data();
    void computeAndSleep();
    void eventThatStartedIt();
    void blockingFetchWaitsOnFuture();
    void blockingLoadIsBusy();
    void asyncFetchHasNoStall();
    void cpuStarvedHasNoCulprit();
    void deepStackIsTruncated();
    void unansweredSignalGivesNoSample();
    void ownCodeByExecutable();
    void deliveryIsNotACulprit_data();
    void deliveryIsNotACulprit();

private:
    // Waits for the watchdog to record the stall that just ended and returns it.
    StallRecord nextRecord(QSignalSpy &spy);

    std::unique_ptr<ResponsivenessMonitor> m_monitor;
    std::unique_ptr<StallWatchdog> m_watchdog;
};

void TestStalls::initTestCase()
{
    QString error;
    QVERIFY2(StackSampler::install(&error), qPrintable(error));
}

void TestStalls::init()
{
    m_monitor = std::make_unique<ResponsivenessMonitor>();
    m_watchdog = std::make_unique<StallWatchdog>();
    m_monitor->start();
    QVERIFY(m_watchdog->start(&m_monitor->heartbeat(), m_monitor->intervalMs()));
    // A few quiet ticks first, so that nothing before the test counts.
    QTest::qWait(100);
    m_watchdog->clear();
}

void TestStalls::cleanup()
{
    m_watchdog.reset();
    m_monitor.reset();
}

StallRecord TestStalls::nextRecord(QSignalSpy &spy)
{
    if (spy.isEmpty() && !spy.wait(5000))
        return {};
    return spy.takeFirst().at(0).value<StallRecord>();
}

void TestStalls::computeAndSleep_data()
{
    QTest::addColumn<bool>("computes");
    QTest::addColumn<QString>("function");
    QTest::addRow("compute 300 ms") << true << u"computeForMs"_s;
    QTest::addRow("sleep 300 ms") << false << u"sleepForMs"_s;
}

void TestStalls::computeAndSleep()
{
    QFETCH(bool, computes);
    QFETCH(QString, function);
    QSignalSpy spy(m_watchdog.get(), &StallWatchdog::stallRecorded);
    QVERIFY(spy.isValid());
    if (computes)
        computeForMs(300);
    else
        sleepForMs(300);
    const StallRecord record = nextRecord(spy);
    qInfo().noquote() << dump(record);
    SKIP_IF_STARVED(record);
    QVERIFY(record.sampleCount > 0);
    QVERIFY2(record.durationMs > 250 && record.durationMs < 1000,
             qPrintable(QString::number(record.durationMs)));
    QVERIFY2(record.culprit.function.endsWith(function), qPrintable(record.culprit.function));
    QVERIFY2(record.culprit.share >= 0.8, qPrintable(QString::number(record.culprit.share)));
    QCOMPARE(record.culprit.file, u"tests/tst_stalls.cpp"_s);
    QVERIFY(record.culprit.line > 0);
    if (computes) {
        // Runnable throughout; on an otherwise idle CPU busy, hardly waiting for one. When other
        // programs hold the CPUs the loop waits too, and then this says so.
        QVERIFY2(record.busyShare + record.cpuWaitSampleShare >= 0.8, qPrintable(dump(record)));
        QVERIFY2(record.busyShare >= 0.8 || record.cpuWaitShare >= 0.1, qPrintable(dump(record)));
        if (record.busyShare < 0.8)
            qWarning("the machine is loaded: other programs held the CPUs during the loop");
        QVERIFY2(!record.isCpuStarved(), qPrintable(dump(record)));
    } else {
        QVERIFY2(record.waitingShare >= 0.8, qPrintable(record.activityText()));
        QCOMPARE(record.mainWait, WaitReason::Sleep);
    }
    // One stall, one record: no second one for the same function. (A record of another stall,
    // say the scheduler on a loaded machine, would not name it.)
    bool settled = false;
    m_watchdog->whenSettled(this, [&settled] { settled = true; });
    QTRY_VERIFY(settled);
    for (const QList<QVariant> &arguments : std::as_const(spy)) {
        const auto other = arguments.at(0).value<StallRecord>();
        QVERIFY2(!other.culprit.function.endsWith(function), qPrintable(dump(other)));
    }
}

void TestStalls::eventThatStartedIt()
{
    QVERIFY(EventTiming::instance());
    Freezer freezer;
    freezer.setObjectName(u"freezer"_s);
    QSignalSpy spy(m_watchdog.get(), &StallWatchdog::stallRecorded);
    QCoreApplication::postEvent(&freezer, new QEvent(QEvent::User));
    const StallRecord record = nextRecord(spy);
    qInfo().noquote() << dump(record);
    SKIP_IF_STARVED(record);
    QCOMPARE(record.event, u"User on Freezer 'freezer'"_s);
    QVERIFY(record.culprit.function.endsWith(u"computeForMs"_s));
}

void TestStalls::blockingFetchWaitsOnFuture()
{
    cleanup(); // the lab brings its own monitor and watchdog
    Lab lab;
    QVERIFY(lab.start());
    QVERIFY(lab.stalls().isRunning());
    QTest::qWait(100);
    lab.stalls().clear();
    QSignalSpy spy(&lab.stalls(), &StallWatchdog::stallRecorded);
    QSignalSpy finished(&lab.jobs(), &JobRunner::finished);
    const int id = lab.jobs().fetch(lab.server().url(u"/delay/400"_s), RunMode::Blocking);
    QCOMPARE(finished.size(), 1); // Blocking: done before fetch() returned
    const StallRecord record = nextRecord(spy);
    qInfo().noquote() << dump(record);
    SKIP_IF_STARVED(record);
    QVERIFY2(record.culprit.function == u"BlockingFetcher::fetch"_s,
             qPrintable(record.culprit.function));
    QCOMPARE(record.culprit.file, u"src/engine/blockingfetcher.cpp"_s);
    QVERIFY2(record.culprit.share >= 0.8, qPrintable(QString::number(record.culprit.share)));
    QVERIFY2(record.waitingShare >= 0.8, qPrintable(record.activityText()));
    QCOMPARE(record.mainWait, WaitReason::LockOrFuture);
    // The operation names it too.
    QTRY_VERIFY(lab.log().find(id)->culprit.startsWith(u"BlockingFetcher::fetch (src/engine/"_s));
}

void TestStalls::blockingLoadIsBusy()
{
    cleanup();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"big.txt"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray chunk(1 << 20, 'x');
        for (int i = 0; i < 256; ++i)
            QVERIFY(file.write(chunk) == chunk.size());
    }
    Lab lab;
    QVERIFY(lab.start());
    QTest::qWait(100);
    lab.stalls().clear();
    QSignalSpy spy(&lab.stalls(), &StallWatchdog::stallRecorded);
    lab.jobs().loadFile(path, RunMode::Blocking);
    const StallRecord record = nextRecord(spy);
    qInfo().noquote() << dump(record);
    SKIP_IF_STARVED(record);
    // The innermost own frame is the loop that reads and hashes, or the hashing wrapper it calls.
    QVERIFY2(record.culprit.file == u"src/engine/fileload.cpp"_s
                     || record.culprit.file == u"src/engine/sha256.cpp"_s,
             qPrintable(record.culprit.location()));
    const bool fromLoad =
            std::any_of(record.stack.cbegin(), record.stack.cend(),
                        [](const auto &f) { return f.own && f.function.contains(u"readFile"_s); });
    QVERIFY(fromLoad);
    QVERIFY2(record.busyShare + record.cpuWaitSampleShare >= 0.6, qPrintable(dump(record)));
}

void TestStalls::asyncFetchHasNoStall()
{
    cleanup();
    Lab lab;
    QVERIFY(lab.start());
    // The responsiveness bound used across the tests: an async run stays under 100 ms.
    lab.stalls().setThresholdMs(100);
    QTest::qWait(100);
    lab.stalls().clear();
    QSignalSpy finished(&lab.jobs(), &JobRunner::finished);
    lab.jobs().fetch(lab.server().url(u"/delay/1000"_s), RunMode::Async);
    QVERIFY(finished.wait(5000));
    bool settled = false;
    lab.stalls().whenSettled(this, [&settled] { settled = true; });
    QTRY_VERIFY(settled);
    // Only the machine may freeze an async run: a stall there is one of waiting for a CPU.
    for (const StallRecord &r : lab.stalls().records()) {
        qInfo().noquote() << dump(r);
        QVERIFY2(r.isCpuStarved() && !r.culprit.isKnown(), qPrintable(dump(r)));
    }
}

void TestStalls::cpuStarvedHasNoCulprit()
{
    if (!CpuStarver::canRestore())
        QSKIP("this process may not return a thread from SCHED_IDLE (needs CAP_SYS_NICE)");
    QSignalSpy spy(m_watchdog.get(), &StallWatchdog::stallRecorded);
    {
        // An event loop with work always pending, as with a running animation: it wants the CPU
        // all the time, and gets next to none until the starver is done.
        QTimer pending;
        pending.start(0);
        CpuStarver starver(300);
        QVERIFY(starver.started());
        QVERIFY(spy.wait(5000));
        QTRY_VERIFY(starver.restored());
    }
    bool settled = false;
    m_watchdog->whenSettled(this, [&settled] { settled = true; });
    QTRY_VERIFY(settled);
    // The scheduler may give the thread a slice now and then, splitting the freeze: the longest.
    StallRecord record;
    for (const QList<QVariant> &arguments : std::as_const(spy)) {
        const auto r = arguments.at(0).value<StallRecord>();
        qInfo().noquote() << dump(r);
        if (r.durationMs > record.durationMs)
            record = r;
    }
    QVERIFY(record.sampleCount > 0);
    QVERIFY2(record.durationMs > 100, qPrintable(dump(record)));
    QVERIFY2(record.cpuWaitSampleShare >= 0.8, qPrintable(dump(record)));
    QVERIFY2(record.cpuWaitShare >= 0.5, qPrintable(dump(record)));
    QVERIFY2(record.isCpuStarved(), qPrintable(dump(record)));
    QVERIFY2(!record.culprit.isKnown(), qPrintable(dump(record)));
    QVERIFY2(record.activityText().startsWith(u"waiting for a CPU"_s),
             qPrintable(record.activityText()));
}

void TestStalls::deepStackIsTruncated()
{
    QSignalSpy spy(m_watchdog.get(), &StallWatchdog::stallRecorded);
    recurseThenCompute(10000, 300);
    const StallRecord record = nextRecord(spy);
    qInfo().noquote() << dump(record);
    SKIP_IF_STARVED(record);
    QVERIFY(record.sampleCount > 0);
    QVERIFY(record.truncatedCount > 0);
    QVERIFY2(record.culprit.function.endsWith(u"computeForMs"_s),
             qPrintable(record.culprit.function));
    QVERIFY(record.stack.size() >= StackSampler::MaxFrames - 4);
}

void TestStalls::unansweredSignalGivesNoSample()
{
    QSignalSpy spy(m_watchdog.get(), &StallWatchdog::stallRecorded);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, StackSampler::signalNumber());
    QElapsedTimer elapsed;
    elapsed.start();
    QCOMPARE(pthread_sigmask(SIG_BLOCK, &set, nullptr), 0);
    computeForMs(300);
    QCOMPARE(pthread_sigmask(SIG_UNBLOCK, &set, nullptr), 0); // the pending signal runs here
    const StallRecord record = nextRecord(spy);
    qInfo().noquote() << dump(record);
    SKIP_IF_STARVED(record);
    QVERIFY(record.sampleCount >= 5);
    // The signal still pending at the unblock may answer the last request, no more.
    QVERIFY2(record.unansweredCount >= record.sampleCount - 1,
             qPrintable(QString::number(record.unansweredCount)));
    QVERIFY(record.busyShare + record.cpuWaitSampleShare
            >= 0.8); // the state comes from /proc, which needs no answer
    QVERIFY2(elapsed.elapsed() < 3000, "the watchdog hung on the unanswered signal");
    // Sampling works again afterwards.
    computeForMs(200);
    const StallRecord next = nextRecord(spy);
    QVERIFY(next.sampleCount > 0);
    QVERIFY(next.unansweredCount < next.sampleCount);
}

// Inside a program that is not AsyncLab there is no source tree to go by: own code is then the
// main executable's, minus what system headers inlined into it.
void TestStalls::ownCodeByExecutable()
{
    m_watchdog->stop();
    m_watchdog->setOwnCode({});
    QVERIFY(m_watchdog->start(&m_monitor->heartbeat(), m_monitor->intervalMs()));
    QSignalSpy spy(m_watchdog.get(), &StallWatchdog::stallRecorded);
    sleepForMs(200);
    const StallRecord record = nextRecord(spy);
    qInfo().noquote() << dump(record);
    SKIP_IF_STARVED(record);
    QVERIFY2(record.culprit.function.endsWith(u"sleepForMs"_s),
             qPrintable(record.culprit.function));
    QVERIFY2(record.culprit.file.endsWith(u"/tests/tst_stalls.cpp"_s),
             qPrintable(record.culprit.file));
}

int main(int argc, char *argv[])
{
    TimedApplication app(argc, argv);
    TestStalls test;
    return QTest::qExec(&test, argc, argv);
}

// The frames an application's notify() adds around every event (its own lambda calling Qt's
// notify(), which may be a tail call missing from the stack) deliver the event: a stall inside
// Qt's own handling names no culprit, one in a handler names the handler.
void TestStalls::deliveryIsNotACulprit_data()
{
    QTest::addColumn<QStringList>("inner"); // own frames, innermost first, inside the delivery
    QTest::addColumn<QString>("culprit");
    QTest::addRow("Qt's own work") << QStringList {} << QString();
    QTest::addRow("a handler") << QStringList { u"BackpressureDemo::consumeBytes"_s }
                               << u"BackpressureDemo::consumeBytes"_s;
}

void TestStalls::deliveryIsNotACulprit()
{
    QFETCH(QStringList, inner);
    QFETCH(QString, culprit);
    const auto frame = [](const QString &function, bool own) {
        StackFrame f;
        f.function = function;
        f.own = own;
        f.file = own ? u"src/windows/labapplication.cpp"_s : QString();
        f.line = own ? 6 : 0;
        return f;
    };
    Stack stack { frame(u"QSocketNotifier::event(QEvent*)"_s, false) };
    for (const QString &function : inner)
        stack.prepend(frame(function, true));
    stack << frame(u"QObject::event(QEvent*)"_s, false)
          << frame(u"LabApplication::notify(QObject*, QEvent*)::{lambda()#1}::operator()() const"_s,
                   true)
          << frame(u"bool EventTiming::dispatch<LabApplication::notify(QObject*, QEvent*)::"
                   "{lambda()#1}>(QObject*, QEvent*, LabApplication::notify(QObject*, "
                   "QEvent*)::{lambda()#1})"_s,
                   true)
          << frame(u"LabApplication::notify(QObject*, QEvent*)"_s, true)
          << frame(u"QCoreApplication::notifyInternal2(QObject*, QEvent*)"_s, false)
          << frame(u"main"_s, true);
    StallSample sample;
    sample.answered = true;
    sample.activity = ThreadActivity::Busy;
    sample.stack = stack;
    StallRecord record;
    record.durationMs = 80;
    summarizeStall(record, { sample, sample, sample });
    QCOMPARE(record.culprit.isKnown(), !culprit.isEmpty());
    if (!culprit.isEmpty())
        QCOMPARE(record.culprit.function, culprit);
}

#include "tst_stalls.moc"

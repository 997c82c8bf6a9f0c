#include <engine/lab.h>
#include <engine/threadpriority.h>

#include <QFile>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
// What the kernel says of one thread, read from /proc/self/task/<tid>/stat: field 19 is its nice
// value, field 41 its scheduling policy. The name before them is in parentheses and may hold
// spaces, so the fields are counted from its closing one.
struct KernelView
{
    bool ok = false;
    int nice = 0;
    int policy = -1;
};

KernelView kernelView(pid_t tid)
{
    QFile file(u"/proc/self/task/%1/stat"_s.arg(tid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = file.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 39)
        return {};
    return { true, fields.at(19 - 3).toInt(), fields.at(41 - 3).toInt() };
}

int processNice()
{
    return getpriority(PRIO_PROCESS, id_t(getpid()));
}

int expectedNice()
{
    return std::min(processNice() + ThreadPriority::BackgroundNice, 19);
}

// A thread that runs `f` and then stays alive, so it can be looked at, until release().
class ParkedThread
{
public:
    explicit ParkedThread(std::function<void()> f)
        : m_thread(QThread::create([this, f] {
              f();
              m_tid = gettid();
              m_ready.release();
              m_release.acquire();
          }))
    {
        m_thread->start();
        m_ready.acquire();
    }
    ~ParkedThread()
    {
        m_release.release();
        m_thread->wait();
    }
    pid_t tid() const { return m_tid; }

private:
    QSemaphore m_ready, m_release;
    pid_t m_tid = 0;
    std::unique_ptr<QThread> m_thread;
};
} // namespace

// The background priority as the kernel sees it: a higher nice value on the threads AsyncLab
// lowers, never on the main thread, not at all when switched off.
class TestThreadPriority : public QObject
{
    Q_OBJECT
private slots:
    void init() { ThreadPriority::setEnabled(true); }
    void cleanup() { ThreadPriority::setEnabled(true); }
    void lowersTheCallingThread();
    void leavesTheMainThreadAlone();
    void switchedOff();
    void labThreads();
};

void TestThreadPriority::lowersTheCallingThread()
{
    bool lowered = false;
    bool again = false;
    ParkedThread thread([&] {
        lowered = ThreadPriority::lowerCurrentThread();
        again = ThreadPriority::lowerCurrentThread();
    });
    QVERIFY(lowered);
    QVERIFY(again);
    const KernelView view = kernelView(thread.tid());
    QVERIFY(view.ok);
    QCOMPARE(view.nice, expectedNice());
    QCOMPARE(view.policy, SCHED_OTHER);
}

void TestThreadPriority::leavesTheMainThreadAlone()
{
    const KernelView before = kernelView(gettid());
    QVERIFY(before.ok);
    QVERIFY(!ThreadPriority::lowerCurrentThread());
    QVERIFY(!ThreadPriority::lowerThread(getpid()));
    const KernelView after = kernelView(gettid());
    QCOMPARE(after.nice, before.nice);
    QCOMPARE(after.policy, before.policy);
    QCOMPARE(after.policy, SCHED_OTHER);
}

void TestThreadPriority::switchedOff()
{
    ThreadPriority::setEnabled(false);
    bool lowered = true;
    ParkedThread thread([&] { lowered = ThreadPriority::lowerCurrentThread(); });
    QVERIFY(!lowered);
    const KernelView view = kernelView(thread.tid());
    QVERIFY(view.ok);
    QCOMPARE(view.nice, processNice());
    QCOMPARE(view.policy, SCHED_OTHER);
}

void TestThreadPriority::labThreads()
{
    // The server thread from its start, Qt's network thread from the first answer (not the
    // failure of a bad URL, which comes before the thread exists); the GUI thread and the pool
    // thread that loaded a file stay as they were.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"small.txt"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write("some bytes\n") > 0);
    }
    Lab lab;
    QVERIFY2(lab.start(), qPrintable(lab.errorString()));
    QSignalSpy finished(&lab.jobs(), &JobRunner::finished);
    QVERIFY(finished.isValid());
    lab.jobs().fetch(QUrl(u"ftp://example.com/"_s), RunMode::Async);
    QCOMPARE(finished.size(), 1);
    lab.jobs().fetch(lab.server().url(u"/json"_s), RunMode::Async);
    lab.jobs().loadFile(path, RunMode::Async);
    while (finished.size() < 3)
        QVERIFY(finished.wait(10000));

    const QList<pid_t> server = ThreadPriority::threadsNamed("server thread");
    const QList<pid_t> network = ThreadPriority::threadsNamed("QNetworkAccessManager thread");
    const QList<pid_t> pooled = ThreadPriority::threadsNamed("Thread (pooled)");
    QCOMPARE(server.size(), 1);
    QVERIFY(!network.isEmpty());
    QVERIFY(!pooled.isEmpty());
    for (const QList<pid_t> &tids : { server, network }) {
        for (pid_t tid : tids) {
            const KernelView view = kernelView(tid);
            QCOMPARE(view.nice, expectedNice());
            QCOMPARE(view.policy, SCHED_OTHER);
        }
    }
    for (pid_t tid : pooled)
        QCOMPARE(kernelView(tid).nice, processNice());
    const KernelView gui = kernelView(gettid());
    QCOMPARE(gui.nice, processNice());
    QCOMPARE(gui.policy, SCHED_OTHER);
}

QTEST_GUILESS_MAIN(TestThreadPriority)
#include "tst_threadpriority.moc"

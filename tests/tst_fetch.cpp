#include <httpserver/embeddedserver.h>
#include <engine/jobrunner.h>
#include "jobwait.h"
#include <engine/operationlog.h>
#include "pattern.h"
#include <stalls/responsivenessmonitor.h>

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(RunMode)

// Fetches through the job runner, in both modes, against the real embedded server.
class TestFetch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void outcome_data();
    void outcome();
    void refusedConnection_data() { modes(); }
    void refusedConnection();
    void deadlineStopsHangingAndTricklingServers_data() { modes(); }
    void deadlineStopsHangingAndTricklingServers();
    void sizeCapStopsBigBodies_data() { modes(); }
    void sizeCapStopsBigBodies();
    void cancelAsync();
    void blockingModeFreezesAsyncDoesNot();

private:
    void modes();
    const OperationRecord &run(const QUrl &url, RunMode mode);

    EmbeddedServer m_server;
    std::unique_ptr<OperationLog> m_log;
    std::unique_ptr<ResponsivenessMonitor> m_monitor;
    std::unique_ptr<JobRunner> m_jobs;
    OperationRecord m_last;
};

void TestFetch::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void TestFetch::init()
{
    m_log = std::make_unique<OperationLog>();
    m_monitor = std::make_unique<ResponsivenessMonitor>();
    m_monitor->start();
    m_jobs = std::make_unique<JobRunner>(m_log.get(), m_monitor.get());
}

void TestFetch::cleanup()
{
    m_jobs.reset();
    m_monitor.reset();
    m_log.reset();
}

void TestFetch::modes()
{
    QTest::addColumn<RunMode>("mode");
    QTest::newRow("blocking") << RunMode::Blocking;
    QTest::newRow("async") << RunMode::Async;
}

const OperationRecord &TestFetch::run(const QUrl &url, RunMode mode)
{
    m_last = fetchAndWait(*m_jobs, *m_log, url, mode);
    return m_last;
}

void TestFetch::outcome_data()
{
    QTest::addColumn<RunMode>("mode");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("error");
    for (RunMode mode : { RunMode::Blocking, RunMode::Async }) {
        const char *m = mode == RunMode::Blocking ? "blocking" : "async";
        QTest::addRow("%s: bytes", m)
                << mode << u"/bytes/1000000"_s << 200 << qint64(1000000) << QString();
        QTest::addRow("%s: empty", m) << mode << u"/bytes/0"_s << 200 << qint64(0) << QString();
        QTest::addRow("%s: 404", m)
                << mode << u"/status/404"_s << 404 << qint64(-1) << u"HTTP 404"_s;
        QTest::addRow("%s: 500", m)
                << mode << u"/status/500"_s << 500 << qint64(-1) << u"HTTP 500"_s;
        QTest::addRow("%s: truncated", m)
                << mode << u"/truncate/100000"_s << -1 << qint64(-1) << QString();
        QTest::addRow("%s: redirects", m)
                << mode << u"/redirect/3"_s << 200 << qint64(-1) << QString();
        // A connection closed before any answer: Qt sends the request again once by itself,
        // FetchJob once more (QNetworkAccessManager's one resend is not enough when requests
        // queue behind a connection that breaks), then it is an error.
        for (int drops : { 1, 2, 3 }) {
            QTest::addRow("%s: dropped %d times", m, drops)
                    << mode
                    << u"/flaky/drop-%1-%2?fail=%2&drop=1"_s.arg(QLatin1StringView(m)).arg(drops)
                    << (drops < 3 ? 200 : 0) << qint64(-1)
                    << (drops < 3 ? QString()
                                  : u"the server closed the connection without a valid answer"_s);
        }
    }
}

void TestFetch::outcome()
{
    QFETCH(RunMode, mode);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(qint64, bytes);
    QFETCH(QString, error);
    const OperationRecord &r = run(m_server.url(path), mode);
    QCOMPARE(r.mode, mode);
    if (status >= 0)
        QCOMPARE(r.httpStatus, status);
    if (bytes >= 0) {
        QCOMPARE(r.bytes, bytes);
        QCOMPARE(r.sha256, patternSha256(bytes));
    }
    if (path.startsWith(u"/truncate"_s)) {
        QCOMPARE(r.status, OperationStatus::Failed);
        QVERIFY2(!r.error.isEmpty(), "a short body must be an error");
    } else if (error.isEmpty()) {
        QVERIFY2(r.status == OperationStatus::Succeeded, qPrintable(r.error));
    } else {
        QCOMPARE(r.status, OperationStatus::Failed);
        QVERIFY2(r.error.contains(error), qPrintable(r.error));
    }
}

void TestFetch::refusedConnection()
{
    QFETCH(RunMode, mode);
    QTcpServer probe; // a port that was free a moment ago and now refuses
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    const OperationRecord &r = run(QUrl(u"http://127.0.0.1:%1/"_s.arg(port)), mode);
    QCOMPARE(r.status, OperationStatus::Failed);
    QVERIFY2(r.error.contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(r.error));
}

void TestFetch::deadlineStopsHangingAndTricklingServers()
{
    QFETCH(RunMode, mode);
    FetchOptions options;
    options.deadlineMs = 400;
    m_jobs->setFetchOptions(options);
    for (const QString &path : { u"/hang"_s, u"/drip?bytes=1000&ms=5000"_s }) {
        const OperationRecord &r = run(m_server.url(path), mode);
        QCOMPARE(r.status, OperationStatus::Failed);
        QVERIFY2(r.error.contains(u"timed out"_s), qPrintable(r.error));
        QVERIFY2(r.durationMs() < 2000, qPrintable(QString::number(r.durationMs())));
    }
}

void TestFetch::sizeCapStopsBigBodies()
{
    QFETCH(RunMode, mode);
    FetchOptions options;
    options.maxBytes = 1 << 20;
    m_jobs->setFetchOptions(options);
    const OperationRecord &r = run(m_server.url(u"/bytes/104857600"_s), mode);
    QCOMPARE(r.status, OperationStatus::Failed);
    QVERIFY2(r.error.contains(u"size cap"_s), qPrintable(r.error));
}

void TestFetch::cancelAsync()
{
    QSignalSpy finished(m_jobs.get(), &JobRunner::finished);
    const int id = m_jobs->fetch(m_server.url(u"/delay/5000"_s), RunMode::Async);
    QVERIFY(m_jobs->isRunning(id));
    QTRY_COMPARE(m_server.requestsInFlight(), 1); // the server has it: cancel mid-request
    m_jobs->cancel(id);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 2000);
    QCOMPARE(m_log->find(id)->status, OperationStatus::Canceled);
    QCOMPARE(m_jobs->runningCount(), 0);
}

void TestFetch::blockingModeFreezesAsyncDoesNot()
{
    const OperationRecord blocking = run(m_server.url(u"/delay/600"_s), RunMode::Blocking);
    QVERIFY2(blocking.maxStallMs >= 0.8 * 600, qPrintable(QString::number(blocking.maxStallMs)));
    const OperationRecord async = run(m_server.url(u"/delay/600"_s), RunMode::Async);
    QVERIFY2(async.durationMs() >= 550, qPrintable(QString::number(async.durationMs())));
    QVERIFY2(async.maxStallMs < 100, qPrintable(QString::number(async.maxStallMs)));
}

QTEST_GUILESS_MAIN(TestFetch)
#include "tst_fetch.moc"

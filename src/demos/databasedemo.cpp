#include <demos/databasedemo.h>
#include <common/labclock.h>
#include <stalls/responsivenessmonitor.h>
#include <common/units.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMutexLocker>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>
#include <QtConcurrentRun>
#include <atomic>
#include <functional>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int InsertBatch = 50000;

// How many orders are bigger than each of the first N: a self-join that no index helps, so
// SQLite compares every one of the first N orders with all the others.
constexpr auto SlowQuery = "SELECT count(*), sum(b.amount) FROM orders a JOIN orders b "
                           "ON b.amount > a.amount WHERE a.id <= :outer"_L1;

// Qt's rule: a connection belongs to the thread that made it, so every thread makes its own,
// under a name no other thread uses.
QString uniqueConnectionName(QStringView who)
{
    static std::atomic<int> counter = 0;
    return u"asynclab-database-%1-%2"_s.arg(who).arg(++counter);
}

//! [database-handle]
// The driver's own handle, as Qt's documentation for QSqlDriver::handle() shows: for QSQLITE a
// QVariant holding a sqlite3*.
sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(handle.constData());
    return nullptr;
}
//! [database-handle]

struct ProgressState
{
    std::function<void(qint64)> report;
    const std::atomic<bool> *canceled = nullptr;
    qint64 ticks = 0;
};

int onSqliteProgress(void *state)
{
    auto *progress = static_cast<ProgressState *>(state);
    ++progress->ticks;
    if (progress->report)
        progress->report(progress->ticks);
    // Non-zero interrupts the query too: this catches a Cancel that came before the statement
    // started, when sqlite3_interrupt() has nothing to interrupt yet and does nothing.
    return progress->canceled && progress->canceled->load() ? 1 : 0;
}

//! [database-query]
// One run of the slow query on the calling thread, through a connection this thread opens,
// uses and removes. The GUI thread calls it plainly (and freezes); a worker calls it the same way.
DatabaseDemo::QueryResult runSlowQuery(const QString &path, int outerRows,
                                       DatabaseDemo::Interrupter *interrupter,
                                       const std::function<void(qint64)> &report)
{
    DatabaseDemo::QueryResult result;
    const QString name = uniqueConnectionName(u"query");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (!db.open()) {
            result.error = db.lastError().text();
        } else {
            sqlite3 *handle = sqliteHandle(db);
            ProgressState progress { report, interrupter ? &interrupter->requested : nullptr, 0 };
            sqlite3_progress_handler(handle, DatabaseDemo::ProgressInstructions, onSqliteProgress,
                                     &progress);
            if (interrupter) {
                const QMutexLocker locker(&interrupter->mutex);
                interrupter->handle = handle;
                if (interrupter->requested)
                    sqlite3_interrupt(handle);
            }
            QElapsedTimer timer;
            timer.start();
            QSqlQuery query(db);
            query.prepare(SlowQuery);
            query.bindValue(u":outer"_s, outerRows);
            if (query.exec() && query.next()) {
                result.ok = true;
                result.count = query.value(0).toLongLong();
                result.sum = query.value(1).toLongLong();
            } else {
                result.error = query.lastError().text();
                result.interrupted =
                        query.lastError().nativeErrorCode().toInt() == SQLITE_INTERRUPT;
            }
            result.ms = double(timer.nsecsElapsed()) / 1e6;
            result.ticks = progress.ticks;
            query.finish();
            if (interrupter) {
                const QMutexLocker locker(&interrupter->mutex);
                interrupter->handle = nullptr; // before the connection closes
            }
            sqlite3_progress_handler(handle, 0, nullptr, nullptr);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name); // once no QSqlDatabase of it is left
    return result;
}
//! [database-query]

// True when path holds the table of orders with this many rows, made by an earlier run.
bool hasOrders(const QString &path, int rows)
{
    if (!QFile::exists(path))
        return false;
    const QString name = uniqueConnectionName(u"check");
    bool found = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery count(db);
            found = count.exec(u"SELECT count(*) FROM orders"_s) && count.next()
                    && count.value(0).toLongLong() == rows;
        }
    }
    QSqlDatabase::removeDatabase(name);
    return found;
}

// Makes the table of orders in batches of one statement each, reporting rows done. Returns an
// error, or nothing; writes to a side file first, so a half-made database is never used.
QString makeDatabase(QPromise<QString> &promise, const QString &path, int rows)
{
    if (hasOrders(path, rows))
        return {};
    const QString name = uniqueConnectionName(u"generate");
    const QString part = path + u".part"_s;
    QFile::remove(part);
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(part);
        QSqlQuery query(db);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            query.exec(u"PRAGMA journal_mode=OFF"_s);
            if (!query.exec(u"CREATE TABLE orders(id INTEGER PRIMARY KEY, customer INTEGER NOT "
                            "NULL, amount INTEGER NOT NULL)"_s)) {
                error = query.lastError().text();
            }
        }
        promise.setProgressRange(0, rows);
        for (int from = 1; error.isEmpty() && from <= rows; from += InsertBatch) {
            if (promise.isCanceled()) {
                error = u"canceled"_s;
                break;
            }
            const int to = std::min(rows, from + InsertBatch - 1);
            query.prepare(u"INSERT INTO orders WITH RECURSIVE n(x) AS (SELECT :from UNION ALL "
                          "SELECT x + 1 FROM n WHERE x < :to) "
                          "SELECT x, (x * 7919) % 50000, (x * 104729) % 10000 FROM n"_s);
            query.bindValue(u":from"_s, from);
            query.bindValue(u":to"_s, to);
            if (!query.exec())
                error = query.lastError().text();
            promise.setProgressValue(to);
        }
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!error.isEmpty()) {
        QFile::remove(part);
        return error;
    }
    QFile::remove(path);
    return QFile::rename(part, path)
            ? QString()
            : QCoreApplication::translate("DatabaseDemo", "cannot rename %1").arg(part);
}

void generateDatabase(QPromise<QString> &promise, const QString &path, int rows)
{
    promise.addResult(makeDatabase(promise, path, rows));
}

//! [database-wrong-thread]
// Qt prints a warning when a thread asks for a connection another thread made, and hands back
// an invalid QSqlDatabase instead. It is caught here, for the calling thread only, to be shown.
QMutex captureMutex;
QThread *captureThread = nullptr;
QStringList *captured = nullptr;
QtMessageHandler previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const QMutexLocker locker(&captureMutex);
        if (captured && QThread::currentThread() == captureThread) {
            captured->append(message);
            return;
        }
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

QStringList askForAnotherThreadsConnection(const QString &guiConnection)
{
    QStringList messages;
    {
        const QMutexLocker locker(&captureMutex);
        captureThread = QThread::currentThread();
        captured = &messages;
        previousHandler = qInstallMessageHandler(captureMessage);
    }
    // Asked from a worker, for the GUI thread's connection: Qt refuses, safely.
    QSqlDatabase db = QSqlDatabase::database(guiConnection, false);
    const bool valid = db.isValid();
    QSqlQuery query(db);
    const bool ran = query.exec(u"SELECT count(*) FROM orders"_s);
    const QString queryError = query.lastError().driverText();
    {
        const QMutexLocker locker(&captureMutex);
        qInstallMessageHandler(previousHandler);
        captured = nullptr;
        captureThread = nullptr;
    }
    return { messages.value(0),
             valid ? QCoreApplication::translate("DatabaseDemo", "valid")
                   : QCoreApplication::translate("DatabaseDemo", "invalid (an empty QSqlDatabase)"),
             ran ? QCoreApplication::translate("DatabaseDemo", "the query ran")
                 : queryError.trimmed() };
}
//! [database-wrong-thread]

} // namespace

void DatabaseDemo::Interrupter::interrupt()
{
    //! [database-cancel]
    // From the GUI thread, while the worker is inside sqlite3_step(): SQLite allows this, and the
    // query stops at its next check with SQLITE_INTERRUPT. The mutex keeps the connection open
    // until the call returns.
    const QMutexLocker locker(&mutex);
    requested = true;
    if (handle)
        sqlite3_interrupt(handle);
    //! [database-cancel]
}

DatabaseDemo::DatabaseDemo(const DemoContext &context, QObject *parent)
    : Demo(context,
           { u"database-query"_s, u"database-worker"_s, u"database-cancel"_s,
             u"database-wrong-thread"_s, u"database-handle"_s },
           parent)
{
    setOptions({}); // the explanation shows them
    pool()->setMaxThreadCount(1);
    connect(&m_generator, &QFutureWatcher<QString>::progressValueChanged, this, [this](int rows) {
        const int percent = m_options.rows > 0 ? int(qint64(rows) * 100 / m_options.rows) : 100;
        if (percent / 10 == m_lastPercent / 10)
            return;
        m_lastPercent = percent;
        emit progress(tr("generating on a worker thread: %1 of %2 rows (%3%)")
                              .arg(rows)
                              .arg(m_options.rows)
                              .arg(percent));
    });
    connect(&m_generator, &QFutureWatcher<QString>::finished, this, &DatabaseDemo::generated);
    connect(&m_query, &QFutureWatcher<QueryResult>::progressValueChanged, this, [this](int ticks) {
        const int total = m_query.progressMaximum();
        const int percent = total > 0 ? std::min(100, int(qint64(ticks) * 100 / total)) : 0;
        if (total <= 0 || percent / 10 == m_lastPercent / 10)
            return;
        m_lastPercent = percent;
        emit progress(tr("  worker: %1% of the query, GUI thread's longest stall so far %2")
                              .arg(percent, 3)
                              .arg(formatDuration(Demo::context().monitor->maxStallBetween(
                                      m_phaseStartMs, labNowMs()))));
    });
    connect(&m_query, &QFutureWatcher<QueryResult>::finished, this, &DatabaseDemo::workerQueryDone);
    connect(&m_wrongThread, &QFutureWatcher<QStringList>::finished, this,
            &DatabaseDemo::wrongThreadDone);
}

DatabaseDemo::~DatabaseDemo()
{
    teardown(); // a canceled query or generation stops within milliseconds
    stopRun(); // the GUI thread's connection, when the last step was running
}

void DatabaseDemo::setOptions(const Options &options)
{
    Q_ASSERT(!isRunning());
    m_options = options;
    setExplanationArguments({ m_options.rows, m_options.outerRows, m_options.cancelAfterMs });
}

QString DatabaseDemo::databasePath() const
{
    return QDir(context().workDir).filePath(u"asynclab-orders-%1.sqlite"_s.arg(m_options.rows));
}

void DatabaseDemo::run()
{
    if (!beginRun())
        return;
    m_gui = m_worker = m_canceled = {};
    m_guiStallMs = m_workerStallMs = m_cancelToEndMs = m_cancelAtMs = 0;
    m_wrongThreadReport.clear();
    m_generatedNow = !QFile::exists(databasePath());
    if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s)) {
        QTimer::singleShot(0, this, [this, generation = currentGeneration()] {
            if (isCurrent(generation))
                fail(tr("Qt's SQLite driver (QSQLITE) is not installed: on Debian, install "
                        "libqt6sql6-sqlite"));
        });
        return;
    }
    m_phase = Phase::Generate;
    m_lastPercent = -1;
    m_phaseStartMs = labNowMs();
    emit progress(m_generatedNow ? tr("making %1 on a worker thread").arg(databasePath())
                                 : tr("checking %1").arg(databasePath()));
    m_generator.setFuture(
            QtConcurrent::run(pool(), generateDatabase, databasePath(), m_options.rows));
}

void DatabaseDemo::cancelRun()
{
    emit progress(tr("canceling"));
    m_cancelAtMs = labNowMs();
    switch (m_phase) {
    case Phase::Generate:
        m_generator.cancel();
        break;
    case Phase::WorkerQuery:
    case Phase::CanceledQuery:
        m_interrupter->interrupt();
        break;
    case Phase::Idle:
    case Phase::GuiQuery:
    case Phase::WrongThread:
        break; // ends on its own in a moment
    }
}

void DatabaseDemo::stopRun()
{
    m_phase = Phase::Idle;
    if (!m_guiConnection.isEmpty()) {
        QSqlDatabase::database(m_guiConnection, false).close();
        QSqlDatabase::removeDatabase(m_guiConnection);
        m_guiConnection.clear();
    }
}

void DatabaseDemo::generated()
{
    if (m_phase != Phase::Generate)
        return;
    const QFuture<QString> future = m_generator.future();
    const QString error = future.isResultReadyAt(0) ? future.result() : u"canceled"_s;
    if (isCanceled())
        return finishCanceled(tr("Canceled while making the database."));
    if (!error.isEmpty())
        return fail(tr("cannot make the database: %1").arg(error));
    m_generateMs = labNowMs() - m_phaseStartMs;
    emit progress(m_generatedNow ? tr("database made in %1").arg(formatDuration(m_generateMs))
                                 : tr("database already there"));
    emit phase(tr("query on the GUI thread"));
    emit progress(tr("the slow query ON THE GUI THREAD: the window freezes until it ends"));
    m_phase = Phase::GuiQuery;
    // A moment for the line above to be shown before the freeze.
    QTimer::singleShot(50, this, [this, generation = currentGeneration()] {
        if (isCurrent(generation))
            queryOnGuiThread();
    });
}

void DatabaseDemo::queryOnGuiThread()
{
    context().monitor->checkpoint();
    const double startMs = labNowMs();
    m_gui = runSlowQuery(databasePath(), m_options.outerRows, nullptr, {});
    context().monitor->checkpoint();
    m_guiStallMs = roundedMs(context().monitor->maxStallBetween(startMs, labNowMs()));
    if (!m_gui.ok)
        return fail(tr("the query failed: %1").arg(m_gui.error));
    emit progress(tr("  GUI thread: %1 orders bigger, in %2; the GUI thread's longest stall %3")
                          .arg(m_gui.count)
                          .arg(formatDuration(m_gui.ms), formatDuration(m_guiStallMs)));
    if (isCanceled())
        return finishCanceled(tr("Canceled after the query on the GUI thread."));
    emit phase(tr("query on a worker"));
    emit progress(tr("the same query on a WORKER THREAD with its own connection:"));
    queryOnWorker(Phase::WorkerQuery);
}

void DatabaseDemo::queryOnWorker(Phase phase)
{
    m_phase = phase;
    m_lastPercent = -1;
    m_interrupter = std::make_shared<Interrupter>();
    m_phaseStartMs = labNowMs();
    const qint64 total = m_gui.ticks; // the same query on the same data: the same VM steps
    //! [database-worker]
    m_query.setFuture(QtConcurrent::run(
            pool(),
            [path = databasePath(), outer = m_options.outerRows, interrupter = m_interrupter,
             total](QPromise<QueryResult> &promise) {
                promise.setProgressRange(0, int(std::min<qint64>(total, INT_MAX)));
                promise.addResult(
                        runSlowQuery(path, outer, interrupter.get(), [&promise](qint64 ticks) {
                            promise.setProgressValue(int(ticks));
                        }));
            }));
    //! [database-worker]
    if (phase == Phase::CanceledQuery) {
        QTimer::singleShot(m_options.cancelAfterMs, this, [this, generation = currentGeneration()] {
            if (!isCurrent(generation) || m_phase != Phase::CanceledQuery || isCanceled())
                return;
            emit progress(tr("  Cancel pressed after %1: sqlite3_interrupt()")
                                  .arg(formatDuration(labNowMs() - m_phaseStartMs)));
            m_cancelAtMs = labNowMs();
            m_interrupter->interrupt();
        });
    }
}

void DatabaseDemo::workerQueryDone()
{
    if (m_phase != Phase::WorkerQuery && m_phase != Phase::CanceledQuery)
        return;
    const QFuture<QueryResult> future = m_query.future();
    const QueryResult result = future.isResultReadyAt(0) ? future.result() : QueryResult();
    const double nowMs = labNowMs();
    const double stallMs = context().monitor->maxStallBetween(m_phaseStartMs, nowMs);
    if (isCanceled()) {
        return finishCanceled(tr("Canceled: the query stopped %1 after Cancel.")
                                      .arg(formatDuration(nowMs - m_cancelAtMs)));
    }
    if (m_phase == Phase::WorkerQuery) {
        m_worker = result;
        m_workerStallMs = roundedMs(stallMs);
        if (!result.ok)
            return fail(tr("the query failed on the worker: %1").arg(result.error));
        emit progress(tr("  worker: %1 orders bigger, in %2; the GUI thread's longest stall %3")
                              .arg(result.count)
                              .arg(formatDuration(result.ms), formatDuration(stallMs)));
        emit phase(tr("canceled on a worker"));
        emit progress(tr("the query on a worker again, canceled after %1:")
                              .arg(formatDuration(m_options.cancelAfterMs)));
        return queryOnWorker(Phase::CanceledQuery);
    }
    m_canceled = result;
    // rounded once, as formatDuration() shows it: the log, the figure and the bar give one number
    m_cancelToEndMs = m_cancelAtMs > 0 ? roundedMs(nowMs - m_cancelAtMs) : 0;
    if (result.ok) {
        emit progress(tr("  the query ended before Cancel (%1)").arg(formatDuration(result.ms)));
    } else {
        emit progress(tr("  stopped %1 after Cancel: \"%2\"")
                              .arg(formatDuration(m_cancelToEndMs), result.error.trimmed()));
    }
    askFromWrongThread();
}

void DatabaseDemo::askFromWrongThread()
{
    m_phase = Phase::WrongThread;
    m_guiConnection = uniqueConnectionName(u"gui");
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_guiConnection);
    db.setDatabaseName(databasePath());
    db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
    db.open();
    emit progress(tr("a worker asks for the GUI thread's connection \"%1\":").arg(m_guiConnection));
    m_wrongThread.setFuture(
            QtConcurrent::run(pool(), askForAnotherThreadsConnection, m_guiConnection));
}

void DatabaseDemo::wrongThreadDone()
{
    if (m_phase != Phase::WrongThread)
        return;
    if (isCanceled())
        return finishCanceled(tr("Canceled at the last step."));
    const QFuture<QStringList> future = m_wrongThread.future();
    m_wrongThreadReport = future.isResultReadyAt(0) ? future.result() : QStringList();
    emit progress(tr("  Qt says: %1").arg(m_wrongThreadReport.value(0)));
    emit progress(tr("  the connection it got: %1; a query on it: %2")
                          .arg(m_wrongThreadReport.value(1), m_wrongThreadReport.value(2)));
    finish(outcome());
}

DemoOutcome DatabaseDemo::outcome() const
{
    DemoOutcome o;
    o.setRunFigure(DemoFigure::englishKey("rows"), m_options.rows);
    o.setRunFigure(DemoFigure::englishKey("database made in this run"), m_generatedNow);
    if (m_generatedNow)
        o.setRunFigure(DemoFigure::englishKey("making the database"), m_generateMs,
                       DemoFigure::englishKey("ms"));
    o.setRunFigure(DemoFigure::englishKey("query"),
                   QString(SlowQuery).replace(u":outer"_s, QString::number(m_options.outerRows)));
    o.setRunFigure(DemoFigure::englishKey("answer"), double(m_gui.count));
    o.setFigure(DemoFigure::englishKey("GUI thread"), DemoFigure::englishKey("query"), m_gui.ms,
                DemoFigure::englishKey("ms"));
    o.setFigure(DemoFigure::englishKey("GUI thread"), DemoFigure::englishKey("max stall"),
                m_guiStallMs, DemoFigure::englishKey("ms"));
    o.setFigure(DemoFigure::englishKey("worker"), DemoFigure::englishKey("query"), m_worker.ms,
                DemoFigure::englishKey("ms"));
    o.setFigure(DemoFigure::englishKey("worker"), DemoFigure::englishKey("max stall"),
                m_workerStallMs, DemoFigure::englishKey("ms"));
    o.setFigure(DemoFigure::englishKey("worker"), DemoFigure::englishKey("progress reports"),
                double(m_worker.ticks));
    const bool same = m_worker.count == m_gui.count && m_worker.sum == m_gui.sum;
    o.setRunFigure(DemoFigure::englishKey("same answer"), same);
    o.setFigure(DemoFigure::englishKey("cancel"), DemoFigure::englishKey("pressed after"),
                m_options.cancelAfterMs, DemoFigure::englishKey("ms"));
    o.setFigure(DemoFigure::englishKey("cancel"), DemoFigure::englishKey("interrupted"),
                m_canceled.interrupted);
    o.setFigure(DemoFigure::englishKey("cancel"), DemoFigure::englishKey("until the query stopped"),
                m_cancelToEndMs, DemoFigure::englishKey("ms"));
    o.setFigure(DemoFigure::englishKey("cancel"), DemoFigure::englishKey("error"),
                m_canceled.error.trimmed());
    o.setFigure(DemoFigure::englishKey("wrong thread"), DemoFigure::englishKey("Qt says"),
                m_wrongThreadReport.value(0));
    o.setFigure(DemoFigure::englishKey("wrong thread"), DemoFigure::englishKey("connection"),
                m_wrongThreadReport.value(1));
    o.setFigure(DemoFigure::englishKey("wrong thread"), DemoFigure::englishKey("query"),
                m_wrongThreadReport.value(2));
    o.bars = { { DemoFigure::englishKey("query on the GUI thread"), m_guiStallMs },
               { DemoFigure::englishKey("query on a worker"), m_workerStallMs },
               { DemoFigure::englishKey("Cancel until stopped"), m_cancelToEndMs } };
    o.barsUnit = DemoFigure::englishKey("ms (longest GUI stall; time to stop)");
    const QString onWorker = same
            ? tr("On a worker with its own connection it took %1 and the GUI thread's longest "
                 "stall was %2, with the same answer.")
            : tr("On a worker with its own connection it took %1 and the GUI thread's longest "
                 "stall was %2, with a DIFFERENT answer.");
    const QString canceled = m_canceled.interrupted
            ? tr("Canceled after %1, the query stopped %2 later.")
                      .arg(formatDuration(m_options.cancelAfterMs), formatDuration(m_cancelToEndMs))
            : tr("Canceled after %1, the query was not interrupted.")
                      .arg(formatDuration(m_options.cancelAfterMs));
    QStringList sentences;
    sentences << tr("On the GUI thread the query took %1 and froze the window for %2.")
                         .arg(formatDuration(m_gui.ms), formatDuration(m_guiStallMs));
    sentences << onWorker.arg(formatDuration(m_worker.ms), formatDuration(m_workerStallMs));
    sentences << canceled;
    sentences << tr("A worker that asked for the GUI thread's connection got %1.")
                         .arg(m_wrongThreadReport.value(1));
    o.summary = sentences.join(u' ');
    if (!same) {
        o.status = DemoOutcome::Status::Failed;
        o.error = tr("the worker's answer differs from the GUI thread's");
    }
    return o;
}

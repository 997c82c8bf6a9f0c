#include <models/operationlogmodel.h>
#include <models/labcolors.h>
#include <engine/operationlog.h>
#include <stalls/responsivenessmonitor.h>
#include <common/units.h>

#include <QBrush>
#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int ShortShaLength = 12;

// What the threads did, in the words a beginner expects: who waited, who did the work.
QString threadText(const OperationRecord &r)
{
    const QString gui = threadLaneName(ThreadLane::Gui);
    if (r.workerThread.isEmpty())
        return {};
    if (r.kind == OperationKind::Fetch) {
        if (r.mode == RunMode::Blocking)
            return r.workerThread == gui
                    ? QCoreApplication::translate("OperationLogModel",
                                                  "GUI thread waited and did the I/O")
                    : QCoreApplication::translate("OperationLogModel",
                                                  "GUI thread waited; %1 did the I/O")
                              .arg(r.workerThread);
        return r.workerThread == gui
                ? QCoreApplication::translate("OperationLogModel", "no thread waited (event loop)")
                : QCoreApplication::translate("OperationLogModel",
                                              "no thread waited; %1 did the I/O")
                          .arg(r.workerThread);
    }
    if (r.workerThread == gui)
        return QCoreApplication::translate("OperationLogModel",
                                           "GUI thread did the work (and froze)");
    return QCoreApplication::translate("OperationLogModel", "%1 did the work; GUI thread free")
            .arg(r.workerThread);
}

bool isNumeric(int column)
{
    switch (column) {
    case OperationLogModel::IdColumn:
    case OperationLogModel::HttpColumn:
    case OperationLogModel::BytesColumn:
    case OperationLogModel::LinesColumn:
    case OperationLogModel::DurationColumn:
    case OperationLogModel::MaxStallColumn:
        return true;
    default:
        return false;
    }
}

} // namespace

OperationLogModel::OperationLogModel(OperationLog *log, QObject *parent)
    : QAbstractTableModel(parent), m_log(log)
{
    if (!m_log)
        return;
    m_rows = int(m_log->records().size());
    connect(m_log, &OperationLog::recordAdded, this, [this](int row) {
        // the log only appends, but catch up on anything not yet announced
        const int last = std::max(row, int(m_log->records().size()) - 1);
        if (last < m_rows)
            return;
        beginInsertRows({}, m_rows, last);
        m_rows = last + 1;
        endInsertRows();
    });
    connect(m_log, &OperationLog::recordChanged, this, [this](int row) {
        if (row >= 0 && row < m_rows)
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    });
    const auto reset = [this] {
        beginResetModel();
        m_rows = m_log ? int(m_log->records().size()) : 0;
        endResetModel();
    };
    connect(m_log, &OperationLog::cleared, this, reset);
    connect(m_log, &QObject::destroyed, this, reset);
}

int OperationLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int OperationLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const OperationRecord *OperationLogModel::recordAt(int row) const
{
    // between a change in the log and the matching end*() call the log may be shorter
    if (!m_log || row < 0 || row >= m_rows || row >= m_log->records().size())
        return nullptr;
    return &m_log->records().at(row);
}

QVariant OperationLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OperationRecord *record = recordAt(index.row());
    if (!record)
        return {};
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayText(*record, column);
    case Qt::ToolTipRole: {
        // Every cell tells its full text, since a narrow column elides it.
        if (column == TargetColumn)
            return record->target;
        if (column == ErrorColumn && !record->error.isEmpty())
            return record->error;
        if (column == Sha256Column && !record->sha256.isEmpty())
            return QString::fromLatin1(record->sha256);
        const QString text = displayText(*record, column).toString();
        return text.isEmpty() ? QVariant() : QVariant(text);
    }
    case SortRole:
        return sortValue(*record, column);
    case IdRole:
        return record->id;
    case Qt::ForegroundRole:
        return foreground(*record, column);
    case Qt::DecorationRole:
        return decoration(*record, column);
    case Qt::TextAlignmentRole:
        return isNumeric(column) ? int(Qt::AlignRight | Qt::AlignVCenter)
                                 : int(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant OperationLogModel::displayText(const OperationRecord &r, int column) const
{
    const QLocale locale;
    switch (column) {
    case IdColumn:
        return locale.toString(r.id);
    case KindColumn:
        return operationKindText(r.kind);
    case ModeColumn:
        return runModeText(r.mode);
    case TargetColumn:
        return shortTarget(r.target);
    case StatusColumn:
        if (r.status == OperationStatus::Running && r.totalBytes > 0)
            return tr("%1 %2%")
                    .arg(operationStatusText(r.status))
                    .arg(locale.toString(
                            qBound(qint64(0), r.bytes * 100 / r.totalBytes, qint64(100))));
        return operationStatusText(r.status);
    case HttpColumn:
        return r.httpStatus > 0 ? QString::number(r.httpStatus) : QString(); // a code, not a count
    case BytesColumn:
        return formatBytes(r.bytes);
    case LinesColumn:
        return r.lines >= 0 ? locale.toString(r.lines) : QString();
    case DurationColumn:
        return r.isFinished() ? formatDuration(r.durationMs()) : QString();
    case MaxStallColumn:
        return r.isFinished() || r.maxStallMs > 0 ? formatDuration(r.maxStallMs) : QString();
    case CulpritColumn:
        return r.culprit;
    case ThreadColumn:
        return threadText(r);
    case Sha256Column:
        return r.sha256.size() > ShortShaLength
                ? QString::fromLatin1(r.sha256.left(ShortShaLength)) + u'\u2026'
                : QString::fromLatin1(r.sha256);
    case ErrorColumn: {
        const qsizetype newline = r.error.indexOf(u'\n');
        return newline < 0 ? r.error : r.error.left(newline) + u'\u2026';
    }
    }
    return {};
}

QVariant OperationLogModel::sortValue(const OperationRecord &r, int column) const
{
    switch (column) {
    case IdColumn:
        return r.id;
    case KindColumn:
        return int(r.kind);
    case ModeColumn:
        return int(r.mode);
    case TargetColumn:
        return r.target;
    case StatusColumn:
        return int(r.status);
    case HttpColumn:
        return r.httpStatus;
    case BytesColumn:
        return r.bytes;
    case LinesColumn:
        return r.lines;
    case DurationColumn:
        return r.durationMs();
    case MaxStallColumn:
        return r.maxStallMs;
    case CulpritColumn:
        return r.culprit;
    case ThreadColumn:
        return r.workerThread;
    case Sha256Column:
        return QString::fromLatin1(r.sha256);
    case ErrorColumn:
        return r.error;
    }
    return {};
}

QVariant OperationLogModel::foreground(const OperationRecord &r, int column) const
{
    if (r.status == OperationStatus::Canceled)
        return QBrush(dimmedColor());
    if (r.status == OperationStatus::Failed && (column == StatusColumn || column == ErrorColumn))
        return QBrush(failedColor());
    if (column == ModeColumn)
        return QBrush(modeColor(r.mode));
    if (column == MaxStallColumn && r.maxStallMs > ResponsivenessMonitor::StallThresholdMs)
        return QBrush(failedColor());
    return {};
}

QVariant OperationLogModel::decoration(const OperationRecord &r, int column) const
{
    if (column == ModeColumn)
        return modeColor(r.mode);
    if (column == StatusColumn && r.status == OperationStatus::Failed)
        return failedColor();
    if (column == StatusColumn && r.status == OperationStatus::Canceled)
        return dimmedColor();
    return {};
}

QString OperationLogModel::widestText(int column)
{
    const auto longest = [](const QStringList &texts) {
        return *std::max_element(
                texts.begin(), texts.end(),
                [](const QString &a, const QString &b) { return a.size() < b.size(); });
    };
    OperationRecord sample;
    const auto threadTexts = [&] {
        QStringList texts;
        const QString worker = threadLaneName(ThreadLane::Worker, 99);
        for (OperationKind kind : { OperationKind::Fetch, OperationKind::FileLoad }) {
            for (RunMode mode : { RunMode::Blocking, RunMode::Async }) {
                for (const QString &thread : { threadLaneName(ThreadLane::Gui), worker,
                                               threadLaneName(ThreadLane::NetworkThread) }) {
                    sample.kind = kind;
                    sample.mode = mode;
                    sample.workerThread = thread;
                    texts.append(threadText(sample));
                }
            }
        }
        return texts;
    };
    switch (column) {
    case IdColumn:
        return numberLocale().toString(99999);
    case KindColumn:
        return longest({ operationKindText(OperationKind::Fetch),
                         operationKindText(OperationKind::FileLoad),
                         operationKindText(OperationKind::GenerateFile) });
    case ModeColumn:
        return longest({ runModeText(RunMode::Blocking), runModeText(RunMode::Async) });
    case TargetColumn:
        return u"/delay/2000"_s; // stretched over the room the others leave
    case StatusColumn:
        return longest({ tr("%1 %2%")
                                 .arg(operationStatusText(OperationStatus::Running))
                                 .arg(numberLocale().toString(100)),
                         operationStatusText(OperationStatus::Succeeded),
                         operationStatusText(OperationStatus::Failed),
                         operationStatusText(OperationStatus::Canceled) });
    case HttpColumn:
        return u"000"_s;
    case BytesColumn:
        // the most digits each unit shows: "1023.9 KiB", "1023.9 MiB", "999.9 GiB"
        return longest({ formatBytes(1024 * 1024 - 100),
                         formatBytes(1024 * 1024 * 1024 - 100 * 1024),
                         formatBytes(qint64(1000) * 1024 * 1024 * 1024 - 100 * 1024 * 1024) });
    case LinesColumn:
        return numberLocale().toString(9999999);
    case DurationColumn:
    case MaxStallColumn:
        return longest({ formatDuration(999), formatDuration(9990), formatDuration(99900) });
    case CulpritColumn:
        return u"BlockingFetcher::fetch (blockingfetcher.cpp:99)"_s;
    case ThreadColumn:
        return longest(threadTexts());
    case Sha256Column:
        return QString(ShortShaLength, u'f') + u'\u2026';
    case ErrorColumn:
        return u"Connection refused by the server at 127.0.0.1"_s;
    }
    return {};
}

QVariant OperationLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const titles[ColumnCount] = {
        QT_TR_NOOP("#"),         QT_TR_NOOP("Kind"),    QT_TR_NOOP("Mode"),
        QT_TR_NOOP("Target"),    QT_TR_NOOP("Status"),  QT_TR_NOOP("HTTP"),
        QT_TR_NOOP("Bytes"),     QT_TR_NOOP("Lines"),   QT_TR_NOOP("Duration"),
        QT_TR_NOOP("Max stall"), QT_TR_NOOP("Culprit"), QT_TR_NOOP("Thread"),
        QT_TR_NOOP("SHA-256"),   QT_TR_NOOP("Error"),
    };
    static const char *const tips[ColumnCount] = {
        QT_TR_NOOP("Operation number, in start order"),
        QT_TR_NOOP("Network fetch, file load or file generation"),
        QT_TR_NOOP("Blocking: waited on the GUI thread. Async: waited off it"),
        QT_TR_NOOP("URL or file"),
        QT_TR_NOOP("Running, ok, failed or canceled"),
        QT_TR_NOOP("HTTP status code of a fetch"),
        QT_TR_NOOP("Bytes received or read"),
        QT_TR_NOOP("Lines counted in a loaded file"),
        QT_TR_NOOP("Wall-clock time from start to finish"),
        QT_TR_NOOP("Longest time the GUI thread was frozen while this operation ran"),
        QT_TR_NOOP("Where the longest freeze during this operation held the GUI thread: function "
                   "(file:line)"),
        QT_TR_NOOP("Which thread waited and which did the work"),
        QT_TR_NOOP("SHA-256 of the content (hover for the full digest)"),
        QT_TR_NOOP("Why the operation failed"),
    };
    switch (role) {
    case Qt::DisplayRole:
        return tr(titles[section]);
    case Qt::ToolTipRole:
        return tr(tips[section]);
    case Qt::TextAlignmentRole:
        return isNumeric(section) ? int(Qt::AlignRight | Qt::AlignVCenter)
                                  : int(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

#include <engine/operationrecord.h>

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {
const char *operationKindSource(OperationKind kind)
{
    switch (kind) {
    case OperationKind::Fetch:
        return QT_TRANSLATE_NOOP("OperationRecord", "fetch");
    case OperationKind::FileLoad:
        return QT_TRANSLATE_NOOP("OperationRecord", "file load");
    case OperationKind::GenerateFile:
        return QT_TRANSLATE_NOOP("OperationRecord", "generate file");
    }
    return "";
}

const char *operationStatusSource(OperationStatus status)
{
    switch (status) {
    case OperationStatus::Running:
        return QT_TRANSLATE_NOOP("OperationRecord", "running");
    case OperationStatus::Succeeded:
        return QT_TRANSLATE_NOOP("OperationRecord", "ok");
    case OperationStatus::Failed:
        return QT_TRANSLATE_NOOP("OperationRecord", "failed");
    case OperationStatus::Canceled:
        return QT_TRANSLATE_NOOP("OperationRecord", "canceled");
    }
    return "";
}
} // namespace

QString operationKindName(OperationKind kind)
{
    return QString::fromLatin1(operationKindSource(kind));
}

QString operationKindText(OperationKind kind)
{
    return QCoreApplication::translate("OperationRecord", operationKindSource(kind));
}

QString threadLaneName(ThreadLane lane, int worker)
{
    switch (lane) {
    case ThreadLane::Gui:
        return QCoreApplication::translate("OperationRecord", "GUI thread");
    case ThreadLane::Worker:
        return QCoreApplication::translate("OperationRecord", "worker %1").arg(worker);
    case ThreadLane::ThreadPool:
        return QCoreApplication::translate("OperationRecord", "thread pool");
    case ThreadLane::NetworkThread:
        return QCoreApplication::translate("OperationRecord", "network thread");
    case ThreadLane::EventLoop:
        return QCoreApplication::translate("OperationRecord", "network (event loop)");
    }
    return {};
}

QString spanKindName(SpanKind kind)
{
    switch (kind) {
    case SpanKind::Work:
        return QCoreApplication::translate("OperationRecord", "working");
    case SpanKind::BlockedWaiting:
        return QCoreApplication::translate("OperationRecord", "blocked, waiting");
    case SpanKind::EventLoopWait:
        return QCoreApplication::translate("OperationRecord", "pending in the event loop");
    }
    return {};
}

QString operationStatusName(OperationStatus status)
{
    return QString::fromLatin1(operationStatusSource(status));
}

QString operationStatusText(OperationStatus status)
{
    return QCoreApplication::translate("OperationRecord", operationStatusSource(status));
}

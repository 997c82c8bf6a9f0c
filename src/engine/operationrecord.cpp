#include <engine/operationrecord.h>

#include <QFileInfo>
#include <QUrl>

using namespace Qt::StringLiterals;

QString shortTarget(const QString &target)
{
    const QUrl url(target);
    if (url.scheme() == "http"_L1 || url.scheme() == "https"_L1)
        return url.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority);
    return QFileInfo(target).fileName();
}

QString operationKindName(OperationKind kind)
{
    switch (kind) {
    case OperationKind::Fetch:
        return u"fetch"_s;
    case OperationKind::FileLoad:
        return u"file load"_s;
    case OperationKind::GenerateFile:
        return u"generate file"_s;
    }
    return {};
}

QString threadLaneName(ThreadLane lane, int worker)
{
    switch (lane) {
    case ThreadLane::Gui:
        return u"GUI thread"_s;
    case ThreadLane::Worker:
        return u"worker %1"_s.arg(worker);
    case ThreadLane::ThreadPool:
        return u"thread pool"_s;
    case ThreadLane::NetworkThread:
        return u"network thread"_s;
    case ThreadLane::EventLoop:
        return u"network (event loop)"_s;
    }
    return {};
}

QString spanKindName(SpanKind kind)
{
    switch (kind) {
    case SpanKind::Work:
        return u"working"_s;
    case SpanKind::BlockedWaiting:
        return u"blocked, waiting"_s;
    case SpanKind::EventLoopWait:
        return u"pending in the event loop"_s;
    }
    return {};
}

QString operationStatusName(OperationStatus status)
{
    switch (status) {
    case OperationStatus::Running:
        return u"running"_s;
    case OperationStatus::Succeeded:
        return u"ok"_s;
    case OperationStatus::Failed:
        return u"failed"_s;
    case OperationStatus::Canceled:
        return u"canceled"_s;
    }
    return {};
}

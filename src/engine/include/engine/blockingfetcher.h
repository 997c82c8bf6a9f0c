#pragma once

#include <engine/fetchjob.h>

#include <QThread>

class QNetworkAccessManager;

// Blocking mode's fetch: the calling (GUI) thread hands the request to a network thread and then
// waits, doing nothing else, until the reply is complete: the same wait a blocking socket call
// makes in the kernel. The supported way to get that from QNetworkAccessManager, whose synchronous
// request attribute is internal API and which must otherwise be driven by the caller's own event
// loop (a nested loop would keep the window painting and hide the freeze).
class BlockingFetcher
{
public:
    BlockingFetcher();
    ~BlockingFetcher();
    BlockingFetcher(const BlockingFetcher &) = delete;
    BlockingFetcher &operator=(const BlockingFetcher &) = delete;

    FetchResult fetch(const QUrl &url, const FetchOptions &options); // blocks the caller
    QString threadLabel() const { return m_thread.objectName(); }

private:
    QThread m_thread;
    QObject *m_context; // lives on m_thread; owns the thread's network manager and jobs
    QNetworkAccessManager *m_manager = nullptr; // created on m_thread
};

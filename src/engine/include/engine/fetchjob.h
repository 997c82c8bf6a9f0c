#pragma once

#include <engine/sha256.h>

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

struct FetchOptions
{
    int deadlineMs = 30000; // whole request, start to end: a trickling server never trips Qt's own
                            // transfer timeout, which only measures inactivity
    qint64 maxBytes = qint64(2) << 30; // stops endless bodies
};

struct FetchResult
{
    QString error; // one line, for people; empty on success
    bool canceled = false;
    int httpStatus = 0;
    qint64 bytes = 0;
    QByteArray sha256; // of the body, lower-case hex
    QByteArray preview; // the first few KiB of the body, for display
    bool ok() const { return error.isEmpty() && !canceled; }
};

// One HTTP(S) GET through QNetworkAccessManager, streamed: the body is hashed and counted as it
// arrives, never kept whole. It runs on whatever thread its manager lives in; both modes use it.
class FetchJob : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype PreviewBytes = 4096;
    static constexpr qint64 ReadBufferBytes = 4 << 20;

    FetchJob(QNetworkAccessManager *manager, const QUrl &url, const FetchOptions &options = {},
             QObject *parent = nullptr);

    void start(); // emits finished() exactly once, possibly before returning (bad URL)
    void cancel();
    bool isFinished() const { return m_finished; }
    const FetchResult &result() const { return m_result; }

    // Why a URL cannot be fetched, or empty when it can.
    static QString validateUrl(const QUrl &url);

signals:
    void progress(qint64 received, qint64 total);
    void finished(const FetchResult &result);

private:
    void sendRequest();
    bool retryUnanswered();
    void readBody();
    void onReplyFinished();
    void abortWith(const QString &error);
    void finish();

    QNetworkAccessManager *m_manager;
    QUrl m_url;
    FetchOptions m_options;
    QPointer<QNetworkReply> m_reply;
    QTimer m_deadline;
    Sha256 m_hash;
    FetchResult m_result;
    QString m_abortReason;
    bool m_finished = false;
    bool m_readScheduled = false;
    bool m_retried = false;
};

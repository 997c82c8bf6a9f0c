#include <engine/fetchjob.h>
#include <common/oneline.h>
#include <common/units.h>

#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace {
// The final response's Content-Length, or -1. After redirects Qt 6.4 sometimes merges the last
// redirect's headers into the reply's ("21, 811"), and header(ContentLengthHeader) then reads the
// redirect's: the value Qt appended last is the final response's.
qint64 announcedLength(const QNetworkReply *reply)
{
    const QByteArray raw = reply->rawHeader("Content-Length"_ba);
    bool ok = false;
    const qint64 length = raw.split(',').constLast().trimmed().toLongLong(&ok);
    return ok && length >= 0 ? length : -1;
}

// The body of an error answer when it is one short line of plain text that says more than the
// status line, else empty.
QString shortTextReason(const QNetworkReply *reply, const FetchResult &result,
                        const QString &statusLine)
{
    constexpr qsizetype MaxReasonBytes = 300;
    const QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    if (!type.startsWith("text/plain") || result.bytes > MaxReasonBytes
        || result.preview.size() != result.bytes)
        return {};
    const QString text = QString::fromUtf8(result.preview).trimmed();
    if (text.isEmpty() || text.contains(u'\n') || text == statusLine)
        return {};
    return oneLine(text);
}
} // namespace

FetchJob::FetchJob(QNetworkAccessManager *manager, const QUrl &url, const FetchOptions &options,
                   QObject *parent)
    : QObject(parent), m_manager(manager), m_url(url), m_options(options)
{
    m_deadline.setSingleShot(true);
    m_deadline.setTimerType(Qt::PreciseTimer);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        abortWith(tr("timed out after %1").arg(formatDuration(m_options.deadlineMs)));
    });
}

QString FetchJob::validateUrl(const QUrl &url)
{
    if (url.isEmpty())
        return tr("no URL given");
    if (!url.isValid())
        return tr("not a valid URL: %1").arg(oneLine(url.errorString()));
    if (url.scheme() != "http"_L1 && url.scheme() != "https"_L1) {
        return url.scheme().isEmpty()
                ? tr("not a valid URL (missing http:// or https://): %1")
                          .arg(oneLine(url.toString()))
                : tr("unsupported scheme \"%1\": use http or https").arg(oneLine(url.scheme()));
    }
    if (url.host().isEmpty())
        return tr("not a valid URL (no host): %1").arg(oneLine(url.toString()));
    return {};
}

void FetchJob::start()
{
    if (const QString invalid = validateUrl(m_url); !invalid.isEmpty()) {
        m_result.error = invalid;
        finish();
        return;
    }
    sendRequest();
    m_deadline.start(m_options.deadlineMs);
}

//! [async-fetch]
void FetchJob::sendRequest()
{
    QNetworkRequest request(m_url);
    // Ask for the body as sent, so its length can be checked against Content-Length and its hash
    // is the hash of what the server holds.
    request.setRawHeader("Accept-Encoding"_ba, "identity"_ba);
    m_reply = m_manager->get(request);
    // Bounded buffer: the network side waits for us instead of piling up the whole body in memory.
    m_reply->setReadBufferSize(ReadBufferBytes);
    connect(m_reply, &QNetworkReply::readyRead, this, &FetchJob::readBody);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &FetchJob::progress);
    connect(m_reply, &QNetworkReply::finished, this, &FetchJob::onReplyFinished);
}
//! [async-fetch]

bool FetchJob::retryUnanswered()
{
    // QNetworkAccessManager sends queued requests over kept-alive connections; when the server
    // closes one first, they fail before a single byte of answer. Qt resends such a request once
    // by itself, which is not always enough when many queue behind a breaking connection. A GET
    // is safe to repeat: send it once more, within the same deadline.
    if (m_retried || !m_abortReason.isEmpty() || m_result.bytes > 0
        || m_reply->error() != QNetworkReply::RemoteHostClosedError
        || m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
        return false;
    m_retried = true;
    m_reply->deleteLater();
    sendRequest();
    return true;
}

void FetchJob::cancel()
{
    if (m_finished)
        return;
    m_result.canceled = true;
    abortWith(u"canceled"_s);
}

void FetchJob::abortWith(const QString &error)
{
    if (m_finished || !m_reply)
        return;
    m_abortReason = error;
    if (!m_reply->isFinished())
        m_reply->abort(); // emits finished(), handled in onReplyFinished()
}

void FetchJob::readBody()
{
    // Hash at most one slice per event-loop turn: a fast download can have megabytes waiting, and
    // hashing them all at once would itself stall the GUI thread.
    constexpr qint64 SliceBytes = 512 * 1024;
    char buffer[64 * 1024];
    qint64 sliceDone = 0;
    while (m_reply && m_reply->bytesAvailable() > 0 && sliceDone < SliceBytes) {
        const qint64 n = m_reply->read(buffer, sizeof buffer);
        if (n <= 0)
            break;
        sliceDone += n;
        const QByteArrayView chunk(buffer, n);
        m_hash.addData(chunk);
        if (m_result.preview.size() < PreviewBytes)
            m_result.preview.append(
                    chunk.first(std::min(n, PreviewBytes - m_result.preview.size())));
        m_result.bytes += n;
        if (m_result.bytes > m_options.maxBytes) {
            abortWith(
                    tr("stopped after %1: size cap reached").arg(formatBytes(m_options.maxBytes)));
            return;
        }
    }
    if (m_reply && m_reply->bytesAvailable() > 0 && !m_readScheduled) {
        m_readScheduled = true;
        QMetaObject::invokeMethod(
                this,
                [this] {
                    m_readScheduled = false;
                    readBody();
                },
                Qt::QueuedConnection);
    }
}

void FetchJob::onReplyFinished()
{
    if (retryUnanswered())
        return;
    m_deadline.stop();
    while (m_abortReason.isEmpty() && m_reply->bytesAvailable() > 0)
        readBody();
    if (!m_abortReason.isEmpty()) {
        m_result.error = m_result.canceled ? QString() : m_abortReason;
    } else {
        m_result.httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const qint64 announced = announcedLength(m_reply);
        const QNetworkReply::NetworkError error = m_reply->error();
        if (m_result.httpStatus >= 400) {
            // Qt's text for HTTP errors repeats the URL; the status code says it better, and a
            // short plain-text body (as the embedded server sends) says why.
            const QString statusLine =
                    u"%1 %2"_s.arg(m_result.httpStatus)
                            .arg(m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute)
                                         .toString());
            m_result.error = tr("HTTP %1").arg(statusLine);
            if (const QString reason = shortTextReason(m_reply, m_result, statusLine);
                !reason.isEmpty())
                m_result.error = tr("%1: %2").arg(m_result.error, reason);
        } else if (announced > m_result.bytes
                   && (error == QNetworkReply::NoError
                       || error == QNetworkReply::RemoteHostClosedError)) {
            // A body shorter than its Content-Length is a failed transfer, whether Qt noticed the
            // close (an error) or not (a short "success"): say so the same way in both cases.
            m_result.error = tr("truncated body: %1 of %2 announced bytes received")
                                     .arg(numberLocale().toString(m_result.bytes),
                                          numberLocale().toString(announced));
        } else if (error == QNetworkReply::RemoteHostClosedError) {
            // Qt says only "Connection closed"; when it happened is what tells the cause.
            m_result.error = m_result.httpStatus == 0
                    ? tr("the server closed the connection without a valid answer")
                    : tr("the server closed the connection after %1 of the body")
                              .arg(formatBytes(m_result.bytes));
        } else if (error != QNetworkReply::NoError) {
            // The status line was fine (a redirect loop, a refused connection): Qt's text says why.
            m_result.error = m_reply->errorString();
        }
    }
    m_reply->deleteLater();
    finish();
}

void FetchJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_result.ok())
        m_result.sha256 = m_hash.hexDigest();
    emit finished(m_result);
}

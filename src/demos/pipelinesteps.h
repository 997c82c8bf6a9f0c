#pragma once

#include <QNetworkRequest>
#include <QString>

class QNetworkReply;

// What the pipeline learns from the server's /json list.
struct ItemsSummary
{
    QString source;
    qsizetype items = 0;
    qint64 total = 0;
    qint64 largest = 0;
    QString largestName;
};

struct ParseResult
{
    ItemsSummary summary;
    QString error; // empty on success
};

// The three steps of the three-styles pipeline: fetch, parse, write. Every style calls these same
// functions, so the styles differ only in how they chain them and how errors travel.
namespace PipelineSteps {
QNetworkRequest request(const QUrl &url);
// Why the fetch failed, "fetch failed: HTTP 500 Internal Server Error", or empty.
QString replyError(QNetworkReply *reply);
// Runs on a worker thread.
ParseResult parse(const QByteArray &json);
// Writes the summary file; runs on a worker thread. Returns the error, or empty.
QString write(const QString &path, const ItemsSummary &summary);
QByteArray summaryText(const ItemsSummary &summary);
} // namespace PipelineSteps

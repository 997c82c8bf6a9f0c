#include "pipelinesteps.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace PipelineSteps {

QNetworkRequest request(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept"_ba, "application/json"_ba);
    return request;
}

QString replyError(QNetworkReply *reply)
{
    if (reply->error() == QNetworkReply::NoError)
        return {};
    if (reply->error() == QNetworkReply::OperationCanceledError)
        return QCoreApplication::translate("ThreeStylesDemo", "canceled");
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status > 0) {
        return QCoreApplication::translate("ThreeStylesDemo", "fetch failed: HTTP %1 %2")
                .arg(status)
                .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
    }
    return QCoreApplication::translate("ThreeStylesDemo", "fetch failed: %1")
            .arg(reply->errorString());
}

ParseResult parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return { {},
                 QCoreApplication::translate("ThreeStylesDemo", "parse failed: %1 at byte %2")
                         .arg(error.errorString())
                         .arg(error.offset) };
    const QJsonValue items = document.object().value("items"_L1);
    if (!items.isArray())
        return {
            {}, QCoreApplication::translate("ThreeStylesDemo", "parse failed: no \"items\" list")
        };
    ItemsSummary summary;
    summary.source = document.object().value("source"_L1).toString();
    for (const QJsonValue &item : items.toArray()) {
        const qint64 value = item["value"_L1].toInteger();
        ++summary.items;
        summary.total += value;
        if (summary.items == 1 || value > summary.largest) {
            summary.largest = value;
            summary.largestName = item["name"_L1].toString();
        }
    }
    return { summary, {} };
}

QByteArray summaryText(const ItemsSummary &summary)
{
    return u"source: %1\nitems: %2\ntotal value: %3\nlargest value: %4 (%5)\n"_s.arg(summary.source)
            .arg(summary.items)
            .arg(summary.total)
            .arg(summary.largest)
            .arg(summary.largestName)
            .toUtf8();
}

QString write(const QString &path, const ItemsSummary &summary)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(summaryText(summary)) < 0 || !file.commit())
        return QCoreApplication::translate("ThreeStylesDemo", "write failed: %1")
                .arg(file.errorString());
    return {};
}

} // namespace PipelineSteps

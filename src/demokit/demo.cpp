#include <demokit/demo.h>

#include <QCoreApplication>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <utility>

using namespace Qt::StringLiterals;

Demo::Demo(const DemoContext &context, QStringList snippetIds, QObject *parent)
    : QObject(parent), m_context(context), m_snippetIds(std::move(snippetIds))
{
}

Demo::~Demo() = default;

QString Demo::explanation() const
{
    QString text = explanationText();
    for (const QVariant &argument : m_explanationArguments) {
        // A number as a number, so that %L1 formats it for the reader's language
        text = argument.typeId() == QMetaType::QString ? text.arg(argument.toString())
                                                       : text.arg(argument.toLongLong());
    }
    return text;
}

void Demo::cancel()
{
    if (!m_running || m_canceled)
        return;
    m_canceled = true;
    cancelRun();
}

bool Demo::beginRun()
{
    if (m_running)
        return false;
    m_running = true;
    m_canceled = false;
    ++m_generation;
    return true;
}

void Demo::finish(const DemoOutcome &outcome)
{
    if (!m_running)
        return;
    m_running = false;
    ++m_generation; // whatever the ended run still has in flight now finds itself stale
    stopRun();
    DemoOutcome shown = outcome;
    shown.roundDurations();
    emit finished(shown);
}

void Demo::fail(const QString &error)
{
    finish(DemoOutcome::failed(error));
}

void Demo::finishCanceled(const QString &summary)
{
    finish(DemoOutcome::canceled(summary));
}

QNetworkAccessManager *Demo::network()
{
    if (!m_network)
        m_network = std::make_unique<QNetworkAccessManager>();
    return m_network.get();
}

void Demo::abortReplies()
{
    const auto replies = network()->findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies)
        reply->abort();
}

void Demo::teardown()
{
    blockSignals(true);
    cancel();
    m_pool.waitForDone();
    const QList<QPointer<QObject>> beforeNetwork = std::exchange(m_beforeNetwork, {});
    for (const QPointer<QObject> &object : beforeNetwork)
        delete object.get(); // its reply belongs to the manager
    m_network.reset();
    dropPostedContinuations();
}

QString Demo::explanationText() const
{
    QFile file(u":/explanations/%1.md"_s.arg(name()));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    // Paragraphs are separated by a blank line and wrapped for editing: one line each here.
    QStringList paragraphs = QString::fromUtf8(file.readAll()).trimmed().split(u"\n\n"_s);
    for (QString &paragraph : paragraphs)
        paragraph = paragraph.simplified();
    // The catalogue holds the text so joined, in this context (cmake/resourcestrings.cmake).
    return QCoreApplication::translate("DemoExplanation",
                                       paragraphs.join(u'\n').toUtf8().constData());
}

void Demo::dropPostedContinuations()
{
    QCoreApplication::removePostedEvents(this, QEvent::MetaCall);
}

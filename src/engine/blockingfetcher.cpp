#include <engine/blockingfetcher.h>

#include <QNetworkAccessManager>
#include <future>

using namespace Qt::StringLiterals;

BlockingFetcher::BlockingFetcher() : m_context(new QObject)
{
    m_thread.setObjectName(u"network thread"_s);
    m_context->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

BlockingFetcher::~BlockingFetcher()
{
    m_thread.quit();
    m_thread.wait();
}

FetchResult BlockingFetcher::fetch(const QUrl &url, const FetchOptions &options)
{
    auto done = std::make_shared<std::promise<FetchResult>>();
    std::future<FetchResult> result = done->get_future();
    QMetaObject::invokeMethod(m_context, [this, url, options, done] {
        if (!m_manager)
            m_manager = new QNetworkAccessManager(m_context);
        auto *job = new FetchJob(m_manager, url, options, m_context);
        QObject::connect(job, &FetchJob::finished, m_context, [job, done](const FetchResult &r) {
            done->set_value(r);
            job->deleteLater();
        });
        job->start();
    });
    return result.get(); // the honest block: this thread does nothing until the reply is complete
}

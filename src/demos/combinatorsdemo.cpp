#include <demos/combinatorsdemo.h>
#include <httpserver/embeddedserver.h>
#include <common/units.h>

#include <QNetworkReply>
#include <QFuture>
#include <QPromise>
#include <exception>
#include <memory>
#include <stdexcept>

using namespace Qt::StringLiterals;

namespace {

constexpr int SearchDelayMs = 80; // how long the server takes to answer one search
constexpr int TimelineColumns = 24; // narrow enough for the live log not to wrap a line
constexpr double TimelineMs = 1000; // the width of a timeline

// A request that failed, as the exception its future carries.
class RequestFailed : public std::runtime_error
{
public:
    RequestFailed(int index, const QString &message)
        : std::runtime_error(message.toStdString()), m_index(index)
    {
    }
    int index() const { return m_index; }

private:
    int m_index;
};

QString errorText(const std::exception_ptr &error)
{
    try {
        std::rethrow_exception(error);
    } catch (const std::exception &e) {
        return QString::fromStdString(e.what());
    } catch (...) {
        return u"unknown error"_s;
    }
}

int failedIndex(const std::exception_ptr &error)
{
    try {
        std::rethrow_exception(error);
    } catch (const RequestFailed &e) {
        return e.index();
    } catch (...) {
        return -1;
    }
}

//! [combinator-all]
// all: every value in order once all have succeeded, or the first failure as soon as it comes.
// (QtFuture::whenAll waits for every future whatever happens to them: that is "all settled".)
QFuture<QList<QByteArray>> allOf(QList<QFuture<QByteArray>> futures)
{
    struct State
    {
        QPromise<QList<QByteArray>> promise;
        QList<QByteArray> values;
        qsizetype left = 0;
        bool settled = false;
    };
    auto state = std::make_shared<State>();
    state->values.resize(futures.size());
    state->left = futures.size();
    state->promise.start();
    for (qsizetype i = 0; i < futures.size(); ++i) {
        // A continuation that takes the future itself runs on failure too.
        futures[i].then([state, i](QFuture<QByteArray> future) {
            if (state->settled)
                return;
            try {
                state->values[i] = future.result(); // rethrows the request's failure
            } catch (...) {
                state->settled = true;
                state->promise.setException(std::current_exception());
                state->promise.finish();
                return;
            }
            if (--state->left == 0) {
                state->settled = true;
                state->promise.addResult(state->values);
                state->promise.finish();
            }
        });
    }
    return state->promise.future();
}
//! [combinator-all]

//! [combinator-any]
// any: the first value that succeeds; a failure only counts when every one has failed.
QFuture<QtFuture::WhenAnyResult<QByteArray>> anyOf(QList<QFuture<QByteArray>> futures)
{
    struct State
    {
        QPromise<QtFuture::WhenAnyResult<QByteArray>> promise;
        qsizetype failed = 0;
        qsizetype count = 0;
        bool settled = false;
    };
    auto state = std::make_shared<State>();
    state->count = futures.size();
    state->promise.start();
    for (qsizetype i = 0; i < futures.size(); ++i) {
        futures[i].then([state, i](QFuture<QByteArray> future) {
            if (state->settled)
                return;
            try {
                future.result();
            } catch (...) {
                if (++state->failed == state->count) {
                    state->settled = true;
                    state->promise.setException(
                            std::make_exception_ptr(std::runtime_error("every request failed")));
                    state->promise.finish();
                }
                return;
            }
            state->settled = true;
            state->promise.addResult(QtFuture::WhenAnyResult<QByteArray> { i, future });
            state->promise.finish();
        });
    }
    return state->promise.future();
}
//! [combinator-any]

} // namespace

CombinatorsDemo::CombinatorsDemo(const DemoContext &context, QObject *parent)
    : Demo(context,
           { u"combinator-request"_s, u"combinator-all"_s, u"combinator-any"_s, u"combinator-qt"_s,
             u"debounce"_s },
           parent)
{
    setExplanationArguments({ DebounceMs });
    connect(&m_typing, &SimulatedTyping::keyTyped, this, &CombinatorsDemo::keyTyped);
    //! [debounce]
    // Every keystroke restarts the timer; only a pause of DebounceMs lets it fire and search.
    m_debounce.setSingleShot(true);
    m_debounce.setTimerType(Qt::PreciseTimer);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this] { search(m_typing.text()); });
    //! [debounce]
}

CombinatorsDemo::~CombinatorsDemo()
{
    teardown(); // its cancel() aborts the replies still in flight, so every chain ends
}

QList<CombinatorsDemo::Combinator> CombinatorsDemo::combinators()
{
    return { Combinator::All, Combinator::AllSettled, Combinator::Any, Combinator::Race };
}

QString CombinatorsDemo::combinatorName(Combinator combinator)
{
    switch (combinator) {
    case Combinator::All:
        return DemoFigure::englishKey("all");
    case Combinator::AllSettled:
        return DemoFigure::englishKey("all settled");
    case Combinator::Any:
        return DemoFigure::englishKey("any");
    case Combinator::Race:
        return DemoFigure::englishKey("race");
    }
    return {};
}

QList<CombinatorsDemo::Request> CombinatorsDemo::requests()
{
    return { { u"A slow"_s, u"/delay/600"_s },
             { u"B slow"_s, u"/delay/900"_s },
             { u"C fails"_s, u"/status/500"_s },
             { u"D fast"_s, u"/delay/100"_s },
             { u"E fast"_s, u"/delay/200"_s } };
}

QList<SimulatedTyping::Key> CombinatorsDemo::typing()
{
    // "async", a pause to think, then "lab": a person's typing, not a machine's.
    return { { u'a', 0 },  { u's', 90 },  { u'y', 90 }, { u'n', 90 },
             { u'c', 90 }, { u'l', 500 }, { u'a', 90 }, { u'b', 90 } };
}

void CombinatorsDemo::run()
{
    if (!beginRun())
        return;
    m_rounds.clear();
    m_round = 0;
    for (int i = 0; i < 2; ++i) {
        m_searchesSent[i] = m_searchesAnswered[i] = 0;
        m_searched[i].clear();
    }
    QTimer::singleShot(0, this, [this, generation = currentGeneration()] {
        if (isCurrent(generation))
            startRound();
    });
}

void CombinatorsDemo::stopRun()
{
    m_typing.stop();
    m_debounce.stop();
    const QList<QNetworkReply *> replies = m_replies;
    m_replies.clear();
    for (QNetworkReply *reply : replies)
        reply->abort(); // finished() now: the futures made from it end, their chains see a stale
                        // run
}

//! [combinator-request]
// A request as a QFuture: QtFuture::connect gives a future that ends with the reply's finished
// signal; the continuation turns the reply into the body, or into an exception on error.
QFuture<QByteArray> CombinatorsDemo::fetch(int index)
{
    QNetworkReply *reply =
            network()->get(QNetworkRequest(context().server->url(requests().at(index).path)));
    m_replies.append(reply);
    return QtFuture::connect(reply, &QNetworkReply::finished)
            .then([this, reply, index, generation = currentGeneration()] {
                reply->deleteLater();
                m_replies.removeOne(reply);
                const int status =
                        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                const QString error = reply->error() == QNetworkReply::NoError ? QString()
                        : status > 0 ? u"HTTP %1 %2"_s.arg(status).arg(
                                  reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute)
                                          .toString())
                                     : reply->errorString();
                const QByteArray body = error.isEmpty() ? reply->readAll() : QByteArray();
                if (isCurrent(generation)) {
                    Settled &settled = m_rounds.last().requests[index];
                    settled = { true, error.isEmpty(),
                                error.isEmpty() ? u"ok, %1"_s.arg(formatBytes(body.size())) : error,
                                double(m_clock.nsecsElapsed()) / 1e6 };
                    maybeEndRound();
                }
                if (!error.isEmpty())
                    throw RequestFailed(index, error);
                return body;
            });
}
//! [combinator-request]

void CombinatorsDemo::startRound()
{
    const Combinator combinator = combinators().at(m_round);
    m_rounds.append(Round());
    m_rounds.last().requests.resize(requests().size());
    emit progress(u"%1:"_s.arg(DemoOutcome::translatedKey(combinatorName(combinator))));
    m_clock.start();
    QList<QFuture<QByteArray>> futures;
    for (int i = 0; i < requests().size(); ++i)
        futures.append(fetch(i));
    const int generation = currentGeneration();
    const auto label = [](int index) { return requests().at(index).label; };
    switch (combinator) {
    case Combinator::All:
        allOf(futures).then(this, [this, generation, label](QFuture<QList<QByteArray>> all) {
            if (!isCurrent(generation))
                return;
            try {
                const QList<QByteArray> bodies = all.result();
                decide(true, u"%1 bodies"_s.arg(bodies.size()), -1);
            } catch (...) {
                const int index = failedIndex(std::current_exception());
                decide(false,
                       u"failed: %1: %2"_s.arg(label(index), errorText(std::current_exception())),
                       index);
            }
        });
        break;
    //! [combinator-qt]
    case Combinator::AllSettled:
        // Ends when every future has ended, whatever became of each.
        QtFuture::whenAll(futures.begin(), futures.end())
                .then(this, [this, generation, label](const QList<QFuture<QByteArray>> &all) {
                    if (!isCurrent(generation))
                        return;
                    QStringList outcomes;
                    for (qsizetype i = 0; i < all.size(); ++i) {
                        try {
                            all.at(i).result();
                            outcomes.append(label(int(i)) + u": ok"_s);
                        } catch (...) {
                            outcomes.append(u"%1: %2"_s.arg(label(int(i)),
                                                            errorText(std::current_exception())));
                        }
                    }
                    decide(true, outcomes.join(u", "_s), -1);
                });
        break;
    case Combinator::Race:
        // Ends with the first future to end, success or failure.
        QtFuture::whenAny(futures.begin(), futures.end())
                .then(this,
                      [this, generation, label](const QtFuture::WhenAnyResult<QByteArray> &first) {
                          if (!isCurrent(generation))
                              return;
                          const int index = int(first.index);
                          try {
                              first.future.result();
                              decide(true, u"%1: ok"_s.arg(label(index)), index);
                          } catch (...) {
                              decide(false,
                                     u"failed: %1: %2"_s.arg(label(index),
                                                             errorText(std::current_exception())),
                                     index);
                          }
                      });
        break;
    //! [combinator-qt]
    case Combinator::Any:
        anyOf(futures).then(
                this, [this, generation, label](QFuture<QtFuture::WhenAnyResult<QByteArray>> any) {
                    if (!isCurrent(generation))
                        return;
                    try {
                        const int index = int(any.result().index);
                        decide(true, u"%1: ok"_s.arg(label(index)), index);
                    } catch (...) {
                        decide(false, u"failed: %1"_s.arg(errorText(std::current_exception())), -1);
                    }
                });
        break;
    }
}

void CombinatorsDemo::decide(bool ok, const QString &result, int decidedBy)
{
    Round &round = m_rounds.last();
    round.decided = true;
    round.ok = ok;
    round.result = result;
    round.decidedMs = double(m_clock.nsecsElapsed()) / 1e6;
    if (decidedBy < 0) { // the last request to settle
        double lastMs = -1;
        for (int i = 0; i < round.requests.size(); ++i) {
            if (round.requests.at(i).done && round.requests.at(i).endMs > lastMs) {
                lastMs = round.requests.at(i).endMs;
                decidedBy = i;
            }
        }
    }
    round.decidedBy = decidedBy;
    maybeEndRound();
}

void CombinatorsDemo::maybeEndRound()
{
    const Round &round = m_rounds.last();
    if (!round.decided)
        return;
    for (const Settled &settled : round.requests) {
        if (!settled.done)
            return;
    }
    const Combinator combinator = combinators().at(m_round);
    // One line at a time, so that the log gives every line the same prefix and the bars align.
    const QStringList lines = timeline(round).split(u'\n');
    for (const QString &line : lines)
        emit progress(line);
    emit progress(tr("  %1 returned after %2: %3")
                          .arg(DemoOutcome::translatedKey(combinatorName(combinator)),
                               formatDuration(round.decidedMs), round.result));
    const int generation = currentGeneration();
    const auto next = [this, generation] {
        if (!isCurrent(generation))
            return;
        if (++m_round < combinators().size())
            startRound();
        else
            startTyping(false);
    };
    QTimer::singleShot(0, this, next); // outside the continuation that got here
}

QString CombinatorsDemo::timeline(const Round &round) const
{
    const auto column = [](double ms) {
        return std::clamp(int(ms / TimelineMs * TimelineColumns), 0, TimelineColumns - 1);
    };
    QStringList lines;
    for (int i = 0; i < round.requests.size(); ++i) {
        const Settled &settled = round.requests.at(i);
        const int end = column(settled.endMs);
        QString bar = QString(end, u'█') + (settled.ok ? u'█' : u'✗');
        bar = bar.leftJustified(TimelineColumns + 1);
        lines.append(tr("  %1 |%2| %3 at %4")
                             .arg(requests().at(i).label.leftJustified(7), bar,
                                  settled.ok ? tr("ok") : settled.text.section(u' ', 0, 1),
                                  formatDuration(settled.endMs)));
    }
    const QString label = round.decidedBy >= 0 ? requests().at(round.decidedBy).label : QString();
    lines.append(tr("  %1 %2^ decided at %3 by %4")
                         .arg(QString(8, u' '), QString(column(round.decidedMs), u' '),
                              formatDuration(round.decidedMs), label));
    return lines.join(u'\n');
}

void CombinatorsDemo::startTyping(bool debounced)
{
    m_debounced = debounced;
    emit progress(debounced ? tr("search as you type WITH a %1 ms debounce:").arg(DebounceMs)
                            : tr("search as you type, a request for every keystroke:"));
    m_typing.start(typing());
}

void CombinatorsDemo::keyTyped(int, const QString &text)
{
    emit progress(tr("  typed \"%1\"").arg(text));
    if (m_debounced)
        m_debounce.start(); // restarts: a search goes out only after a pause
    else
        search(text);
}

void CombinatorsDemo::search(const QString &text)
{
    const int mode = m_debounced ? 1 : 0;
    ++m_searchesSent[mode];
    m_searched[mode].append(text);
    emit progress(tr("    request %1 sent: search \"%2\"").arg(m_searchesSent[mode]).arg(text));
    QNetworkReply *reply = network()->get(
            QNetworkRequest(context().server->url(u"/delay/%1"_s.arg(SearchDelayMs))));
    m_replies.append(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply, mode] {
        reply->deleteLater();
        m_replies.removeOne(reply);
        if (!isRunning())
            return;
        ++m_searchesAnswered[mode];
        const bool typingDone = m_typing.isDone() && !m_debounce.isActive();
        if (!typingDone || m_searchesAnswered[mode] < m_searchesSent[mode])
            return;
        if (!m_debounced)
            startTyping(true);
        else
            finish(outcome());
    });
}

DemoOutcome CombinatorsDemo::outcome() const
{
    DemoOutcome o;
    QStringList parts;
    for (int r = 0; r < m_rounds.size(); ++r) {
        const Round &round = m_rounds.at(r);
        const QString name = combinatorName(combinators().at(r));
        const QString by = round.decidedBy >= 0 ? requests().at(round.decidedBy).label : QString();
        o.setFigure(name, DemoFigure::englishKey("succeeded"), round.ok);
        o.setFigure(name, DemoFigure::englishKey("returned"), round.result);
        o.setFigure(name, DemoFigure::englishKey("decided by"), by);
        o.setFigure(name, DemoFigure::englishKey("decided"), round.decidedMs,
                    DemoFigure::englishKey("ms"));
        o.bars.append({ name, round.decidedMs });
        parts.append(tr("%1 returned after %2 (%3)")
                             .arg(DemoOutcome::translatedKey(name), formatDuration(round.decidedMs),
                                  round.ok ? round.result : round.result));
    }
    o.barsUnit = DemoFigure::englishKey("ms until the combinator returned");
    QString typed;
    for (const SimulatedTyping::Key &key : typing())
        typed += key.letter;
    o.setFigure(DemoFigure::englishKey("search"), DemoFigure::englishKey("typed"), typed);
    o.setFigure(DemoFigure::englishKey("search"), DemoFigure::englishKey("keystrokes"),
                int(typing().size()));
    o.setFigure(DemoFigure::englishKey("search without debounce"),
                DemoFigure::englishKey("requests"), m_searchesSent[0]);
    o.setFigure(DemoFigure::englishKey("search with debounce"), DemoFigure::englishKey("requests"),
                m_searchesSent[1]);
    o.setFigure(DemoFigure::englishKey("search with debounce"), DemoFigure::englishKey("searched"),
                m_searched[1].join(u", "_s));
    o.setRunFigure(DemoFigure::englishKey("debounce"), DebounceMs, DemoFigure::englishKey("ms"));
    o.summary = tr("%1. Typing \"%2\" sent %3 requests without a debounce and %4 with a %5 ms "
                   "debounce (%6).")
                        .arg(parts.join(u"; "_s), typed)
                        .arg(m_searchesSent[0])
                        .arg(m_searchesSent[1])
                        .arg(DebounceMs)
                        .arg(m_searched[1].join(u", "_s));
    return o;
}

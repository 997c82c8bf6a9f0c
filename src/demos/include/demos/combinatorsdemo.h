#pragma once

#include <demokit/demo.h>
#include <demokit/simulatedtyping.h>

#include <QByteArray>
#include <QElapsedTimer>
#include <QFuture>
#include <QList>
#include <QTimer>

class QNetworkReply;

// The same five requests (two slow, one failing, two fast) combined four ways: all (the first
// failure ends it), all settled (every outcome), any (the first success) and race (the first to
// settle), with QtFuture::whenAll/whenAny and QFuture continuations. Then search-as-you-type
// with and without a 200 ms debounce, counting the requests each sends for the same typing.
class CombinatorsDemo : public Demo
{
    Q_OBJECT
public:
    static constexpr int DebounceMs = 200;

    enum class Combinator { All, AllSettled, Any, Race };
    static QList<Combinator> combinators();
    static QString combinatorName(Combinator combinator); // "all", "all settled", ...

    struct Request
    {
        QString label; // "A slow"
        QString path; // "/delay/600"
    };
    static QList<Request> requests();

    // The typed query: each letter, typed this long after the one before.
    static QList<SimulatedTyping::Key> typing();

    explicit CombinatorsDemo(const DemoContext &context, QObject *parent = nullptr);
    ~CombinatorsDemo() override;

    void run() override;

private:
    struct Settled
    {
        bool done = false;
        bool ok = false;
        QString text; // "ok, 12 bytes" or the error
        double endMs = 0;
    };
    struct Round
    {
        QList<Settled> requests;
        bool decided = false;
        bool ok = false;
        QString result; // what the combinator returned, in words
        int decidedBy = -1; // index of the request that decided it
        double decidedMs = 0;
    };

    void stopRun() override;
    void startRound();
    QFuture<QByteArray> fetch(int index);
    void decide(bool ok, const QString &result, int decidedBy);
    void maybeEndRound();
    QString timeline(const Round &round) const;
    void startTyping(bool debounced);
    void keyTyped(int index, const QString &text);
    void search(const QString &text);
    DemoOutcome outcome() const;

    QList<QNetworkReply *> m_replies;
    QElapsedTimer m_clock;
    int m_round = 0;
    QList<Round> m_rounds;
    SimulatedTyping m_typing;
    QTimer m_debounce;
    bool m_debounced = false;
    int m_searchesSent[2] = {}; // without, with the debounce
    int m_searchesAnswered[2] = {};
    QStringList m_searched[2];
};

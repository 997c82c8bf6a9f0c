// A flood of events and signals for tst_handlers: N rounds, each a posted event whose handler
// emits a signal (direct) and queues a call, all counted. Prints the counts on standard output
// (the same whether watched or not) and the time it took on standard error.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <cstdio>

class Flood : public QObject
{
    Q_OBJECT
public:
    explicit Flood(int rounds) : m_rounds(rounds)
    {
        connect(this, &Flood::ticked, this, &Flood::onTick);
    }
    void start() { QCoreApplication::postEvent(this, new QEvent(QEvent::User)); }
    qint64 events = 0;
    qint64 signalsSeen = 0;
    qint64 queued = 0;
    quint64 checksum = 0;

signals:
    void ticked(int round);

protected:
    bool event(QEvent *e) override
    {
        if (e->type() != QEvent::User)
            return QObject::event(e);
        ++events;
        emit ticked(int(events));
        QMetaObject::invokeMethod(this, &Flood::onQueued, Qt::QueuedConnection);
        if (events < m_rounds)
            start();
        return true;
    }

private:
    void onTick(int round)
    {
        ++signalsSeen;
        checksum = checksum * 31 + quint64(round);
    }
    void onQueued()
    {
        if (++queued == m_rounds)
            QCoreApplication::quit();
    }
    qint64 m_rounds;
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? QByteArray(argv[1]).toInt() : 200000;
    Flood flood(rounds);
    QElapsedTimer clock;
    clock.start();
    flood.start();
    app.exec();
    std::fprintf(stderr, "flood: %lld ms\n", clock.elapsed());
    std::printf("events %lld signals %lld queued %lld checksum %llu\n", flood.events,
                flood.signalsSeen, flood.queued, static_cast<unsigned long long>(flood.checksum));
    return 0;
}

#include "watchfixture_flood.moc"

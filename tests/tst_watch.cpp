#include <QTest>
class TestWatch : public QObject
{
    Q_OBJECT
};
QTEST_GUILESS_MAIN(TestWatch)
#include "tst_watch.moc"

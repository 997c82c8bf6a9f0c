// A Qt Test executable for the responsiveness gate: one test function freezes its thread for
// 300 ms between two short waits on the event loop, the others do not.
#include <QTest>
#include <chrono>

class TestFixture : public QObject
{
    Q_OBJECT
private slots:
    void opensQuickly() { QTest::qWait(100); }
    void parsesSlowly()
    {
        QTest::qWait(100);
        const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(300);
        while (std::chrono::steady_clock::now() < end) { }
        QTest::qWait(100);
    }
    void closesQuickly() { QTest::qWait(100); }
};

QTEST_GUILESS_MAIN(TestFixture)
#include "watchfixture_qtest.moc"

#include "demorun.h"

#include <QSignalSpy>

DemoRun runDemo(Demo *demo, int timeoutMs)
{
    DemoRun result;
    const QMetaObject::Connection connection =
            QObject::connect(demo, &Demo::finished, demo, [&result](const DemoOutcome &outcome) {
                ++result.finishedCount;
                result.outcome = outcome;
            });
    QSignalSpy finished(demo, &Demo::finished);
    demo->run();
    if (result.finishedCount != 0) {
        qWarning("finished() was emitted from inside run()");
    } else if (finished.wait(timeoutMs)) {
        finished.wait(100); // a second finished() would show here
    }
    QObject::disconnect(connection);
    return result;
}

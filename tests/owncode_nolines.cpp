// Compiled without line tables (-g0), as a plain `-DCMAKE_BUILD_TYPE=Release` build compiles all
// of AsyncLab: tst_owncode checks that the culprit is still named, by function and module.
#include <QElapsedTimer>
#include <QtGlobal>

namespace NoLines {
volatile quint64 sink = 0;

Q_NEVER_INLINE void fetchWithoutLineTables(int ms)
{
    QElapsedTimer timer;
    timer.start();
    quint64 x = 1;
    while (timer.elapsed() < ms) {
        for (int i = 0; i < 10000; ++i)
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    }
    sink = x;
}
} // namespace NoLines

// The plugin watchfixture_handlers loads with QPluginLoader: its freeze sorts on the GUI thread.
#include "freezerinterface.h"

#include <QObject>
#include <algorithm>
#include <chrono>
#include <random>
#include <vector>

class SortingFreezer : public QObject, public FreezerInterface
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID FreezerInterface_iid)
    Q_INTERFACES(FreezerInterface)
public:
    void freeze(int ms) override { sortRepeatedly(ms); }

private:
    __attribute__((noinline)) static void sortRepeatedly(int ms)
    {
        std::mt19937 random(7);
        std::vector<unsigned> values(20000);
        const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        while (std::chrono::steady_clock::now() < end) {
            for (unsigned &value : values)
                value = random();
            std::sort(values.begin(), values.end());
        }
    }
};

#include "freezerplugin.moc"

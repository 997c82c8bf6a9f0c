#include "screenfit.h"

#include <QScreen>
#include <QWidget>

namespace ScreenFit {

QSize room(const QWidget *window)
{
    const QScreen *screen = window->screen();
    // a frame's sides, and its title bar with the frame's top and bottom
    return screen ? screen->availableSize() - QSize(16, 48) : QSize();
}

QSize fitted(const QWidget *window, QSize preferred)
{
    const QSize available = room(window);
    return available.isValid() ? preferred.boundedTo(available) : preferred;
}

} // namespace ScreenFit

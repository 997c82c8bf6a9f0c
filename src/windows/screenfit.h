#pragma once

#include <QSize>

class QWidget;

// How big AsyncLab's windows may be on the screen they are on.
namespace ScreenFit {
// The screen's available size less a window frame and title bar.
QSize room(const QWidget *window);
// `preferred`, cut down to the room; unchanged when the window is on no screen.
QSize fitted(const QWidget *window, QSize preferred);
} // namespace ScreenFit

#pragma once

#include <engine/runmode.h>

#include <QImage>
#include <QSize>
#include <QString>

class ModeToggle;
class QWidget;

// How many different colours a grab holds, sampling every step-th pixel and counting up to 64:
// a blank grab is one flat colour, anything drawn adds more.
int distinctColours(const QImage &image, int step = 2);

// Clicks the half of the toggle that selects mode.
void clickMode(ModeToggle *toggle, RunMode mode);

// Clicks the push button named objectName inside parent; a missing button fails the test.
void clickButton(QWidget *parent, const QString &objectName);

// Shows `window`, resized to `size` first unless it is empty, and waits until it is exposed.
[[nodiscard]] bool showExposed(QWidget *window, QSize size = {});

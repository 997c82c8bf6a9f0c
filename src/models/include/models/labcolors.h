#pragma once

#include <engine/runmode.h>

#include <QColor>

// The two mode colours used everywhere (toggle, chart bands, table), chosen to carry white text
// and to stay readable on both light and dark backgrounds.
inline QColor modeColor(RunMode mode)
{
    return mode == RunMode::Blocking ? QColor(0xc6, 0x3d, 0x2f) : QColor(0x1e, 0x84, 0x49);
}

inline QColor failedColor()
{
    return QColor(0xd0, 0x35, 0x35);
}

// Neutral grey that reads as "dimmed" on light and dark palettes alike.
inline QColor dimmedColor()
{
    return QColor(0x8a, 0x8a, 0x8a);
}

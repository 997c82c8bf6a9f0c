#include "widgetchecks.h"

#include <widgets/modetoggle.h>

#include <QList>
#include <QPushButton>
#include <QTest>

int distinctColours(const QImage &image, int step)
{
    QList<QRgb> seen;
    for (int y = 0; y < image.height(); y += step) {
        for (int x = 0; x < image.width(); x += step) {
            const QRgb c = image.pixel(x, y);
            if (!seen.contains(c) && seen.size() < 64)
                seen.append(c);
        }
    }
    return int(seen.size());
}

void clickMode(ModeToggle *toggle, RunMode mode)
{
    const QPoint where(mode == RunMode::Blocking ? toggle->width() / 4 : toggle->width() * 3 / 4,
                       toggle->height() / 2);
    QTest::mouseClick(toggle, Qt::LeftButton, {}, where);
}

void clickButton(QWidget *parent, const QString &objectName)
{
    auto *button = parent->findChild<QPushButton *>(objectName);
    QVERIFY2(button, qPrintable(objectName));
    QTest::mouseClick(button, Qt::LeftButton);
}

bool showExposed(QWidget *window, QSize size)
{
    if (!size.isEmpty())
        window->resize(size);
    window->show();
    return QTest::qWaitForWindowExposed(window);
}

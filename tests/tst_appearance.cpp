#include "widgetchecks.h"
#include "appfixture.h"
#include <windows/compareview.h>
#include <windows/demogallery.h>
#include <engine/lab.h>
#include <common/labclock.h>
#include <windows/mainwindow.h>
#include "processrunner.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAccessible>
#include <QApplication>
#include <QImage>
#include <QLineEdit>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTabBar>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2d, 0x2d, 0x30);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor text(0xe8, 0xe8, 0xe8);
    const QColor disabledText(0x7f, 0x7f, 0x7f);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window.lighter(115));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabledText);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window.lighter(120));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Light, window.lighter(160));
    p.setColor(QPalette::Midlight, window.lighter(130));
    p.setColor(QPalette::Mid, window.lighter(110));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xff));
    for (QPalette::ColorRole role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, disabledText);
    return p;
}

struct Brightness
{
    double mean = 0; // 0 black .. 1 white
    double brightShare = 0; // share of pixels lighter than 85%
};

Brightness brightness(const QImage &image)
{
    Brightness b;
    qint64 pixels = 0;
    qint64 bright = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            const double l = QColor(image.pixel(x, y)).lightnessF();
            b.mean += l;
            bright += l > 0.85;
            ++pixels;
        }
    }
    if (pixels > 0) {
        b.mean /= double(pixels);
        b.brightShare = double(bright) / double(pixels);
    }
    return b;
}

} // namespace

// How the window looks to people who do not use the default light theme at 100 % scale, and to
// screen readers.
class TestAppearance : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void everyControlIsNamedAndExplained();
    void everyButtonHasAShortcut();
    void settingsSurviveRestart();
    void followsDarkPalette();
    void scalesForHighDpi();

private:
    void startWindow();
    QList<QWidget *> everyWindow();
    static QString describe(const QWidget *widget);

    QTemporaryDir m_dir;
    std::unique_ptr<Lab> m_lab;
    std::unique_ptr<MainWindow> m_window;
};

void TestAppearance::initTestCase()
{
    useTestSettings();
    QVERIFY(m_dir.isValid());
    // ASYNCLAB_KEEP_SCREENSHOTS=1 keeps the pictures for a person to look at.
    m_dir.setAutoRemove(!qEnvironmentVariableIsSet("ASYNCLAB_KEEP_SCREENSHOTS"));
}

void TestAppearance::cleanup()
{
    m_window.reset();
    m_lab.reset();
}

void TestAppearance::startWindow()
{
    m_lab = startedLab();
    QVERIFY(m_lab);
    m_window = std::make_unique<MainWindow>(m_lab.get());
    QVERIFY(showExposed(m_window.get(), QSize(1100, 820)));
    const double shownMs = labNowMs();
    // a few heartbeat frames and lag samples
    QTRY_VERIFY(m_lab->monitor().statsBetween(shownMs, labNowMs()).samples >= 40);
}

QList<QWidget *> TestAppearance::everyWindow()
{
    // The main window and the two windows it opens.
    QList<QWidget *> windows { m_window.get(), m_window->conceptGallery(),
                               m_window->compareView() };
    for (QWidget *window : windows) {
        window->show();
        [&] { QVERIFY(QTest::qWaitForWindowExposed(window)); }();
    }
    return windows;
}

QString TestAppearance::describe(const QWidget *widget)
{
    QString what; // class names from the window down, for a readable failure
    for (const QObject *o = widget; o && !(o->isWidgetType() && widget->window() == o);
         o = o->parent())
        what.prepend(u" > "_s + QString::fromLatin1(o->metaObject()->className()));
    return QString::fromLatin1(widget->window()->metaObject()->className()) + what;
}

void TestAppearance::everyControlIsNamedAndExplained()
{
    startWindow();
    QStringList problems;
    for (QWidget *window : everyWindow()) {
        for (QWidget *widget : window->findChildren<QWidget *>()) {
            if (!widget->isVisible() || widget->focusPolicy() == Qt::NoFocus)
                continue; // only what a keyboard or screen-reader user can reach
            if (auto *area = qobject_cast<QAbstractScrollArea *>(widget->parentWidget());
                area && area->viewport() == widget)
                continue; // part of its scroll area, which carries the name
            QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
            const QString name = accessible ? accessible->text(QAccessible::Name) : QString();
            if (name.trimmed().isEmpty())
                problems.append(describe(widget) + u" has no accessible name"_s);
            if (qobject_cast<QAbstractButton *>(widget) && widget->toolTip().isEmpty()
                && !qobject_cast<QTabBar *>(widget->parentWidget())) // Qt's scroll arrows
                problems.append(u"%1 (%2) has no tooltip"_s.arg(describe(widget), name));
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestAppearance::everyButtonHasAShortcut()
{
    startWindow();
    QStringList problems;
    for (QWidget *window : everyWindow()) {
        for (QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
            if (!button->isVisible() || button->focusPolicy() == Qt::NoFocus)
                continue;
            if (qobject_cast<QTabBar *>(button->parentWidget()))
                continue; // a tab bar's own scroll arrows: its tabs take the arrow keys
            static const QRegularExpression mnemonic(u"&[^&]"_s);
            if (button->shortcut().isEmpty() && !button->text().contains(mnemonic))
                problems.append(
                        u"%1 \"%2\" has no shortcut"_s.arg(describe(button), button->text()));
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

    // The toggle's own shortcuts live in the Mode menu; shortcuts reach the active window only.
    m_window->conceptGallery()->close();
    m_window->compareView()->close();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    for (RunMode mode : { RunMode::Blocking, RunMode::Async, RunMode::Blocking }) {
        QTest::keyClick(m_window.get(), mode == RunMode::Blocking ? Qt::Key_1 : Qt::Key_2,
                        Qt::ControlModifier);
        QCOMPARE(m_window->mode(), mode);
    }
}

void TestAppearance::settingsSurviveRestart()
{
    const QString file = m_dir.filePath(u"ünïcode data.bin"_s);
    startWindow();
    m_window->setMode(RunMode::Async);
    m_window->urlEdit()->setText(u"https://example.org/x"_s);
    m_window->fileEdit()->setText(file);
    m_window->setGeometry(60, 70, 1010, 730);
    const QRect geometry = m_window->geometry();
    m_window->close(); // as a user quits
    m_window.reset();

    m_window = std::make_unique<MainWindow>(m_lab.get());
    QCOMPARE(m_window->mode(), RunMode::Async);
    QCOMPARE(m_window->urlEdit()->text(), u"https://example.org/x"_s);
    QCOMPARE(m_window->fileEdit()->text(), file);
    QCOMPARE(m_window->geometry(), geometry);

    // A route of the embedded server comes back on this launch's port.
    m_window->urlEdit()->setText(m_lab->server().url(u"/bytes/100"_s).toString());
    m_window->close();
    m_window.reset();
    m_lab = startedLab();
    QVERIFY(m_lab);
    m_window = std::make_unique<MainWindow>(m_lab.get());
    QCOMPARE(m_window->urlEdit()->text(), m_lab->server().url(u"/bytes/100"_s).toString());
}

void TestAppearance::followsDarkPalette()
{
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    const QPalette original = QApplication::palette();
    QApplication::setPalette(darkPalette());
    startWindow();
    const QImage whole = m_window->grab().toImage();
    whole.save(m_dir.filePath(u"dark.png"_s));
    QApplication::setPalette(original);

    const Brightness b = brightness(whole);
    qInfo("dark palette: mean lightness %.2f, %.1f%% bright pixels (%s)", b.mean,
          100 * b.brightShare, qPrintable(m_dir.filePath(u"dark.png"_s)));
    QVERIFY2(b.mean < 0.35, "the window stays light with a dark palette");
    QVERIFY2(b.brightShare < 0.06, "large light areas with a dark palette");
    // No single part may paint its own light background either.
    for (QWidget *widget : m_window->findChildren<QWidget *>()) {
        if (!widget->isVisible() || widget->width() < 40 || widget->height() < 40)
            continue;
        const QRect area(widget->mapTo(m_window.get(), QPoint(0, 0)), widget->size());
        const Brightness part = brightness(whole.copy(area));
        QVERIFY2(part.brightShare < 0.25,
                 qPrintable(u"%1 is %2% bright"_s
                                    .arg(QString::fromLatin1(widget->metaObject()->className()))
                                    .arg(100 * part.brightShare, 0, 'f', 0)));
    }
}

void TestAppearance::scalesForHighDpi()
{
    // The scale factor is read once at start-up, so each scale needs its own process.
    QSize sizes[2];
    for (int scale : { 1, 2 }) {
        const QString shot = m_dir.filePath(u"scale-%1.png"_s.arg(scale));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        environment.insert(u"QT_SCALE_FACTOR"_s, QString::number(scale));
        environment.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s)); // default geometry
        const ProcessOutcome app = runProcess(
                QStringLiteral(ASYNCLAB_EXECUTABLE),
                { u"--screenshot"_s, shot, u"--screenshot-delay"_s, u"300"_s }, 30000, environment);
        QVERIFY2(app.exitCode == 0, app.err.constData());
        QImage image(shot);
        QVERIFY2(!image.isNull(), qPrintable(shot));
        sizes[scale - 1] = image.size();
        qInfo("scale %d: %dx%d (%s)", scale, image.width(), image.height(), qPrintable(shot));
    }
    // Twice the pixels for the same layout, not the same pixels twice as big or a cut-off window.
    QCOMPARE(sizes[1], sizes[0] * 2);
}

QTEST_MAIN(TestAppearance)
#include "tst_appearance.moc"

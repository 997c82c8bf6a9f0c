// A Qt Widgets program for tst_handlers, built like any program AsyncLab knows nothing about: its
// freezing code lives in a shared library it links and in a plugin it loads, and six handlers
// freeze it one after another, each reached another way: a string-based connection, a
// pointer-to-member connection, a lambda, a queued call, a timer and a key press. Arguments:
// the plugin's path, then the length of each freeze in ms.
#include "freezelib.h"
#include "freezerinterface.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPluginLoader>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
int freezeMs = 250;
constexpr int GapMs = 300;

void click(QPushButton *button)
{
    // Posted, so that the event loop delivers the click as it delivers a person's.
    const QPointF at(button->width() / 2.0, button->height() / 2.0);
    const QPointF global = button->mapToGlobal(at);
    for (QEvent::Type type : { QEvent::MouseButtonPress, QEvent::MouseButtonRelease }) {
        QCoreApplication::postEvent(
                button,
                new QMouseEvent(type, at, global, Qt::LeftButton,
                                type == QEvent::MouseButtonPress ? Qt::LeftButton : Qt::NoButton,
                                Qt::NoModifier));
    }
}
} // namespace

class KeyArea : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

protected:
    // Each handler does a little after the freeze, as real ones do: a handler whose last act is
    // the call would be a tail call, and leave no frame of its own on the stack.
    void keyPressEvent(QKeyEvent *event) override
    {
        FreezeLib::crunch(freezeMs);
        event->accept();
    }
};

class Window : public QWidget
{
    Q_OBJECT
public:
    explicit Window(FreezerInterface *freezer) : m_freezer(freezer)
    {
        setObjectName(u"window"_s);
        auto *layout = new QVBoxLayout(this);
        for (auto [button, name, text] :
             { std::tuple { &m_string, u"stringButton"_s, u"String"_s },
               std::tuple { &m_plugin, u"pluginButton"_s, u"Plugin"_s },
               std::tuple { &m_lambda, u"lambdaButton"_s, u"Lambda"_s } }) {
            *button = new QPushButton(text, this);
            (*button)->setObjectName(name);
            layout->addWidget(*button);
        }
        m_keys = new KeyArea(this);
        m_keys->setObjectName(u"keys"_s);
        layout->addWidget(m_keys);
        // The string-based connection is what this fixture tests.
        connect(m_string, SIGNAL(clicked()), this, SLOT(onStringSlot())); // NOLINT
        connect(m_plugin, &QPushButton::clicked, this, &Window::onPluginSlot);
        connect(m_lambda, &QPushButton::clicked, this, [this] {
            FreezeLib::waitForWorker(freezeMs);
            ++m_handled;
        });
        connect(this, &Window::requested, this, &Window::onQueued, Qt::QueuedConnection);
        m_timer.setObjectName(u"crunchTimer"_s);
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &Window::onTimer);
    }

    void play()
    {
        const int step = freezeMs + GapMs;
        int at = 500;
        QTimer::singleShot(at, this, [this] { click(m_string); });
        QTimer::singleShot(at += step, this, [this] { click(m_plugin); });
        QTimer::singleShot(at += step, this, [this] { click(m_lambda); });
        QTimer::singleShot(at += step, this, [this] { emit requested(); });
        m_timer.start(at += step);
        QTimer::singleShot(at += step, this, [this] {
            QCoreApplication::postEvent(
                    m_keys, new QKeyEvent(QEvent::KeyPress, Qt::Key_F5, Qt::NoModifier));
        });
        QTimer::singleShot(at += step, qApp, &QCoreApplication::quit);
    }

signals:
    void requested();

private slots:
    void onStringSlot()
    {
        FreezeLib::crunch(freezeMs);
        ++m_handled;
    }
    void onPluginSlot()
    {
        m_freezer->freeze(freezeMs);
        ++m_handled;
    }
    void onQueued()
    {
        FreezeLib::crunch(freezeMs);
        ++m_handled;
    }
    void onTimer()
    {
        FreezeLib::crunch(freezeMs);
        ++m_handled;
    }

private:
    FreezerInterface *m_freezer;
    int m_handled = 0;
    QPushButton *m_string = nullptr;
    QPushButton *m_plugin = nullptr;
    QPushButton *m_lambda = nullptr;
    KeyArea *m_keys = nullptr;
    QTimer m_timer;
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: watchfixture_handlers PLUGIN [FREEZE_MS]\n");
        return 2;
    }
    if (args.size() > 2)
        freezeMs = args.at(2).toInt();
    QPluginLoader loader(args.at(1));
    auto *freezer = qobject_cast<FreezerInterface *>(loader.instance());
    if (!freezer) {
        std::fprintf(stderr, "cannot load %s: %s\n", qPrintable(args.at(1)),
                     qPrintable(loader.errorString()));
        return 2;
    }
    Window window(freezer);
    window.show();
    window.play();
    return app.exec();
}

#include "watchfixture_handlers.moc"

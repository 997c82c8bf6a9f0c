#include "appfixture.h"
#include <windows/compareview.h>
#include <windows/demogallery.h>
#include <engine/lab.h>
#include <windows/labapplication.h>
#include <common/labclock.h>
#include <windows/mainwindow.h>
#include "memoryusage.h"
#include <widgets/modetoggle.h>
#include <engine/report.h>
#include <stalls/threadstate.h>
#include <windows/watchwindow.h>
#include "widgetchecks.h"

#include <iterator>
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QMutex>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QStandardPaths>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;

// A seeded random driver for the real windows: for a set time it clicks every visible button,
// menu entry, combo box, tab and list of the main window, the Compare view and the concept
// gallery (a disabled one to no effect), types valid and invalid input, toggles the mode,
// cancels, and opens and closes windows, in random order with random gaps. Throughout, no Qt
// warning may appear; when it stops and the work ends, every operation has ended, the result line
// is the last operation's, memory stayed bounded and the window is idle and responsive.
//
// MONKEY_SEED and MONKEY_SECONDS (or --seed N and --seconds N) set the run; the seed is random
// when unset and printed first. Every choice comes from one generator seeded once, so a seed
// replays the same sequence of actions (what the app makes of them may differ with timing).

// QVERIFY2 with the seed and the last actions, told only when the check fails.
#define MONKEY_VERIFY(condition, what)                                                             \
    do {                                                                                           \
        if (!(condition))                                                                          \
            QFAIL(qPrintable(failureText(what)));                                                  \
    } while (false)

namespace {

// Memory: what live allocations hold when the app is idle may not grow by more than this from
// the first idle moment after the warm-up to the end. The stall watchdog's symbolizer keeps what
// it read of the line tables (up to ~80 MiB, once, when a stall first lands in new code), so the
// bound leaves room for that. RSS also holds what the allocator keeps of freed memory: with
// glibc's free lists that stays within a loose bound, so RSS is bounded too; AddressSanitizer's
// allocator keeps far more (its quarantine, its size classes, never returned: RSS grew 1.5 GiB
// in 10 minutes while the heap in use grew 30 MiB), so there RSS is reported, not bounded.
constexpr qint64 HeapGrowthBoundMiB = 128;
#if defined(__SANITIZE_ADDRESS__)
constexpr int DefaultSeconds = 20;
constexpr bool RssMeansLeaks = false;
#else
constexpr int DefaultSeconds = 8;
constexpr bool RssMeansLeaks = true;
#endif
constexpr qint64 RssGrowthBoundMiB = 150;
constexpr int RecentActions = 20;

// The last actions, kept preformatted so that a crash handler can print them with write(2).
struct ActionRing
{
    static constexpr int Width = 240;
    char text[RecentActions][Width] = {};
    volatile sig_atomic_t next = 0;
    volatile sig_atomic_t count = 0;
};
ActionRing g_ring;
quint32 g_seed = 0;
int g_seconds = DefaultSeconds;
char g_seedLine[96] = {};
struct sigaction g_previous[32] = {};
constexpr int CrashSignals[] = { SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL };

void writeAll(const char *text)
{
    size_t left = strlen(text);
    while (left > 0) {
        const ssize_t written = ::write(STDERR_FILENO, text, left);
        if (written <= 0)
            return;
        text += written;
        left -= size_t(written);
    }
}

// Runs on a fatal signal: only write(2) on buffers filled before, then the handler that was there
// (QTest's, which prints the test function and re-raises).
void onCrash(int signal, siginfo_t *info, void *context)
{
    writeAll(g_seedLine);
    writeAll("monkey: the last actions before the crash, oldest first:\n");
    const int count = g_ring.count;
    for (int i = 0; i < count; ++i) {
        const int slot = (g_ring.next - count + i + RecentActions) % RecentActions;
        writeAll("  ");
        writeAll(g_ring.text[slot]);
        writeAll("\n");
    }
    const struct sigaction &previous = g_previous[signal];
    if (previous.sa_flags & SA_SIGINFO) {
        previous.sa_sigaction(signal, info, context);
    } else if (previous.sa_handler != SIG_IGN && previous.sa_handler != SIG_DFL) {
        previous.sa_handler(signal);
    } else {
        ::signal(signal, SIG_DFL);
        ::raise(signal);
    }
}

void installCrashHandlers()
{
    for (int signal : CrashSignals) {
        struct sigaction action = {};
        action.sa_sigaction = onCrash;
        action.sa_flags = SA_SIGINFO | SA_RESETHAND;
        sigemptyset(&action.sa_mask);
        sigaction(signal, &action, &g_previous[signal]);
    }
}

// Every warning, critical or fatal message from any thread fails the run.
QMutex g_messagesMutex;
QStringList g_warnings;
QtMessageHandler g_previousHandler = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // The offscreen platform says so of what it cannot do to a window (resize it to its size
    // hints, raise it): nothing is wrong with the app then.
    const bool platformNoise =
            type == QtWarningMsg && message.startsWith("This plugin does not support "_L1);
    if (platformNoise)
        return;
    if (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg) {
        const QMutexLocker lock(&g_messagesMutex);
        g_warnings.append(u"%1 (%2:%3, thread %4)"_s.arg(
                message, QString::fromUtf8(context.file ? context.file : "?"),
                QString::number(context.line), QThread::currentThread()->objectName()));
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QStringList takeWarnings()
{
    const QMutexLocker lock(&g_messagesMutex);
    return std::exchange(g_warnings, {});
}

QString plainText(QString text)
{
    return text.remove(u'&').remove(u'…').trimmed();
}

// What the monkey does not press, and why: Quit closes the window the test drives (the app's
// own quit path is tested in tst_shutdown); Browse…, Open file… and Save results… open a modal
// file dialog, which the offscreen platform cannot drive and which would only be closed again.
bool skipped(const QString &text)
{
    static const QStringList names = { u"Quit"_s, u"Browse"_s, u"Open file"_s, u"Save results"_s };
    return names.contains(plainText(text));
}

// The built-in scenarios under their own names, with the same steps made short: a delay of at
// most 200 ms, downloads and the sample file 64 times smaller.
QList<Scenario> shortScenarios()
{
    QList<Scenario> scenarios = Scenario::builtIn();
    for (Scenario &scenario : scenarios) {
        scenario.sampleFileBytes /= 64;
        for (ScenarioStep &step : scenario.steps) {
            const QStringList parts = step.serverPath.split(u'/');
            if (parts.size() == 3 && parts.at(1) == u"delay")
                step.serverPath = u"/delay/%1"_s.arg(std::min(parts.at(2).toInt(), 200));
            else if (parts.size() == 3 && parts.at(1) == u"bytes")
                step.serverPath = u"/bytes/%1"_s.arg(parts.at(2).toLongLong() / 64);
        }
    }
    return scenarios;
}

qint64 rssMiB()
{
    return MemoryUsage::rssKib() / 1024;
}
} // namespace

class TestMonkey : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void monkey();

private:
    enum class Kind { Click, Menu, Type, Mode, Choose, Tab, Select, Anywhere, Escape, CloseWindow };
    struct Target
    {
        Kind kind;
        QPointer<QObject> object;
    };
    // What one step draws, always all of it: the generator's sequence, and so the actions a seed
    // picks, does not depend on what the app did meanwhile.
    struct Draw
    {
        quint32 kind, target, b, c, pause, pauseMs;
    };
    static QString kindName(Kind kind);
    QList<QWidget *> windows() const;
    void collectTargets();
    void act(const Draw &draw);
    void actOn(const Target &target, const Draw &draw);
    void typeInto(QLineEdit *edit, const Draw &draw);
    void pause(const Draw &draw);
    void note(const QString &kind, const QString &what);
    QString describe(const QObject *object) const;
    QString recentActions() const;
    QString failureText(const QString &what) const;
    bool workRunning() const;
    bool waitForWorkToEnd(int timeoutMs, bool cancel);
    void cancelEverything();
    void checkWarnings();
    void checkEndState();
    QString lastWindowResult() const;

    quint32 m_seed = 0;
    int m_seconds = DefaultSeconds;
    std::unique_ptr<QRandomGenerator> m_random;
    QTemporaryDir m_dir;
    QStringList m_texts; // what the monkey types
    std::unique_ptr<Lab> m_lab;
    std::unique_ptr<MainWindow> m_window;
    QTimer m_dialogCloser;
    QList<Target> m_targets;
    QList<QPointer<QWidget>> m_anywhere; // every widget of the three windows
    int m_passedOver = 0; // picks whose target was hidden
    QSet<int> m_scenarioOps; // operations a comparison started, not the window's own
    QStringList m_recent;
    QMap<QString, int> m_counts;
    bool m_verbose = qEnvironmentVariableIntValue("MONKEY_VERBOSE") > 0; // each action as done
    QElapsedTimer m_clock; // since the start, for the list of actions
    double m_clockStartMs = 0; // labNowMs() then
    int m_actions = 0;
    int m_dialogsClosed = 0;
    qint64 m_rssAfterWarmUpMiB = -1;
    bool m_warmedUp = false;
    qint64 m_idleHeapAfterWarmUpMiB = -1; // at the first idle moment after the warm-up
    qint64 m_idleHeapMaxMiB = 0; // the most at any idle moment after it
    qint64 m_rssMaxMiB = 0;
};

void TestMonkey::initTestCase()
{
    useTestSettings();
    QVERIFY(m_dir.isValid());
    m_seed = g_seed;
    m_seconds = g_seconds;
    m_random = std::make_unique<QRandomGenerator>(m_seed);
    m_clock.start();
    m_clockStartMs = labNowMs();
    std::printf("monkey: %d s, seed %u (replay: MONKEY_SEED=%u MONKEY_SECONDS=%d)\n", m_seconds,
                m_seed, m_seed, m_seconds);
    std::fflush(stdout);

    // Real files to load: a small one, one of a few MiB, a folder, one that does not exist.
    const QString small = m_dir.filePath(u"small.txt"_s);
    QFile smallFile(small);
    QVERIFY(smallFile.open(QIODevice::WriteOnly));
    for (int i = 0; i < 200; ++i)
        smallFile.write("a line of the small file\n");
    smallFile.close();
    const QString medium = m_dir.filePath(u"medium file.bin"_s);
    QFile mediumFile(medium);
    QVERIFY(mediumFile.open(QIODevice::WriteOnly));
    QVERIFY(mediumFile.write(QByteArray(4 << 20, 'x')) == 4 << 20);
    mediumFile.close();

    m_lab = startedLab();

    QVERIFY(m_lab);
    m_lab->setSampleDir(m_dir.path());
    // Blocking work kept short where the app allows it, so the monkey does many actions: a fetch
    // gives up after 3 s instead of 10 s (the hanging server's button).
    FetchOptions fetchOptions = Lab::defaultFetchOptions();
    fetchOptions.deadlineMs = 3000;
    m_lab->jobs().setFetchOptions(fetchOptions);
    // The stall watchdog reads the program's line tables on the first stall it symbolises, and
    // keeps them (tens of MiB): read here, so the memory bounds measure only what the monkey adds.
    QElapsedTimer busy;
    busy.start();
    while (busy.elapsed() < 120) { }
    QTest::qWait(50);
    bool settled = false;
    m_lab->stalls().whenSettled(this, [&settled] { settled = true; });
    QTRY_VERIFY_WITH_TIMEOUT(settled, 10000);
    connect(&m_lab->scenarios(), &ScenarioRunner::operationStarted, this,
            [this](int id) { m_scenarioOps.insert(id); });

    const QString server = m_lab->server().baseUrl().toString();
    m_texts = {
        // valid: routes and URLs of the embedded server, short ones
        u"/json"_s,
        u"/delay/20"_s,
        u"/delay/400"_s,
        u"/bytes/4096"_s,
        u"/bytes/1048576"_s,
        u"/status/404"_s,
        u"/status/503"_s,
        u"/redirect/2"_s,
        u"/drip?bytes=2048&ms=300"_s,
        u"/flaky/monkey?fail=1"_s,
        u"/truncate/4096"_s,
        u"/garbage"_s,
        u"/close"_s,
        server + u"/json"_s,
        server + u"/delay/100"_s,
        // invalid: malformed, unsupported, refused, out of range, very long
        QString(),
        u"   "_s,
        u"ftp://example.invalid/x"_s,
        u"http://"_s,
        u"not a url"_s,
        u"http://127.0.0.1:1/"_s,
        u"/delay/abc"_s,
        u"/delay/-5"_s,
        u"/bytes/99999999999999999999"_s,
        u"/status/99"_s,
        u"/redirectloop"_s,
        u"/nope"_s,
        u"/drip?bytes=x&ms=-1"_s,
        u"http://[::1"_s,
        u"%%%"_s,
        u"file:///etc/passwd"_s,
        u"/json?\u00fc\u20ac"_s,
        u"/"_s + QString(3000, u'a'),
        // files: real, missing, a folder, a device, relative
        small,
        medium,
        m_dir.filePath(u"missing.txt"_s),
        m_dir.path(),
        u"/dev/null"_s,
        u"relative.txt"_s,
        // sizes and free text
        u"16"_s,
        u"0"_s,
        u"-1"_s,
        u"1e99"_s,
        u"hello"_s,
    };

    g_previousHandler = qInstallMessageHandler(recordMessage);
    installCrashHandlers();
}

void TestMonkey::cleanupTestCase()
{
    m_dialogCloser.stop();
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (qobject_cast<WatchWindow *>(widget))
            widget->close(); // deletes itself
    }
    QTest::qWait(50);
    m_window.reset();
    m_lab.reset();
    const QStringList warnings = takeWarnings();
    qInstallMessageHandler(g_previousHandler);
    MONKEY_VERIFY(warnings.isEmpty(), u"warnings at shutdown:\n  "_s + warnings.join(u"\n  "_s));
}

QString TestMonkey::describe(const QObject *object) const
{
    if (!object)
        return u"(gone)"_s;
    QString text;
    if (const auto *button = qobject_cast<const QAbstractButton *>(object))
        text = plainText(button->text());
    else if (const auto *action = qobject_cast<const QAction *>(object))
        text = plainText(action->text());
    if (text.isEmpty())
        text = object->objectName();
    if (const auto *widget = qobject_cast<const QWidget *>(object); widget && text.isEmpty())
        text = widget->accessibleName();
    QString where;
    if (const auto *widget = qobject_cast<const QWidget *>(object))
        where = u" in "_s + QLatin1StringView(widget->window()->metaObject()->className());
    return u"%1 '%2'%3"_s.arg(QLatin1StringView(object->metaObject()->className()), text, where);
}

void TestMonkey::note(const QString &kind, const QString &what)
{
    ++m_actions;
    ++m_counts[kind];
    const QString line = u"#%1 %2 s: %3: %4"_s.arg(m_actions)
                                 .arg(double(m_clock.elapsed()) / 1000, 0, 'f', 2)
                                 .arg(kind, what);
    m_recent.append(line);
    if (m_verbose) {
        std::printf("%s (heap %lld MiB, %lld stalls)\n", qPrintable(line),
                    MemoryUsage::heapInUseKib() / 1024,
                    qlonglong(m_lab->stalls().records().size()));
        std::fflush(stdout);
    }
    if (m_recent.size() > RecentActions)
        m_recent.removeFirst();
    const int slot = g_ring.next;
    qstrncpy(g_ring.text[slot], line.toUtf8().constData(), ActionRing::Width);
    g_ring.next = (slot + 1) % RecentActions;
    g_ring.count = std::min(int(g_ring.count) + 1, RecentActions);
}

QString TestMonkey::recentActions() const
{
    return u"  "_s + m_recent.join(u"\n  "_s);
}

QString TestMonkey::failureText(const QString &what) const
{
    // The whole story on standard output: QTest cuts long failure messages.
    const QString text =
            u"%1\nseed %2 (replay: MONKEY_SEED=%2 MONKEY_SECONDS=%3), after %4 actions"_s.arg(what)
                    .arg(m_seed)
                    .arg(m_seconds)
                    .arg(m_actions);
    std::printf("monkey: %s; the last ones:\n%s\n", qPrintable(text), qPrintable(recentActions()));
    std::fflush(stdout);
    return text;
}

QList<QWidget *> TestMonkey::windows() const
{
    return { m_window.get(), m_window->compareView(), m_window->conceptGallery() };
}

void TestMonkey::collectTargets()
{
    // Taken once, before the first action, in creation order: the same list on every run, so a
    // seed picks the same targets. A target hidden when picked (its window is closed, its tab
    // not shown) is passed over; a disabled one is clicked all the same, to no effect.
    for (QWidget *window : windows()) {
        for (QWidget *widget : window->findChildren<QWidget *>()) {
            if (widget->window() != window)
                continue;
            m_anywhere.append(widget);
            if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
                if (!skipped(button->text()))
                    m_targets.append({ Kind::Click, button });
            } else if (qobject_cast<ModeToggle *>(widget)) {
                m_targets.append({ Kind::Mode, widget });
            } else if (qobject_cast<QComboBox *>(widget)) {
                m_targets.append({ Kind::Choose, widget });
            } else if (auto *edit = qobject_cast<QLineEdit *>(widget)) {
                if (!edit->isReadOnly())
                    m_targets.append({ Kind::Type, widget });
            } else if (qobject_cast<QTabBar *>(widget)) {
                m_targets.append({ Kind::Tab, widget });
            } else if (qobject_cast<QAbstractItemView *>(widget)) {
                m_targets.append({ Kind::Select, widget });
            }
        }
        // Menu entries, found through the menu bar so that every new one is covered.
        if (auto *main = qobject_cast<QMainWindow *>(window)) {
            QList<QAction *> pending = main->menuBar()->actions();
            while (!pending.isEmpty()) {
                QAction *action = pending.takeFirst();
                if (QMenu *menu = action->menu())
                    pending += menu->actions();
                else if (!action->isSeparator() && !skipped(action->text()))
                    m_targets.append({ Kind::Menu, action });
            }
        }
    }
}

QString TestMonkey::kindName(Kind kind)
{
    static constexpr const char *names[] = { "click",  "menu",        "type",   "mode",
                                             "choose", "tab",         "select", "click anywhere",
                                             "escape", "close window" }; // in Kind's order
    static_assert(std::size(names) == size_t(Kind::CloseWindow) + 1);
    return QString::fromLatin1(names[int(kind)]);
}

void TestMonkey::typeInto(QLineEdit *edit, const Draw &draw)
{
    const QString text = m_texts.at(int(draw.b % quint32(m_texts.size())));
    const bool enter = draw.c % 3 == 0;
    note(u"type"_s,
         u"%1 into %2%3"_s.arg(text.size() > 60 ? text.left(60) + u"…"_s : text, describe(edit),
                               enter ? u" + Enter"_s : QString()));
    edit->setFocus(Qt::OtherFocusReason);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    // Long texts set at once: typed key by key, 3000 characters would take much of the run.
    // QTest types only keys it knows: other characters are inserted as an input method would.
    const bool typeable = std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x7f;
    });
    if (text.size() > 100 || !typeable)
        edit->insert(text);
    else
        QTest::keyClicks(edit, text);
    if (enter)
        QTest::keyClick(edit, Qt::Key_Return);
}

void TestMonkey::actOn(const Target &target, const Draw &draw)
{
    QObject *object = target.object;
    const QString kind = kindName(target.kind);
    auto *widget = qobject_cast<QWidget *>(object);
    if (!object || (widget && !widget->isVisible())) {
        ++m_passedOver;
        return;
    }
    switch (target.kind) {
    case Kind::Click: {
        auto *button = static_cast<QAbstractButton *>(object);
        note(kind, describe(button));
        QTest::mouseClick(button, Qt::LeftButton, {}, button->rect().center());
        break;
    }
    case Kind::Mode: {
        const RunMode mode = draw.b % 2 ? RunMode::Async : RunMode::Blocking;
        note(kind, runModeName(mode));
        clickMode(static_cast<ModeToggle *>(object), mode);
        break;
    }
    case Kind::Choose: {
        auto *combo = static_cast<QComboBox *>(object);
        const int steps = int(draw.b % 3) + 1;
        const bool down = draw.c % 2;
        note(kind, u"%1 %2 %3"_s.arg(down ? u"down"_s : u"up"_s).arg(steps).arg(describe(combo)));
        combo->setFocus(Qt::OtherFocusReason);
        for (int i = 0; i < steps; ++i)
            QTest::keyClick(combo, down ? Qt::Key_Down : Qt::Key_Up);
        break;
    }
    case Kind::Type:
        typeInto(static_cast<QLineEdit *>(object), draw);
        break;
    case Kind::Tab: {
        auto *tabs = static_cast<QTabBar *>(object);
        if (tabs->count() == 0) {
            ++m_passedOver;
            return;
        }
        const int index = int(draw.b % quint32(tabs->count()));
        note(kind, u"%1 of %2"_s.arg(tabs->tabText(index), describe(tabs)));
        QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(index).center());
        break;
    }
    case Kind::Select: {
        auto *view = static_cast<QAbstractItemView *>(object);
        const int rows = view->model() ? view->model()->rowCount(view->rootIndex()) : 0;
        if (rows == 0) {
            ++m_passedOver;
            return;
        }
        const int row = int(draw.b % quint32(rows));
        const QModelIndex index = view->model()->index(row, 0, view->rootIndex());
        note(kind, u"row %1 of %2"_s.arg(row).arg(describe(view)));
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
        break;
    }
    case Kind::Menu: {
        auto *action = static_cast<QAction *>(object);
        note(kind, describe(action));
        action->trigger();
        break;
    }
    case Kind::Anywhere:
    case Kind::Escape:
    case Kind::CloseWindow:
        break;
    }
}

void TestMonkey::act(const Draw &draw)
{
    // A kind first, then one of its targets: the main window's many buttons would otherwise leave
    // little room for typing, menus and the rest.
    static const QList<QPair<Kind, quint32>> weights = {
        { Kind::Click, 30 }, { Kind::Menu, 12 },       { Kind::Type, 16 },  { Kind::Mode, 8 },
        { Kind::Choose, 8 }, { Kind::Tab, 7 },         { Kind::Select, 6 }, { Kind::Anywhere, 5 },
        { Kind::Escape, 4 }, { Kind::CloseWindow, 4 },
    };
    quint32 total = 0;
    for (const auto &weighted : weights)
        total += weighted.second;
    quint32 pick = draw.kind % total;
    Kind kind = Kind::Click;
    for (const auto &[candidate, weight] : weights) {
        if (pick < weight) {
            kind = candidate;
            break;
        }
        pick -= weight;
    }

    const QList<QWidget *> all = windows();
    if (kind == Kind::CloseWindow || kind == Kind::Escape) {
        // the Compare view or the gallery closed; Esc in any of the three
        QList<QWidget *> choices = kind == Kind::CloseWindow ? all.mid(1) : all;
        // and the Watch windows the monkey opened
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (kind == Kind::CloseWindow && qobject_cast<WatchWindow *>(widget)
                && widget->isVisible())
                choices.append(widget);
        }
        QWidget *window = choices.at(int(draw.target % quint32(choices.size())));
        if (!window->isVisible()) {
            ++m_passedOver;
            return;
        }
        note(kindName(kind), QLatin1StringView(window->metaObject()->className()));
        if (kind == Kind::CloseWindow)
            window->close();
        else
            QTest::keyClick(window, Qt::Key_Escape);
        return;
    }
    if (kind == Kind::Anywhere) {
        QWidget *widget = m_anywhere.at(int(draw.target % quint32(m_anywhere.size())));
        if (!widget || !widget->isVisible()) {
            ++m_passedOver;
            return;
        }
        const QPoint where(int(draw.b % quint32(std::max(1, widget->width()))),
                           int(draw.c % quint32(std::max(1, widget->height()))));
        note(kindName(kind), u"%1 at %2,%3"_s.arg(describe(widget)).arg(where.x()).arg(where.y()));
        QTest::mouseClick(widget, Qt::LeftButton, {}, where);
        return;
    }
    QList<Target> choices;
    for (const Target &target : std::as_const(m_targets)) {
        if (target.kind == kind)
            choices.append(target);
    }
    if (!choices.isEmpty())
        actOn(choices.at(int(draw.target % quint32(choices.size()))), draw);
}

void TestMonkey::pause(const Draw &draw)
{
    // mostly short gaps, sometimes a longer one, now and then until the work has ended
    const quint32 dice = draw.pause % 100;
    if (dice < 80) {
        QTest::qWait(int(draw.pauseMs % 40));
    } else if (dice < 96) {
        QTest::qWait(40 + int(draw.pauseMs % 660));
    } else {
        note(u"wait for work to end"_s, {});
        if (waitForWorkToEnd(15000, false))
            checkEndState();
    }
}

bool TestMonkey::workRunning() const
{
    const auto *view = m_window->findChild<CompareView *>();
    const auto *gallery = m_window->findChild<DemoGallery *>();
    return m_lab->jobs().runningCount() > 0 || m_lab->scenarios().isRunning()
            || (view && view->isRunning()) || (gallery && gallery->isRunning());
}

void TestMonkey::cancelEverything()
{
    m_lab->jobs().cancelAll();
    if (auto *gallery = m_window->findChild<DemoGallery *>()) {
        for (const QString &name : gallery->demoNames()) {
            if (Demo *demo = gallery->demo(name); demo && demo->isRunning())
                demo->cancel();
        }
    }
}

bool TestMonkey::waitForWorkToEnd(int timeoutMs, bool cancel)
{
    QElapsedTimer waited;
    waited.start();
    while (workRunning() && waited.elapsed() < timeoutMs) {
        if (cancel)
            cancelEverything();
        QTest::qWait(50);
    }
    // one more turn for what ending posts (the result line, the stall records)
    QTest::qWait(50);
    return !workRunning();
}

QString TestMonkey::lastWindowResult() const
{
    const OperationRecord *last = nullptr;
    for (const OperationRecord &record : m_lab->log().records()) {
        if (!m_scenarioOps.contains(record.id))
            last = &record;
    }
    return last ? Report::operationSummaryHtml(*last, Report::lastBlockingRun(m_lab->log(), *last))
                : QString();
}

void TestMonkey::checkWarnings()
{
    const QStringList warnings = takeWarnings();
    MONKEY_VERIFY(warnings.isEmpty(), u"Qt warned:\n  "_s + warnings.join(u"\n  "_s));
}

void TestMonkey::checkEndState()
{
    for (const OperationRecord &record : m_lab->log().records()) {
        MONKEY_VERIFY(record.isFinished() && record.endMs > 0,
                      u"operation %1 (%2 %3) never ended"_s.arg(record.id).arg(
                              operationKindName(record.kind), record.target.left(100)));
    }
    const QString expected = lastWindowResult();
    if (!expected.isEmpty()) {
        const auto *result = m_window->findChild<QLabel *>(u"resultLine"_s);
        QVERIFY(result);
        MONKEY_VERIFY(result->text() == expected,
                      u"stale result line: it shows\n  %1\nbut the last "
                      "operation's result is\n  %2"_s.arg(result->text(), expected));
    }
    const qint64 rss = rssMiB();
    m_rssMaxMiB = std::max(m_rssMaxMiB, rss);
    if (m_warmedUp) {
        const qint64 heap = MemoryUsage::heapInUseKib() / 1024;
        if (m_idleHeapAfterWarmUpMiB < 0)
            m_idleHeapAfterWarmUpMiB = heap;
        m_idleHeapMaxMiB = std::max(m_idleHeapMaxMiB, heap);
    }
}

void TestMonkey::monkey()
{
    m_window = std::make_unique<MainWindow>(m_lab.get());
    QVERIFY(showExposed(m_window.get()));
    // Short work only, so the monkey does many actions: samples of 16 and 64 MiB (a 1 GiB file
    // written in Blocking mode would take much of a short run) and the scenarios' short steps.
    for (QComboBox *combo : m_window->findChildren<QComboBox *>()) {
        while (combo->accessibleName() == u"Sample file size" && combo->count() > 2)
            combo->removeItem(combo->count() - 1);
    }

    m_window->compareView()->setScenarios(shortScenarios());
    collectTargets();

    // Modal dialogs (About, Watch a program…) run their own event loop: closed soon after they
    // open, so the monkey goes on.
    m_dialogCloser.setInterval(100);
    connect(&m_dialogCloser, &QTimer::timeout, this, [this] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            auto *dialog = qobject_cast<QDialog *>(widget);
            if (!dialog || !dialog->isVisible())
                continue;
            // A program to watch is asked for in turn: none, one that does not exist, one that
            // is not a Qt program; by count, so that no draw depends on when the timer fired.
            auto *input = qobject_cast<QInputDialog *>(dialog);
            const int turn = m_dialogsClosed++ % 3;
            if (input && turn > 0) {
                input->setTextValue(turn == 1 ? u"/nonexistent/program --flag"_s : u"/bin/true"_s);
                input->accept();
            } else {
                dialog->reject();
            }
        }
    });
    m_dialogCloser.start();

    QElapsedTimer running;
    running.start();
    qint64 lastReport = 0;
    // RSS is measured from here on: by then each window and demo has been built and run once.
    const qint64 warmUpMs = std::max<qint64>(3000, m_seconds * 200);
    while (running.elapsed() < qint64(m_seconds) * 1000) {
        Draw draw {};
        for (quint32 *value :
             { &draw.kind, &draw.target, &draw.b, &draw.c, &draw.pause, &draw.pauseMs })
            *value = m_random->generate();
        act(draw);
        checkWarnings();
        if (QTest::currentTestFailed())
            return;
        pause(draw);
        checkWarnings();
        if (QTest::currentTestFailed())
            return;
        if (!m_warmedUp && running.elapsed() > warmUpMs) {
            m_warmedUp = true;
            m_rssAfterWarmUpMiB = rssMiB();
        }
        m_rssMaxMiB = std::max(m_rssMaxMiB, rssMiB());
        if (m_verbose && running.elapsed() / 10000 != lastReport) {
            lastReport = running.elapsed() / 10000;
            std::printf("monkey: at %lld s RSS %lld MiB, heap in use %lld MiB, %lld operations, "
                        "%lld stalls, %lld lag samples\n",
                        running.elapsed() / 1000, rssMiB(), MemoryUsage::heapInUseKib() / 1024,
                        qlonglong(m_lab->log().records().size()),
                        qlonglong(m_lab->stalls().records().size()),
                        qlonglong(m_lab->monitor().samples().size()));
        }
    }
    const qint64 monkeyMs = running.elapsed();

    // The monkey stops; what it started is canceled and ends.
    note(u"stop"_s, u"cancel everything and wait"_s);
    MONKEY_VERIFY(waitForWorkToEnd(60000, true), u"work did not end"_s);
    checkEndState();
    checkWarnings();
    if (QTest::currentTestFailed())
        return;

    // Idle: nothing runs, and in Async mode the window answers at once.
    clickMode(m_window->modeToggle(), RunMode::Async);
    QCOMPARE(m_window->mode(), RunMode::Async);
    QTest::qWait(300);
    const pid_t guiThread = pid_t(::gettid());
    const SchedStat schedBefore = readSchedStat(guiThread);
    const double fromMs = labNowMs();
    QTest::qWait(2000);
    const double toMs = labNowMs();
    const SchedStat schedAfter = readSchedStat(guiThread);
    // how long the kernel kept the GUI thread on a run queue meanwhile: the machine's share
    const double runQueueMs = schedBefore.valid && schedAfter.valid
            ? double(schedAfter.waitNs - schedBefore.waitNs) / 1e6
            : 0;
    const LagStats after = m_lab->monitor().statsBetween(fromMs, toMs);
    // What froze the window, if anything did: the watchdog's records of the 2 s, once recorded.
    bool settled = false;
    m_lab->stalls().whenSettled(this, [&settled] { settled = true; });
    QTRY_VERIFY_WITH_TIMEOUT(settled, 10000);
    QStringList stalls;
    bool onlyTheMachine = true; // every stall was one of waiting for a CPU other programs held
    int recorded = 0;
    for (const StallRecord &stall : m_lab->stalls().recordsBetween(fromMs, toMs)) {
        onlyTheMachine = onlyTheMachine && stall.isCpuStarved();
        ++recorded;
        if (!stall.isCpuStarved()) {
            QStringList frames;
            for (const StackFrame &frame : stall.stack.mid(0, 16))
                frames.append(frame.shortFunction() + u" ["_s + frame.module + u']');
            std::printf("monkey: the stack of a %.0f ms stall while idle:\n  %s\n",
                        stall.durationMs, qPrintable(frames.join(u"\n  "_s)));
        }
        stalls.append(u"%1 ms, %2, in %3, handling %4"_s.arg(stall.durationMs, 0, 'f', 1)
                              .arg(stall.activityText(),
                                   stall.culprit.isKnown() ? stall.culprit.location()
                                                           : u"no function of AsyncLab's"_s,
                                   stall.event.isEmpty() ? u"no event"_s : stall.event));
    }
    MONKEY_VERIFY(!workRunning(), u"work started while idle"_s);
    const auto *cancel = m_window->findChild<QAbstractButton *>(u"cancelButton"_s);
    QVERIFY(cancel);
    MONKEY_VERIFY(!cancel->isEnabled(), u"Cancel is enabled while idle"_s);
    checkWarnings();

    m_rssMaxMiB = std::max(m_rssMaxMiB, rssMiB());
    const qint64 growth = m_rssMaxMiB - m_rssAfterWarmUpMiB;
    const qint64 heapGrowth = m_idleHeapMaxMiB - m_idleHeapAfterWarmUpMiB;
    QStringList perKind;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
        perKind.append(u"%1 %2"_s.arg(it.key()).arg(it.value()));
    std::printf("monkey: seed %u, %lld s, %d actions (%s), %d picks passed over (hidden), %d "
                "dialogs closed, %lld operations; "
                "GUI thread on a run queue %.0f ms of the 2 s after; heap in use when idle %lld "
                "MiB after warm-up, at most %lld MiB (growth %lld MiB, bound %lld); RSS after "
                "warm-up %lld MiB, peak %lld MiB (growth %lld MiB, %s), peak VmHWM %lld "
                "MiB; 0 warnings; Async max stall over 2 s after: %.1f ms\n",
                m_seed, monkeyMs / 1000, m_actions, qPrintable(perKind.join(u", "_s)), m_passedOver,
                m_dialogsClosed, qlonglong(m_lab->log().records().size()), runQueueMs,
                m_idleHeapAfterWarmUpMiB, m_idleHeapMaxMiB, heapGrowth, HeapGrowthBoundMiB,
                m_rssAfterWarmUpMiB, m_rssMaxMiB, growth,
                RssMeansLeaks ? qPrintable(u"bound %1"_s.arg(RssGrowthBoundMiB))
                              : "not bounded under the sanitizers",
                MemoryUsage::peakRssKib() / 1024, after.maxStallMs);
    std::fflush(stdout);
    MONKEY_VERIFY(heapGrowth < HeapGrowthBoundMiB,
                  u"the heap in use when idle grew by %1 MiB after warm-up"_s.arg(heapGrowth));
    if (RssMeansLeaks) {
        MONKEY_VERIFY(growth < RssGrowthBoundMiB,
                      u"RSS grew by %1 MiB after warm-up"_s.arg(growth));
    }
    for (const LagSample &sample : m_lab->monitor().samples()) {
        if (sample.atMs >= fromMs && sample.atMs <= toMs && sample.lagMs >= 50)
            stalls.append(u"a tick %1 ms late at %2 s"_s.arg(sample.lagMs, 0, 'f', 1)
                                  .arg((sample.atMs - m_clockStartMs) / 1000, 0, 'f', 2));
    }
    if (!stalls.isEmpty())
        std::printf("monkey: stalls while idle: %s\n", qPrintable(stalls.join(u"; "_s)));
    // As in the other stall tests, only the machine may freeze an idle Async window: a stall
    // spent mostly waiting for a CPU (the machine is shared) is not AsyncLab's. The watchdog says
    // so of each stall it recorded; when it recorded none (its own thread got no CPU either), the
    // kernel does if it kept the GUI thread on a run queue for longer than the longest stall.
    const bool machineStall = recorded > 0 ? onlyTheMachine : runQueueMs >= after.maxStallMs;
    MONKEY_VERIFY(after.maxStallMs < 50 || machineStall,
                  u"idle in Async mode, the window still stalled %1 ms: %2"_s.arg(after.maxStallMs)
                          .arg(stalls.isEmpty() ? u"no stall recorded"_s : stalls.join(u"; "_s)));
}

int main(int argc, char *argv[])
{
    // --seed N and --seconds N are the monkey's; the rest go to QTest.
    QList<char *> arguments;
    QByteArray seed = qgetenv("MONKEY_SEED");
    for (int i = 0; i < argc; ++i) {
        if (i + 1 < argc && qstrcmp(argv[i], "--seed") == 0) {
            seed = argv[++i];
        } else if (i + 1 < argc && qstrcmp(argv[i], "--seconds") == 0) {
            qputenv("MONKEY_SECONDS", argv[++i]);
        } else {
            arguments.append(argv[i]);
        }
    }
    if (const int seconds = qEnvironmentVariableIntValue("MONKEY_SECONDS"); seconds > 0)
        g_seconds = seconds;
    // QTest stops a test function after 5 minutes unless told otherwise; the monkey's is as long
    // as its run, and the wait for its work to end.
    if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", QByteArray::number((qint64(g_seconds) + 240) * 1000));
    bool ok = false;
    g_seed = seed.toUInt(&ok);
    if (!ok)
        g_seed = QRandomGenerator::system()->generate();
    std::snprintf(g_seedLine, sizeof g_seedLine, "monkey: seed %u\n", g_seed);
    std::printf("%s", g_seedLine);
    std::fflush(stdout);
    int count = int(arguments.size());
    arguments.append(nullptr);
    LabApplication app(count, arguments.data());
    TestMonkey test;
    return QTest::qExec(&test, count, arguments.data());
}

#include "tst_monkey.moc"

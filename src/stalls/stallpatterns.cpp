#include <stalls/stallpatterns.h>
#include <stalls/stallrecord.h>

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace StallPatterns {
namespace {
QRegularExpression names(const QString &pattern)
{
    return QRegularExpression(u"^(?:"_s + pattern + u")$"_s);
}
} // namespace

const QList<Pattern> &all()
{
    // The first row any frame matches wins: specific causes before the generic waits they end
    // in (a process is waited for on a wait condition, SQLite reads a file, a plugin is opened),
    // and a nested event loop last, since what froze inside it is the cause.
    static const QList<Pattern> table = {
        { u"process"_s, QT_TRANSLATE_NOOP("StallPatterns", "waiting for a process"),
          QT_TRANSLATE_NOOP("StallPatterns",
                            "start it and react to QProcess::finished() instead of waiting for it"),
          u"three-styles"_s,
          names(u"(?:\\w+::)*\\w*Process\\w*::(?:waitFor\\w+|runBlocking|execute)|waitpid|__"
                u"waitpid|system|"
                u"pclose|__libc_system"_s) },
        { u"sql"_s, QT_TRANSLATE_NOOP("StallPatterns", "SQL on the GUI thread"),
          QT_TRANSLATE_NOOP(
                  "StallPatterns",
                  "run the query on a worker thread with its own connection and post the rows "
                  "back"),
          u"database"_s, names(u"QSql\\w*::\\w+|sqlite3_\\w+|PQexec\\w*|mysql_\\w+"_s) },
        { u"image"_s, QT_TRANSLATE_NOOP("StallPatterns", "decoding an image"),
          QT_TRANSLATE_NOOP(
                  "StallPatterns",
                  "decode with QImageReader on a worker thread (QML: Image.asynchronous)"),
          u"parallelism"_s,
          names(u"QImageReader::\\w+|QImage::(?:load|fromData|loadFromData)|QPixmap::(?:load|"
                u"loadFromData)|QQuickPixmap::load|QSvgRenderer::load|png_\\w+|jpeg_\\w+|"
                u"\\w*decode_mcu\\w*"_s) },
        { u"plugin"_s, QT_TRANSLATE_NOOP("StallPatterns", "loading plugins or libraries"),
          QT_TRANSLATE_NOOP(
                  "StallPatterns",
                  "load plugins once at start-up (behind a splash) or on first use, not in a "
                  "handler"),
          QString(),
          names(u"dlopen|_dl_open|_dl_map_object\\w*|_dl_relocate_object|QLibrary\\w*::load\\w*|"
                u"QPluginLoader::\\w+|QFactoryLoader::\\w+"_s) },
        { u"gl"_s, QT_TRANSLATE_NOOP("StallPatterns", "setting up OpenGL"),
          QT_TRANSLATE_NOOP("StallPatterns",
                            "create the GL context and its shaders once, early, not on first show"),
          QString(),
          names(u"QOpenGLContext::create|QOpenGLShaderProgram::\\w+|glX\\w+|egl\\w+|"
                u"QOpenGLWidget\\w*::initializeGL|\\w+_dri\\w*"_s) },
        { u"sleep"_s, QT_TRANSLATE_NOOP("StallPatterns", "sleeping"),
          QT_TRANSLATE_NOOP("StallPatterns", "use a QTimer to come back later instead of sleeping"),
          u"event-loop"_s,
          names(u"QThread::\\w*sleep|(?:__)?(?:nanosleep|clock_nanosleep\\w*|usleep|sleep)|"
                u"std::this_thread::sleep_\\w+|pysleep|time_sleep"_s) },
        { u"future"_s, QT_TRANSLATE_NOOP("StallPatterns", "waiting for a future or a thread"),
          QT_TRANSLATE_NOOP(
                  "StallPatterns",
                  "continue with QFuture::then(context, ...) or a QFutureWatcher instead of "
                  "waiting"),
          u"where-the-wait-happens"_s,
          names(u"QFuture\\w*(?:<.*>)?::(?:waitForFinished|waitForResult|result\\w*|takeResult)|"
                u"QThread::wait|QThreadPool::waitForDone|QSemaphore::acquire|"
                u"QWaitCondition::wait|pthread_join|std::thread::join|"
                u"QFutureInterfaceBase::\\w+"_s) },
        { u"io"_s, QT_TRANSLATE_NOOP("StallPatterns", "synchronous socket or file I/O"),
          QT_TRANSLATE_NOOP(
                  "StallPatterns",
                  "use the socket's signals (readyRead) or read the file on a worker thread"),
          u"where-the-wait-happens"_s,
          names(u"\\w*Socket::waitFor\\w+|QIODevice::waitFor\\w+|QHostInfo::fromName|"
                u"getaddrinfo|QFile\\w*::(?:open|read\\w*|write|copy|flush)|"
                u"QIODevice::(?:read\\w*|write|peek)|QDir\\w*::\\w+|QFileInfo::\\w+|"
                u"(?:__libc_)?(?:read|recv|recvfrom|recvmsg|write|send|sendto|fsync|fdatasync|"
                u"pread64|pwrite64|connect|openat|open64)"_s) },
        // The program's own main loop is one QEventLoop::exec on every stack: a second is nested.
        { u"nested-loop"_s, QT_TRANSLATE_NOOP("StallPatterns", "a nested event loop"),
          QT_TRANSLATE_NOOP(
                  "StallPatterns",
                  "show the dialog with open() and handle its result in a slot, not exec()"),
          u"nested-event-loop"_s,
          names(u"QDialog::exec|QMenu::exec|QDrag::exec|QMessageBox::\\w+|QEventLoop::exec"_s), 2 },
        { u"no-cpu"_s, QT_TRANSLATE_NOOP("StallPatterns", "no CPU to be had"),
          QT_TRANSLATE_NOOP("StallPatterns",
                            "other programs held the CPUs: nothing in this code to change"),
          QString(), QRegularExpression() },
        // Not matched by name: the program's own code kept the thread busy.
        { u"compute"_s, QT_TRANSLATE_NOOP("StallPatterns", "computing on the GUI thread"),
          QT_TRANSLATE_NOOP(
                  "StallPatterns",
                  "move the work to QtConcurrent::run() or a worker thread and show its result "
                  "when it is ready, or cut it into slices the event loop runs between"),
          u"parallelism"_s, QRegularExpression() },
    };
    return table;
}

const Pattern *find(const QString &id)
{
    for (const Pattern &pattern : all()) {
        if (pattern.id == id)
            return &pattern;
    }
    return nullptr;
}

QString matchStack(const Stack &stack)
{
    QStringList names;
    for (const StackFrame &frame : stack) {
        // "clock_nanosleep@GLIBC_2.2.5": a C library symbol's version is not its name.
        if (!frame.function.isEmpty())
            names.append(frame.shortFunction().section(u'@', 0, 0));
    }
    for (const Pattern &pattern : all()) {
        if (pattern.functions.pattern().isEmpty())
            continue;
        int matches = 0;
        for (const QString &name : names) {
            if (pattern.functions.match(name).hasMatch() && ++matches >= pattern.frames)
                return pattern.id;
        }
    }
    return {};
}

QString match(const StallRecord &record)
{
    if (record.isCpuStarved())
        return u"no-cpu"_s;
    const QString byName = matchStack(record.stack);
    // A thread that mostly ran was not waiting: a wait's name on one sample's stack is not the
    // cause (a read that returned at once, a sleep of no time).
    const bool busy = record.busyShare > record.waitingShare;
    static const QStringList waits = { u"process"_s, u"future"_s, u"io"_s, u"sleep"_s };
    if (!byName.isEmpty() && !(busy && waits.contains(byName)))
        return byName;
    return busy && record.culprit.isKnown() ? u"compute"_s : QString();
}

QString what(const QString &id)
{
    const Pattern *pattern = find(id);
    return pattern ? QCoreApplication::translate("StallPatterns", pattern->what) : QString();
}

QString advice(const QString &id)
{
    const Pattern *pattern = find(id);
    return pattern ? QCoreApplication::translate("StallPatterns", pattern->advice) : QString();
}

QString demo(const QString &id)
{
    const Pattern *pattern = find(id);
    return pattern ? pattern->demo : QString();
}

QString sentence(const QString &id)
{
    if (!find(id))
        return {};
    QString text = u"%1: %2"_s.arg(what(id), advice(id));
    if (!demo(id).isEmpty())
        text += QCoreApplication::translate("StallPatterns", " (gallery: %1)").arg(demo(id));
    return text;
}
} // namespace StallPatterns

// Notes: a small editor that keeps a backup copy of what you write. This one saves once by
// itself, half a second after it starts, and quits half a second after saving.
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QThread>
#include <QTimer>
#include <QToolBar>

class NotesWindow : public QMainWindow
{
public:
    NotesWindow()
    {
        setWindowTitle(QStringLiteral("Notes"));
        m_editor = new QPlainTextEdit(this);
        m_editor->setPlainText(QStringLiteral("Milk, eggs, flour, butter.\n").repeated(2000));
        setCentralWidget(m_editor);
        addToolBar(QStringLiteral("File"))
                ->addAction(QStringLiteral("Save"), this, &NotesWindow::save);
    }

    void save()
    {
        const QString text = m_editor->toPlainText();
        const QByteArray packed = packForDisk(text);
        keepBackupCopy(packed);
        statusBar()->showMessage(QStringLiteral("Saved %1 bytes").arg(packed.size()));
    }

private:
    // Compresses three times over, to be sure the file is small.
    static QByteArray packForDisk(const QString &text)
    {
        QByteArray data = text.toUtf8();
        for (int round = 0; round < 3; ++round)
            data = qCompress(data, 9);
        return data;
    }

    // Writes the copy to the backup folder, then waits until the sync service has taken it.
    static void keepBackupCopy(const QByteArray &data)
    {
        QFile copy(QDir::temp().filePath(QStringLiteral("notes-backup.z")));
        if (copy.open(QIODevice::WriteOnly))
            copy.write(data);
        copy.close();
        while (!syncServiceHasCopy())
            QThread::msleep(100);
    }

    // The sync service takes its time: the eighth time we ask, it has the copy.
    static bool syncServiceHasCopy()
    {
        static int asked = 0;
        return ++asked % 8 == 0;
    }

    QPlainTextEdit *m_editor;
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    NotesWindow window;
    window.resize(480, 320);
    window.show();
    QTimer::singleShot(500, &window, [&] {
        window.save();
        QTimer::singleShot(500, &app, &QApplication::quit);
    });
    return app.exec();
}

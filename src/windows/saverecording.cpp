#include <windows/saverecording.h>
#include <export/recording.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>

void saveRecordingAs(QWidget *parent, const Recording &recording)
{
    const QString traceFilter =
            QCoreApplication::translate("SaveRecording", "Chrome trace (*.json)");
    const QString profileFilter =
            QCoreApplication::translate("SaveRecording", "speedscope profile (*.speedscope.json)");
    QString filter = traceFilter;
    const QString path = QFileDialog::getSaveFileName(
            parent, QCoreApplication::translate("SaveRecording", "Save trace"),
            QDir::home().filePath(recording.processName + QStringLiteral(".trace.json")),
            traceFilter + QStringLiteral(";;") + profileFilter, &filter);
    if (path.isEmpty())
        return;
    const bool profile = filter == profileFilter;
    QString error;
    if (!recording.save(profile ? QString() : path, profile ? path : QString(), &error))
        QMessageBox::warning(parent, QCoreApplication::translate("SaveRecording", "Save trace"),
                             error);
}

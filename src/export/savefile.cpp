#include <export/savefile.h>

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

bool saveFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    if (error)
        *error = QCoreApplication::translate("SaveFile", "cannot write %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
    return false;
}

bool saveJsonFile(const QString &path, const QJsonObject &json, QString *error)
{
    return saveFile(path, QJsonDocument(json).toJson(QJsonDocument::Compact), error);
}

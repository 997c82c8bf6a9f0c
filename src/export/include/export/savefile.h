#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// Writes `bytes` to `path`, all or nothing; false with a one-line reason in `error`.
bool saveFile(const QString &path, const QByteArray &bytes, QString *error);
// `json`, compactly.
bool saveJsonFile(const QString &path, const QJsonObject &json, QString *error);

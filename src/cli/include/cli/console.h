#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

class DemoOutcome;

// What the command line prints: results on standard output, progress and errors on standard
// error, each flushed at once so a pipe sees every line when it happens.
namespace Console {
void out(const QString &text);
void err(const QString &text);
void error(const QString &message); // "asynclab: <message>", one line however long the message

QString jsonText(const QJsonObject &object); // indented, for people and for programs
QString jsonText(const QJsonArray &array);

QJsonObject demoJson(const QString &name, const QString &title, const DemoOutcome &outcome);
QString demoText(const QString &title, const DemoOutcome &outcome);
} // namespace Console

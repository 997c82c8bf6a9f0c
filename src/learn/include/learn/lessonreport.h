#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

struct Lesson;
struct LessonResult;

// A lesson and its measured result for the command line: the question, the choices, what was
// measured and which choice the measurement makes right; with a prediction (a choice's index),
// whether the measurement agrees with it.
namespace LessonReport {
QJsonObject json(const Lesson &lesson, const LessonResult &result, int predicted = -1);
QString text(const Lesson &lesson, const LessonResult &result, int predicted = -1);
// `asynclab --lesson list`
QJsonArray listJson();
QString listText();
} // namespace LessonReport

#pragma once

#include <QString>
#include <QStringView>

// What a one-line message may echo of something a user typed or a server sent: at most maxChars
// characters, cut with an ellipsis, line breaks and tabs turned into spaces.
QString oneLine(QStringView text, qsizetype maxChars = 200);

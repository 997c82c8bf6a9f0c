#pragma once

#include <QByteArray>

// The embedded server's byte pattern, byte i == i % 251, worked out independently of the server.
QByteArray patternBytes(qint64 from, qint64 length);
QByteArray patternSha256(qint64 n); // the hex digest of the first n bytes

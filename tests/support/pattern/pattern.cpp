#include "pattern.h"

#include <QByteArrayView>
#include <QCryptographicHash>
#include <algorithm>

QByteArray patternBytes(qint64 from, qint64 length)
{
    QByteArray bytes(length, Qt::Uninitialized);
    for (qint64 i = 0; i < length; ++i)
        bytes[i] = char((from + i) % 251);
    return bytes;
}

QByteArray patternSha256(qint64 n)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QByteArray block = patternBytes(0, 251 * 4000); // whole periods: every block starts at 0
    for (qint64 done = 0; done < n; done += block.size())
        hash.addData(QByteArrayView(block).first(std::min<qint64>(block.size(), n - done)));
    return hash.result().toHex();
}

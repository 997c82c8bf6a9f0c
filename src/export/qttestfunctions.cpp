#include <export/qttestfunctions.h>

#include <QRegularExpression>

using namespace Qt::StringLiterals;

void QtTestFunctions::read(const QByteArray &output, double atMs)
{
    // Qt Test's plain logger: the result, padded to six characters, a colon, the function.
    static const QRegularExpression result(
            u"^(?:PASS|FAIL!|SKIP|XFAIL|XPASS|BPASS|BFAIL|BXPASS|BXFAIL) *: +([\\w:]+\\([^)]*\\))"_s);
    m_partial += output;
    qsizetype lineEnd = 0;
    while ((lineEnd = m_partial.indexOf('\n')) >= 0) {
        const QString line = QString::fromLocal8Bit(m_partial.left(lineEnd));
        m_partial.remove(0, lineEnd + 1);
        if (const QRegularExpressionMatch match = result.match(line); match.hasMatch())
            m_ends.append({ atMs, match.captured(1) });
    }
}

QString QtTestFunctions::functionAt(double atMs) const
{
    for (const End &end : m_ends) {
        if (end.atMs >= atMs)
            return end.function;
    }
    return {};
}

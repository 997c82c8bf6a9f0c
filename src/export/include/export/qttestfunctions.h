#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Which Qt Test function a program was running when: read from the lines Qt Test prints as each
// test function ends ("PASS   : tst_x::fn()", "FAIL!  : tst_x::fn() ..."), timed as they arrive.
// A function ran before its line, after the line of the one before it.
class QtTestFunctions
{
public:
    // A piece of the program's standard output, received at `atMs` (labNowMs).
    void read(const QByteArray &output, double atMs);
    // The function running at `atMs`, or empty when no test function's end came after it.
    QString functionAt(double atMs) const;
    bool isEmpty() const { return m_ends.isEmpty(); }

private:
    struct End
    {
        double atMs;
        QString function;
    };
    QByteArray m_partial; // the start of a line whose end has not arrived
    QList<End> m_ends;
};

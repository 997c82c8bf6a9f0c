#include <export/responsivenessgate.h>
#include <stalls/stallreport.h>
#include <export/qttestfunctions.h>
#include <export/recording.h>
#include <export/savefile.h>
#include <common/units.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <QXmlStreamWriter>
#include <algorithm>

using namespace Qt::StringLiterals;

double ResponsivenessGate::busyMs(const StallRecord &record)
{
    return record.cpuRunMs >= 0 ? record.cpuRunMs : record.busyShare * record.durationMs;
}

void ResponsivenessGate::judge(const QList<StallRecord> &stalls, const QtTestFunctions *functions,
                               double originMs)
{
    m_originMs = originMs;
    m_verdicts.clear();
    for (const StallRecord &record : stalls) {
        Verdict verdict {
            record, false, {}, functions ? functions->functionAt(record.startMs) : QString()
        };
        if (m_wallLimitMs > 0 && record.durationMs > m_wallLimitMs) {
            verdict.failed = true;
            verdict.reason =
                    QCoreApplication::translate("ResponsivenessGate", "%1 over the %2 limit")
                            .arg(formatDuration(record.durationMs), formatDuration(m_wallLimitMs));
        } else if (m_busyLimitMs > 0 && busyMs(record) > m_busyLimitMs) {
            verdict.failed = true;
            verdict.reason =
                    QCoreApplication::translate("ResponsivenessGate",
                                                "%1 busy over the %2 busy limit")
                            .arg(formatDuration(busyMs(record)), formatDuration(m_busyLimitMs));
        }
        m_verdicts.append(verdict);
    }
}

bool ResponsivenessGate::failed() const
{
    return std::any_of(m_verdicts.cbegin(), m_verdicts.cend(),
                       [](const Verdict &v) { return v.failed; });
}

int ResponsivenessGate::exitStatus(int programStatus) const
{
    if (programStatus != 0)
        return programStatus;
    return failed() ? FailedStatus : 0;
}

QString ResponsivenessGate::describe(const Verdict &verdict) const
{
    const StallRecord &r = verdict.record;
    QString text = QCoreApplication::translate("ResponsivenessGate", "stall %1 at %2: %3, %4")
                           .arg(r.id)
                           .arg(formatDuration(r.startMs - m_originMs),
                                formatDuration(r.durationMs), r.activityText());
    text += r.culprit.isKnown()
            ? QCoreApplication::translate("ResponsivenessGate", ", in %1").arg(r.culprit.location())
            : QCoreApplication::translate("ResponsivenessGate",
                                          ", no culprit in the program's own code");
    if (!r.event.isEmpty())
        text += QCoreApplication::translate("ResponsivenessGate", ", during %1").arg(r.event);
    if (!verdict.testFunction.isEmpty())
        text += QCoreApplication::translate("ResponsivenessGate", ", in test %1")
                        .arg(verdict.testFunction);
    return text;
}

QStringList ResponsivenessGate::lines() const
{
    QStringList lines;
    for (const Verdict &verdict : m_verdicts) {
        lines.append(verdict.failed
                             ? QCoreApplication::translate("ResponsivenessGate", "FAIL %1 (%2)")
                                       .arg(describe(verdict), verdict.reason)
                             : QCoreApplication::translate("ResponsivenessGate", "ok   %1")
                                       .arg(describe(verdict)));
    }
    return lines;
}

QString ResponsivenessGate::junitXml(const QString &program, double watchedMs) const
{
    const QString suite = u"responsiveness of %1"_s.arg(QFileInfo(program).fileName());
    const qsizetype failures = std::count_if(m_verdicts.cbegin(), m_verdicts.cend(),
                                             [](const Verdict &v) { return v.failed; });
    QString xml;
    QXmlStreamWriter w(&xml);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeStartElement(u"testsuites"_s);
    w.writeStartElement(u"testsuite"_s);
    w.writeAttribute(u"name"_s, suite);
    w.writeAttribute(u"tests"_s, QString::number(std::max<qsizetype>(1, m_verdicts.size())));
    w.writeAttribute(u"failures"_s, QString::number(failures));
    w.writeAttribute(u"errors"_s, u"0"_s);
    w.writeAttribute(u"time"_s, QString::number(watchedMs / 1000, 'f', 3));
    if (m_verdicts.isEmpty()) {
        w.writeStartElement(u"testcase"_s);
        w.writeAttribute(u"classname"_s, suite);
        w.writeAttribute(u"name"_s, u"no stall"_s);
        w.writeAttribute(u"time"_s, QString::number(watchedMs / 1000, 'f', 3));
        w.writeEndElement();
    }
    for (const Verdict &verdict : m_verdicts) {
        const StallRecord &r = verdict.record;
        w.writeStartElement(u"testcase"_s);
        w.writeAttribute(u"classname"_s,
                         verdict.testFunction.isEmpty() ? suite : verdict.testFunction);
        w.writeAttribute(u"name"_s, u"stall %1: %2"_s.arg(r.id).arg(stallTitle(r)));
        w.writeAttribute(u"time"_s, QString::number(r.durationMs / 1000, 'f', 3));
        QString details = describe(verdict) + u'\n';
        if (!r.event.isEmpty())
            details += u"handler: %1\n"_s.arg(r.event);
        details += u"stack:\n"_s;
        details += StallReport::stackText(r.stack, 2);
        if (verdict.failed) {
            w.writeStartElement(u"failure"_s);
            w.writeAttribute(u"type"_s, u"stall"_s);
            w.writeAttribute(
                    u"message"_s,
                    u"%1: %2"_s.arg(verdict.reason,
                                    r.culprit.isKnown() ? r.culprit.location() : u"no culprit"_s));
            w.writeCharacters(details);
            w.writeEndElement();
        } else {
            w.writeTextElement(u"system-out"_s, details);
        }
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndDocument();
    return xml;
}

bool ResponsivenessGate::saveJunit(const QString &path, const QString &program, double watchedMs,
                                   QString *error) const
{
    return saveFile(path, junitXml(program, watchedMs).toUtf8(), error);
}

#pragma once

#include <stalls/stackframe.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// Stack samples in speedscope's file format (https://www.speedscope.app/file-format-schema.json):
// one "sampled" profile per stretch of time, each sample a stack with a weight in milliseconds,
// frames shared between profiles and carrying their file and line, so a stall reads as a flame
// graph in speedscope (and in any viewer of the format).
class SpeedscopeProfile
{
public:
    explicit SpeedscopeProfile(const QString &name) : m_name(name) { }

    // A new profile; the samples added next belong to it. Times in milliseconds.
    void beginProfile(const QString &name, double startMs, double endMs);
    // `stack` innermost first, as a StackFrame list is.
    void addSample(const Stack &stack, double weightMs);
    int profileCount() const { return int(m_profiles.size()); }

    QJsonObject toJson() const;
    bool save(const QString &path, QString *error) const;

private:
    int frameIndex(const StackFrame &frame);

    struct Profile
    {
        QString name;
        double startMs;
        double endMs;
        QJsonArray samples;
        QJsonArray weights;
    };
    QString m_name;
    QJsonArray m_frames;
    QHash<QString, int> m_frameIndex; // by name, file and line
    QList<Profile> m_profiles;
};

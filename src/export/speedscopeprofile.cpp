#include <export/speedscopeprofile.h>
#include <export/savefile.h>

using namespace Qt::StringLiterals;

void SpeedscopeProfile::beginProfile(const QString &name, double startMs, double endMs)
{
    m_profiles.append({ name, startMs, endMs, {}, {} });
}

int SpeedscopeProfile::frameIndex(const StackFrame &frame)
{
    // An unnamed frame is still a place: its module and address say where.
    const QString name = !frame.function.isEmpty()
            ? frame.shortFunction()
            : u"%1+0x%2"_s.arg(frame.module.isEmpty() ? u"?"_s : frame.module)
                      .arg(frame.address, 0, 16);
    const QString key = u"%1\n%2\n%3"_s.arg(name, frame.file).arg(frame.line);
    if (const auto it = m_frameIndex.constFind(key); it != m_frameIndex.cend())
        return *it;
    QJsonObject json { { u"name"_s, name } };
    if (!frame.file.isEmpty())
        json.insert(u"file"_s, frame.path.isEmpty() ? frame.file : frame.path);
    if (frame.line > 0)
        json.insert(u"line"_s, frame.line);
    const int index = int(m_frames.size());
    m_frames.append(json);
    m_frameIndex.insert(key, index);
    return index;
}

void SpeedscopeProfile::addSample(const Stack &stack, double weightMs)
{
    if (m_profiles.isEmpty() || stack.isEmpty())
        return;
    QJsonArray sample; // speedscope lists a stack outermost first
    for (auto it = stack.crbegin(); it != stack.crend(); ++it)
        sample.append(frameIndex(*it));
    m_profiles.last().samples.append(sample);
    m_profiles.last().weights.append(weightMs);
}

QJsonObject SpeedscopeProfile::toJson() const
{
    QJsonArray profiles;
    for (const Profile &profile : m_profiles) {
        profiles.append(QJsonObject { { u"type"_s, u"sampled"_s },
                                      { u"name"_s, profile.name },
                                      { u"unit"_s, u"milliseconds"_s },
                                      { u"startValue"_s, profile.startMs },
                                      { u"endValue"_s, profile.endMs },
                                      { u"samples"_s, profile.samples },
                                      { u"weights"_s, profile.weights } });
    }
    return { { u"$schema"_s, u"https://www.speedscope.app/file-format-schema.json"_s },
             { u"name"_s, m_name },
             { u"exporter"_s, QStringLiteral("AsyncLab " ASYNCLAB_VERSION) },
             { u"activeProfileIndex"_s, 0 },
             { u"profiles"_s, profiles },
             { u"shared"_s, QJsonObject { { u"frames"_s, m_frames } } } };
}

bool SpeedscopeProfile::save(const QString &path, QString *error) const
{
    return saveJsonFile(path, toJson(), error);
}

#include <windows/offscreentyping.h>
#include <widgets/inputlatencyprobe.h>
#include <engine/scenariorunner.h>

#include <QLineEdit>

OffscreenTyping::OffscreenTyping()
    : m_field(std::make_unique<QLineEdit>()), m_probe(std::make_unique<InputLatencyProbe>())
{
    // Shown, so it handles key presses as a field on screen does; main() picked the offscreen
    // platform, so nothing appears.
    m_field->show();
    m_probe->setTarget(m_field.get());
}

OffscreenTyping::~OffscreenTyping()
{
    m_probe->stop(); // joins the posting thread before the field goes
}

void OffscreenTyping::start()
{
    m_field->clear();
    m_probe->clear();
    m_probe->start();
}

void OffscreenTyping::stop()
{
    m_probe->stop();
}

void OffscreenTyping::measure(ScenarioRun &run) const
{
    const InputLatencyProbe::Stats keys = m_probe->statsBetween(run.startMs, run.endMs);
    run.keyPresses = keys.presses;
    run.keyLatencyMaxMs = keys.maxMs;
    run.keyLatencyMedianMs = keys.medianMs;
}

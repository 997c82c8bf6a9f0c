#pragma once

#include <cli/commandrunner.h>

#include <memory>

class InputLatencyProbe;
class QLineEdit;

// Key presses typed into a text field no one sees, for a comparison run without a window: the
// same probe and the same field as the Compare view's, so both report the same figures.
class OffscreenTyping : public KeyPressMeter
{
public:
    OffscreenTyping();
    ~OffscreenTyping() override;

    void start() override;
    void stop() override;
    void measure(ScenarioRun &run) const override;

private:
    std::unique_ptr<QLineEdit> m_field;
    std::unique_ptr<InputLatencyProbe> m_probe;
};

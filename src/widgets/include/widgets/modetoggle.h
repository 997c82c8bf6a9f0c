#pragma once

#include <engine/runmode.h>

#include <QWidget>

#include <optional>

// The Blocking / Async switch: two big segments, the current one filled with its mode colour.
// Click a segment, or use Space (toggle) and the arrow keys.
class ModeToggle : public QWidget
{
    Q_OBJECT
public:
    explicit ModeToggle(QWidget *parent = nullptr);

    RunMode mode() const { return m_mode; }
    void setMode(RunMode mode); // emits modeChanged() only when the mode changes

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void modeChanged(RunMode mode);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QRectF segmentRect(RunMode mode) const;
    std::optional<RunMode> modeAt(const QPointF &pos) const;
    void paintSegment(QPainter &painter, RunMode mode) const;
    void updateAccessibleText();

    RunMode m_mode = RunMode::Async;
    std::optional<RunMode> m_pressed;
    std::optional<RunMode> m_hovered;
};

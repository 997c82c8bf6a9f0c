#pragma once

#include <QList>
#include <QPixmap>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class ResponsivenessMonitor;
struct LagSample;

// A 60 fps animation driven by a timer on the GUI thread: while the GUI thread is blocked it
// stands still, and the frames it should have drawn meanwhile are counted as missed.
class HeartbeatWidget : public QWidget
{
    Q_OBJECT
public:
    static constexpr double FramePeriodMs = 1000.0 / 60;

    explicit HeartbeatWidget(QWidget *parent = nullptr);

    qint64 frameCount() const { return m_frames; }
    qint64 framesMissed() const { return m_missed; }
    // The latest freeze: the monitor's measure of it when there is a monitor, so the heartbeat
    // shows the number the log and the Stalls list show; else the longest gap between frames.
    double lastFreezeMs() const { return m_lastFreezeMs; }
    QString freezeText() const; // "froze 2.01 s"
    void setMonitor(ResponsivenessMonitor *monitor);
    void resetCounters();
    bool isAnimating() const { return m_timer.isActive(); } // only while shown

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void advance();
    void noteFreeze(double ms);
    void paintAnimation(QPainter &p, const QRectF &card, double textTop, bool withHeart);
    struct Track
    {
        double left = 0;
        double right = 0;
        double midY = 0;
        double radius = 0;
    };
    Track track() const; // where the ball runs
    QRect ballRect() const; // the ball and its trail at this frame
    double heartSwell() const;
    QRect heartRect() const;
    QString counterText() const;
    QRectF cardRect() const;
    QRectF textRect() const;
    QRect animationRect() const;

    QTimer m_timer;
    QPointer<ResponsivenessMonitor> m_monitor;
    double m_lastFrameMs = 0;
    qint64 m_frames = 0;
    qint64 m_missed = 0;
    double m_lastFreezeMs = 0;
    double m_lastFreezeAtMs = 0;
    QPixmap m_card; // the rounded card behind everything, drawn once per size and palette
    QString m_shownText; // the counter text as last painted
    qint64 m_shownMissed = 0;
    double m_textShownAtMs = 0;
    bool m_freezeShown = false;
    int m_shownHeartSize = -1;
    QRect m_lastBallRect;
    QList<QPixmap> m_balls; // the ball, then its trail fading out, drawn with the card
};

#pragma once

#include <stalls/stallrecord.h>

#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;

// The share of a stall that found the thread busy, waiting for a CPU, waiting in the kernel, or
// not answering, as one horizontal bar.
class StallShareBar : public QWidget
{
    Q_OBJECT
public:
    explicit StallShareBar(QWidget *parent = nullptr);
    void setShares(const StallRecord::Shares &shares);
    double busyShare() const { return m_shares.busy; }
    double cpuWaitShare() const { return m_shares.cpuWait; }
    double waitingShare() const { return m_shares.waiting; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    StallRecord::Shares m_shares;
};

// One stall explained: how long, busy or waiting on what, the culprit with file:line, the event
// that started it, the representative stack (frames outside AsyncLab dimmed) and the source lines
// around the culprit when the source tree is on this machine.
class StallCard : public QWidget
{
    Q_OBJECT
public:
    explicit StallCard(QWidget *parent = nullptr);
    void setRecord(const StallRecord &record, bool duringStartUp = false);
    void clear();
    // The card in a few lines of rich text, for a tooltip: duration, busy or waiting, the culprit
    // with file:line and the event that started it.
    static QString shortText(const StallRecord &record);
    // The card's first line, in plain words: "The window froze 2.01 s because
    // BlockingFetcher::fetch (line 36) kept the GUI thread waiting on a lock or a future."
    static QString headline(const StallRecord &record, bool duringStartUp = false);
    // Library frames in a row of at least this many are folded behind one line.
    static constexpr int FoldFrames = 3;
    // The source pane shows at least this many lines: the culprit's and the lines around it.
    static constexpr int MinSourceLines = 12;

    // Named parts, for tests.
    QLabel *headlineLabel() const { return m_headline; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *culpritLabel() const { return m_culprit; }
    QLabel *eventLabel() const { return m_event; }
    StallShareBar *shareBar() const { return m_bar; }
    QLabel *legendLabel() const { return m_legend; }
    QListWidget *stackView() const { return m_stack; }
    QPlainTextEdit *sourceView() const { return m_source; }

private:
    void showStack(const Stack &stack);
    void setTrailingStretch(int stretch);
    void unfold(QListWidgetItem *item);

    QLabel *m_headline;
    QLabel *m_summary;
    StallShareBar *m_bar;
    QLabel *m_legend; // what the bar's colours and the wait's words mean
    QLabel *m_culprit;
    QLabel *m_event;
    QListWidget *m_stack;
    QPlainTextEdit *m_source;
};

#include <widgets/stallcard.h>
#include <engine/sourceexcerpt.h>
#include <common/units.h>
#include <stalls/stallpatterns.h>
#include <stalls/stallwatchdog.h>

#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTextBlock>
#include <QVBoxLayout>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {
const QColor BusyColor(0xd6, 0x4b, 0x3c); // computing: the thread was on a CPU
const QColor CpuWaitColor(0xe8, 0xa8, 0x38); // runnable, on a run queue: no CPU was free
const QColor WaitingColor(0x3c, 0x7d, 0xd6); // asleep in the kernel
const QColor NoSampleColor(0xb0, 0xb0, 0xb0);
} // namespace

StallShareBar::StallShareBar(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Busy, waiting for a CPU and waiting shares"));
}

void StallShareBar::setShares(const StallRecord::Shares &shares)
{
    m_shares.busy = std::clamp(shares.busy, 0.0, 1.0);
    m_shares.cpuWait = std::clamp(shares.cpuWait, 0.0, 1.0 - m_shares.busy);
    m_shares.waiting = std::clamp(shares.waiting, 0.0, 1.0 - m_shares.busy - m_shares.cpuWait);
    setToolTip(tr("busy %1%, waiting for a CPU %2%, waiting %3%")
                       .arg(std::lround(m_shares.busy * 100))
                       .arg(std::lround(m_shares.cpuWait * 100))
                       .arg(std::lround(m_shares.waiting * 100)));
    update();
}

QSize StallShareBar::sizeHint() const
{
    return { 200, fontMetrics().height() / 2 + 4 };
}

void StallShareBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRectF r = rect();
    painter.fillRect(r, NoSampleColor);
    double x = r.left();
    for (const auto &[share, colour] :
         { std::pair { m_shares.busy, BusyColor }, std::pair { m_shares.cpuWait, CpuWaitColor },
           std::pair { m_shares.waiting, WaitingColor } }) {
        painter.fillRect(QRectF(x, r.top(), r.width() * share, r.height()), colour);
        x += r.width() * share;
    }
}

StallCard::StallCard(QWidget *parent)
    : QWidget(parent),
      m_headline(new QLabel(this)),
      m_summary(new QLabel(this)),
      m_bar(new StallShareBar(this)),
      m_legend(new QLabel(this)),
      m_culprit(new QLabel(this)),
      m_event(new QLabel(this)),
      m_stack(new QListWidget(this)),
      m_source(new QPlainTextEdit(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QLabel *label : { m_headline, m_summary, m_legend, m_culprit, m_event }) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_event->setTextFormat(Qt::PlainText); // signal signatures hold "<" and ">"
    m_headline->setAccessibleName(tr("In plain words"));
    QFont larger = m_headline->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.1);
    m_headline->setFont(larger);
    m_summary->setAccessibleName(tr("Stall"));
    m_legend->setAccessibleName(tr("Legend"));
    m_legend->setText(
            tr("<span style='color:%1'>\u25a0</span>&nbsp;busy: computing on a CPU &nbsp; "
               "<span style='color:%2'>\u25a0</span>&nbsp;waiting for a CPU: ready to run, but "
               "other "
               "programs had all of them &nbsp; "
               "<span style='color:%3'>\u25a0</span>&nbsp;waiting: asleep in the kernel until "
               "something arrives &nbsp; <span style='color:%4'>\u25a0</span>&nbsp;no sample")
                    .arg(BusyColor.name(), CpuWaitColor.name(), WaitingColor.name(),
                         NoSampleColor.name()));
    m_culprit->setAccessibleName(tr("Culprit"));
    m_event->setAccessibleName(tr("Started by"));
    m_stack->setAccessibleName(tr("Stack"));
    m_stack->setUniformItemSizes(true);
    m_source->setAccessibleName(tr("Source around the culprit"));
    m_source->setReadOnly(true);
    // wrapped: the comment at the end of the culprit's line is often what explains it
    // Code as it is written, one line a line; the culprit's own line is also in the culprit's
    // words above, whole and wrapped, as its comment often explains it.
    m_source->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_source->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Never squeezed below MinSourceLines: where the card has less room, its area scrolls.
    const int line = m_source->fontMetrics().lineSpacing();
    const int margins = 2 * (m_source->frameWidth() + int(m_source->document()->documentMargin()));
    m_source->setMinimumHeight(line * MinSourceLines + margins);
    m_source->setMaximumHeight(line * (MinSourceLines + 2) + margins);
    m_stack->setToolTip(tr("Innermost call first. Frames of Qt and the system libraries are "
                           "folded: click a folded line to see them."));
    connect(m_stack, &QListWidget::itemClicked, this, &StallCard::unfold);
    // What a person reads first comes first, so that a card in a small pane shows the culprit
    // and its code before it scrolls: plain words, where, the code, what started it; then the
    // measurement's parts and the whole stack.
    layout->addWidget(m_headline);
    layout->addWidget(m_culprit);
    layout->addWidget(m_source);
    layout->addWidget(m_event);
    layout->addWidget(m_summary);
    layout->addWidget(m_bar);
    layout->addWidget(m_legend);
    layout->addWidget(m_stack, 1);
    clear();
}

void StallCard::clear()
{
    m_headline->clear();
    m_summary->setText(tr("No stall yet. When the window freezes (in AsyncLab: a Blocking fetch "
                          "or load), the function that held the GUI thread appears here."));
    m_bar->setShares({});
    m_culprit->clear();
    m_event->clear();
    m_stack->clear();
    m_source->clear();
    // only the sentence: empty boxes would look like something that failed to load
    for (QWidget *part : std::initializer_list<QWidget *> { m_bar, m_legend, m_stack, m_source })
        part->hide();
}

QString StallCard::headline(const StallRecord &record, bool duringStartUp)
{
    const QString froze = tr("The window froze %1").arg(formatDuration(record.durationMs));
    if (duringStartUp) {
        return tr("%1 while AsyncLab was starting: building and first showing its window, "
                  "before you did anything. Not caused by the code you ran.")
                .arg(froze);
    }
    if (record.isCpuStarved()) {
        return tr("%1 because the machine gave %2 no CPU: other programs were running. "
                  "Not caused by the code you ran.")
                .arg(froze, record.program.isEmpty() ? u"AsyncLab"_s : record.program);
    }
    if (record.isAsyncLabsWindow()) {
        return tr("%1 while AsyncLab drew or updated its own window, which waits for the display "
                  "and the CPUs when the machine is busy. Not caused by the code you ran.")
                .arg(froze);
    }
    if (record.sampleCount == 0) {
        return tr("%1, too briefly to see where: the watchdog starts taking samples of the "
                  "stack only once the window is %2 ms late (then every %3 ms), and this freeze "
                  "was over before the first.")
                .arg(froze)
                .arg(StallWatchdog::DefaultThresholdMs)
                .arg(StallWatchdog::DefaultSampleIntervalMs);
    }
    QString what;
    if (record.busyShare >= record.waitingShare) {
        what = tr("kept the GUI thread computing");
    } else {
        switch (record.mainWait) {
        case WaitReason::LockOrFuture:
            what = tr("kept the GUI thread waiting on a lock or a future");
            break;
        case WaitReason::SocketOrFile:
            what = tr("kept the GUI thread waiting for the network or a file");
            break;
        case WaitReason::Sleep:
            what = tr("put the GUI thread to sleep");
            break;
        case WaitReason::Disk:
            what = tr("kept the GUI thread waiting for the disk");
            break;
        case WaitReason::None:
        case WaitReason::Other:
            what = tr("kept the GUI thread waiting");
            break;
        }
    }
    if (!record.culprit.isKnown())
        return tr("%1 because code in Qt or a system library %2.").arg(froze, what);
    if (record.culprit.line <= 0) // an executable without line tables
        return tr("%1 because %2 %3.").arg(froze, record.culprit.function, what);
    return tr("%1 because %2 (line %3) %4.")
            .arg(froze, record.culprit.function, QString::number(record.culprit.line), what);
}

namespace {
// " at src/file.cpp:37", " in src/file.cpp", " in libfreeze.so" (no line tables), or nothing:
// only what is known of where it is; then what it waited in and the own code that called it.
QString placeHtml(const StallRecord &record)
{
    const StallCulprit &culprit = record.culprit;
    QString place;
    if (culprit.file.isEmpty() && !culprit.module.isEmpty())
        place = StallCard::tr(" in %1").arg(culprit.module.toHtmlEscaped());
    else if (!culprit.file.isEmpty() && culprit.line <= 0)
        place = StallCard::tr(" in %1").arg(culprit.file.toHtmlEscaped());
    else if (!culprit.file.isEmpty())
        place = StallCard::tr(" at %1:%2").arg(culprit.file.toHtmlEscaped()).arg(culprit.line);
    if (!culprit.call.isEmpty()) {
        place += (record.waitingShare > record.busyShare ? StallCard::tr(", waiting in %1")
                                                         : StallCard::tr(", busy in %1"))
                         .arg(culprit.call.toHtmlEscaped());
    }
    if (!culprit.callers.isEmpty()) {
        place += StallCard::tr(", called from %1")
                         .arg(culprit.callers.join(u" \u2190 "_s).toHtmlEscaped());
    }
    return place;
}

// A signature such as "selectionChanged(QItemSelection,QItemSelection)" has no space to wrap at:
// zero-width spaces after its commas, parentheses and scopes let a narrow card wrap it.
QString breakable(QString text)
{
    static const QRegularExpression after(u"([,(]|::)(?=\\S)"_s);
    return text.replace(after, u"\\1\u200b"_s);
}

// "Why: waiting for a process: react to QProcess::finished() ...", or nothing.
QString whyHtml(const StallRecord &record)
{
    if (record.pattern.isEmpty() || record.pattern == u"no-cpu")
        return {};
    return StallCard::tr("<br>Why: %1")
            .arg(StallPatterns::sentence(record.pattern).toHtmlEscaped());
}
} // namespace

QString StallCard::shortText(const StallRecord &record)
{
    QString text =
            tr("<b>Froze %1</b> — %2")
                    .arg(formatDuration(record.durationMs), record.activityText().toHtmlEscaped());
    text += record.isCpuStarved()
            ? tr("<br>No culprit in the program: %1").arg(record.cpuCauseText().toHtmlEscaped())
            : record.sampleCount == 0 ? tr("<br>Too short to see where")
            : record.culprit.isKnown()
            ? tr("<br>In <b>%1</b>%2")
                      .arg(record.culprit.function.toHtmlEscaped(), placeHtml(record))
            : tr("<br>Only in library code (Qt or the system)");
    if (!record.handlerText().isEmpty())
        text += tr("<br>Started by %1").arg(record.handlerText().toHtmlEscaped());
    return text + tr("<br><i>Click for the stack and the source lines.</i>");
}

void StallCard::setRecord(const StallRecord &record, bool duringStartUp)
{
    for (QWidget *part : std::initializer_list<QWidget *> { m_bar, m_legend, m_stack })
        part->show();
    m_headline->setText(headline(record, duringStartUp));
    const QString samples = record.unansweredCount > 0
            ? tr("%n sample(s), %1 with no answer", nullptr, record.sampleCount)
                      .arg(numberLocale().toString(record.unansweredCount))
            : tr("%n sample(s)", nullptr, record.sampleCount);
    m_summary->setText(tr("<b>Froze %1</b> — %2 (%3)")
                               .arg(formatDuration(record.durationMs),
                                    record.activityText().toHtmlEscaped(), samples));
    QString legend = m_legend->text().section(u"<br>"_s, 0, 0);
    if (!record.isCpuStarved() && record.waitingShare > record.busyShare
        && record.mainWait == WaitReason::LockOrFuture) {
        legend += tr("<br><i>futex</i>: the kernel call a thread sleeps in while it waits for a "
                     "mutex, a condition or a future's result (<code>QFuture::result()</code>, "
                     "<code>waitForFinished()</code>).");
    }
    m_legend->setText(legend);
    m_bar->setShares(record.shares());
    if (record.isCpuStarved()) {
        m_culprit->setText(tr("No culprit in the program: %1 (other programs were running).")
                                   .arg(record.cpuCauseText().toHtmlEscaped()));
    } else if (record.culprit.isKnown()) {
        m_culprit->setText(
                tr("In <b>%1</b>%2, in %3% of the samples")
                        .arg(record.culprit.function.toHtmlEscaped(), placeHtml(record),
                             numberLocale().toString(std::lround(record.culprit.share * 100))));
    } else if (record.sampleCount == 0) {
        m_culprit->setText(tr("Where is not known: no sample of this freeze was taken."));
    } else {
        m_culprit->setText(tr("Not in the program's own code: the stack below shows where."));
    }
    // What to change is said only of the code a person ran, never of AsyncLab's own.
    if (!duringStartUp && !record.isAsyncLabsWindow())
        m_culprit->setText(m_culprit->text() + whyHtml(record));
    if (!record.handlerText().isEmpty())
        m_event->setText(tr("Started by %1").arg(breakable(record.handlerText())));
    else if (record.eventsTimed)
        m_event->setText(tr("Not inside an event handler."));
    else
        m_event->setText(tr(
                "Which event started it is not known: only AsyncLab times the events it handles."));

    showStack(record.stack);

    const SourceExcerpt excerpt = SourceExcerpt::read(record.culprit.path, record.culprit.line);
    if (excerpt.found) {
        QString text;
        for (int i = 0; i < excerpt.lines.size(); ++i) {
            const int number = excerpt.firstLine + int(i);
            text += u"%1 %2  %3\n"_s.arg(number == excerpt.focusLine ? u"▶"_s : u" "_s)
                            .arg(number, 4)
                            .arg(excerpt.lines.at(i));
        }
        text.chop(1);
        m_source->setPlainText(text);
        const QString line = excerpt.lines.value(excerpt.focusLine - excerpt.firstLine).trimmed();
        if (!line.isEmpty()) {
            m_culprit->setText(m_culprit->text()
                               + tr("<br>Line %1: <code>%2</code>")
                                         .arg(numberLocale().toString(excerpt.focusLine),
                                              line.toHtmlEscaped()));
        }
        // the culprit's line in view when the card is short of room
        QTextCursor cursor(
                m_source->document()->findBlockByNumber(excerpt.focusLine - excerpt.firstLine));
        m_source->setTextCursor(cursor);
        m_source->centerCursor();
    } else if (record.culprit.isKnown() && !record.culprit.path.isEmpty()) {
        m_source->setPlainText(tr("The source file is not on this machine (looked for %1); the "
                                  "culprit's name and line above come from the executable.")
                                       .arg(record.culprit.path));
    } else if (record.culprit.isKnown()) {
        m_source->setPlainText(tr("The executable names no source file for this function (it "
                                  "was built without debug line tables, or stripped)."));
    } else {
        m_source->clear();
    }
    // no culprit, no code to show: the pane's room goes to the stack
    m_source->setVisible(!m_source->document()->isEmpty());
}

void StallCard::showStack(const Stack &stack)
{
    // Own frames one a line; a run of library frames (Qt's event dispatch, glib) one folded line
    // that holds them, since a beginner looks for their own code first.
    m_stack->clear();
    const QColor dimmed = palette().color(QPalette::PlaceholderText);
    const auto addFrame = [&](const StackFrame &frame) {
        auto *item = new QListWidgetItem(frame.location(), m_stack);
        item->setToolTip(frame.function);
        if (!frame.own)
            item->setForeground(dimmed);
    };
    for (qsizetype i = 0; i < stack.size();) {
        qsizetype end = i;
        while (end < stack.size() && !stack.at(end).own)
            ++end;
        if (end - i < FoldFrames) {
            addFrame(stack.at(i++));
            continue;
        }
        QStringList modules;
        QVariantList frames;
        for (qsizetype j = i; j < end; ++j) {
            const QString module = stack.at(j).module.section(u".so"_s, 0, 0);
            if (!module.isEmpty() && !modules.contains(module))
                modules.append(module);
            frames.append(QVariant::fromValue(stack.at(j).location()));
        }
        auto *folded = new QListWidgetItem(tr("\u25b8 %1 frames in libraries (%2): click to show")
                                                   .arg(end - i)
                                                   .arg(modules.join(u", "_s)),
                                           m_stack);
        folded->setData(Qt::UserRole, frames);
        folded->setForeground(dimmed);
        i = end;
    }
}

void StallCard::unfold(QListWidgetItem *item)
{
    const QVariantList frames = item->data(Qt::UserRole).toList();
    if (frames.isEmpty())
        return;
    const int row = m_stack->row(item);
    const QColor dimmed = palette().color(QPalette::PlaceholderText);
    delete m_stack->takeItem(row);
    for (qsizetype i = 0; i < frames.size(); ++i) {
        auto *frame = new QListWidgetItem(frames.at(i).toString());
        frame->setForeground(dimmed);
        m_stack->insertItem(row + int(i), frame);
    }
}

#include <windows/learnwindow.h>
#include <widgets/heartbeatwidget.h>
#include <engine/lab.h>
#include <common/units.h>

#include <learn/glossary.h>
#include <learn/lessonrunner.h>

#include <QButtonGroup>
#include <QCloseEvent>
#include <QCursor>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QToolTip>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
int languageIndex(ScriptLanguage language)
{
    return language == ScriptLanguage::JavaScript ? 0 : 1;
}

QPlainTextEdit *codeView(QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setReadOnly(true);
    // Wrapped, as in the gallery: every line can be read without scrolling sideways.
    view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    view->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return view;
}

QString exploreButtonText(const Lesson &lesson)
{
    switch (lesson.place) {
    case LessonPlace::MainWindow:
        return LearnWindow::tr("Try it in the main window");
    case LessonPlace::Compare:
        return LearnWindow::tr("Try it in Compare");
    case LessonPlace::Gallery:
        return LearnWindow::tr("Try it in the gallery");
    case LessonPlace::Watch:
        return LearnWindow::tr("Watch a program…");
    }
    return {};
}

QString markText(Judgment::Mark mark)
{
    switch (mark) {
    case Judgment::Mark::Right:
        return LearnWindow::tr("right");
    case Judgment::Mark::Wrong:
        return LearnWindow::tr("wrong");
    case Judgment::Mark::Ambiguous:
        break;
    }
    return LearnWindow::tr("unclear");
}

QString markSymbol(std::optional<Judgment::Mark> mark)
{
    if (!mark)
        return u"   "_s;
    switch (*mark) {
    case Judgment::Mark::Right:
        return u"✓ "_s;
    case Judgment::Mark::Wrong:
        return u"✗ "_s;
    case Judgment::Mark::Ambiguous:
        break;
    }
    return u"? "_s;
}
} // namespace

LearnWindow::LearnWindow(Lab *lab, QWidget *parent)
    : QWidget(parent, Qt::Window),
      m_lab(lab),
      m_runner(new LessonRunner(lab, this)),
      m_script(new LessonScript(this))
{
    setWindowTitle(tr("Learn AsyncLab"));
    setObjectName(u"learnWindow"_s);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(createLessonList());
    splitter->addWidget(createLessonPane());
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(splitter);

    connect(m_runner, &LessonRunner::progress, m_status, &QLabel::setText);
    connect(m_runner, &LessonRunner::finished, this, &LearnWindow::showResult);
    connect(m_script, &LessonScript::finished, this, [this](const ScriptResult &result) {
        const int i = languageIndex(m_scriptLanguage);
        m_scriptStatus[i]->setText(result.ok ? tr("%1 printed this in %2:")
                                                       .arg(scriptLanguageName(m_scriptLanguage),
                                                            formatDuration(result.elapsedMs))
                                             : tr("%1 failed after %2:")
                                                       .arg(scriptLanguageName(m_scriptLanguage),
                                                            formatDuration(result.elapsedMs)));
        m_scriptOutput[i]->setPlainText(result.output.trimmed());
        m_scriptOutput[i]->show();
        updateButtons();
    });

    resize(sizeHint());
    showLesson(m_progress.current());
}

LearnWindow::~LearnWindow() = default;

QSize LearnWindow::sizeHint() const
{
    // Fits a 1366x768 screen with its panel and title bar.
    QSize size(1240, 680);
    if (const QScreen *screen = this->screen())
        size = size.boundedTo(screen->availableSize() - QSize(20, 40));
    return size;
}

QWidget *LearnWindow::createLessonList()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *heading = new QLabel(tr("<b>Lessons</b>"), pane);
    m_list = new QListWidget(pane);
    m_list->setObjectName(u"lessonList"_s);
    m_list->setAccessibleName(tr("Lessons"));
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row + 1 != m_lesson.number)
            showLesson(row + 1);
    });
    m_done = new QLabel(pane);
    m_done->setWordWrap(true);
    auto *reset = new QPushButton(tr("Start over…"), pane);
    reset->setToolTip(tr("Forget every answer and go back to the first lesson"));
    connect(reset, &QPushButton::clicked, this, &LearnWindow::askReset);
    layout->addWidget(heading);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_done);
    layout->addWidget(reset);
    // Wide enough for most titles on one line; a longer one wraps.
    m_list->setWordWrap(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    pane->setMinimumWidth(
            m_list->fontMetrics().horizontalAdvance(u"✓ 10  The same wait, with the window alive"_s)
            + 3 * m_list->frameWidth() + 8);
    return pane;
}

QWidget *LearnWindow::createLessonPane()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(4, 0, 0, 0);

    auto *header = new QHBoxLayout;
    m_title = new QLabel(pane);
    m_title->setObjectName(u"lessonTitle"_s);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_heartbeat = new HeartbeatWidget(pane);
    m_heartbeat->setToolTip(Glossary::tooltip(u"heartbeat"_s));
    header->addWidget(m_title, 1);
    header->addWidget(m_heartbeat);
    layout->addLayout(header);

    m_question = new QLabel(pane);
    m_question->setObjectName(u"question"_s);
    m_question->setWordWrap(true);
    m_question->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_question);
    m_choiceLayout = new QVBoxLayout;
    m_choiceLayout->setSpacing(2);
    layout->addLayout(m_choiceLayout);
    m_choices = new QButtonGroup(this);
    connect(m_choices, &QButtonGroup::idClicked, this, &LearnWindow::updateButtons);

    auto *runRow = new QHBoxLayout;
    m_run = new QPushButton(tr("Run and check"), pane);
    m_run->setObjectName(u"runLesson"_s);
    m_run->setDefault(true);
    connect(m_run, &QPushButton::clicked, this, &LearnWindow::run);
    m_status = new QLabel(pane);
    m_status->setObjectName(u"lessonStatus"_s);
    // A demo's progress lines can be long: cut, never widening the window.
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    runRow->addWidget(m_run);
    runRow->addWidget(m_status, 1);
    layout->addLayout(runRow);

    m_verdict = new QLabel(pane);
    m_verdict->setObjectName(u"verdict"_s);
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_verdict);

    // The idea beside its code: side by side, so neither needs scrolling on a laptop screen.
    auto *split = new QSplitter(Qt::Horizontal, pane);
    m_explanation = new QTextBrowser(split);
    m_explanation->setObjectName(u"explanation"_s);
    m_explanation->setOpenLinks(false);
    connect(m_explanation, &QTextBrowser::anchorClicked, this, &LearnWindow::showTerm);
    connect(m_explanation, &QTextBrowser::highlighted, this, [this](const QUrl &link) {
        if (link.scheme() == "term"_L1)
            QToolTip::showText(QCursor::pos(), Glossary::tooltip(link.path()), m_explanation);
    });
    split->addWidget(m_explanation);
    split->addWidget(createCodeTabs());
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);

    auto *buttons = new QHBoxLayout;
    m_explore = new QPushButton(pane);
    m_explore->setObjectName(u"explore"_s);
    connect(m_explore, &QPushButton::clicked, this, [this] {
        emit exploreRequested(m_lesson);
        m_status->setText(tr("F1 brings you back to the course from any window; Ctrl+W "
                             "closes the one you opened."));
    });
    m_previous = new QPushButton(tr("Previous"), pane);
    connect(m_previous, &QPushButton::clicked, this, [this] { showLesson(m_lesson.number - 1); });
    m_next = new QPushButton(tr("Next"), pane);
    m_next->setObjectName(u"nextLesson"_s);
    connect(m_next, &QPushButton::clicked, this, [this] { showLesson(m_lesson.number + 1); });
    buttons->addWidget(m_explore);
    buttons->addStretch();
    buttons->addWidget(m_previous);
    buttons->addWidget(m_next);
    layout->addLayout(buttons);
    return pane;
}

QWidget *LearnWindow::createCodeTabs()
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"codeTabs"_s);
    auto *cpp = new QWidget(m_tabs);
    auto *cppLayout = new QVBoxLayout(cpp);
    cppLayout->setContentsMargins(0, 0, 0, 0);
    m_cppWhere = new QLabel(cpp);
    m_cppWhere->setWordWrap(true);
    m_cpp = codeView(cpp);
    cppLayout->addWidget(m_cppWhere);
    cppLayout->addWidget(m_cpp, 1);
    m_tabs->addTab(cpp, tr("C++ / Qt"));
    m_tabs->addTab(createScriptTab(ScriptLanguage::JavaScript, &m_js), tr("JavaScript"));
    m_tabs->addTab(createScriptTab(ScriptLanguage::Python, &m_py), tr("Python"));
    m_glossary = new QTextBrowser(m_tabs);
    m_glossary->setObjectName(u"glossary"_s);
    m_glossary->setHtml(Glossary::html());
    m_tabs->addTab(m_glossary, tr("Glossary"));
    return m_tabs;
}

QWidget *LearnWindow::createScriptTab(ScriptLanguage language, QPlainTextEdit **code)
{
    const int i = languageIndex(language);
    auto *tab = new QWidget(m_tabs);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 0, 0, 0);
    *code = codeView(tab);
    auto *row = new QHBoxLayout;
    const QString interpreter = LessonScript::interpreter(language);
    m_hasInterpreter[i] = !interpreter.isEmpty();
    m_runScript[i] = new QPushButton(tab);
    m_runScript[i]->setObjectName(language == ScriptLanguage::JavaScript ? u"runJavaScript"_s
                                                                         : u"runPython"_s);
    m_runScript[i]->setText(language == ScriptLanguage::JavaScript ? tr("Run it with node")
                                                                   : tr("Run it with python3"));
    m_runScript[i]->setToolTip(
            interpreter.isEmpty()
                    ? tr("Not installed on this machine")
                    : tr("Runs %1 against AsyncLab's built-in server, beside the C++ run")
                              .arg(interpreter));
    connect(m_runScript[i], &QPushButton::clicked, this, [this, language] { runScript(language); });
    m_scriptStatus[i] = new QLabel(tab);
    row->addWidget(m_runScript[i]);
    row->addWidget(m_scriptStatus[i], 1);
    m_scriptOutput[i] = codeView(tab);
    m_scriptOutput[i]->setMaximumHeight(m_scriptOutput[i]->fontMetrics().lineSpacing() * 5 + 12);
    layout->addWidget(*code, 1);
    layout->addLayout(row);
    layout->addWidget(m_scriptOutput[i]);
    return tab;
}

void LearnWindow::showLesson(int number)
{
    const Lesson *lesson = Course::find(number);
    if (!lesson || m_runner->isRunning())
        return;
    m_script->cancel();
    m_lesson = *lesson;
    m_checked = false;
    m_progress.setCurrent(number);
    m_title->setText(tr("Lesson %1 of %2: %3").arg(number).arg(Course::size()).arg(lesson->title));
    m_question->setText(lesson->question);
    showChoices();
    m_verdict->clear();
    if (m_progress.mark(lesson->id)) {
        // Predicted and checked before: the explanation stays readable.
        m_status->setText(tr("Done before. To measure again, pick an answer and run it; your first "
                             "prediction is the one that counts."));
        showExplanation();
    } else {
        m_status->setText(tr("First predict: pick the answer you expect. Then run it."));
        m_explanation->setHtml(tr("<p><i>The explanation appears once your prediction has been "
                                  "checked.</i></p>")
                               + termLinks());
    }
    m_cppWhere->setText(tr("<span style='color:gray'>The code AsyncLab itself ran for this "
                           "measurement, from %1. The JavaScript and Python tabs are small "
                           "programs of their own.</span>")
                                .arg(lesson->cppLocation()));
    m_cpp->setPlainText(lesson->cppCode());
    m_js->setPlainText(lesson->javaScript());
    m_py->setPlainText(lesson->python());
    for (int i = 0; i < 2; ++i) {
        m_scriptStatus[i]->clear();
        m_scriptOutput[i]->clear();
        m_scriptOutput[i]->hide();
    }
    m_explore->setText(exploreButtonText(*lesson));
    m_explore->setToolTip(lesson->explore);
    fillList();
    updateButtons();
}

void LearnWindow::showChoices()
{
    for (QAbstractButton *button : m_choices->buttons()) {
        m_choices->removeButton(button);
        delete button;
    }
    for (int i = 0; i < m_lesson.choices.size(); ++i) {
        auto *choice = new QRadioButton(m_lesson.choices[i], m_question->parentWidget());
        choice->setObjectName(u"choice%1"_s.arg(i));
        m_choices->addButton(choice, i);
        m_choiceLayout->addWidget(choice);
    }
}

void LearnWindow::fillList()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const Lesson &lesson : Course::lessons()) {
        const auto mark = m_progress.mark(lesson.id);
        auto *item = new QListWidgetItem(
                u"%1%2  %3"_s.arg(markSymbol(mark)).arg(lesson.number).arg(lesson.title), m_list);
        if (mark)
            item->setToolTip(tr("Your first prediction was %1").arg(markText(*mark)));
    }
    m_list->setCurrentRow(m_lesson.number - 1);
    m_done->setText(tr("%1 of %2 lessons done, %3 predicted right")
                            .arg(m_progress.doneCount())
                            .arg(Course::size())
                            .arg(m_progress.rightCount()));
}

void LearnWindow::run()
{
    if (m_choices->checkedId() < 0 || m_runner->isRunning())
        return;
    m_verdict->clear();
    m_status->setText(m_lesson.mode == RunMode::Blocking && m_lesson.measure == LessonMeasure::Fetch
                              ? tr("Running in Blocking mode: this window freezes too. Watch the "
                                   "heartbeat.")
                              : tr("Running…"));
    m_runner->run(m_lesson);
    updateButtons();
}

void LearnWindow::showResult(const LessonResult &result)
{
    if (!result.ok) {
        m_status->setText(tr("The measurement could not run."));
        m_verdict->setText(
                u"<span style='color:#c0392b'>%1</span>"_s.arg(result.error.toHtmlEscaped()));
        updateButtons();
        return;
    }
    const Judgment &judgment = result.judgment;
    const int chosen = m_choices->checkedId();
    const Judgment::Mark mark = judgment.mark(chosen);
    m_checked = true;
    const Judgment::Mark kept = m_progress.record(m_lesson.id, mark);
    const QString predicted = m_lesson.choices.value(chosen).toHtmlEscaped();
    QString verdict;
    switch (mark) {
    case Judgment::Mark::Right:
        verdict = tr("<span style='color:#1e8449'><b>Right.</b></span> You predicted “%1”, and "
                     "the measurement agrees.")
                          .arg(predicted);
        break;
    case Judgment::Mark::Wrong:
        verdict = tr("<span style='color:#c0392b'><b>Not this time.</b></span> You predicted "
                     "“%1”; the measurement makes “%2” right.")
                          .arg(predicted, m_lesson.choices.value(judgment.right).toHtmlEscaped());
        break;
    case Judgment::Mark::Ambiguous:
        verdict = tr("<span style='color:#b9770e'><b>Unclear this time</b></span> (not a "
                     "wrong answer: this run cannot tell). %1")
                          .arg(judgment.note.toHtmlEscaped());
        break;
    }
    if (kept != mark && mark != Judgment::Mark::Ambiguous)
        verdict += u" "_s
                + tr("Your first prediction for this lesson was %1, and that is what the score "
                     "keeps.")
                          .arg(markText(kept));
    m_verdict->setText(u"%1<br>%2"_s.arg(verdict, judgment.measured.toHtmlEscaped()));
    // Only a fetch runs in a mode of the lesson's choosing; a demo or watch has its own.
    const bool hasMode =
            m_lesson.measure == LessonMeasure::Fetch || m_lesson.measure == LessonMeasure::Fetches;
    m_status->setText(hasMode ? tr("Measured in %1 mode.").arg(runModeName(result.mode))
                              : tr("Measured."));
    showExplanation();
    fillList();
    if (m_progress.doneCount() == Course::size() && m_lesson.number == Course::size()) {
        m_status->setText(tr("That was the last lesson: the course is done, %1 of %2 predicted "
                             "right. Every lesson stays here to run again.")
                                  .arg(m_progress.rightCount())
                                  .arg(Course::size()));
    }
    updateButtons();
    emit lessonChecked(m_lesson.number, mark);
}

void LearnWindow::showExplanation()
{
    m_explanation->setHtml(m_lesson.explanation + u"<p>"_s
                           + tr("<b>Try more:</b> %1").arg(m_lesson.explore.toHtmlEscaped())
                           + u"</p>"_s + termLinks());
}

void LearnWindow::runScript(ScriptLanguage language)
{
    m_scriptLanguage = language;
    const int i = languageIndex(language);
    m_scriptStatus[i]->setText(tr("Running…"));
    m_scriptOutput[i]->clear();
    m_script->run(m_lesson, language, m_lab->server().baseUrl());
    updateButtons();
}

void LearnWindow::showTerm(const QUrl &link)
{
    if (link.scheme() != "term"_L1)
        return;
    m_tabs->setCurrentWidget(m_glossary);
    m_glossary->scrollToAnchor(link.path());
}

QString LearnWindow::termLinks() const
{
    QStringList links;
    for (const QString &id : m_lesson.terms) {
        if (const GlossaryTerm *term = Glossary::find(id))
            links.append(u"<a href=\"term:%1\">%2</a>"_s.arg(id, term->term.toHtmlEscaped()));
    }
    return links.isEmpty()
            ? QString()
            : u"<p>"_s + tr("Words in this lesson: %1").arg(links.join(u", "_s)) + u"</p>"_s;
}

void LearnWindow::askReset()
{
    if (QMessageBox::question(this, tr("Start over"),
                              tr("Forget every answer and go back to the first lesson?"))
        == QMessageBox::Yes)
        resetProgress();
}

void LearnWindow::resetProgress()
{
    m_progress.reset();
    showLesson(1);
}

void LearnWindow::updateButtons()
{
    const bool running = m_runner->isRunning();
    m_run->setEnabled(!running && m_choices->checkedId() >= 0);
    m_run->setText(m_checked ? tr("Run again") : tr("Run and check"));
    m_run->setToolTip(m_choices->checkedId() < 0 ? tr("Pick a prediction first") : QString());
    // The code (its comments) would give the answer away: it opens once the prediction is
    // checked, or for a lesson done before.
    const bool predicted = m_checked || m_progress.mark(m_lesson.id).has_value();
    for (int i = 0; i < 3; ++i) {
        m_tabs->setTabEnabled(i, predicted);
        m_tabs->setTabToolTip(i,
                              predicted ? QString()
                                        : tr("Opens once your prediction has been checked: "
                                             "the code would give the answer away"));
    }
    if (!predicted && m_tabs->currentIndex() < 3)
        m_tabs->setCurrentWidget(m_glossary);
    m_previous->setEnabled(!running && m_lesson.number > 1);
    m_next->setEnabled(!running && m_lesson.number < Course::size());
    m_list->setEnabled(!running);
    for (const auto language : { ScriptLanguage::JavaScript, ScriptLanguage::Python }) {
        const int i = languageIndex(language);
        m_runScript[i]->setEnabled(!m_script->isRunning() && m_hasInterpreter[i]);
    }
}

void LearnWindow::closeEvent(QCloseEvent *event)
{
    m_runner->cancel();
    m_script->cancel();
    QWidget::closeEvent(event);
}

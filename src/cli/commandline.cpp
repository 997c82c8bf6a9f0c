#include <cli/commandline.h>
#include <common/oneline.h>
#include <common/units.h>
#include <demos/demoregistry.h>
#include <engine/lab.h>
#include <engine/scenario.h>

#include <learn/lesson.h>

#include <QCommandLineParser>
#include <climits>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

// Every option: its name, the name of its value (none for a switch) and its help, whose %1 and
// %2 fill() completes.
struct OptionRow
{
    const char *name;
    const char *valueName;
    const char *help;
    QString (*fill)(const QString &help) = nullptr;
};

QString scenarioNames()
{
    QStringList names;
    for (const Scenario &s : Scenario::builtIn())
        names.append(s.name);
    return names.join(u", "_s);
}

constexpr OptionRow optionTable[] = {
    { "mode", "blocking|async",
      QT_TRANSLATE_NOOP("CommandLine", "Run jobs in blocking or async mode (default: async).") },
    { "port", "N",
      QT_TRANSLATE_NOOP("CommandLine",
                        "Port of the embedded server on 127.0.0.1 (default: a free one).") },
    { "max-connections", "n",
      QT_TRANSLATE_NOOP("CommandLine",
                        "Connections the embedded server holds at once; more are answered 503 "
                        "(default: the open-file limit, raised to the hard limit, less 256).") },
    { "serve", nullptr,
      QT_TRANSLATE_NOOP("CommandLine", "Run only the embedded server and print its URL.") },
    { "fetch", "URL",
      QT_TRANSLATE_NOOP("CommandLine",
                        "Fetch URL (or an embedded route such as /bytes/1048576), print the "
                        "result; gives up after %1."),
      [](const QString &help) {
          return help.arg(formatDuration(Lab::defaultFetchOptions().deadlineMs));
      } },
    { "load", "FILE",
      QT_TRANSLATE_NOOP("CommandLine",
                        "Load FILE (hash, count bytes and lines), print the result.") },
    { "compare", nullptr,
      QT_TRANSLATE_NOOP("CommandLine",
                        "Run a scenario in blocking then async mode and print the figures.") },
    { "scenario", "NAME",
      QT_TRANSLATE_NOOP("CommandLine", "Scenario for --compare: %1 (default: %2)."),
      [](const QString &help) { return help.arg(scenarioNames(), Scenario::defaultName()); } },
    { "screenshot", "FILE",
      QT_TRANSLATE_NOOP("CommandLine",
                        "Save a picture of the window to FILE after the job, scenario or delay, "
                        "then quit.") },
    { "screenshot-delay", "MS",
      QT_TRANSLATE_NOOP("CommandLine",
                        "Milliseconds to wait before --screenshot when nothing runs (default: "
                        "1500).") },
    { "screenshot-at", "MS",
      QT_TRANSLATE_NOOP("CommandLine",
                        "With --fetch or --load: take the --screenshot MS after the job starts, "
                        "while it runs.") },
    { "out", "DIR",
      QT_TRANSLATE_NOOP("CommandLine",
                        "With --compare: write compare.csv, compare.json and PNGs of the charts "
                        "to DIR.") },
    { "demo", "NAME",
      QT_TRANSLATE_NOOP("CommandLine",
                        "Run concept demo NAME without a window and print what it measured; "
                        "\"list\" names them.") },
    { "variant", "N",
      QT_TRANSLATE_NOOP("CommandLine",
                        "With --demo: run the demo's variant N (1, 2, ...), as chosen beside Run "
                        "in the gallery.") },
    { "lesson", "N",
      QT_TRANSLATE_NOOP("CommandLine",
                        "Run lesson N of the course without a window: its question, choices, what "
                        "was measured and which choice that makes right; \"list\" names them.") },
    { "predict", "N",
      QT_TRANSLATE_NOOP("CommandLine",
                        "With --lesson N: the number of the choice you predict; the report then "
                        "says whether the measurement agrees. 'asynclab --lesson list --json' "
                        "gives every question and its choices.") },
    { "delay", "MS",
      QT_TRANSLATE_NOOP("CommandLine",
                        "With --lesson: the server's delay in a lesson that fetches (default: the "
                        "lesson's).") },
    { "json", nullptr, QT_TRANSLATE_NOOP("CommandLine", "Print results as JSON.") },
    { "trace", "FILE",
      QT_TRANSLATE_NOOP("CommandLine",
                        "With --fetch, --load, --compare or --demo: write the operations, stalls "
                        "and lag to FILE in the Chrome Trace Event Format (Perfetto, "
                        "chrome://tracing, Qt Creator).") },
    { "profile", "FILE",
      QT_TRANSLATE_NOOP("CommandLine",
                        "With --fetch, --load, --compare or --demo: write the stacks of the "
                        "stalls to FILE in speedscope's format.") },
};

QCommandLineOption option(const OptionRow &row)
{
    QString help = CommandLine::tr(row.help);
    if (row.fill)
        help = row.fill(help);
    if (!row.valueName)
        return QCommandLineOption(QString::fromLatin1(row.name), help);
    QCommandLineOption option(QString::fromLatin1(row.name), help,
                              QString::fromLatin1(row.valueName));
    if (qstrcmp(row.name, "scenario") == 0)
        option.setDefaultValue(Scenario::defaultName());
    return option;
}

// Qt names the program after argv[0] (a path, or "<executable_name>" before the application
// object exists); the usage line names the command a person types.
QString helpText(const QCommandLineParser &parser)
{
    QString text = parser.helpText();
    const qsizetype options = text.indexOf(u" [options]"_s);
    const qsizetype program = options > 0 ? text.lastIndexOf(u' ', options - 1) + 1 : -1;
    if (program > 0)
        text.replace(program, options - program, u"asynclab"_s);
    return text.trimmed();
}

// The value of `name` as a whole number from `min` to `max`, or none.
std::optional<int> number(const QCommandLineParser &parser, const QString &name, int min, int max)
{
    bool ok = false;
    const qlonglong value = parser.value(name).toLongLong(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return int(value);
}

QString quoted(const QCommandLineParser &parser, const QString &name)
{
    return oneLine(parser.value(name));
}

// Reads option `name`, when it is given, into *target: a whole number from min to max, or else
// the error `message` with what was given for its last placeholder.
QString readNumber(const QCommandLineParser &parser, const QString &name, int min, int max,
                   int *target, const QString &message)
{
    if (!parser.isSet(name))
        return {};
    const auto value = number(parser, name, min, max);
    if (!value)
        return message.arg(quoted(parser, name));
    *target = *value;
    return {};
}

} // namespace

std::variant<CommandLine, CommandLine::Exit> CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("AsyncLab: see and measure the difference between blocking and asynchronous "
               "code.\nasynclab watch [options] -- PROGRAM [ARGS...] measures the freezes of "
               "another Qt 6 program (asynclab watch --help)."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    for (const OptionRow &row : optionTable)
        parser.addOption(option(row));

    if (!parser.parse(arguments))
        return Exit { 2, oneLine(parser.errorText()) };
    // addHelpOption() also adds --help-all, which Qt only answers inside process(): without this
    // it would open the window. It prints what --help prints.
    if (parser.isSet(help) || parser.isSet(u"help-all"_s))
        return Exit { 0, helpText(parser) };
    if (parser.isSet(version))
        return Exit { 0, tr("AsyncLab %1").arg(QStringLiteral(ASYNCLAB_VERSION)) };
    if (!parser.positionalArguments().isEmpty()) {
        return Exit {
            2, tr("unexpected argument: %1").arg(oneLine(parser.positionalArguments().first()))
        };
    }
    CommandLine options;
    for (const auto read : { &CommandLine::readServer, &CommandLine::readAction,
                             &CommandLine::readScreenshot, &CommandLine::readExports }) {
        if (const QString error = (options.*read)(parser); !error.isEmpty())
            return Exit { 2, error };
    }
    return options;
}

QString CommandLine::readServer(const QCommandLineParser &parser)
{
    if (parser.isSet(u"mode"_s)) {
        const auto parsed = runModeFromName(parser.value(u"mode"_s));
        if (!parsed) {
            return tr("--mode takes blocking or async, not \"%1\"").arg(quoted(parser, u"mode"_s));
        }
        mode = *parsed;
        modeGiven = true;
    }
    int portNumber = port;
    if (QString error = readNumber(parser, u"port"_s, 1, 65535, &portNumber,
                                   tr("--port takes a number from 1 to 65535, not \"%1\""));
        !error.isEmpty()) {
        return error;
    }
    port = quint16(portNumber);
    return readNumber(parser, u"max-connections"_s, 1, 1000000, &maxConnections,
                      tr("--max-connections takes a number from 1 to 1000000, not \"%1\""));
}

QString CommandLine::readAction(const QCommandLineParser &parser)
{
    static constexpr std::pair<const char *, Action> actions[] = {
        { "serve", Action::Serve },     { "fetch", Action::Fetch }, { "load", Action::Load },
        { "compare", Action::Compare }, { "demo", Action::Demo },   { "lesson", Action::Lesson },
    };
    int chosen = 0;
    for (const auto &[name, value] : actions) {
        if (parser.isSet(QString::fromLatin1(name))) {
            action = value;
            ++chosen;
        }
    }
    if (chosen > 1)
        return tr("choose one of --serve, --fetch, --load, --compare, --demo and --lesson");
    if (action == Action::Fetch || action == Action::Load)
        target = parser.value(action == Action::Fetch ? u"fetch"_s : u"load"_s);
    if (action == Action::Demo) {
        demo = parser.value(u"demo"_s);
        if (demo != "list"_L1 && !DemoRegistry::find(demo))
            return tr("unknown demo \"%1\"; 'asynclab --demo list' names them").arg(oneLine(demo));
    }
    if (const QString error = readLesson(parser); !error.isEmpty())
        return error;
    if (QString error = readNumber(parser, u"variant"_s, 1, 100, &variant,
                                   tr("--variant needs a whole number from 1, not \"%1\""));
        !error.isEmpty()) {
        return error;
    }
    if (parser.isSet(u"variant"_s) && (action != Action::Demo || demo == "list"_L1))
        return tr("--variant applies to --demo NAME only");
    scenario = parser.value(u"scenario"_s);
    if (!Scenario::named(scenario)) {
        return tr("unknown scenario \"%1\"; choose one of: %2")
                .arg(oneLine(scenario), scenarioNames());
    }
    json = parser.isSet(u"json"_s);
    return {};
}

QString CommandLine::readLesson(const QCommandLineParser &parser)
{
    if (action == Action::Lesson) {
        const QString value = parser.value(u"lesson"_s);
        bool ok = false;
        lesson = value == "list"_L1 ? 0 : value.toInt(&ok);
        if (value != "list"_L1 && (!ok || !Course::find(lesson))) {
            return tr("no lesson \"%1\": the course has lessons 1 to %2; 'asynclab --lesson list' "
                      "names them")
                    .arg(oneLine(value))
                    .arg(Course::size());
        }
    }
    if (QString error = readNumber(parser, u"delay"_s, 1, 60000, &delayMs,
                                   tr("--delay takes milliseconds from 1 to 60000, not \"%1\""));
        !error.isEmpty()) {
        return error;
    }
    if (parser.isSet(u"delay"_s) && (action != Action::Lesson || lesson == 0))
        return tr("--delay applies to --lesson N only");
    if (parser.isSet(u"predict"_s)) {
        if (action != Action::Lesson || lesson == 0)
            return tr("--predict applies to --lesson N only");
        const int choices = int(Course::find(lesson)->choices.size());
        int choice = 0;
        if (QString error = readNumber(
                    parser, u"predict"_s, 1, choices, &choice,
                    tr("--predict takes the number of one of lesson %1's choices, 1 to %2, not "
                       "\"%3\"")
                            .arg(lesson)
                            .arg(choices));
            !error.isEmpty()) {
            return error;
        }
        prediction = choice - 1;
    }
    return {};
}

QString CommandLine::readScreenshot(const QCommandLineParser &parser)
{
    screenshotPath = parser.value(u"screenshot"_s);
    if (action == Action::Serve && !screenshotPath.isEmpty())
        return tr("--serve runs without a window; --screenshot does not apply");
    if (action == Action::Lesson && !screenshotPath.isEmpty())
        return tr("--lesson runs without a window; --screenshot does not apply");
    if (QString error = readNumber(parser, u"screenshot-delay"_s, 0, INT_MAX, &screenshotDelayMs,
                                   tr("--screenshot-delay takes milliseconds, not \"%1\""));
        !error.isEmpty()) {
        return error;
    }
    if (QString error = readNumber(parser, u"screenshot-at"_s, 0, INT_MAX, &screenshotAtMs,
                                   tr("--screenshot-at takes milliseconds, not \"%1\""));
        !error.isEmpty()) {
        return error;
    }
    if (parser.isSet(u"screenshot-at"_s)
        && (screenshotPath.isEmpty() || (action != Action::Fetch && action != Action::Load))) {
        return tr("--screenshot-at goes with --fetch or --load and --screenshot");
    }
    outDir = parser.value(u"out"_s);
    if (parser.isSet(u"out"_s) && (action != Action::Compare || outDir.isEmpty()))
        return tr("--out DIR goes with --compare");
    return {};
}

QString CommandLine::readExports(const QCommandLineParser &parser)
{
    tracePath = parser.value(u"trace"_s);
    profilePath = parser.value(u"profile"_s);
    const bool traced = parser.isSet(u"trace"_s);
    const bool profiled = parser.isSet(u"profile"_s);
    const bool measures = action == Action::Fetch || action == Action::Load
            || action == Action::Compare || (action == Action::Demo && demo != "list"_L1);
    if ((traced || profiled)
        && (!measures || (traced && tracePath.isEmpty()) || (profiled && profilePath.isEmpty())))
        return tr("--trace FILE and --profile FILE go with --fetch, --load, --compare or --demo "
                  "NAME");
    return {};
}

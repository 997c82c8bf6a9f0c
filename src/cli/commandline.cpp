#include <cli/commandline.h>
#include <demos/demoregistry.h>
#include <engine/lab.h>
#include <common/oneline.h>
#include <engine/scenario.h>
#include <common/units.h>

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

std::variant<CommandLine, CommandLine::Exit> CommandLine::parse(const QStringList &arguments)
{
    QStringList scenarioNames;
    for (const Scenario &s : Scenario::builtIn())
        scenarioNames.append(s.name);

    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"AsyncLab: see and measure the difference between blocking and asynchronous code.\n"
            "asynclab watch [options] -- PROGRAM [ARGS...] measures the freezes of another Qt 6 "
            "program (asynclab watch --help)."_s);
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption mode(u"mode"_s,
                                  u"Run jobs in blocking or async mode (default: async)."_s,
                                  u"blocking|async"_s);
    const QCommandLineOption port(
            u"port"_s, u"Port of the embedded server on 127.0.0.1 (default: a free one)."_s,
            u"N"_s);
    const QCommandLineOption maxConnections(
            u"max-connections"_s,
            u"Connections the embedded server holds at once; more are answered 503 (default: the "
            "open-file limit, raised to the hard limit, less 256)."_s,
            u"n"_s);
    const QCommandLineOption serve(u"serve"_s,
                                   u"Run only the embedded server and print its URL."_s);
    const QCommandLineOption fetch(
            u"fetch"_s,
            u"Fetch URL (or an embedded route such as /bytes/1048576), print the result; gives up "
            "after %1."_s.arg(formatDuration(Lab::defaultFetchOptions().deadlineMs)),
            u"URL"_s);
    const QCommandLineOption load(
            u"load"_s, u"Load FILE (hash, count bytes and lines), print the result."_s, u"FILE"_s);
    const QCommandLineOption compare(
            u"compare"_s, u"Run a scenario in blocking then async mode and print the figures."_s);
    const QCommandLineOption scenario(u"scenario"_s,
                                      u"Scenario for --compare: %1 (default: %2)."_s.arg(
                                              scenarioNames.join(u", "_s), Scenario::defaultName()),
                                      u"NAME"_s, Scenario::defaultName());
    const QCommandLineOption screenshot(
            u"screenshot"_s,
            u"Save a picture of the window to FILE after the job, scenario or delay, then quit."_s,
            u"FILE"_s);
    const QCommandLineOption delay(
            u"screenshot-delay"_s,
            u"Milliseconds to wait before --screenshot when nothing runs (default: 1500)."_s,
            u"MS"_s);
    const QCommandLineOption at(
            u"screenshot-at"_s,
            u"With --fetch or --load: take the --screenshot MS after the job starts, while it runs."_s,
            u"MS"_s);
    const QCommandLineOption out(
            u"out"_s,
            u"With --compare: write compare.csv, compare.json and PNGs of the charts to DIR."_s,
            u"DIR"_s);
    const QCommandLineOption demo(
            u"demo"_s,
            u"Run concept demo NAME without a window and print what it measured; \"list\" names them."_s,
            u"NAME"_s);
    const QCommandLineOption variant(
            u"variant"_s,
            u"With --demo: run the demo's variant N (1, 2, ...), as chosen beside Run in the gallery."_s,
            u"N"_s);
    const QCommandLineOption json(u"json"_s, u"Print results as JSON."_s);
    parser.addOptions({ mode, port, maxConnections, serve, fetch, load, compare, scenario,
                        screenshot, delay, at, out, demo, variant, json });

    if (!parser.parse(arguments))
        return Exit { 2, oneLine(parser.errorText()) };
    // addHelpOption() also adds --help-all, which Qt only answers inside process(): without this
    // it would open the window. It prints what --help prints.
    if (parser.isSet(help) || parser.isSet(u"help-all"_s)) {
        // Qt names the program after argv[0] (a path, or "<executable_name>" before the
        // application object exists); the usage line names the command a person types.
        QString text = parser.helpText();
        const qsizetype options = text.indexOf(u" [options]"_s);
        if (text.startsWith(u"Usage: "_s) && options > 0)
            text.replace(0, options, u"Usage: asynclab"_s);
        return Exit { 0, text.trimmed() };
    }
    if (parser.isSet(version))
        return Exit { 0, u"AsyncLab %1"_s.arg(QStringLiteral(ASYNCLAB_VERSION)) };
    if (!parser.positionalArguments().isEmpty())
        return Exit {
            2, u"unexpected argument: %1"_s.arg(oneLine(parser.positionalArguments().first()))
        };

    CommandLine options;
    if (parser.isSet(mode)) {
        const auto parsed = runModeFromName(parser.value(mode));
        if (!parsed)
            return Exit {
                2, u"--mode takes blocking or async, not \"%1\""_s.arg(oneLine(parser.value(mode)))
            };
        options.mode = *parsed;
        options.modeGiven = true;
    }
    if (parser.isSet(port)) {
        bool ok = false;
        const uint value = parser.value(port).toUInt(&ok);
        if (!ok || value == 0 || value > 65535)
            return Exit { 2,
                          u"--port takes a number from 1 to 65535, not \"%1\""_s.arg(
                                  oneLine(parser.value(port))) };
        options.port = quint16(value);
    }
    if (parser.isSet(maxConnections)) {
        bool ok = false;
        const int value = parser.value(maxConnections).toInt(&ok);
        if (!ok || value < 1 || value > 1000000)
            return Exit { 2,
                          u"--max-connections takes a number from 1 to 1000000, not \"%1\""_s.arg(
                                  oneLine(parser.value(maxConnections))) };
        options.maxConnections = value;
    }
    const int actions = int(parser.isSet(serve)) + int(parser.isSet(fetch))
            + int(parser.isSet(load)) + int(parser.isSet(compare)) + int(parser.isSet(demo));
    if (actions > 1)
        return Exit { 2, u"choose one of --serve, --fetch, --load, --compare and --demo"_s };
    if (parser.isSet(serve))
        options.action = Action::Serve;
    if (parser.isSet(fetch)) {
        options.action = Action::Fetch;
        options.target = parser.value(fetch);
    }
    if (parser.isSet(load)) {
        options.action = Action::Load;
        options.target = parser.value(load);
    }
    if (parser.isSet(compare))
        options.action = Action::Compare;
    if (parser.isSet(demo)) {
        options.action = Action::Demo;
        options.demo = parser.value(demo);
        if (options.demo != "list"_L1 && !DemoRegistry::find(options.demo))
            return Exit { 2,
                          u"unknown demo \"%1\"; 'asynclab --demo list' names them"_s.arg(
                                  oneLine(options.demo)) };
    }
    if (parser.isSet(variant)) {
        bool ok = false;
        options.variant = parser.value(variant).toInt(&ok);
        if (!ok || options.variant < 1 || options.variant > 100)
            return Exit { 2,
                          u"--variant needs a whole number from 1, not \"%1\""_s.arg(
                                  oneLine(parser.value(variant))) };
        if (options.action != Action::Demo || options.demo == "list"_L1)
            return Exit { 2, u"--variant applies to --demo NAME only"_s };
    }
    options.scenario = parser.value(scenario);
    if (!Scenario::named(options.scenario))
        return Exit { 2,
                      u"unknown scenario \"%1\"; choose one of: %2"_s.arg(
                              oneLine(options.scenario), scenarioNames.join(u", "_s)) };
    options.screenshotPath = parser.value(screenshot);
    if (options.action == Action::Serve && !options.screenshotPath.isEmpty())
        return Exit { 2, u"--serve runs without a window; --screenshot does not apply"_s };
    if (parser.isSet(delay)) {
        bool ok = false;
        options.screenshotDelayMs = parser.value(delay).toInt(&ok);
        if (!ok || options.screenshotDelayMs < 0)
            return Exit { 2,
                          u"--screenshot-delay takes milliseconds, not \"%1\""_s.arg(
                                  oneLine(parser.value(delay))) };
    }
    if (parser.isSet(at)) {
        bool ok = false;
        options.screenshotAtMs = parser.value(at).toInt(&ok);
        if (!ok || options.screenshotAtMs < 0)
            return Exit { 2,
                          u"--screenshot-at takes milliseconds, not \"%1\""_s.arg(
                                  oneLine(parser.value(at))) };
        if (options.screenshotPath.isEmpty()
            || (options.action != Action::Fetch && options.action != Action::Load))
            return Exit { 2, u"--screenshot-at goes with --fetch or --load and --screenshot"_s };
    }
    options.outDir = parser.value(out);
    if (parser.isSet(out) && (options.action != Action::Compare || options.outDir.isEmpty()))
        return Exit { 2, u"--out DIR goes with --compare"_s };
    options.json = parser.isSet(json);
    return options;
}

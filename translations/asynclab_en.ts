<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActionRunner</name>
    <message>
        <source>demo %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo %1 has no variants</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>demo %1 has %n variant(s): %2</source>
        <translation>
            <numerusform>demo %1 has %n variant: %2</numerusform>
            <numerusform>demo %1 has %n variants: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>demo %1 canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lesson %1 could not measure: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachSession</name>
    <message>
        <source>no process with pid %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AsyncLab cannot watch itself (pid %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot watch pid %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without the probe inside the program AsyncLab cannot know its event-loop lag between samples, which event or timer started a stall, or freezes shorter than about two samples (20 ms); start the program under asynclab watch for those.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (pid %2), attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 stack samples, %3 stopped per sample (longest %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the program ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>detached; the program runs on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>main thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle in its event loop %1, busy %2, waiting elsewhere %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>window ping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers, median %2, longest %3 (_NET_WM_PING)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the last ping was not answered for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measured: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stalls &gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time frozen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
stall %1 at %2: %3, %4%5
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, still going when AsyncLab detached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  culprit  %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none in the program&apos;s own code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer for %1: the window did not respond (_NET_WM_PING)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Run jobs in blocking or async mode (default: async).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port of the embedded server on 127.0.0.1 (default: a free one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections the embedded server holds at once; more are answered 503 (default: the open-file limit, raised to the hard limit, less 256).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run only the embedded server and print its URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch URL (or an embedded route such as /bytes/1048576), print the result; gives up after %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load FILE (hash, count bytes and lines), print the result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a scenario in blocking then async mode and print the figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario for --compare: %1 (default: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE after the job, scenario or delay, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milliseconds to wait before --screenshot when nothing runs (default: 1500).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --fetch or --load: take the --screenshot MS after the job starts, while it runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --compare: write compare.csv, compare.json and PNGs of the charts to DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run concept demo NAME without a window and print what it measured; &quot;list&quot; names them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --demo: run the demo&apos;s variant N (1, 2, ...), as chosen beside Run in the gallery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print results as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AsyncLab: see and measure the difference between blocking and asynchronous code.
asynclab watch [options] -- PROGRAM [ARGS...] measures the freezes of another Qt 6 program (asynclab watch --help).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AsyncLab %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--mode takes blocking or async, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--port takes a number from 1 to 65535, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-connections takes a number from 1 to 1000000, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown demo &quot;%1&quot;; &apos;asynclab --demo list&apos; names them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--variant needs a whole number from 1, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--variant applies to --demo NAME only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown scenario &quot;%1&quot;; choose one of: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--serve runs without a window; --screenshot does not apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--screenshot-delay takes milliseconds, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--screenshot-at takes milliseconds, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--screenshot-at goes with --fetch or --load and --screenshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--out DIR goes with --compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run lesson N of the course without a window: its question, choices, what was measured and which choice that makes right; &quot;list&quot; names them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --lesson: the server&apos;s delay in a lesson that fetches (default: the lesson&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --fetch, --load, --compare or --demo: write the operations, stalls and lag to FILE in the Chrome Trace Event Format (Perfetto, chrome://tracing, Qt Creator).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --fetch, --load, --compare or --demo: write the stacks of the stalls to FILE in speedscope&apos;s format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose one of --serve, --fetch, --load, --compare, --demo and --lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no lesson &quot;%1&quot;: the course has lessons 1 to %2; &apos;asynclab --lesson list&apos; names them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--delay takes milliseconds from 1 to 60000, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--delay applies to --lesson N only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--lesson runs without a window; --screenshot does not apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--trace FILE and --profile FILE go with --fetch, --load, --compare or --demo NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --lesson N: the number of the choice you predict; the report then says whether the measurement agrees. &apos;asynclab --lesson list --json&apos; gives every question and its choices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--predict applies to --lesson N only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--predict takes the number of one of lesson %1&apos;s choices, 1 to %2, not &quot;%3&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandRunner</name>
    <message>
        <source>AsyncLab server listening on %1 (Ctrl+C to stop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open-file limit %1 (raised to the hard limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open-file limit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; at most %2 connections at once, more are answered 503 (--max-connections)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Blocking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Async</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AsyncLab — compare Blocking and Async</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run both modes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the scenario in Blocking mode, then the same work in Async mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save results…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the table as CSV and JSON and the charts as PNG files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Async: &amp;one step at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocking runs the steps one after another; Async starts them all at once, so its shorter wall time is partly concurrency. Check this to run the Async steps one after another too: what is left of the difference is not blocking alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typing probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>During each run a key press is typed here every 50 ms, from another thread, as a person keeps typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run both modes to see what froze the window in each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top culprits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Async against Blocking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower is better for every figure. The last column says how the Async figure compares with the Blocking one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both modes run the steps one after another, so the difference is blocking alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocking runs the steps one after another, Async all at once: its wall time is shorter partly because the steps overlap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: not run yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 run&apos;s charts and stalls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag and threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stalls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stalls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: waiting to run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stalls (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waited for the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hashed the file itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>did the work itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocking: the GUI thread waited — %1 frozen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The GUI thread %1, so for %2 the window was frozen: no painting, no animation, no reaction to input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Key presses typed meanwhile waited up to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Longest single freeze: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the requests waited in the event loop with no thread blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file was read on a worker thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Async: the GUI thread stayed free — longest stall %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Async: the GUI thread stayed responsive — longest stall %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Async: the GUI thread was busy up to %1 at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, so the GUI thread kept painting and reacting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: key presses were handled within %1 (median %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;div style=&apos;font-size:x-large; font-weight:600; color:%1&apos;&gt;%2&lt;/div&gt;&lt;div&gt;%3&lt;/div&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to save: run the comparison first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save comparison results to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Each dot on the charts is a key press, at the moment it was typed and as high as the time it waited to be handled.&lt;/p&gt;&lt;p&gt;During a freeze a key typed at its start waits for all of it, one typed near its end only for the rest: so the dots fall while the lag line rises, and reach zero where the freeze ends. In Blocking mode the keys then appear in a burst.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic typing, a key every 50 ms (the dots on the charts):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;trace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write both runs&apos; operations, stalls and lag as a trace (Perfetto, Qt Creator) or their stalls&apos; stacks as a profile (speedscope)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (all %n while AsyncLab repainted its windows: its own drawing, not the scenario&apos;s code)</source>
        <translation>
            <numerusform> (while AsyncLab repainted its windows: its own drawing, not the scenario&apos;s code)</numerusform>
            <numerusform> (all %n while AsyncLab repainted its windows: its own drawing, not the scenario&apos;s code)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n of them while AsyncLab repainted its windows)</source>
        <translation>
            <numerusform> (%n of them while AsyncLab repainted its windows)</numerusform>
            <numerusform> (%n of them while AsyncLab repainted its windows)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Blocking: the GUI thread waited %n times, %1 in all</source>
        <translation>
            <numerusform>Blocking: the GUI thread waited once, %1 in all</numerusform>
            <numerusform>Blocking: the GUI thread waited %n times, %1 in all</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The GUI thread %1, one step at a time, so the window was frozen %n times, %2 in all: no painting, no animation, no reaction to input until each step ended.</source>
        <translation>
            <numerusform>The GUI thread %1, one step at a time, so the window was frozen once, %2 in all: no painting, no animation, no reaction to input until the step ended.</numerusform>
            <numerusform>The GUI thread %1, one step at a time, so the window was frozen %n times, %2 in all: no painting, no animation, no reaction to input until each step ended.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> Stalls over %1: %n.</source>
        <translation>
            <numerusform> Stalls over %1: %n.</numerusform>
            <numerusform> Stalls over %1: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>%1:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseDemo</name>
    <message>
        <source>query on the GUI thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>query on a worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>canceled on a worker</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeadlockDemo</name>
    <message>
        <source>(a) GUI thread waits on itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(b) two locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(c) full pool</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoBarChart</name>
    <message>
        <source>Measured results chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the demo to see its measurements here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoGallery</name>
    <message>
        <source>Concept gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AsyncLab — concepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asynclab --demo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you are seeing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GUI thread: event-loop lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live log and stalls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stalls of the last run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stalls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code that does it (read-only, from the real sources; one tab each)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animated by the GUI thread: it stops whenever that thread is blocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run this demo (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the running demo (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the demo runs, e.g. what its request handler does; chosen before Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stalls (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Run to measure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; &lt;span style=&apos;color:gray&apos;&gt;%2&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running… %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop “%1”, which is still running (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another demo is running; one at a time keeps the measurements clean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last run: never stalled (longest lag %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last run, start to end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run yet: Run shows its lag here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run canceled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoPlotChart</name>
    <message>
        <source>%1M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured results plots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the demo to see its measurements here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FetchJob</name>
    <message>
        <source>timed out after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no URL given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a valid URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a valid URL (missing http:// or https://): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported scheme &quot;%1&quot;: use http or https</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a valid URL (no host): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped after %1: size cap reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated body: %1 of %2 announced bytes received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the connection without a valid answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the connection after %1 of the body</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileLoad</name>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 TiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission denied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a directory: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read error in %1 after %2 bytes: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped after %1: size cap reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeartbeatWidget</name>
    <message>
        <source>Heartbeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frame %L1 · missed %L2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>froze %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animation redrawn 60 times a second on the GUI thread; it stops while the GUI thread is blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Redrawn 60 times a second by a timer on the GUI thread.&lt;/p&gt;&lt;p&gt;While the GUI thread is blocked the animation stands still; the frames it should have drawn meanwhile are counted as &lt;b&gt;missed&lt;/b&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LagChartWidget</name>
    <message>
        <source>16 ms · one frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>50 ms · long task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100 ms · noticed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 s · Windows “Not Responding”, Android ANR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log scal&amp;e</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A logarithmic lag axis: a 5 ms and a 5 s stall both readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event-loop lag chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event-loop lag (ms, log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lag (ms, log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lag (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event-loop lag (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocking operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>async operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GUI thread blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Stall of %1&lt;/b&gt;: the GUI thread could not react for that long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>async</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key press: how long it waited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key press</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>250 ms · counted as a hang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Shaded bands show when operations ran: &lt;b&gt;red&lt;/b&gt; for blocking, &lt;b&gt;green&lt;/b&gt; for async. A frame at 60 Hz lasts 16 ms; a task over 50 ms is a long task; past 100 ms people notice.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;How late the GUI thread&apos;s event loop ran, over the last 30 seconds.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;How late the GUI thread&apos;s event loop ran during this run.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LearnWindow</name>
    <message>
        <source>Try it in the main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try it in Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try it in the gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch a program…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learn AsyncLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 printed this in %2:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed after %2:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Lessons&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start over…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget every answer and go back to the first lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run and check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C++ / Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JavaScript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run it with node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run it with python3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not installed on this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs %1 against AsyncLab&apos;s built-in server, beside the C++ run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First predict: pick the answer you expect. Then run it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;The explanation appears once your prediction has been checked.&lt;/i&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 lessons done, %3 predicted right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running in Blocking mode: this window freezes too. Watch the heartbeat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1e8449&apos;&gt;&lt;b&gt;Right.&lt;/b&gt;&lt;/span&gt; You predicted “%1”, and the measurement agrees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c0392b&apos;&gt;&lt;b&gt;Not this time.&lt;/b&gt;&lt;/span&gt; You predicted “%1”; the measurement makes “%2” right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured in %1 mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Try more:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words in this lesson: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget every answer and go back to the first lesson?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a prediction first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unclear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1 brings you back to the course from any window; Ctrl+W closes the one you opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your first prediction was %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The measurement could not run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b9770e&apos;&gt;&lt;b&gt;Unclear this time&lt;/b&gt;&lt;/span&gt; (not a wrong answer: this run cannot tell). %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your first prediction for this lesson was %1, and that is what the score keeps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:gray&apos;&gt;The code AsyncLab itself ran for this measurement, from %1. The JavaScript and Python tabs are small programs of their own.&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done before. To measure again, pick an answer and run it; your first prediction is the one that counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That was the last lesson: the course is done, %1 of %2 predicted right. Every lesson stays here to run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens once your prediction has been checked: the code would give the answer away</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonReport</name>
    <message>
        <source>Lesson %1: %2
%3
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not measure: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measured   %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right      %1. %2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right      unclear this time: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right: the measurement agrees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not this time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unclear: this run cannot tell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you said   %1. %2 (%3)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predict    next time, answer before you look: asynclab --lesson %1 --predict N
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonRunner</name>
    <message>
        <source>canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mode: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mode: %2 fetches of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no demo named %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running the demo &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a comparison is running already; try again when it has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be watched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watching %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonScript</name>
    <message>
        <source>
(stopped after %1 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not installed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Slow server (2 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answers after 2 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download 64 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>64 MiB streamed from the embedded server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trickle (3 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>256 KiB trickled over 3 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A small JSON document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP 404</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answers 404 Not Found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Truncated body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Announces 1 MiB, sends half, then closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server hangs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepts and never answers: stopped by the deadline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AsyncLab — blocking vs async</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a mode, then start a fetch or a file load. Type in the box above while it runs: in Blocking mode nothing you type appears until the work is over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operations log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stalls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type here while work runs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typing test field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the GUI thread is blocked, your keystrokes appear only when it is free again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How late the last 5 ms timer tick ran on the GUI thread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max stall (10 s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The longest time the GUI thread could not react, in the last 10 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99 lag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>99% of timer ticks in the last 10 seconds ran at most this late.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stalls &gt; 50 ms:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freezes long enough to feel (a &apos;long task&apos;), in the last 10 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch over HTTP (QNetworkAccessManager) — embedded server at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any http:// or https:// URL, or a route of the embedded server such as /bytes/1048576</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fetch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the URL in the current mode (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loads a file: its SHA-256, bytes and lines (QtConcurrent in Async mode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path of a file to load, or generate a sample file →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the file in the current mode (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample file size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a sample text file of the chosen size to %1 (Ctrl+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a file (SHA-256, lines):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel everything that is running (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare both modes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the chosen scenario in Blocking mode, then in Async mode, and compare the freezes (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate sample file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Watch a program…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Blocking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Async</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Concepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concept &amp;gallery…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About AsyncLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About AsyncLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;AsyncLab %1&lt;/h3&gt;&lt;p&gt;See and measure the difference between blocking and asynchronous code.&lt;/p&gt;&lt;p&gt;Embedded server: %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Blocking:&lt;/b&gt; the GUI thread does each job itself: it waits for a fetch&apos;s answer, or reads and hashes the file. The heartbeat stops and typing is ignored until the job ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Async:&lt;/b&gt; a fetch waits in the event loop and a file is read on a worker thread. The heartbeat keeps beating and you can keep typing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 mode)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocking: %1 — the window is frozen until it ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing a %1 sample file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 received, size unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) still running…</source>
        <translation>
            <numerusform>%n job still running…</numerusform>
            <numerusform>%n jobs still running…</numerusform>
        </translation>
    </message>
    <message>
        <source>Save &amp;trace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Learn AsyncLab…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;New to async programming?&lt;/b&gt; The course takes you from a first freeze to finding one in a program you did not write, in %1 short lessons: &lt;a href=&quot;learn:start&quot;&gt;start the course&lt;/a&gt; (F1, also in the Help menu) · &lt;a href=&quot;learn:dismiss&quot;&gt;don&apos;t show this again&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each button fills in the URL and fetches it at once, in the current mode: no need to press Fetch as well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Fetches %2 now, in the current mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connects to a port where nothing listens, now, in the current mode.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModeToggle</name>
    <message>
        <source>Blocking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Async</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waits on the GUI thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GUI thread stays free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run mode</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NestedEventLoopDemo</name>
    <message>
        <source>nested event loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>continuation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperationLogModel</name>
    <message>
        <source>GUI thread waited and did the I/O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GUI thread waited; %1 did the I/O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no thread waited (event loop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no thread waited; %1 did the I/O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GUI thread did the work (and froze)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did the work; GUI thread free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max stall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Culprit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation number, in start order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network fetch, file load or file generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocking: waited on the GUI thread. Async: waited off it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL or file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running, ok, failed or canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP status code of a fetch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes received or read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines counted in a loaded file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall-clock time from start to finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest time the GUI thread was frozen while this operation ran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the longest freeze during this operation held the GUI thread: function (file:line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which thread waited and which did the work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 of the content (hover for the full digest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the operation failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperationRecord</name>
    <message>
        <source>fetch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GUI thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thread pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network (event loop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked, waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending in the event loop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParallelismDemo</name>
    <message>
        <source>hash: one worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hash: all cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fetch one by one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fetch all at once</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sha256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max stall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 %2&lt;/b&gt; (%3 mode): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 in %2, longest freeze %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>, %Ln line(s)</source>
        <translation>
            <numerusform>, %Ln line</numerusform>
            <numerusform>, %Ln lines</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;br&gt;SHA-256 &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none in Async</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1× shorter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1× fewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1× longer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1× more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wall time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99 lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stalls &gt; 50 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frames missed (60 Hz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key press wait (max)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key press wait (median)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frames missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>culprit of the longest freeze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Blocking&lt;/b&gt; cost a frozen window: it took %1 and the window could not paint or react for %2 of it. Async takes about as long and keeps the window alive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Async&lt;/b&gt; took %1 (Blocking took %2 the last time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Async&lt;/b&gt; took %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, and the window kept painting and reacting: longest stall %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, yet the window still froze for up to %2: something else held the GUI thread.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunMode</name>
    <message>
        <source>blocking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>async</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaveRecording</name>
    <message>
        <source>Chrome trace (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speedscope profile (*.speedscope.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save trace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Scenario</name>
    <message>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A 2 s delayed fetch, a 64 MiB download and a 256 MiB file load.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Five fetches that each wait 1 s for the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Big download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One 256 MiB download.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Big file load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash and count lines of a 512 MiB file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Many small fetches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forty small JSON fetches, each answered after 50 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A 1.5 s delayed fetch, a 32 MiB download, a 128 MiB file load and ten small fetches.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScenarioRunner</name>
    <message>
        <source>Generating a %1 sample file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running &quot;%1&quot; in %2 mode, one step at a time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running &quot;%1&quot; in %2 mode…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not generate the sample file: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StackSampler</name>
    <message>
        <source>signal %1 already has a handler</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StallCard</name>
    <message>
        <source>Stall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Culprit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source around the culprit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Froze %1&lt;/b&gt; — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Started by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;Click for the stack and the source lines.&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s), %1 with no answer</source>
        <translation>
            <numerusform>%n sample, %1 with no answer</numerusform>
            <numerusform>%n samples, %1 with no answer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n sample</numerusform>
            <numerusform>%n samples</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Froze %1&lt;/b&gt; — %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the program&apos;s own code: the stack below shows where.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not inside an event handler.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which event started it is not known: only AsyncLab times the events it handles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In plain words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;■&lt;/span&gt; busy: computing on a CPU &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;■&lt;/span&gt; waiting: asleep in the kernel until something arrives &amp;nbsp; &lt;span style=&apos;color:%3&apos;&gt;■&lt;/span&gt; no sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Innermost call first. Frames of Qt and the system libraries are folded: click a folded line to see them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window froze %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 while AsyncLab was starting: building and first showing its window, before you did anything. Not caused by the code you ran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 because the machine gave AsyncLab no CPU: other programs were running. Not caused by the code you ran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept the GUI thread computing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept the GUI thread waiting on a lock or a future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept the GUI thread waiting for the network or a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>put the GUI thread to sleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept the GUI thread waiting for the disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept the GUI thread waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 because %2 (line %3) %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;futex&lt;/i&gt;: the kernel call a thread sleeps in while it waits for a mutex, a condition or a future&apos;s result (&lt;code&gt;QFuture::result()&lt;/code&gt;, &lt;code&gt;waitForFinished()&lt;/code&gt;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▸ %1 frames in libraries (%2): click to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stall yet. When the window freezes (in AsyncLab: a Blocking fetch or load), the function that held the GUI thread appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 because code in Qt or a system library %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 because %2 %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> at %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;No culprit in the program: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;In &lt;b&gt;%1&lt;/b&gt;%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Only in library code (Qt or the system)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No culprit in the program: %1 (other programs were running).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In &lt;b&gt;%1&lt;/b&gt;%2, in %3% of the samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The source file is not on this machine (looked for %1); the culprit&apos;s name and line above come from the executable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The executable names no source file for this function (it was built without debug line tables, or stripped).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, too briefly to see where: it was over before the watchdog, which looks every 10 ms, took a sample of its stack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Too short to see where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where is not known: no sample of this freeze was taken.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StallRecord</name>
    <message>
        <source>the machine had no CPU to give</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2% of it on a run queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 ms of CPU time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for a CPU %1% (other programs were running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting %1% on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2% of the samples found it ready to run but not running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StallReport</name>
    <message>
        <source>none: no freeze was recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none in AsyncLab: %1, %2 freeze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in AsyncLab&apos;s code (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, %3 freeze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, %3 freeze, during %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no freeze over %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the longest freeze, %1, waiting for a CPU: other programs were running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code outside AsyncLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the longest freeze, %1, busy in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the longest freeze, %1, waiting in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>culprit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the longest freeze, %1, too short to see where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not known: the %1 freeze ended before its stack was sampled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StallShareBar</name>
    <message>
        <source>Busy and waiting shares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy %1%, waiting %2%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StallWatchdog</name>
    <message>
        <source>stack sampling is off: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StallsPanel</name>
    <message>
        <source>Stalls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected stall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (still going at the end)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start-up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  AsyncLab starting, not your code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  the machine, not your code (no CPU to give)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(library code only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  too short to see where</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThreadState</name>
    <message>
        <source>busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for a CPU (other programs were running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a lock or future (futex)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a socket or file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk (uninterruptible)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>something else</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>&lt;b&gt;#%1 %2&lt;/b&gt; — %3 mode, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>working on a pool thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1: %2 for %3.&lt;/b&gt; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing else ran on the GUI thread meanwhile: no painting, no typing, no timers. The window was frozen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No thread waited: the request was pending while the GUI thread&apos;s event loop ran on and kept the window responsive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meanwhile the GUI thread waited for it and could do nothing else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The GUI thread stayed free meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>runs the event loop: painting, typing, timers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a pool thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>talks to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests in flight, no thread waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thread timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free: nothing blocked the GUI thread here</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n requests pending · %1</source>
        <translation>
            <numerusform>%n request pending · %1</numerusform>
            <numerusform>%n requests pending · %1</numerusform>
        </translation>
    </message>
    <message>
        <source>pending · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GUI blocked · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GUI blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GUI thread blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocking op working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>async op working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>async op pending, no thread waiting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>%1 KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 TiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchOutputs</name>
    <message>
        <source>Write the stalls, their culprits and the lag to FILE in the Chrome Trace Event Format (Perfetto, chrome://tracing, Qt Creator).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the stacks of the stalls to FILE in speedscope&apos;s format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fail (exit status 123) when a stall lasted longer than MS milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fail (exit status 123) when the main thread computed for longer than MS milliseconds during one stall: its own CPU time, which other jobs on the machine do not stretch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a JUnit XML report to FILE: one test case per stall, with its culprit and stack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 wants milliseconds, at least 1, not &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a stall failed the responsiveness gate: exit status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: it is a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: there is no folder %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the report to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchReport</name>
    <message>
        <source>(no stack)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exited with status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>killed by signal %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped by AsyncLab at the end of the duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped by AsyncLab, which got signal %1 (%2); exit status %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped when the Watch window was closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>did not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still going when the watch ended, from %1: %2 so far, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at %1: %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  culprit  %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  culprit  none: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  culprit  none in the program&apos;s own code
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  inside   %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  stack    none: no sample answered
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  stack of the most common path:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pid %1, Qt %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sampling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no stacks: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 before the event loop first ran%2: %3, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (it never ran)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stalls &gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max stall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time frozen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 after start-up (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy / waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99 lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 over %2 timer ticks (a freeze is one late tick: see time frozen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
by call path
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1×  %2  %3
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
stall %1 %2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stalls &gt; %1: %2   max %3   frozen %4 of %5 (%6)   busy %7 / waiting %8 / waiting for a CPU %9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 (and %3 ready to run, waiting for a CPU that other threads held)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  path     %1 of %2 samples, %3
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchWindow</name>
    <message>
        <source>Watch – AsyncLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch a program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Qt 6 program and its arguments, e.g. /usr/bin/qtdiag6 or ./myapp --open file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch %1 – AsyncLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watching %1 (pid %2, Qt %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> – ended, exit status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stall going on now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the chart shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save what this watch found as text or JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line is how late the program&apos;s %1 ms timer ran on its main thread (event-loop lag); hatched: the thread could not react; a red mark: a stall over %2, click it for its culprit. Dashed lines: what a lag means to people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text report (*.txt);;JSON report (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no stack yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frozen now: %1 so far, in %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How late %1 ran its timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> – no stacks: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save trace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stalls, their stacks and the lag as a Chrome trace (Perfetto, Qt Creator) or a speedscope profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frozen now: %1 so far</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhereTheWaitDemo</name>
    <message>
        <source>GUI thread waits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workers wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event loop, no wait</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowDriver</name>
    <message>
        <source>results saved to %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write screenshot %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>screenshot saved to %1
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowPing</name>
    <message>
        <source>no X11 display (DISPLAY is not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot connect to the X11 display %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no window of pid %1 on the X11 display answers _NET_WM_PING</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Try &apos;asynclab --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>watch</name>
    <message>
        <source>Usage: asynclab watch [options] -- PROGRAM [ARGS...]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report as JSON, open no window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stall is a freeze longer than MS milliseconds (default: 50).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the report to FILE instead of standard output (also with a window).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show each stall&apos;s full stack in the text report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program to start, and its arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asynclab: attached to pid %1 (%2); Ctrl+C detaches
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts PROGRAM, a Qt 6 program, and measures how responsive its main thread is: lag, stalls over the threshold, and for each stall the function of PROGRAM that caused it, computing (busy) or waiting. With a display a Watch window shows it live; otherwise, or with --json, a report is printed when the watch ends: PROGRAM ended, the duration is over, or AsyncLab got SIGINT, SIGTERM or SIGHUP (it then ends PROGRAM: SIGTERM, SIGKILL 3 s later). A stall still going then is reported as open. PROGRAM never outlives AsyncLab.

Exit status: PROGRAM&apos;s own; 128 + N when signal N killed it; 127 when it cannot start; 0 when the duration or the window ended it; 128 + N when AsyncLab got signal N; 2 for a usage error; with --fail-over or --fail-over-busy, 123 when PROGRAM succeeded and a stall failed the gate.

Without a display, and with QT_QPA_PLATFORM=offscreen or minimal, no window opens. With --pid, AsyncLab attaches to a running program instead and leaves it running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach to the running program PID instead of starting one: its stacks through ptrace, its state from /proc, its X11 window&apos;s answers to _NET_WM_PING; it runs on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the watch (and PROGRAM) after S seconds; AsyncLab then ends too, also with a window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

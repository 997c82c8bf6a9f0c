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
    <name>BackpressureDemo</name>
    <message>
        <source>  %1  the producer has handed on its last byte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BOUNDED: a %1 read buffer, reading only what can be processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UNBOUNDED: reading everything as it arrives into a queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1  queue %2 MiB  RSS +%3 MiB  sent %4 MiB  |%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1: %2 in %3 (%4 MiB/s); RSS peaked %5 above its start, the queue at %6; the producer waited %8 in all, %7 times over 1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stream broke: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both delivered the same %1 (SHA-256 %2…), unbounded in %3 and bounded in %4. Unbounded, the producer was done after %5 and memory grew by %6 with up to %7 queued; it had waited %8 in all. Bounded, memory grew by %9 and the queue never held more than %10; the producer waited %11 in all (%12 waits over 1 ms) and finished at %13.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the two runs did not deliver the same bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CombinatorsDemo</name>
    <message>
        <source>  %1 returned after %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1 |%2| %3 at %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1 %2^ decided at %3 by %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search as you type WITH a %1 ms debounce:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search as you type, a request for every keystroke:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  typed &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    request %1 sent: search &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 returned after %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Typing &quot;%2&quot; sent %3 requests without a debounce and %4 with a %5 ms debounce (%6).</source>
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
    <message>
        <source>With one step nothing overlaps, so Async is not faster: what differs is whether the window could paint and react meanwhile. The wall times vary from run to run (a first run may read from the disk what later runs find in memory).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (and %n while AsyncLab drew its own window)</source>
        <translation>
            <numerusform> (and %n while AsyncLab drew its own window)</numerusform>
            <numerusform> (and %n while AsyncLab drew its own window)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConcurrencyLimitDemo</name>
    <message>
        <source>max in flight %1: starting %2 fetches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  max in flight %1: %2 of %3 fetches done after %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max in flight %1 (%2 network manager%3): %4 fetches in %5; the server answered at most %6 at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fetches failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fetches with at most N in flight took %2. Peaks at the server: %3 requests at once, %4. One network manager with no limit of ours peaked at %5 on the server and took %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never above the limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ABOVE THE LIMIT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server saw more requests at once than the limit allowed</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>generating on a worker thread: %1 of %2 rows (%3%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  worker: %1% of the query, GUI thread&apos;s longest stall so far %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>making %1 on a worker thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>canceling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database made in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database already there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the slow query ON THE GUI THREAD: the window freezes until it ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  GUI thread: %1 orders bigger, in %2; the GUI thread&apos;s longest stall %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same query on a WORKER THREAD with its own connection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Cancel pressed after %1: sqlite3_interrupt()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  worker: %1 orders bigger, in %2; the GUI thread&apos;s longest stall %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the query on a worker again, canceled after %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  the query ended before Cancel (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  stopped %1 after Cancel: &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a worker asks for the GUI thread&apos;s connection &quot;%1&quot;:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Qt says: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  the connection it got: %1; a query on it: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot rename %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid (an empty QSqlDatabase)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the query ran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver (QSQLITE) is not installed: on Debian, install libqt6sql6-sqlite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled while making the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot make the database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the query failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled after the query on the GUI thread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled: the query stopped %1 after Cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the query failed on the worker: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled at the last step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a worker with its own connection it took %1 and the GUI thread&apos;s longest stall was %2, with the same answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a worker with its own connection it took %1 and the GUI thread&apos;s longest stall was %2, with a DIFFERENT answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled after %1, the query stopped %2 later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled after %1, the query was not interrupted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the GUI thread the query took %1 and froze the window for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A worker that asked for the GUI thread&apos;s connection got %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the worker&apos;s answer differs from the GUI thread&apos;s</source>
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
    <message>
        <source>canceling: the waiting threads stop at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(a) the GUI thread waits for a result its own event loop must deliver; the watchdog gives up after %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    GUI thread %1; the event loop runs again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    the result the GUI thread waited for was delivered %1 ms after the wait began, as soon as the event loop ran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    the result the GUI thread waited for has still not arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    fixed: asked and returned to the event loop; the result arrived after %1 ms, nothing froze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(b) thread A takes lock 1 then lock 2, thread B lock 2 then lock 1; each waits at most %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    thread A %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    thread B %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    fixed: both threads take lock 1 before lock 2; %1 rounds (%2 per thread) took %3 ms with %4 timeouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(c) a task in a one-thread pool waits (at most %1 ms) for a second task in the same pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    the waiting task %1; the second task ran only after it returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    fixed with a continuation on the same one-thread pool: both steps done (%1) after %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    fixed with a two-thread pool: the same waiting task %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out after %1 ms: deadlock detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>got it after %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled between two steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled: the waiting threads stopped early.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The traps&apos; long bars are the timeouts the demo sets to catch each deadlock, not work: a real deadlock would wait forever.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GUI thread waiting on its own event loop: %1 (the GUI thread was blocked that long); opposite lock order: %2; pool starvation: %3. The fixes got their results in %4 ms, %5 ms (%6 timeouts in %7 rounds) and %8 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>detected after %1 ms</source>
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
    <name>DemoExplanation</name>
    <message>
        <source>A producer on its own thread streams %1 over a local TCP connection as fast as the connection takes it; the consumer on the GUI thread processes (hashes) only %2 per second. Unbounded (first): the consumer reads everything as it arrives into a queue of its own. The producer is done long before the consumer, and most of the stream waits in the consumer&apos;s memory: the queue and the process&apos;s resident memory (RSS) grow by about the size of the stream. Bounded (second): the consumer&apos;s socket may buffer only %3, and the consumer reads only as much as it is ready to process. The kernel&apos;s buffers fill, TCP&apos;s flow control stops the sender, and the producer waits for its writes to be taken: its time spent waiting goes up, it finishes only when the consumer does, and memory stays flat. Both deliver the same bytes (the same SHA-256) at about the same speed, since the consumer sets the pace either way; only memory differs. RSS is the whole process&apos;s: a one-time jump of a few tens of MiB can also be the stall watchdog loading symbols for its first report. The live log shows the queue, the growth of RSS (plotted as a bar) and what the producer has sent, twice a second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Five requests start together: two slow ones (600 and 900 ms), one that fails at once (HTTP 500), and two fast ones (100 and 200 ms). Each is a QFuture, made from the reply&apos;s finished signal with QtFuture::connect and a continuation that throws on an error. They are combined four ways, each in a round of its own. all: every value, or the first failure as soon as it comes (the failing request ends it at once). all settled: wait for every request and collect each outcome, success or failure; this is what QtFuture::whenAll does. any: the first success; failures count only if all fail. race: whichever settles first, success or failure; this is QtFuture::whenAny. Each round&apos;s timeline, in the live log, shows the five requests and the moment the combinator decided (^). A combinator only decides what you get: the requests it did not wait for still run to their end.
Last, the search box of the race demo, typed the same way twice (&quot;async&quot;, a pause, &quot;lab&quot;): once sending a request for every keystroke, once with a %1 ms debounce that sends only when the typing pauses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requests to a server that answers each after %2 ms, sent through a small queue that keeps at most N of them in flight: a finished request makes room for the next. The total time falls roughly as %1 × %2 ms / N, so a limit trades speed for load on the server. The server counts the requests it is answering at the same moment; its peak never exceeds the limit. QNetworkAccessManager itself opens at most %3 connections to one host and queues the rest, so for 16 and unlimited the requests are spread over several managers. The last bar is one manager with no limit of ours: its own cap of %3 holds the server&apos;s peak at %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A real SQLite database of %L1 orders, made on a worker thread the first time (Qt SQL with its QSQLITE driver). One slow query asks how many orders are bigger than each of the first %2: a self-join no index helps, so SQLite compares %2 orders with all the others. First it runs on the GUI thread: the window freezes for the whole query, and the longest stall is about as long as the query. Then the same function runs on a worker thread with a connection of its own (a Qt SQL connection may only be used by the thread that made it); SQLite&apos;s progress handler reports how far it got, and the GUI thread stays free. A third run is canceled after %3 ms: sqlite3_interrupt(), called through the driver&apos;s handle, stops the query inside SQLite within milliseconds. Last, a worker asks for the GUI thread&apos;s connection: Qt prints a warning and returns an invalid connection instead of letting two threads share one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Three traps that would wait forever, each caught by a timeout and shown beside its fix. (a) The GUI thread waits for a result that a queued call on the GUI thread delivers; the queued call can only run when the event loop runs, and the waiting is what stops the loop. The watchdog gives up after %1 ms, so the window freezes for that long (the heartbeat stops) and then recovers; asking for the result and returning to the event loop gets it at once. (b) Two worker threads take two locks in opposite order: each holds one and waits for the other&apos;s, until a %2 ms timeout gives up. Taking locks in one agreed order cannot deadlock. (c) A task in a one-thread pool waits for a second task in the same pool, which cannot start until the first returns; a %3 ms timeout catches it. Chaining the second task as a continuation instead of waiting, or a bigger pool, removes the wait.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Four ways async work fails, and how the failure reaches the code that asked for it. An exception thrown inside a QtConcurrent task is stored in its future and rethrown to the onFailed() handler on the GUI thread. A request the server answers only after %1 ms is stopped by a %2 ms deadline, so the caller hears &quot;timed out&quot; instead of waiting. A flaky endpoint answers 503 %3 times before it succeeds; each retry waits twice as long as the one before (%4 ms, then %5, then %6), and attempt %7 gets the 200. Last, a file is written in two steps, into a temporary file and then renamed into place; the first time it completes, the second time it is canceled after %8 of %9 chunks, and neither the target file nor a temporary file is left behind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The GUI thread runs one loop: take the next event, call its handler, repeat. Here it serves a %1 ms timer, two network replies and two results posted by worker threads, and the log shows when each was due and when its handler ran. While the loop is free, events run on time, or a few milliseconds late when painting the window (also work on this loop) took its turn first. At %2 ms one handler takes %3 ms. The loop cannot take the next event until that handler returns, so the tick, the reply and the worker&apos;s result that became due meanwhile all wait, and run together when it ends, each late by the rest of the block. The responsiveness monitor measures the same stall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two simulated clicks on the same button, %1 ms apart; each click&apos;s work takes %2 ms. The first handler &quot;waits&quot; for its work by running a nested QEventLoop. The window keeps painting (the monitor sees no freeze), but the nested loop also delivers the second click, so the same handler starts again before its first call has returned: start 1, start 2, end 2, end 1. The first call resumes last, on top of whatever the second one changed. The safe handler starts the work, returns to the event loop at once and finishes in a continuation; a click that arrives while it is busy waits its turn, so the log reads start 1, end 1, start 2, end 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Three panels each start a request that takes %1 ms, and each panel is closed (deleted) after %2 ms, while its request is still in flight. The naive callback holds a plain pointer to its panel and runs anyway when the result arrives: a real program would now write into freed memory, which crashes or silently corrupts data. Here the demo only looks the address up among the live panels and counts the write it would have made. A QPointer turns null when its object is deleted, so the guarded callback sees that the panel is gone and drops the result. Giving connect() the panel as its context object is cleaner still: deleting the panel disconnects the callback, which never runs. (QFuture::then(context, ...) must not outlive its context in Qt 6.4; a QFutureWatcher owned by the panel gives the same guarantee.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU-bound work only gets faster with more cores: %1 chunks of %2 are hashed with SHA-256 on one worker thread, then spread by QtConcurrent::mapped over all %3 cores of this machine. The speedup can be at most %3, and is less when other programs use the cores too. I/O-bound work is different: %4 fetches of a page the server answers after %5 ms mostly wait, so sending them all at once helps even though one thread handles them all, because the waits overlap. Neither part runs on the GUI thread, but while every core is hashing the GUI thread has to share them, so the log shows the longest freeze of each part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several threads each add 1 to one shared counter many times. Unprotected, an increment is a read and then a write, and a thread can be interrupted between the two: the others add to the counter meanwhile, and its write wipes out what they added. (So that this shows on a busy or one-core machine too, every thread gives up its core between a read and its write once every 1000 increments, as the scheduler may do at any time.) Such a data race is undefined behaviour in C++; the numbers are what this build did on this machine. Under a QMutex the other threads wait at the lock, and std::atomic adds in one indivisible step, so neither loses an update.
The second race is a search box: the demo types a query one letter every %1 ms, and each keystroke fetches results that take a random %2 to %3 ms. Without a guard, whichever answer arrives last stays on screen, even when it belongs to an older query. With a request id checked on arrival, answers to anything but the latest request are dropped, and the screen always ends on the full query.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One pipeline, written three times: fetch a JSON list from the server, parse it on a worker thread, write a summary file. With callbacks, each step starts the next from inside its own completion handler, and every handler checks for errors itself. With futures, the steps form one chain and an error thrown anywhere skips to the single onFailed() at its end. With coroutines, the code reads top to bottom like blocking code, but each co_await returns to the event loop, and errors are caught with an ordinary try/catch. All three write byte-identical files, and an HTTP 500 or broken JSON ends each of them, by its own path, with the same message. The times are for the whole pipeline, mostly the fetch and the hand-offs between threads: the differences between the styles are no larger than the run-to-run noise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same slow request (the server answers after %1 ms) is waited for in three places. On the GUI thread, %2 fetches run one after another and the window freezes for all of their wait, about %3 (only %2 of the %4, so the freeze stays short). On worker threads, each of the %4 fetches blocks a thread of its own: the window stays responsive, but %4 threads sit doing nothing but waiting. On the event loop, all %4 requests are sent at once and the GUI thread is only told when each answer is there: the same half second, no freeze, and no thread per wait. Qt&apos;s network manager waits for all of its requests on one internal thread; %5 managers are used because each opens at most 6 connections to one server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Four servers in this process answer the same request, and a load generator sends each of them more and more requests at once: C connections at a time (C = %4). Watch how many requests a second each server answers, how long the slowest requests wait (p99), and how many threads and how much memory each needs to do it.
The request waits %1 ms for a simulated backend and gets 1 KiB back; in the second variant the server first computes for %2 ms.
• One thread: one request at a time, and the connection closed after it; about 10 requests a second get through.
• Thread pool: %3 threads (2 x the cores), each serving one request at a time.
• Thread per connection: a thread (with a 64 KiB stack) for every connection.
• Event loop: AsyncLab&apos;s own server, one thread for all connections; a timer does the waiting.
How it is measured: every connection sends its next request as soon as the last is answered, for %5 per server and C, after a warm-up of %6 (or until every connection is open, up to 2 s). Errors are refused or reset connections, 503 answers, and requests waiting over %7. Threads are counted by their names in /proc/self/task; memory is the growth of the process&apos;s resident memory (RSS), which includes the load generator&apos;s own buffers. Both ends of every connection are in this process, so C connections need 2 x C open files: this run&apos;s open-file limit is %9 (%8 when it started); a C beyond that shows as errors.
In the second variant the event loop&apos;s one thread computes every request&apos;s %10 ms itself: at most %11 answers a second, and at C = 1000 the last request in line waits %12 for the others&apos; computing, while the thread servers compute on all the cores. All of it runs on worker threads, so the window never waits for it; but thousands of busy threads compete with the GUI thread for the cores, and a freeze the Stalls tab calls &quot;waiting for a CPU&quot; is that.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoFigure</name>
    <message>
        <source>bounded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unbounded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consumer reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read buffer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSS at start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSS growth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>peak queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MiB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>producer done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>producer waits over %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>producer waited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bounded: RSS growth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unbounded: RSS growth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bounded: peak queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unbounded: peak queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same data delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all settled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>race</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decided by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms until the combinator returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keystrokes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search without debounce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search with debounce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>searched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>debounce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max in flight %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max in flight unlimited, %1 manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max in flight unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited, %1 manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms for %1 fetches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fetches in flight at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server peak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client peak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit respected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database made in this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>making the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GUI thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max stall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>progress reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pressed after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until the query stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>query on the GUI thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>query on a worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel until stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms (longest GUI stall; time to stop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GUI thread waits on itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GUI thread, fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opposite lock order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one lock order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rounds (both threads)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool starvation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool, continuation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool of two threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locks in opposite order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locks in one order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool task waits on its pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool task, fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms until detected / until done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trap, then its fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>caught on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backoff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chunks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after chunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>temporary files left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before attempt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms of backoff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loop free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timer tick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loop blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>long handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>monitor max stall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timer ticks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tick (free)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply (free)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result (free)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tick (blocked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply (blocked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result (blocked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what waited, with the loop free or blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nested event loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>continuation + busy flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>second click after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nested QEventLoop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handler calls running at once (max)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>panels closed after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>late results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>naive callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>would touch a deleted panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QPointer guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>results dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>callbacks run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>results dropped cleanly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>panels updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>callbacks that touch a closed panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how the late result is handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU, %1 thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU, %1 cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threads hashing, all cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>work, on one thread or all at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I/O, one at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I/O, all at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU, one thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU, all cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU speedup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I/O speedup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GUI max stall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unprotected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QMutex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>std::atomic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>increments per thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runs per variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runs with lost updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost per run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost updates per run (mean)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search without guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shown at the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale overwrites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search with guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answers dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connections (C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSS +</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one thread, C=%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool of %1, C=%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thread per connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thread per connection, C=%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event loop, C=%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>callbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>futures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coroutines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>files identical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>errors identical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no file after an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms per pipeline (median of %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms longest freeze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where the %1 waits happen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fetches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threads blocked</source>
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
    <message>
        <source>What you are seeing, outcome, live log and stalls</source>
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
    <name>ErrorsDemo</name>
    <message>
        <source>canceling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. a task on a worker thread throws an exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   the exception reached the %1 through the future: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. fetch /delay/%1 with a %2 ms deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   stopped after %1 ms: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   not stopped by the deadline: HTTP %1 after %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. fetch a flaky endpoint that answers 503 %1 times, then 200; retry with exponential backoff, at most %2 attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   attempt %1 at %2 ms: %3; next attempt in %4 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   attempt %1 at %2 ms: HTTP %3, success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   attempt %1 at %2 ms: %3; giving up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4. write %1 chunks to a temporary file, then rename it to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   again, to %1, canceled after chunk %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   chunk %1 of %2 written to the temporary file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   cancel!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   %1 is there, %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   %1 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   canceled after %1 chunks: %2 %3; temporary files left: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXISTS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled before all four steps ran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no exception: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an exception of unknown type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exception thrown in a worker task reached the %1 through its future (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No exception reached the caller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 ms request was stopped after %2 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 ms request was NOT stopped by the deadline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The flaky request succeeded on attempt %1 after %2 ms of backoff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The flaky request failed after %n attempt(s).</source>
        <translation>
            <numerusform>The flaky request failed after %n attempt.</numerusform>
            <numerusform>The flaky request failed after %n attempts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The write canceled after %1 of %2 chunks left a partial target file and %n temporary file(s).</source>
        <translation>
            <numerusform>The write canceled after %1 of %2 chunks left a partial target file and %n temporary file.</numerusform>
            <numerusform>The write canceled after %1 of %2 chunks left a partial target file and %n temporary files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The write canceled after %1 of %2 chunks left no target file and %n temporary file(s).</source>
        <translation>
            <numerusform>The write canceled after %1 of %2 chunks left no target file and %n temporary file.</numerusform>
            <numerusform>The write canceled after %1 of %2 chunks left no target file and %n temporary files.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventLoopDemo</name>
    <message>
        <source>Started: a %1 ms timer, fetches the server answers after %2 and %3 ms, and worker results ready at %4 and %5 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms  timer tick #%2, due %3 ms: %4 late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms  %2, due %3 ms: %4 late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms  the long handler starts: the GUI thread is busy for %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms  the long handler returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only %1 of 4 replies and results arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the loop free, the timer, the reply and the worker&apos;s result ran at most %1 late. During the %2 handler, the tick, the reply and the result due then ran %3, %4 and %5 late; the monitor measured a %6 stall.</source>
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
    <name>FigureTable</name>
    <message>
        <source>Value</source>
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
    <name>Glossary</name>
    <message>
        <source>asynchronous (Async)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting work and being told when it is done, instead of waiting for it. The thread that started it is free to do other things meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>atomic operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A read-modify-write the processor does as one indivisible step (std::atomic, Atomics.add). Two threads can no longer lose each other&apos;s update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backpressure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A slow consumer making a fast producer wait, so data does not pile up in between. Without it, the queue between them grows until memory runs out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A call that does not return until its work is done. While it waits, the thread that made it can do nothing else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A thread running on a CPU: computing, copying, hashing. A freeze where the GUI thread is busy is fixed by moving the work elsewhere or making it smaller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C10K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The problem of serving ten thousand connections at once. A thread per connection runs out of memory and scheduler time; an event loop waits for all of them with one thread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A function handed to someone to call later, when the result is there. Qt&apos;s signals and slots, JavaScript&apos;s .then() and Python&apos;s add_done_callback are callbacks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>concurrency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several tasks in progress at once, whether or not they run at the same instant. Waiting for 20 fetches at once is concurrency; it needs no extra CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coroutine (await)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A function that can pause at an await and resume later where it left off. It reads like blocking code but gives the thread back to the event loop at every await.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>culprit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The function (with its file and line) where most samples of a stall found the GUI thread. It is the place to look first when the window froze.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deadlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two waits that each need the other to end first, so neither ever does. Only a timeout, or killing the program, ends it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something the event loop hands to a handler: a mouse click, a key press, a timer firing, a network reply arriving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loop a GUI thread (or Node, or asyncio) runs forever: take the next event from the queue, run its handler, repeat. While a handler runs, everything else in the queue waits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One picture of the window; at 60 Hz a new one is due every 16.7 ms. A stall longer than that makes the screen miss frames, and motion stutters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>future (promise)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An object standing for a result that is not there yet (QFuture, JavaScript&apos;s Promise, asyncio&apos;s Future). You attach what to do next instead of waiting for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>futex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Linux system call a thread sleeps in while it waits for a lock, a condition or a future. A stall &apos;waiting on a futex&apos; means the GUI thread waited for another thread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GUI thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program&apos;s main thread: the only one that paints the window and handles input. If it is blocked, the window freezes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code run for one event: a slot connected to a button&apos;s clicked signal, an onclick function. The event loop waits for it to return.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>heartbeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A small animation (or timer) that should tick steadily on the GUI thread. When it stops, the thread is not running its event loop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep-alive connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An HTTP connection kept open for the next request instead of closed after one. It saves a new connection&apos;s setup for every request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event-loop lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How late a timer on the GUI thread runs compared to when it was due. Near 0 ms the loop is free; a lag of 2 s means the thread was stuck for 2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many connections a client opens to one server at once: 6 per host in browsers and in Qt&apos;s QNetworkAccessManager. Further requests wait in a queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>long task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A piece of work that holds the GUI thread for more than 50 ms, the point where people start to feel the delay (the web&apos;s name for it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mutex (lock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A lock only one thread can hold at a time (QMutex, threading.Lock). Code between lock and unlock cannot be interleaved with another thread&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nested event loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event loop started inside a handler (QEventLoop::exec, a modal dialog). It keeps the window alive but lets other handlers run in the middle of yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99 (99th percentile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value 99% of measurements stay at or below. A p99 lag of 3 ms means only one timer tick in a hundred ran more than 3 ms late.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parallelism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work running at the same instant on several CPU cores. It speeds up computing; waiting needs concurrency, not parallelism.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>race condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A result that depends on the order two threads (or two tasks around an await) happen to run in. It can pass a test a hundred times and fail the next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSS (resident set size)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The memory of a process that is really in RAM right now. A queue that grows without bound shows up as RSS growing with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads that are ready to run but waiting for a free CPU core. On a loaded machine a thread can be &apos;runnable&apos; and still not run for a while.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stall (freeze)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stretch of time when the GUI thread could not react at all: no painting, no input, no timers. AsyncLab records every stall over 50 ms and says where it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One sequence of instructions the operating system schedules on a CPU. A program can have many; each one blocked in a wait costs memory but no CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thread pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fixed set of worker threads that take tasks from a queue (QThreadPool, Node&apos;s libuv pool, Python&apos;s ThreadPoolExecutor). More tasks than threads wait their turn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout (deadline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A limit on how long to wait. It turns a wait that would never end into an error you can handle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A thread asleep in the kernel until something happens: a reply, a lock, a timer. It uses no CPU, but a waiting GUI thread cannot paint either.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wall time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time as a clock on the wall measures it, from start to end, whatever the CPUs did meanwhile.</source>
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
    <name>Judgment</name>
    <message>
        <source>The fetch took %1; the heartbeat stopped for %2 at most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window froze for part of the fetch only: a busy machine can do that. Run it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fetch took %1; the longest freeze of the window was %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window froze for %1, more than a person notices but far less than the fetch: something else held the GUI thread. Run it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fetches of %2 each took %3 in all: %4 times one fetch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is far from every choice: a busy machine, or a slow start. Run it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tick due during the %1 handler ran %2 late.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late, but not by about the handler&apos;s length: a busy machine. Run it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the peak, %1 worker threads sat blocked waiting for %2 fetches; the event loop waited for them with %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>some</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only some threads waited at once: the pool started them slower than the fetches ended. Run it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No freeze over 50 ms was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The longest freeze, %1: busy in %2% of its samples, waiting in %3%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1% the thread was ready to compute but queued for a CPU: the machine is busy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neither busy nor waiting in most samples.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocking took %1, Async %2; one step waits %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run took neither about one step nor about all of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over %1 runs the unprotected counter lost %2 of its %3 updates; the counters guarded by a QMutex and a std::atomic lost %4 and %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The race happened not to race this time: the threads did not overlap. That does not make the code correct. Run it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The GUI thread waited until the %1 timeout gave up; the fixed version had its result in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result arrived: the wait did not deadlock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a %1 MiB stream, the unbounded queue held up to %2 MiB (memory grew by %3 MiB); the bounded one held up to %4 MiB (memory grew by %5 MiB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue grew by part of the stream only: the consumer kept up better than usual. Run it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No freeze with a known culprit was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program did not freeze, or its stack could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The longest freeze, %1, was in %2 (line %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The freeze was in none of the lines offered.</source>
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
    <name>Lesson</name>
    <message>
        <source>Backpressure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A producer sends a 256 MiB stream as fast as it can; the consumer processes 56 MiB per second. In between is a queue with no limit. What happens to the queue (and the program&apos;s memory)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It stays small: the queue passes the data on as it comes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It grows: much of the stream piles up in the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It grows by twice the stream: every chunk is copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Async code makes producing cheap: nothing waits. If the consumer is slower, the difference piles up in the queue, and the producer is done long before the consumer. Here a good part of a 256 MiB stream waits in memory (&lt;a href=&quot;term:rss&quot;&gt;RSS&lt;/a&gt;); a bigger or endless stream runs out of memory. Moving that pile costs the GUI thread too: the heartbeat may show a short freeze while a large chunk is copied into the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;a href=&quot;term:backpressure&quot;&gt;Backpressure&lt;/a&gt; is the fix: a bounded buffer, and a producer that waits while it is full. Qt&apos;s &lt;code&gt;setReadBufferSize&lt;/code&gt;, Node&apos;s &lt;code&gt;write()&lt;/code&gt; returning false until &apos;drain&apos;, and &lt;code&gt;asyncio.Queue(maxsize=...)&lt;/code&gt; are all the same idea: memory stays flat, and the whole transfer takes no longer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the concept gallery (Ctrl+K) and run &quot;Streams and backpressure&quot;: memory and queue size with and without the bound, and the same SHA-256 both ways.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both modes side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare runs five fetches of 1 s each twice: first Blocking, one after another on the GUI thread; then Async, all five started at once. How long does each run take?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both about 5 s: the server takes 5 × 1 s either way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocking about 5 s, Async about 1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both about 1 s: the server answers all five at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Async bought two different things here. First, no freeze: the window stayed alive in the Async run (its longest &lt;a href=&quot;term:stall&quot;&gt;stall&lt;/a&gt; is milliseconds). Second, &lt;a href=&quot;term:concurrency&quot;&gt;concurrency&lt;/a&gt;: five waits overlapped, so the &lt;a href=&quot;term:wall-time&quot;&gt;wall time&lt;/a&gt; fell from five waits to one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They are separate. Awaiting one fetch after another in a loop is still Async (no freeze) but takes 5 s; &lt;code&gt;Promise.all&lt;/code&gt;, &lt;code&gt;asyncio.gather&lt;/code&gt; or starting all requests before waiting overlaps them. Compare&apos;s &lt;i&gt;Async: one step at a time&lt;/i&gt; shows the first without the second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Compare (Ctrl+R), choose the &quot;Slow server&quot; scenario and run it, then again with &quot;Async: one step at a time&quot; checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy or waiting?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Blocking fetch froze the window for a second. AsyncLab looked at the GUI thread every 10 ms during the freeze. What did it find the thread doing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy: computing on a CPU the whole time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting: asleep until the answer arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to find: a second is too short to record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A frozen thread is either &lt;a href=&quot;term:busy&quot;&gt;busy&lt;/a&gt; (running on a CPU: hashing a file, parsing, sorting) or &lt;a href=&quot;term:waiting&quot;&gt;waiting&lt;/a&gt; (asleep in the kernel until a reply, a lock or a timer wakes it, often in a &lt;a href=&quot;term:futex&quot;&gt;futex&lt;/a&gt;). A blocking fetch waits: the CPU is idle, yet the window is frozen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cure differs: waiting is removed by not waiting (Async), busy work by moving it to a worker thread or making it smaller. The Stalls panel names the &lt;a href=&quot;term:culprit&quot;&gt;culprit&lt;/a&gt; line and the busy/waiting share of every &lt;a href=&quot;term:stall&quot;&gt;stall&lt;/a&gt;; a Blocking file load shows a busy one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the main window, run a Blocking fetch, then a Blocking file load (Generate sample, then Load), and compare their cards in the Stalls panel: one waiting, one busy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the freeze in a program you did not write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes is a small Qt editor someone else wrote (its whole source is in the C++ tab). When you press Save, its window freezes for most of a second. Which line of its Save handler froze it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>const QString text = m_editor-&gt;toPlainText();</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>const QByteArray packed = packForDisk(text);</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keepBackupCopy(packed);</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>statusBar()-&gt;showMessage(QStringLiteral(&quot;Saved %1 bytes&quot;).arg(packed.size()));</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guessing from names misleads: compressing three times sounds slow and takes milliseconds. &lt;code&gt;asynclab watch&lt;/code&gt; measures instead. It starts the program with a probe inside that watches its &lt;a href=&quot;term:gui-thread&quot;&gt;GUI thread&lt;/a&gt;, samples its stack during each &lt;a href=&quot;term:stall&quot;&gt;stall&lt;/a&gt;, and names the &lt;a href=&quot;term:culprit&quot;&gt;culprit&lt;/a&gt;: the innermost function of the program&apos;s own code, with file and line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here it is a wait (&lt;a href=&quot;term:waiting&quot;&gt;waiting&lt;/a&gt;, not &lt;a href=&quot;term:busy&quot;&gt;busy&lt;/a&gt;): a polling loop that sleeps on the GUI thread until a sync service is done. The fix is the course&apos;s first lesson: do not wait on the GUI thread; ask, and be called back. You can now do this to any Qt 6 program: &lt;code&gt;asynclab watch -- ./yourprogram&lt;/code&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch a program of your own: File ▸ Watch a program… in the main window, or asynclab watch -- PROGRAM on the command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several threads (one per CPU core, at least four) each add 200 000 to one shared counter with ++counter, and no lock. What does the counter read at the end?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exactly the sum of all their additions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Less: some additions get lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More: some additions count twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;code&gt;++counter&lt;/code&gt; is three steps: read, add one, write back. When two threads read the same value before either writes, one of the two additions is lost. The demo&apos;s threads pause now and then between the read and the write, as a busy machine would make them do, so the race is lost often enough to see every run. That is a &lt;a href=&quot;term:race-condition&quot;&gt;race condition&lt;/a&gt;: the result depends on timing, so it can pass a test and fail the next run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A &lt;a href=&quot;term:mutex&quot;&gt;mutex&lt;/a&gt; lets one thread at a time through; an &lt;a href=&quot;term:atomic&quot;&gt;atomic&lt;/a&gt; increment makes the three steps one. JavaScript and Python have the same bug without threads: read a value, &lt;code&gt;await&lt;/code&gt;, write it back, and another task ran in between.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the concept gallery (Ctrl+K) and run &quot;Race condition&quot;: the unprotected counter, QMutex and std::atomic, and a stale search answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One queue for everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A timer should fire every 10 ms on the GUI thread. At 500 ms, a click handler starts 300 ms of work on that same thread. How late does the timer tick that was due during the handler run?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On time: a timer interrupts the handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About 300 ms late: it waits in the queue until the handler returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About 600 ms late: it also waits for everything queued behind it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &lt;a href=&quot;term:event-loop&quot;&gt;event loop&lt;/a&gt; has one queue for everything: timers, network replies, results posted by worker threads, clicks, repaints. It runs one &lt;a href=&quot;term:handler&quot;&gt;handler&lt;/a&gt; at a time and never interrupts one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>So a 300 ms handler delays every &lt;a href=&quot;term:event&quot;&gt;event&lt;/a&gt; that falls due meanwhile by up to 300 ms: that delay is the &lt;a href=&quot;term:lag&quot;&gt;event-loop lag&lt;/a&gt; AsyncLab measures with its 5 ms timer. Over 50 ms it is a &lt;a href=&quot;term:long-task&quot;&gt;long task&lt;/a&gt; people feel; over 16 ms the window misses a &lt;a href=&quot;term:frame&quot;&gt;frame&lt;/a&gt;. Node&apos;s and asyncio&apos;s loops work exactly the same way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the concept gallery (Ctrl+K) and run &quot;Inside the event loop&quot;: its log shows each timer tick, reply and result, and how late it ran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same wait, with the window alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same server, 2 seconds again, but in Async mode: the request is sent and the GUI thread goes back to its event loop until the answer arrives. What happens?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer comes at once: Async makes the server faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It still takes about 2 s, but the window never freezes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It takes about 2 s and the window freezes, as in Blocking mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;a href=&quot;term:async&quot;&gt;Async&lt;/a&gt; does not make anything faster: the server still needs its 2 seconds. What changes is who waits. Nobody does: the request is pending, and the &lt;a href=&quot;term:event-loop&quot;&gt;event loop&lt;/a&gt; keeps painting and handling input until the reply arrives as one more &lt;a href=&quot;term:event&quot;&gt;event&lt;/a&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is the whole trade: the same wall time, but the window stays alive. In JavaScript, &lt;code&gt;await fetch(url)&lt;/code&gt; does exactly this; in Python, &lt;code&gt;await&lt;/code&gt; on an asyncio stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the main window, choose Async (Ctrl+2) and press &quot;Slow server (2 s)&quot;: the result line says what Async bought. Then try the same in Blocking mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See a freeze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AsyncLab&apos;s built-in server answers after 2 seconds. In Blocking mode the GUI thread itself waits for the answer. How long will the window freeze (the heartbeat stop)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not at all: the server does the waiting, not the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About 2 s: as long as the server takes to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About 4 s: the wait, then as long again to read the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A window has one &lt;a href=&quot;term:gui-thread&quot;&gt;GUI thread&lt;/a&gt;. It paints, takes your clicks and keys and runs the timers, one thing after another, in its &lt;a href=&quot;term:event-loop&quot;&gt;event loop&lt;/a&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A &lt;a href=&quot;term:blocking&quot;&gt;blocking&lt;/a&gt; call makes that thread wait until the answer is there. For those 2 seconds it can do nothing else: the window is frozen for exactly as long as the wait, a &lt;a href=&quot;term:stall&quot;&gt;stall&lt;/a&gt;. AsyncLab&apos;s &lt;a href=&quot;term:heartbeat&quot;&gt;heartbeat&lt;/a&gt; and its &lt;a href=&quot;term:lag&quot;&gt;lag&lt;/a&gt; chart show it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the main window, choose Blocking (Ctrl+1), press &quot;Slow server (2 s)&quot; and type in the text box while it waits: nothing appears until the answer comes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Six at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In Async mode AsyncLab starts 20 fetches of a server that answers each after 1 second. Qt, like a browser, opens at most 6 connections to one server at a time; the rest wait their turn. How long until all 20 are done?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About 1 s: they all wait at the same time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About 4 s: in rounds of six (6 + 6 + 6 + 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About 20 s: one after another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Async gives you &lt;a href=&quot;term:concurrency&quot;&gt;concurrency&lt;/a&gt;: many waits in progress at once, with one thread. But something always sets a limit. Qt&apos;s QNetworkAccessManager opens at most 6 &lt;a href=&quot;term:keep-alive&quot;&gt;keep-alive connections&lt;/a&gt; per host, as browsers do; the other requests queue. 20 fetches of 1 s take four rounds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A &lt;a href=&quot;term:connection-limit&quot;&gt;connection limit&lt;/a&gt; protects the server and you. In JavaScript and Python there is no limit unless you set one: a small pool of workers or an &lt;code&gt;asyncio.Semaphore(6)&lt;/code&gt; does it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the concept gallery (Ctrl+K) and run &quot;Limiting concurrency&quot;: 50 fetches with at most 1, 2, 6, 16 or unlimited in flight, counted at the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A thread per wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another way to keep the window alive: hand each of 20 fetches (0.5 s each) to a worker thread that makes a blocking call and waits. At the peak, how many threads sit blocked, doing nothing but wait?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: waiting costs no thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One: the pool shares a single waiting thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About 20: one per fetch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving a blocking call to a worker &lt;a href=&quot;term:thread&quot;&gt;thread&lt;/a&gt; keeps the &lt;a href=&quot;term:gui-thread&quot;&gt;GUI thread&lt;/a&gt; free, but each wait still holds a whole thread: 20 waits, 20 blocked threads in a &lt;a href=&quot;term:thread-pool&quot;&gt;thread pool&lt;/a&gt;, each with its own stack. That is fine for 20 and ruinous for 10 000 (the &lt;a href=&quot;term:c10k&quot;&gt;C10K&lt;/a&gt; problem).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo first waits on the GUI thread itself, for comparison: 4 of the fetches, one after another, freeze the window for about 2 s on purpose. The event loop waits for all 20 with no thread at all: the kernel tells it which connection has data. The demo runs the same 20 fetches this way last, and its figures show no thread blocked. Node and asyncio are built on exactly this; their thread pools are for the few calls that cannot wait this way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the concept gallery (Ctrl+K) and run &quot;Where the wait happens&quot;: the GUI thread, worker threads and the event loop wait for the same fetches; then &quot;Servers under load&quot; for 10 000 connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting on yourself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A click handler on the GUI thread posts a request to its own event loop, then waits for the answer, with a 1.5 s timeout so it cannot wait forever. What happens?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer arrives almost at once, a little late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It waits until the 1.5 s timeout gives up: the answer can only come after the wait ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt notices the mistake and reports an error at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer is an &lt;a href=&quot;term:event&quot;&gt;event&lt;/a&gt; in the GUI thread&apos;s own queue, and the only thread that can run it is the one that is waiting. Each waits for the other: a &lt;a href=&quot;term:deadlock&quot;&gt;deadlock&lt;/a&gt;. Nothing detects it; only the &lt;a href=&quot;term:timeout&quot;&gt;timeout&lt;/a&gt; ends it, and then the answer is delivered at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fix is not a longer timeout but not waiting: ask, return to the &lt;a href=&quot;term:event-loop&quot;&gt;event loop&lt;/a&gt;, and handle the answer in a &lt;a href=&quot;term:callback&quot;&gt;callback&lt;/a&gt; or after an &lt;code&gt;await&lt;/code&gt;. The same demo also shows two threads taking two locks in opposite order, and a &lt;a href=&quot;term:thread-pool&quot;&gt;pool&lt;/a&gt; whose tasks wait for tasks queued behind them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the concept gallery (Ctrl+K) and run &quot;Deadlock&quot;: three deadlocks, each caught by a timeout, and the fix for each.</source>
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
    <message>
        <source>JavaScript (Node)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoadGenerator</name>
    <message>
        <source>epoll_create1 failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>socket() failed: %1</source>
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
    <message>
        <source>Every freeze of the GUI thread over %1, and where it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocking: the window is frozen until it ends</source>
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
    <message>
        <source>&lt;p&gt;&lt;b&gt;Blocking&lt;/b&gt;: the work and all its waiting happen on the GUI thread. The window freezes until it is done.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Async&lt;/b&gt;: the waiting happens off the GUI thread (network events, a worker thread). The window stays responsive.&lt;/p&gt;&lt;p&gt;Click a side, or press Space or the arrow keys.&lt;/p&gt;</source>
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
    <message>
        <source>nested event loop: click 1 now, click 2 %1 ms later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>canceling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>continuation and busy flag: the same two clicks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    click %1 arrives while busy: it waits its turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    order: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    order: %1; longest event-loop stall meanwhile: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the handler is RE-ENTERED: its first call has not returned yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the handler waits %1 ms in a nested event loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handler returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starts the work and returns at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the continuation finishes the work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled before both clicks were handled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not re-entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nested event loop: %1, order %2, while the event loop never stalled longer than %3. Continuation with a busy flag: %4, order %5.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObjectLifetimeDemo</name>
    <message>
        <source>canceling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>three panels open, each fetching /delay/%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms: the user closes all three panels (deleted); their requests are still in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms: a result arrives for the panel with the naive callback: it runs with a pointer to the deleted panel, and a real program would write into freed memory now (counted here, not done)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms: the naive callback updates its panel, still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms: a result arrives for the panel with the %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QPointer guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>panel as context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled before the requests started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the QPointer is null, the result is dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the panel was still there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the callback went with the panel and does not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the callback ran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled while the requests were in flight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) arrived after their panels were closed.</source>
        <translation>
            <numerusform>%n result arrived after their panels were closed.</numerusform>
            <numerusform>%n results arrived after their panels were closed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The naive callback ran %n time(s) with a pointer to a deleted panel (counted, not followed).</source>
        <translation>
            <numerusform>The naive callback ran %n time with a pointer to a deleted panel (counted, not followed).</numerusform>
            <numerusform>The naive callback ran %n times with a pointer to a deleted panel (counted, not followed).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The QPointer guard dropped %n result(s).</source>
        <translation>
            <numerusform>The QPointer guard dropped %n result.</numerusform>
            <numerusform>The QPointer guard dropped %n results.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The callback with the panel as context ran %n time(s).</source>
        <translation>
            <numerusform>The callback with the panel as context ran %n time.</numerusform>
            <numerusform>The callback with the panel as context ran %n times.</numerusform>
        </translation>
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
    <message>
        <source>Hashing %1 chunks of %2 on one worker thread…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashing the same chunks on all %1 cores…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching %1 slow pages one after another…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the same %1 pages all at once…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2; longest GUI freeze meanwhile %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fetches failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashing took %1 on one thread and %2 on %3 cores: %4× faster (at most %3× is possible). The %5 fetches took %6 one after another and %7 all at once: %8× faster, on a single thread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the two ways of hashing gave different results</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RaceDemo</name>
    <message>
        <source>%1 threads each add 1 to a shared counter %2 times, %3 runs per variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>canceling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 run %2/%3: expected %4, counted %5, lost %6 updates (%7 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search as you type, WITH a request-id guard:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search as you type, without a guard:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  typed %2, its results take %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  answer for %2 arrives late and REPLACES the newer %3 on screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  answer for %2 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  answer for %2 dropped: not the latest request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the screen ends on %1 after typing %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the newest query won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a STALE answer won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled during the counter runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request for %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled during the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unprotected: expected %L1, got about %L2 per run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unprotected, %1 of %2 runs lost updates (%3 in all); QMutex lost %4 and std::atomic %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Without a guard the search ended on %1 after typing %2 (%n stale overwrite(s)).</source>
        <translation>
            <numerusform>Without a guard the search ended on %1 after typing %2 (%n stale overwrite).</numerusform>
            <numerusform>Without a guard the search ended on %1 after typing %2 (%n stale overwrites).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>With the guard it ended on %1 (%n stale overwrite(s)).</source>
        <translation>
            <numerusform>With the guard it ended on %1 (%n stale overwrite).</numerusform>
            <numerusform>With the guard it ended on %1 (%n stale overwrites).</numerusform>
        </translation>
    </message>
    <message>
        <source>The losses are alike from run to run because every thread yields at the same points of its loop, so the threads take turns the same way each time; in real code the interleaving, and so the loss, changes from run to run.</source>
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
    <message>
        <source>%1 (all of it and drawing the result)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Blocking&lt;/b&gt; cost a frozen window: it took %1, and the window could not paint or react for all of it and while it drew the result after it, %2 in all. Async takes about as long and keeps the window alive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 in %2; the window froze for all of it and while it drew the result: %3 in all</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResponsivenessGate</name>
    <message>
        <source>%1 over the %2 limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 busy over the %2 busy limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stall %1 at %2: %3, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, no culprit in the program&apos;s own code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, during %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, in test %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAIL %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok   %1</source>
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
    <name>SaveFile</name>
    <message>
        <source>cannot write %1: %2</source>
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
    <name>ServersDemo</name>
    <message>
        <source>open-file limit %1 -&gt; %2; the request: GET %3; load average %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1, C=%2: %3 req/s, p99 %4, %5 threads, RSS +%6 MiB, %7 errors, %8 timeouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (no answers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, C=%2 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the open-file limit (%1) leaves room for %2 of the %3 connections (2 descriptors each)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    %1 connected, %2 accepted, %3 answered, %4 threads, RSS +%5 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled after %1 of the steps. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 threads refused, %2 accepts failed (%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServersOutcomeBuilder</name>
    <message>
        <source>Open-file limit: %1 -&gt; %2; load average %3 at the start (other programs share the cores).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The event loop used %n thread(s) at every C; at C=%1 it held %2 connections at %3 req/s with p99 %4 (%5x the handler&apos;s %6 ms).</source>
        <translation>
            <numerusform>The event loop used %n thread at every C; at C=%1 it held %2 connections at %3 req/s with p99 %4 (%5x the handler&apos;s %6 ms).</numerusform>
            <numerusform>The event loop used %n threads at every C; at C=%1 it held %2 connections at %3 req/s with p99 %4 (%5x the handler&apos;s %6 ms).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The event loop used %n thread(s) at every C; at C=%1 it held %2 connections but answered none in the measured %3.</source>
        <translation>
            <numerusform>The event loop used %n thread at every C; at C=%1 it held %2 connections but answered none in the measured %3.</numerusform>
            <numerusform>The event loop used %n threads at every C; at C=%1 it held %2 connections but answered none in the measured %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It had %n error(s) there (refused, reset, 503 or never opened).</source>
        <translation>
            <numerusform>It had %n error there (refused, reset, 503 or never opened).</numerusform>
            <numerusform>It had %n errors there (refused, reset, 503 or never opened).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 at C=%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thread per connection needed a thread for each connection (%1, the acceptor included) and RSS grew by %2 MiB at C=%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 served at most %2 req/s (p99 up to %3), whatever C.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at C=%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not run fully: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Snippets</name>
    <message>
        <source>bounded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unbounded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>producer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>combinator-request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>combinator-all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>combinator-any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>combinator-qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>debounce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limiter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong-thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gui-trap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gui-fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock-order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock-order-fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool-starvation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool-fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancel-chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>long-handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsafe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>safe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>naive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qpointer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cpu-chunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cpu-one-thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cpu-all-cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>io-all-at-once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unprotected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mutex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>atomic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search-unguarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search-guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thread-handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one-thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thread-pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thread-per-connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event-loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>callbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>futures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coroutines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait-on-gui-thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait-on-workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait-on-event-loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocking-get</source>
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
        <source>&lt;br&gt;Too short to see where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where is not known: no sample of this freeze was taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 because the machine gave %2 no CPU: other programs were running. Not caused by the code you ran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, waiting in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, called from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Why: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, busy in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;■&lt;/span&gt;&amp;nbsp;busy: computing on a CPU &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;■&lt;/span&gt;&amp;nbsp;waiting for a CPU: ready to run, but other programs had all of them &amp;nbsp; &lt;span style=&apos;color:%3&apos;&gt;■&lt;/span&gt;&amp;nbsp;waiting: asleep in the kernel until something arrives &amp;nbsp; &lt;span style=&apos;color:%4&apos;&gt;■&lt;/span&gt;&amp;nbsp;no sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Line %1: &lt;code&gt;%2&lt;/code&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, too briefly to see where: the watchdog starts taking samples of the stack only once the window is %2 ms late (then every %3 ms), and this freeze was over before the first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 while AsyncLab drew or updated its own window: its own work, which on a busy machine waits for the display, for locks inside Qt or for a CPU. Not caused by the code you ran.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StallCulprit</name>
    <message>
        <source>%1, waiting in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, busy in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, called from %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StallPatterns</name>
    <message>
        <source>waiting for a process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start it and react to QProcess::finished() instead of waiting for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL on the GUI thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run the query on a worker thread with its own connection and post the rows back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decoding an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decode with QImageReader on a worker thread (QML: Image.asynchronous)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading plugins or libraries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>load plugins once at start-up (behind a splash) or on first use, not in a handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>setting up OpenGL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create the GL context and its shaders once, early, not on first show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sleeping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use a QTimer to come back later instead of sleeping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for a future or a thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>continue with QFuture::then(context, ...) or a QFutureWatcher instead of waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synchronous socket or file I/O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use the socket&apos;s signals (readyRead) or read the file on a worker thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a nested event loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show the dialog with open() and handle its result in a slot, not exec()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no CPU to be had</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other programs held the CPUs: nothing in this code to change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (gallery: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>computing on the GUI thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>move the work to QtConcurrent::run() or a worker thread and show its result when it is ready, or cut it into slices the event loop runs between</source>
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
    <message>
        <source>not in AsyncLab&apos;s code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in %1&apos;s code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 of CPU time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, waiting for a CPU %2%</source>
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
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StallShareBar</name>
    <message>
        <source>Busy, waiting for a CPU and waiting shares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy %1%, waiting for a CPU %2%, waiting %3%</source>
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
    <message>
        <source>Stalls while AsyncLab started, drew or updated its own window, or while other programs had all the CPUs: not the code you ran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  AsyncLab&apos;s own window, not your code</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Also AsyncLab&apos;s own and the machine&apos;s (%n)</source>
        <translation>
            <numerusform>Also AsyncLab&apos;s own and the machine&apos;s (%n)</numerusform>
            <numerusform>Also AsyncLab&apos;s own and the machine&apos;s (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StreamProducer</name>
    <message>
        <source>the producer cannot listen: %1</source>
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
    <name>ThreadedServer</name>
    <message>
        <source>the server is already running on port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot listen on 127.0.0.1:%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start its threads: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a new thread</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThreeStylesDemo</name>
    <message>
        <source>wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fetch failed: HTTP %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fetch failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parse failed: %1 at byte %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parse failed: no &quot;items&quot; list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 pipeline failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All three styles wrote the same %1-byte summary file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The three summary files differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HTTP 500 ended every style with &quot;%1&quot; and the broken JSON with &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HTTP 500 ended the styles differently, callbacks with &quot;%1&quot; and the broken JSON with &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No style wrote a file after an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file was written after an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median of %1 runs: %2; the runs of one style varied by up to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the three styles did not agree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out after %1</source>
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
    <message>
        <source>free: no fetch or load blocked the GUI thread here</source>
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
    <message>
        <source>  handler  %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  why      %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  python   %1
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
    <message>
        <source>In a moment the window freezes for about %1: %2 fetches wait on the GUI thread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now %1 fetches on %1 worker threads, one blocking call each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now %1 fetches on the event loop: no thread waits for any one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 worker threads blocked in a fetch right now; %2 done; the process has %3 threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 fetches in %3, longest freeze %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a fetch on the GUI thread failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fetches on worker threads failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fetches on the event loop failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GUI thread: %1 fetches took %2 with the GUI thread itself waiting; longest freeze %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker threads: %1 fetches took %2 with %3 threads blocked at once; longest freeze %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event loop: %1 fetches took %2 with no thread blocked for any one fetch (the network managers added %3 threads, which wait for all their requests together); longest freeze %4.</source>
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
    <message>
        <source>Try &apos;asynclab watch --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no stacks: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count modules or source files whose path matches GLOB as the program&apos;s own code, besides its executable and its private libraries and plugins (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name the program to watch: asynclab watch -- PROGRAM [ARGS...]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--pid watches a running program: name no program to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--duration wants seconds above 0, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--threshold wants milliseconds, at least 1, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--output wants a file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--pid wants a process id, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

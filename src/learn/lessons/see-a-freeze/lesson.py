# A blocking call inside asyncio's event loop: the heartbeat task cannot run until it returns.
# python3 lesson.py http://127.0.0.1:PORT [MS]
import asyncio
import sys
import time
import urllib.request

base = sys.argv[1]
ms = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
longest_gap = 0.0


async def heartbeat():
    """Ticks every 10 ms and notes the longest gap between two ticks."""
    global longest_gap
    last = time.monotonic()
    while True:
        await asyncio.sleep(0.01)
        now = time.monotonic()
        longest_gap = max(longest_gap, now - last)
        last = now


async def main():
    beat = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.05)
    start = time.monotonic()
    urllib.request.urlopen(f"{base}/delay/{ms}").read()  # blocks the loop's only thread
    took = time.monotonic() - start
    await asyncio.sleep(0.05)
    beat.cancel()
    print(f"the blocking fetch took {took:.1f} s")
    print(f"the heartbeat stopped for {longest_gap:.1f} s"
          + (": the whole wait" if longest_gap > 0.75 * took else ""))


asyncio.run(main())

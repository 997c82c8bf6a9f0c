# await on an asyncio stream: the event loop runs on while the answer is on its way.
# python3 lesson.py http://127.0.0.1:PORT [MS]
import asyncio
import sys
import time
from urllib.parse import urlsplit

base = sys.argv[1]
ms = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
longest_gap = 0.0


async def heartbeat():
    global longest_gap
    last = time.monotonic()
    while True:
        await asyncio.sleep(0.01)
        now = time.monotonic()
        longest_gap = max(longest_gap, now - last)
        last = now


async def http_get(url):
    """GET over asyncio's streams: every await hands the thread back to the loop."""
    parts = urlsplit(url)
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
    writer.write(f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
                 "Connection: close\r\n\r\n".encode())
    body = await reader.read()  # until the server closes
    writer.close()
    return body


async def main():
    beat = asyncio.create_task(heartbeat())
    start = time.monotonic()
    await http_get(f"{base}/delay/{ms}")
    took = time.monotonic() - start
    beat.cancel()
    print(f"the fetch took {took:.1f} s")
    print(f"the heartbeat kept beating: its longest gap was {longest_gap * 1000:.0f} ms")


asyncio.run(main())

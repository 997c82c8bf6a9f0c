# 20 fetches, at most 6 at a time: asyncio sets no limit by itself, a Semaphore does.
# python3 lesson.py http://127.0.0.1:PORT [MS]
import asyncio
import sys
import time
from urllib.parse import urlsplit

base = sys.argv[1]
ms = int(sys.argv[2]) if len(sys.argv) > 2 else 1000


async def http_get(url):
    parts = urlsplit(url)
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
    writer.write(f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
                 "Connection: close\r\n\r\n".encode())
    body = await reader.read()
    writer.close()
    return body


async def main():
    limit = asyncio.Semaphore(6)

    async def limited(url):
        async with limit:  # the seventh waits here until one of six is done
            return await http_get(url)

    start = time.monotonic()
    await asyncio.gather(*(limited(f"{base}/delay/{ms}") for _ in range(20)))
    took = time.monotonic() - start
    print(f"20 fetches, at most 6 at a time: {took:.1f} s in all, "
          f"{round(took * 1000 / ms)} rounds of {ms} ms")


asyncio.run(main())

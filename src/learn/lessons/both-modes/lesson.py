# Five fetches awaited one after another, then started all at once with asyncio.gather.
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
    url = f"{base}/delay/{ms}"
    start = time.monotonic()
    for _ in range(5):
        await http_get(url)  # no freeze, but each waits for the one before
    serial = time.monotonic() - start
    start = time.monotonic()
    await asyncio.gather(*(http_get(url) for _ in range(5)))
    together = time.monotonic() - start
    print(f"one after another: {serial:.1f} s = {round(serial * 1000 / ms)} waits")
    print(f"all at once: {together:.1f} s = {round(together * 1000 / ms)} wait")


asyncio.run(main())

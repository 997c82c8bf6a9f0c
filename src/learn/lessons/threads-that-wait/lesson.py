# 20 fetches two ways: a thread per blocking wait, and awaits on asyncio's event loop.
# python3 lesson.py http://127.0.0.1:PORT [MS]
import asyncio
import sys
import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

base = sys.argv[1]
ms = int(sys.argv[2]) if len(sys.argv) > 2 else 500
url = f"{base}/delay/{ms}"


def thread_per_wait():
    blocked = peak = 0
    lock = threading.Lock()

    def fetch():
        nonlocal blocked, peak
        with lock:
            blocked += 1
            peak = max(peak, blocked)
        urllib.request.urlopen(url).read()  # this thread waits here
        with lock:
            blocked -= 1

    with ThreadPoolExecutor(max_workers=20) as pool:
        for _ in range(20):
            pool.submit(fetch)
    return peak


async def http_get(url):
    parts = urlsplit(url)
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
    writer.write(f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
                 "Connection: close\r\n\r\n".encode())
    await reader.read()
    writer.close()


async def on_event_loop():
    threads_before = threading.active_count()
    await asyncio.gather(*(http_get(url) for _ in range(20)))
    return threading.active_count() - threads_before  # no thread was added to wait


print(f"with a thread per fetch: {thread_per_wait()} threads blocked at the peak")
print(f"on the event loop: {asyncio.run(on_event_loop())} threads blocked")

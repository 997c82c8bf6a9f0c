# Two freezes of this script's one thread: one waiting for the server, one computing.
# CPU time (time.process_time) against wall time tells them apart.
# python3 lesson.py http://127.0.0.1:PORT [MS]
import hashlib
import sys
import time
import urllib.request

base = sys.argv[1]
ms = int(sys.argv[2]) if len(sys.argv) > 2 else 1000


def measure(name, work):
    cpu_before, start = time.process_time(), time.monotonic()
    work()
    wall = time.monotonic() - start
    share = min(100, round((time.process_time() - cpu_before) / wall * 100))
    print(f"{name}: frozen for {wall * 1000:.0f} ms, on a CPU {share}% of it")


def compute():
    end = time.monotonic() + ms / 1000
    data = bytes(4096)
    while time.monotonic() < end:
        data = hashlib.sha256(data).digest()


measure("waiting", lambda: urllib.request.urlopen(f"{base}/delay/{ms}").read())
measure("computing", compute)

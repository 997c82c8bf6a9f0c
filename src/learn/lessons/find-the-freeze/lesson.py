# Finding the freeze in Python: faulthandler's watchdog prints every thread's stack when the
# loop's thread is still busy after 0.3 s, as asynclab watch samples a Qt program's GUI thread.
# python3 lesson.py [BASE_URL] [MS]
import faulthandler
import re
import sys
import tempfile
import time
import zlib


def sync_service_has_copy(asked=[0]):
    asked[0] += 1
    return asked[0] % 8 == 0


def pack_for_disk(text):
    data = text.encode()
    for _ in range(3):
        data = zlib.compress(data, 9)
    return data


def keep_backup_copy(data):
    with open(tempfile.gettempdir() + "/notes-backup.z", "wb") as copy:
        copy.write(data)
    while not sync_service_has_copy():
        time.sleep(0.1)


def save(text):
    packed = pack_for_disk(text)
    keep_backup_copy(packed)
    return len(packed)


with tempfile.TemporaryFile("w+") as report:
    faulthandler.dump_traceback_later(0.3, file=report)  # fires unless canceled in time
    save("Milk, eggs, flour, butter.\n" * 2000)
    faulthandler.cancel_dump_traceback_later()
    report.seek(0)
    stack = report.read()

# faulthandler prints the innermost frame first: 'File "...", line N in function'
innermost = re.search(r'line (\d+) in (\w+)', stack)
print(f"the watchdog saw the thread stuck at line {innermost[1]} in {innermost[2]}")
print(f"the freeze was in {innermost[2]}")

# The loop's thread waits for an answer only its own event loop can deliver.
# python3 lesson.py [BASE_URL] [MS]
import asyncio
import concurrent.futures
import sys
import time

timeout_ms = int(sys.argv[2]) if len(sys.argv) > 2 else 1500


async def main():
    loop = asyncio.get_running_loop()

    # The trap: ask the loop, then block the loop's thread until the answer is there.
    answer = concurrent.futures.Future()
    loop.call_soon(answer.set_result, 42)  # runs only when the loop runs
    start = time.monotonic()
    try:
        answer.result(timeout=timeout_ms / 1000)  # the loop cannot run while we wait here
    except concurrent.futures.TimeoutError:
        print(f"waiting: the timeout gave up after {(time.monotonic() - start) * 1000:.0f} ms")

    # The fix: ask, and await; the loop runs the answer's callback meanwhile.
    fixed = loop.create_future()
    loop.call_soon(fixed.set_result, 42)
    start = time.monotonic()
    await fixed
    print(f"awaiting: the answer came after {(time.monotonic() - start) * 1000:.0f} ms")


asyncio.run(main())

# asyncio's loop runs one callback at a time: a due timer waits for a long one to return.
# python3 lesson.py [BASE_URL] [MS]
import asyncio
import sys
import time

ms = int(sys.argv[2]) if len(sys.argv) > 2 else 300


def handler():
    """A "click handler" doing ms of work on the loop's only thread."""
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        pass
    print(f"the handler ran for {ms} ms")


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    due = time.monotonic() + 0.01

    def tick():
        late = (time.monotonic() - due) * 1000
        print(f"the 10 ms timer ran {late:.0f} ms late"
              + (": it waited in the queue until the handler returned" if late > ms / 2 else ""))
        done.set_result(None)

    loop.call_later(0.01, tick)
    loop.call_soon(handler)
    await done


asyncio.run(main())

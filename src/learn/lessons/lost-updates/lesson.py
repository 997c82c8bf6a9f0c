# One thread, and still a race: read, await, write back, and another task ran in between.
# python3 lesson.py [BASE_URL] [MS]
import asyncio

counter = 0
locked_counter = 0


async def add_unprotected(times):
    global counter
    for _ in range(times):
        value = counter
        await asyncio.sleep(0)  # e.g. a database call: other tasks run here
        counter = value + 1


async def add_locked(times, lock):
    global locked_counter
    for _ in range(times):
        async with lock:
            value = locked_counter
            await asyncio.sleep(0)
            locked_counter = value + 1


async def main():
    await asyncio.gather(*(add_unprotected(1000) for _ in range(4)))
    print(f"without a lock: {counter} of 4000 ({4000 - counter} updates lost)")
    lock = asyncio.Lock()
    await asyncio.gather(*(add_locked(1000, lock) for _ in range(4)))
    print(f"with a lock: {locked_counter} of 4000")


asyncio.run(main())

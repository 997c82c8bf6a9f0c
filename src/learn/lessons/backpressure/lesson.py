# A fast producer and a slow consumer, joined by an asyncio.Queue: without a maxsize it holds
# everything; with one, put() waits while it is full.
# python3 lesson.py [BASE_URL] [MS]
import asyncio

MIB = 1 << 20
CHUNK = 64 * 1024
TOTAL = 16 * MIB  # not the demo's 256 MiB: the same shape, in a second


async def run(name, queue):
    peak = 0

    async def produce():
        nonlocal peak
        for _ in range(TOTAL // CHUNK):
            await queue.put(bytes(CHUNK))  # waits only when the queue has a maxsize and is full
            peak = max(peak, queue.qsize() * CHUNK)
        await queue.put(None)

    async def consume():
        while await queue.get() is not None:
            await asyncio.sleep(0.001)  # takes about 1 ms per 64 KiB chunk

    await asyncio.gather(produce(), consume())
    print(f"{name}: the queue held up to {peak / MIB:.1f} MiB of {TOTAL // MIB} MiB")


asyncio.run(run("unbounded", asyncio.Queue()))
asyncio.run(run("bounded", asyncio.Queue(maxsize=4)))

# In [94], with today's aiohttp: aiohttp.get() and the loop= arguments are gone.
import aiohttp
import asyncio

STEPS = 100

async def download(session):
    async with session.get("http://127.0.0.1:8000") as response:
        return await response.text()

async def worker(steps):
    # FIXED: one ClientSession for every request, as aiohttp asks;
    # limit=0 lets all 100 be in flight at once (the default caps it at 100).
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        await asyncio.gather(*[download(session) for _ in range(steps)])

asyncio.run(worker(STEPS))           # FIXED: asyncio.get_event_loop() is deprecated outside a loop

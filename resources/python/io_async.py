"""In [94]: every download in flight at once on one thread's event loop, with today's aiohttp
(aiohttp.get() and the loop= arguments of the notebook are gone).
    python3 io_async.py --requests 100 --connections 100 --url http://127.0.0.1:8000/
"""
import asyncio

import aiohttp

from io_sequential import arguments
from timeit_cell import run_cell


async def download(session, url):
    async with session.get(url) as response:
        response.raise_for_status()  # ADDED: an error page is not an answer
        return await response.text()


async def worker(url, steps, connections, timeout):
    # FIXED: one ClientSession for every request, as aiohttp asks; limit=0 lets all of them be in
    # flight at once (the default caps it at 100).
    connector = aiohttp.TCPConnector(limit=connections)
    client_timeout = aiohttp.ClientTimeout(total=timeout)
    async with aiohttp.ClientSession(connector=connector, timeout=client_timeout) as session:
        await asyncio.gather(*[download(session, url) for _ in range(steps)])
    return steps


if __name__ == "__main__":
    parser = arguments(__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=100, help="at once; 0: no limit")
    args = parser.parse_args()
    # FIXED: asyncio.get_event_loop() is deprecated outside a running loop
    print(run_cell(lambda: asyncio.run(worker(args.url, args.requests, args.connections, args.timeout)), args.cell_time))

"""The same count split between coroutines on one event loop: they take turns at every await and
never at once, so CPU-bound work gains nothing (one core's worth, like sequential).
    python3 cpu_async.py --steps 10000000 --workers 2
"""
import argparse
import asyncio

from timeit_cell import add_cell_time, run_cell


async def worker(steps):
    count = 0
    for i in range(steps):
        count += 1
    return count


def split(total, parts):
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


async def get_count_async(steps, num_tasks):
    return sum(await asyncio.gather(*[worker(part) for part in split(steps, num_tasks)]))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=10_000_000)
    parser.add_argument("--workers", type=int, default=2)
    args = add_cell_time(parser).parse_args()
    print(run_cell(lambda: asyncio.run(get_count_async(args.steps, args.workers)), args.cell_time))

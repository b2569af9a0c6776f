"""In [60]: a simple program that adds numbers, in one thread.

Concurrency Lab runs this file and measures it from outside (wall time, CPU, memory, and every
thread on its timeline); the script only does the work and prints the count.
    python3 cpu_sequential.py --steps 10000000
"""
import argparse

from timeit_cell import add_cell_time, run_cell


def worker(steps):
    count = 0
    for i in range(steps):
        count += 1
    return count


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=10_000_000)
    args = add_cell_time(parser).parse_args()
    print(run_cell(lambda: worker(args.steps), args.cell_time))

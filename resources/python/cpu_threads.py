"""In [63]: the same count split between threads. With the GIL only one of them runs Python at a
time; on a free-threaded build (3.13t, 3.14t) they run at once.
    python3 cpu_threads.py --steps 10000000 --workers 2
"""
import argparse
import queue
import threading

from timeit_cell import add_cell_time, run_cell

result_queue = queue.Queue()


def worker(steps):
    count = 0
    for i in range(steps):
        count += 1
    result_queue.put(count)


def split(total, parts):
    # FIXED: the notebook gave every worker STEPS // NUM_THREADS, which loses the remainder
    # (100 // 64 = 1); the first total % parts workers take one more.
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def get_count_threaded(steps, num_threads):
    count = 0
    threads = []
    for part in split(steps, num_threads):
        t = threading.Thread(target=worker, args=(part,))
        threads.append(t)
        t.start()
    for i in range(num_threads):
        count += result_queue.get()
    for t in threads:  # ADDED: the notebook left them unjoined
        t.join()
    return count


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=10_000_000)
    parser.add_argument("--workers", type=int, default=2)
    args = add_cell_time(parser).parse_args()
    print(run_cell(lambda: get_count_threaded(args.steps, args.workers), args.cell_time))

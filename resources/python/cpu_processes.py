"""In [65]: the same count split between child processes, each with its own interpreter and GIL.
    python3 cpu_processes.py --steps 10000000 --workers 2 [--start-method spawn|fork|forkserver]
"""
import argparse
import multiprocessing

from timeit_cell import add_cell_time, run_cell


def worker(steps, result_queue):
    count = 0
    for i in range(steps):
        count += 1
    result_queue.put(count)


def split(total, parts):
    # FIXED: STEPS // NUM_PROCESSES loses the remainder; the first total % parts take one more.
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def get_count_in_processes(steps, num_processes):
    # CHANGED: the queue is made here and passed to each child, so it works with every start
    # method (a module-level queue is a different one in a spawned child).
    result_queue = multiprocessing.Queue()
    count = 0
    processes = []
    for part in split(steps, num_processes):
        p = multiprocessing.Process(target=worker, args=(part, result_queue))
        processes.append(p)  # FIXED: the notebook appended t, a thread from the cell before
        p.start()
    for i in range(num_processes):  # FIXED: the notebook counted NUM_THREADS results
        count += result_queue.get()
    for p in processes:  # ADDED: reap the children
        p.join()
    return count


if __name__ == "__main__":  # ADDED: needed with the spawn and forkserver start methods
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=10_000_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--start-method", choices=multiprocessing.get_all_start_methods())
    args = add_cell_time(parser).parse_args()
    if args.start_method:
        multiprocessing.set_start_method(args.start_method)
    print(run_cell(lambda: get_count_in_processes(args.steps, args.workers), args.cell_time))

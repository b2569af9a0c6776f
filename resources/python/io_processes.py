"""In [90]: the downloads split between child processes.
    python3 io_processes.py --requests 100 --workers 16 --url http://127.0.0.1:8000/
"""
import multiprocessing
import sys

from io_sequential import arguments, download
from timeit_cell import run_cell


def worker(url, steps, timeout):
    for i in range(steps):
        download(url, timeout)


def split(total, parts):
    # FIXED: 100 // 16 = 6, so the notebook made 96 requests; the first total % parts take one more.
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def run_worker_in_processes(url, steps, num_processes, timeout):
    processes = []
    parts = split(steps, num_processes)
    for part in parts:
        p = multiprocessing.Process(target=worker, args=(url, part, timeout))
        processes.append(p)
        p.start()
    for p in processes:
        p.join()
    # ADDED: a child that raised printed its traceback and exited with 1; count what was answered.
    failed = [p for p in processes if p.exitcode != 0]
    if failed:
        sys.exit(f"{len(failed)} of {len(processes)} processes failed")
    return sum(parts)


if __name__ == "__main__":  # ADDED: needed with the spawn and forkserver start methods
    parser = arguments(__doc__.splitlines()[0], workers=16)
    parser.add_argument("--start-method", choices=multiprocessing.get_all_start_methods())
    args = parser.parse_args()
    if args.start_method:
        multiprocessing.set_start_method(args.start_method)
    print(run_cell(lambda: run_worker_in_processes(args.url, args.requests, args.workers, args.timeout), args.cell_time))

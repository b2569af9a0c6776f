"""In [93]: the downloads split between threads: each waits for its answers with the GIL released.
    python3 io_threads.py --requests 100 --workers 64 --url http://127.0.0.1:8000/
"""
import threading

from io_sequential import arguments, download
from timeit_cell import run_cell


def split(total, parts):
    # FIXED: STEPS // NUM_THREADS is 100 // 64 = 1, so the notebook made 64 requests, not 100.
    # The first total % parts threads take one more.
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def run_worker_threaded(url, steps, num_threads, timeout):
    answered = []  # list.append is atomic: each thread appends its count
    errors = []

    def worker(part):
        try:
            for i in range(part):
                download(url, timeout)
            answered.append(part)
        except Exception as e:  # ADDED: raised again in the main thread, so the run fails
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(part,)) for part in split(steps, num_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return sum(answered)


if __name__ == "__main__":
    args = arguments(__doc__.splitlines()[0], workers=64).parse_args()
    print(run_cell(lambda: run_worker_threaded(args.url, args.requests, args.workers, args.timeout), args.cell_time))

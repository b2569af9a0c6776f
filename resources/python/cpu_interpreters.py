"""Python 3.14: the same count split between subinterpreters (PEP 734), each with its own GIL,
run from threads of one process.
    python3 cpu_interpreters.py --steps 10000000 --workers 2
"""
import argparse
import sys
import threading

from timeit_cell import add_cell_time, run_cell

try:
    from concurrent import interpreters
except ImportError:
    sys.exit("cpu_interpreters.py needs Python 3.14's concurrent.interpreters; this is Python "
             + sys.version.split()[0])

# The notebook's worker, defined in the interpreter's __main__ and called there: counting at module
# level would use its globals and run three to four times slower than the other scripts' loops.
COUNT = """
def worker(steps):
    count = 0
    for i in range(steps):
        count += 1
    return count

results.put(worker(steps))
"""


def split(total, parts):
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def run_in_interpreter(steps, counts, errors):
    interp = interpreters.create()
    results = interpreters.create_queue()
    try:
        interp.prepare_main(steps=steps, results=results)
        interp.exec(COUNT)
        # Taken before close(): an item whose interpreter is gone reads as UnboundQueueItem.
        counts.append(results.get())
    except Exception as e:  # raised again in the main thread, so the run fails with it
        errors.append(e)
    finally:
        interp.close()


def get_count_in_interpreters(steps, num_interpreters):
    counts = []
    errors = []
    threads = [threading.Thread(target=run_in_interpreter, args=(part, counts, errors))
               for part in split(steps, num_interpreters)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return sum(counts)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=10_000_000)
    parser.add_argument("--workers", type=int, default=2)
    args = add_cell_time(parser).parse_args()
    print(run_cell(lambda: get_count_in_interpreters(args.steps, args.workers), args.cell_time))

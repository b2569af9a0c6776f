"""What the notebook's %timeit measured: how long the cell's work took, without the interpreter's
start-up and imports. The scripts print it (as "cell_s SECONDS", before their result) when run
with --cell-time; the app also times the whole process from outside."""
import time


def run_cell(work, print_time):
    start = time.perf_counter()
    result = work()
    if print_time:
        print(f"cell_s {time.perf_counter() - start:.6f}")
    return result


def add_cell_time(parser):
    parser.add_argument("--cell-time", action="store_true",
                        help="also print how long the work took, like %%timeit (cell_s SECONDS)")
    return parser

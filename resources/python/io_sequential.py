"""In [86]: download a URL's content, one request after another: a typical IO-bound task.
    python3 io_sequential.py --requests 100 --url http://127.0.0.1:8000/
Prints how many requests were answered; a failed request raises (its traceback on stderr).
"""
import argparse

import requests

from timeit_cell import add_cell_time, run_cell


def download(url, timeout):
    response = requests.get(url, timeout=timeout)
    response.raise_for_status()  # ADDED: an error page is not an answer
    return response.text


def worker(url, steps, timeout):
    for i in range(steps):
        download(url, timeout)
    return steps


def arguments(description, workers=None):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--url", default="http://127.0.0.1:8000/")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds per request")
    if workers:
        parser.add_argument("--workers", type=int, default=workers)
    return add_cell_time(parser)


if __name__ == "__main__":
    args = arguments(__doc__.splitlines()[0]).parse_args()
    print(run_cell(lambda: worker(args.url, args.requests, args.timeout), args.cell_time))

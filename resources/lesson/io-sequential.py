# In [86]
import requests

STEPS = 100

def download():
    requests.get("http://127.0.0.1:8000").text

# A simple program that downloads a URL's content: a typical IO-bound task.
def worker(steps):
    for i in range(steps):
        download()

%timeit -n1 worker(STEPS)

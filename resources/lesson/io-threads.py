# In [93]
import threading

NUM_THREADS = 64

def worker(steps):
    for i in range(steps):
        download()

def run_worker_threaded():
    threads = []
    for i in range(NUM_THREADS):
        # FIXED: STEPS // NUM_THREADS is 100 // 64 = 1, so the notebook made 64 requests, not 100.
        # The first STEPS % NUM_THREADS threads take one more.
        steps = STEPS // NUM_THREADS + (1 if i < STEPS % NUM_THREADS else 0)
        t = threading.Thread(target=worker, args=(steps,))
        threads.append(t)
        t.start()
    for t in threads:
        t.join()

%timeit -n1 run_worker_threaded()

# In [63]
import threading
import queue

result_queue = queue.Queue()

STEPS = 10000000
NUM_THREADS = 2

def worker(steps):
    count = 0
    for i in range(steps):
        count += 1
    result_queue.put(count)

def get_count_threaded():
    count = 0
    threads = []
    for i in range(NUM_THREADS):
        t = threading.Thread(target=worker, args=(STEPS // NUM_THREADS,))
        threads.append(t)
        t.start()
    for i in range(NUM_THREADS):
        count += result_queue.get()
    return count

print(get_count_threaded())
%timeit -n1 get_count_threaded()

# In [65]
import multiprocessing

NUM_PROCESSES = 2
STEPS = 10000000

# NOTE: the children share this queue only when they are forked, as on the notebook's
# Python 3.5 for macOS (the lesson forks them; spawned, pass the queue to worker instead).
result_queue = multiprocessing.Queue()

def worker(steps):
    count = 0
    for i in range(steps):
        count += 1
    result_queue.put(count)

def get_count_in_processes():
    count = 0
    processes = []
    for i in range(NUM_PROCESSES):
        p = multiprocessing.Process(target=worker, args=(STEPS // NUM_PROCESSES,))
        processes.append(p)          # FIXED: the notebook appended t, a thread from the cell before
        p.start()
    for i in range(NUM_PROCESSES):   # FIXED: the notebook counted NUM_THREADS results
        count += result_queue.get()
    for p in processes:              # ADDED: reap the children
        p.join()
    return count

if __name__ == "__main__":           # ADDED: needed with the spawn and forkserver start methods
    print(get_count_in_processes())

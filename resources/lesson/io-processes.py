# In [90]
import multiprocessing

NUM_PROCESSES = 16

def worker(steps):
    for i in range(steps):
        download()

def run_worker_in_processes():
    processes = []
    for i in range(NUM_PROCESSES):
        # FIXED: 100 // 16 = 6, so the notebook made 96 requests; the first 4 processes take 7.
        steps = STEPS // NUM_PROCESSES + (1 if i < STEPS % NUM_PROCESSES else 0)
        p = multiprocessing.Process(target=worker, args=(steps,))
        processes.append(p)
        p.start()
    for p in processes:
        p.join()

if __name__ == "__main__":           # ADDED: needed with the spawn and forkserver start methods
    run_worker_in_processes()

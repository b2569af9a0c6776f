# In [60]: the notebook's code, as it ran.
STEPS = 10000000

# A simple program that adds numbers.
def worker(steps):
    count = 0
    for i in range(steps):
        count += 1
    return count

print(worker(STEPS))
%timeit -n1 worker(STEPS)

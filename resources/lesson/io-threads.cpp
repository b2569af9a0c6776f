// core/strategies/threads.cpp + core/workloads/ioworker.cpp: 64 threads, each a blocking client on its
// exact share of the requests. Like CPython, a thread releases the GIL around each blocking
// call (Py_BEGIN_ALLOW_THREADS), so their waits overlap.
threads.emplace_back([&, i] {
    for (qint64 r = 0; r < shares[i]; ++r) {
        gil.release(i, stop);            // Py_BEGIN_ALLOW_THREADS
        blockingGet(target, timeoutMs, stop); // connect, send, recv: asleep in the kernel
        gil.acquire(i, stop);            // Py_END_ALLOW_THREADS
    }
});

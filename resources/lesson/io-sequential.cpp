// core/workloads/ioworker.cpp + blockinghttp.cpp: like requests.get, one blocking request after
// another, each on a fresh connection: connect(), send the GET, recv() until the whole reply is
// in. The thread sleeps in the kernel for the server's 100 ms every time: the cores stay idle.
for (qint64 r = 0; r < requests; ++r)
    blockingGet(target, timeoutMs, stop);

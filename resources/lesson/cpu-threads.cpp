// core/strategies/threads.cpp: like threading.Thread, fresh threads every run, all sharing one
// emulated GIL; each runs the counting loop (cpu-sequential) on its exact share of the steps.
Gil gil(spec.gil, std::chrono::microseconds(spec.switchIntervalUs));
std::vector<std::jthread> threads;
for (int i = 0; i < workers; ++i)
    threads.emplace_back([&, i] { results[i] = blockingWorker(run, gil, i, shares[i]); });
// ~jthread joins. With the GIL off there is no lock: the threads run truly in parallel.

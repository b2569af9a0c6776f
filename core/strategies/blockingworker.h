// A worker that blocks the thread it runs on: sequential runs one on the runner's thread, the
// threads strategy one per thread. Measures the thread's own CPU time around the work.
#pragma once

#include "strategies/strategy.h"
#include "workloads/gil.h"

namespace cl {

// `startAskedNs`: when its thread was asked to start (0: it was running already), drawn as the
// worker's "starting" span.
Measured blockingWorker(const RunContext &run, Gil &gil, int id, qint64 share, std::int64_t startAskedNs = 0);

// A blocking worker per thread, the work split evenly: the threads share one GIL (threads,
// as threading.Thread) or each has its own (interpreters, as concurrent.interpreters). Fresh
// threads every run, or with spec.pool the threads kept in run.resources.
enum class GilPer { Run, Worker };
Measured runOnThreads(const RunContext &run, GilPer gilPer);

// The name `ps`, `top` and the Processes page show for the calling thread (15 bytes at most).
void setThreadName(const QString &name);

} // namespace cl

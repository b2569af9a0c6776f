// A worker that blocks the thread it runs on: sequential runs one on the runner's thread, the
// threads strategy one per thread. Measures the thread's own CPU time around the work.
#pragma once

#include "strategies/strategy.h"
#include "workloads/gil.h"

namespace cl {

Measured blockingWorker(const RunContext &run, Gil &gil, int id, qint64 share);

// The name `ps`, `top` and the Processes page show for the calling thread (15 bytes at most).
void setThreadName(const QString &name);

} // namespace cl

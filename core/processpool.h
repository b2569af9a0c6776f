// The "processes" strategy: N children, each this binary re-executed in worker mode.
#pragma once

#include "asyncwork.h"
#include "experiment.h"
#include "spansink.h"

#include <atomic>
#include <stop_token>

namespace cl {

struct ProcessPoolResult {
    WorkTally tally;
    double cpuUserS = 0, cpuSysS = 0; // as the children reported them
    qint64 peakRssSumBytes = 0;       // sum of the children's peaks
};

// Starts one child per share, waits for all on a local event loop. On `stop` every child is
// killed and reaped before this returns. A child that dies or talks garbage costs its items.
ProcessPoolResult runProcesses(const ExperimentSpec &spec, const QList<qint64> &shares, std::int64_t originNs,
                               std::stop_token stop, std::atomic<qint64> *progress = nullptr, SpanSink *live = nullptr);

// The binary to re-execute: spec.workerExecutable, else $CONCURRENCY_LAB_WORKER, else this process's own.
QString workerExecutable(const ExperimentSpec &spec);

} // namespace cl

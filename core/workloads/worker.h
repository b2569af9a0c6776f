// The lesson's `worker(share)` on the calling thread: count (CPU) or download (IO) under the
// emulated GIL, recording each state change. The one place that tells the two workloads apart,
// for a worker thread of the app and for a child process alike.
#pragma once

#include "experiment/experiment.h"
#include "run/spanrecorder.h"
#include "workloads/gil.h"
#include "workloads/http.h"
#include "workloads/worktally.h"

#include <functional>
#include <stop_token>

namespace cl {

struct WorkerJob {
    Workload workload = Workload::Cpu;
    qint64 items = 0;
    const HttpTarget *target = nullptr; // IO
};

struct WorkerHooks {
    std::function<void(qint64 delta)> progress = {}; // items newly done (optional)
    std::function<void(double latencyMs)> onLatency = {}; // IO: per successful request (optional)
};

// take_gil() as the timeline shows it: a wait for the GIL only when another thread holds it.
// False only when `stop` was requested while waiting.
bool takeGil(Gil &gil, int who, SpanRecorder &spans, std::stop_token stop);

// `who` tells apart the threads sharing `gil`. Returns the tally without spans: they stay in `spans`.
WorkTally runWorker(const WorkerJob &job, Gil &gil, int who, SpanRecorder &spans, std::stop_token stop, const WorkerHooks &hooks = {});

} // namespace cl

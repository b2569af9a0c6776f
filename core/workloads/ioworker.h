// The lesson's IO-bound `worker(steps)`: `download()` one after another, releasing the GIL
// around each blocking request as CPython does (Py_BEGIN_ALLOW_THREADS).
#pragma once

#include "run/spanrecorder.h"
#include "workloads/gil.h"
#include "workloads/http.h"
#include "workloads/worktally.h"

#include <atomic>
#include <functional>
#include <stop_token>

namespace cl {

struct IoWorkerContext {
    Gil &gil;
    int who;
    SpanRecorder &spans;
    std::stop_token stop;
    std::function<void(qint64 delta)> progress = {};
    std::function<void(double latencyMs)> onLatency = {}; // optional, per successful request
};

WorkTally ioWorker(qint64 requests, const HttpTarget &target, IoWorkerContext &ctx);

} // namespace cl

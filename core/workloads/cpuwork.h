// The lesson's CPU-bound `worker(steps)`: a counting loop with an interpreter's cost per step.
#pragma once

#include "run/spanrecorder.h"
#include "workloads/gil.h"

#include <cstdint>
#include <functional>
#include <stop_token>

namespace cl {

// One step executes the seven bytecodes CPython runs for `for i in range(n): count += 1`
// (FOR_ITER, STORE_FAST, LOAD_FAST, LOAD_CONST, INPLACE_ADD, STORE_FAST, JUMP_ABSOLUTE),
// each with a fixed amount of bookkeeping (a dependent multiply-xorshift chain standing in for
// reference counting and type checks). The optimizer can neither remove nor collapse it.
inline constexpr int kOpsPerStep = 7;
inline constexpr int kRoundsPerOp = 14;

// Runs `steps` steps and returns the count (== steps unless stopped early).
std::int64_t interpretSteps(std::int64_t steps);

struct CpuWorkerContext {
    Gil &gil;
    int who; // distinct per thread sharing the Gil
    SpanRecorder &spans;
    std::stop_token stop;
    std::function<void(std::int64_t delta)> progress = {}; // steps newly done (optional, every ~8 ms)
};

// `worker(steps)` under the emulated GIL: holds it while counting, yields it when asked.
// Returns the count; fewer than `steps` only when stopped.
std::int64_t cpuWorker(std::int64_t steps, CpuWorkerContext &ctx);

} // namespace cl

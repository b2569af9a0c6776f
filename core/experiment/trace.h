// Runs as a Trace Event Format file, the JSON that Perfetto UI (ui.perfetto.dev) and
// chrome://tracing open: a process per run, a track per worker (thread, child process, async
// task, CPython thread) with a complete event per span named by its state, the GIL's hand-offs as
// flow arrows, counters for requests in flight and for each core's load.
#pragma once

#include "experiment/experiment.h"
#include "monitor/cpuload.h"

#include <QJsonObject>

namespace cl {

struct TraceRun {
    QString label; // "threads x2, GIL (emulated), run 1 of 3"
    RunResult run;
};

// Every run of `results`, each named by its strategy, workers, GIL and engine and, where an
// experiment has several, its number: "threads x2, GIL, run 1 of 3".
QList<TraceRun> traceRuns(const QList<ExperimentResult> &results);

// Runs are placed on one time axis by when they started (startMonoMs), the CPU samples beside
// them; a run whose start is unknown follows the one before it.
QJsonObject traceJson(const QList<TraceRun> &runs, const QList<CpuSample> &cpu = {});

} // namespace cl

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

// Every run of `result`, each labelled `label` and, when there are several, its number.
QList<TraceRun> traceRuns(const ExperimentResult &result, const QString &label);
// A name for a result in a trace or a list: "threads x2, GIL, CPython 3.11".
QString traceLabel(const ExperimentResult &result);

// Runs are placed on one time axis by when they started (startMonoMs), the CPU samples beside
// them; a run whose start is unknown follows the one before it.
QJsonObject traceJson(const QList<TraceRun> &runs, const QList<CpuSample> &cpu = {});

} // namespace cl

// The lesson's second section, "Beyond the notebook (Python 3.12–3.14)": what changed since the
// notebook's Python 3.5, each experiment with what to watch for. A row runs a batch of ordinary
// experiments (strategies, start methods, pools, many workers), the race, or the convoy.
#pragma once

#include "experiment/experiment.h"
#include "workloads/convoy.h"
#include "workloads/race.h"

namespace cl {

struct BeyondExperiment {
    enum class Kind { Runs, Race, Convoy };
    const char *title; // untranslated; QCoreApplication::translate("Lesson", title)
    const char *python; // what it stands for in Python, e.g. "concurrent.interpreters (3.14)"
    const char *watchFor; // untranslated, as title
    Kind kind = Kind::Runs;
    QList<ExperimentSpec> runs; // Kind::Runs: run in this order, shown side by side
    QList<RaceSpec> races; // Kind::Race: GIL, free-threaded, free-threaded with a lock
    QList<ConvoySpec> convoys; // Kind::Convoy: alone, beside a CPU-bound thread free-threaded, beside a process, and with the GIL
};

// `url`: where the IO work downloads from (the demo server; the convoy wants one that answers in
// kConvoyServerDelayMs, `fastUrl`).
QList<BeyondExperiment> beyondExperiments(const QString &url, const QString &fastUrl);
// `run` with the repeats asked for, except a run listed once (many workers: their memory counts).
ExperimentSpec withRepeats(ExperimentSpec run, int repeat);

} // namespace cl

// Runs one experiment: one run (`runOnce`: the strategy table's run function, timed and
// measured) or all its repeats (`runExperiment`), synchronously on the calling thread, which needs
// no event loop of its own (one is made where needed).
#pragma once

#include "experiment/experiment.h"
#include "run/spansink.h"

#include <atomic>
#include <functional>
#include <stop_token>
#include <system_error>

namespace cl {

struct RunResources; // strategies/strategy.h

// A run that could not start: every item an error, `why` its message.
RunResult failedRun(const ExperimentSpec &spec, const QString &why);
// "could not start <which>: <reason> (is the limit … ulimit -u, too low?)"
QString cannotStartThread(const QString &which, const std::system_error &e);

// `progress` (optional) counts items done; readers poll it from any thread.
// `live` (optional) receives spans as they happen, for a live timeline.
// `resources` (optional) keeps a forkserver and pooled workers from one run to the next.
RunResult runOnce(const ExperimentSpec &spec, std::stop_token stop = {}, std::atomic<qint64> *progress = nullptr, SpanSink *live = nullptr,
    RunResources *resources = nullptr);

// Every repeat in turn; `onRun` sees each run as it ends. Stops early when `stop` is requested.
// A forkserver is started once for all of them; with `spec.pool` the workers are kept, too.
ExperimentResult runExperiment(const ExperimentSpec &spec, std::stop_token stop = {}, std::atomic<qint64> *progress = nullptr,
    const std::function<void(const RunResult &)> &onRun = {}, SpanSink *live = nullptr);

} // namespace cl

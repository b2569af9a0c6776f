// The strategy table: one descriptor per strategy, and the one place where anything depends on
// which strategy runs. Everything else asks the table (`describe(spec.strategy).…`).
//
// Adding a strategy: a file in this folder with its run function, an enumerator in
// experiment/experiment.h, and a row (plus the function's declaration) in strategy.cpp.
#pragma once

#include "experiment/experiment.h"
#include "monitor/ownusage.h"
#include "run/spansink.h"
#include "workloads/http.h"
#include "workloads/worktally.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <stop_token>

namespace cl {

class ForkServer;
struct PythonSetup;

// Workers kept across the repeats of one experiment (ExperimentSpec::pool): each strategy keeps
// its own kind (threads, child processes) behind this.
class KeptWorkers {
public:
    virtual ~KeptWorkers() = default;
};

// What outlives one run of an experiment: the forkserver, started once, and the pooled workers.
struct RunResources {
    RunResources();
    ~RunResources();
    RunResources(const RunResources &) = delete;
    RunResources &operator=(const RunResources &) = delete;
    std::unique_ptr<ForkServer> forkServer;
    std::unique_ptr<PythonSetup> python; // the CPython engine's interpreter and scripts
    std::unique_ptr<KeptWorkers> workers; // declared last, so they end before the forkserver
};

// What one run of any strategy gets: the same for all of them.
struct RunContext {
    const ExperimentSpec &spec;
    const HttpTarget *target; // IO: resolved once before the run (null when the strategy's workers resolve it)
    std::int64_t origin; // monotonicNs() at the run's start: span times count from here
    std::stop_token stop; // Stop: every strategy ends within ~50 ms of it
    std::atomic<qint64> *progress; // items done so far (optional), polled from any thread
    SpanSink *live; // spans as they happen, for the live timeline (optional)
    RunResources *resources = nullptr; // kept across repeats (optional: null, nothing is kept)
};

// What a strategy measured: the work done, the CPU time its workers used, and the memory of its
// child processes (the app's own is read by the run around it).
struct Measured {
    WorkTally tally;
    CpuTimes cpu;
    qint64 childPeakRss = 0;
    qint64 childPss = 0; // each child's proportional set size when it was done
};

using RunFunction = Measured (*)(const RunContext &);

struct StrategyDescriptor {
    Strategy id;
    const char *key; // in the CLI, the JSON and the settings: "threads"
    const char *name; // shown in the UI: QT_TRANSLATE_NOOP("Strategy", …), see displayName()
    WorkerKind workerKind; // what its workers are on the timeline
    bool gilApplies; // the GIL switch changes what it does
    bool singleWorker; // always exactly one worker (sequential)
    bool taskPerRequest; // IO: one task per request, the workers setting is ignored (async)
    bool workersResolveUrl; // IO: its workers resolve the URL themselves (child processes)
    bool poolable; // spec.pool keeps its workers across repeats (threads, processes)
    bool startsChildren; // its workers are child processes: spec.startMethod says how they start
    int maxWorkers;
    int lessonWorkers[2]; // the lesson's numbers per workload (cpu, io): the CLI's defaults
    RunFunction run;
    const char *watchFor; // what a custom run of it shows: QT_TRANSLATE_NOOP("Strategy", …)

    QString displayName() const; // in the UI's language
    QString watchForText() const;
    int defaultWorkers(Workload w) const { return lessonWorkers[w == Workload::Cpu ? 0 : 1]; }
    bool sweepable() const { return !singleWorker; } // the Speedup page runs it at 1..N workers
};

// How often a strategy that waits on an event loop (processes, async) looks at Stop, its timeouts
// and its watchdog: what bounds how late Stop takes effect.
inline constexpr std::chrono::milliseconds kSweepInterval{20};

// What speedups are measured against.
inline constexpr Strategy kBaselineStrategy = Strategy::Sequential;

// Every strategy, in the order the UI and the CLI list them.
const QList<StrategyDescriptor> &strategyTable();
const StrategyDescriptor &describe(Strategy s);
// The keys of every strategy (or of those a sweep can run), in the table's order: for help texts.
QStringList strategyKeys(bool sweepableOnly = false);

} // namespace cl

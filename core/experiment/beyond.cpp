#include "experiment/beyond.h"

#include <QtGlobal>

namespace cl {

namespace {

ExperimentSpec cpu(Strategy s, int workers, bool gil = true)
{
    ExperimentSpec spec;
    spec.workload = Workload::Cpu;
    spec.strategy = s;
    spec.workers = workers;
    spec.gil = gil;
    return spec;
}

ExperimentSpec processes(StartMethod how, bool pool)
{
    ExperimentSpec spec = cpu(Strategy::Processes, 2);
    spec.steps = 1'000'000; // small: the start-up is what differs
    spec.startMethod = how;
    spec.pool = pool;
    return spec;
}

// Many workers waiting on IO at once: what each costs in memory.
ExperimentSpec manyWaiting(Strategy s, int workers, const QString &url)
{
    ExperimentSpec spec;
    spec.workload = Workload::Io;
    spec.strategy = s;
    spec.workers = workers;
    spec.requests = 1000;
    spec.connections = 0; // async: every request in flight at once
    spec.url = url;
    spec.repeat = 1;
    return spec;
}

QList<RaceSpec> races()
{
    RaceSpec gil;
    RaceSpec freeThreaded = gil;
    freeThreaded.gil = false;
    RaceSpec locked = freeThreaded;
    locked.lock = true;
    return {gil, freeThreaded, locked};
}

QList<ConvoySpec> convoys(const QString &url)
{
    ConvoySpec alone;
    alone.url = url;
    alone.cpuThreads = 0;
    ConvoySpec withGil = alone;
    withGil.cpuThreads = 1;
    ConvoySpec freeThreaded = withGil;
    freeThreaded.gil = false;
    ConvoySpec inProcesses = withGil;
    inProcesses.cpuIn = ConvoySpec::CpuIn::Processes;
    return {alone, freeThreaded, inProcesses, withGil}; // the convoy last: its run is the one the Timeline shows
}

} // namespace

QList<BeyondExperiment> beyondExperiments(const QString &url, const QString &fastUrl)
{
    using S = Strategy;
    using K = BeyondExperiment::Kind;
    return {
        {QT_TRANSLATE_NOOP("Lesson", "CPU: 2 subinterpreters"), "concurrent.interpreters (3.14), PEP 684/734",
            QT_TRANSLATE_NOOP("Lesson", "A GIL per interpreter: both cores busy inside one process, no lane waits for a GIL."), K::Runs,
            {cpu(S::Threads, 2), cpu(S::Interpreters, 2)}, {}, {}},
        {QT_TRANSLATE_NOOP("Lesson", "CPU: 2 threads, free-threaded"), "python3.13t, python3.14t, PEP 703/779",
            QT_TRANSLATE_NOOP("Lesson", "No GIL: the same threads as in the notebook fill both cores."), K::Runs,
            {cpu(S::Threads, 2), cpu(S::Threads, 2, false)}, {}, {}},
        {QT_TRANSLATE_NOOP("Lesson", "Start methods: spawn, fork, forkserver"), "multiprocessing.set_start_method (3.14: forkserver)",
            QT_TRANSLATE_NOOP("Lesson", "The starting spans on the timeline: spawn starts a program, fork and forkserver copy one."),
            K::Runs, {processes(StartMethod::Spawn, false), processes(StartMethod::Fork, false), processes(StartMethod::ForkServer, false)},
            {}, {}},
        {QT_TRANSLATE_NOOP("Lesson", "A process pool"), "ProcessPoolExecutor",
            QT_TRANSLATE_NOOP("Lesson", "Only the first run starts the processes; the next runs reuse them."), K::Runs,
            {processes(StartMethod::Spawn, false), processes(StartMethod::Spawn, true)}, {}, {}},
        {QT_TRANSLATE_NOOP("Lesson", "Race: count += 1 in 2 threads"), "count += 1",
            QT_TRANSLATE_NOOP("Lesson", "Exact with the GIL, updates lost free-threaded, exact again with a lock — and slower."), K::Race,
            {}, races(), {}},
        {QT_TRANSLATE_NOOP("Lesson", "The convoy effect"), "sys.setswitchinterval, bpo-7946",
            QT_TRANSLATE_NOOP(
                "Lesson", "Beside a CPU-bound thread every request waits for the GIL: latency up by a switch interval, throughput down."),
            K::Convoy, {}, {}, convoys(fastUrl)},
        {QT_TRANSLATE_NOOP("Lesson", "Memory: many workers waiting on IO"), "threading, concurrent.interpreters, multiprocessing, asyncio",
            QT_TRANSLATE_NOOP(
                "Lesson", "Each run's own memory: a thread costs its stack, a process a whole interpreter, a task a few KiB."),
            K::Runs,
            {manyWaiting(S::Threads, 1000, url), manyWaiting(S::Interpreters, 1000, url), manyWaiting(S::Processes, 100, url),
                manyWaiting(S::Async, 1000, url)},
            {}, {}},
    };
}

ExperimentSpec withRepeats(ExperimentSpec run, int repeat)
{
    if (run.repeat != 1)
        run.repeat = repeat;
    return run;
}

} // namespace cl

// Value types describing an experiment and what one run of it measured.
#pragma once

#include "experiment/span.h"
#include "workloads/http.h"
#include "workloads/worktally.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <algorithm>
#include <cstdint>
#include <optional>

namespace cl {

enum class Workload { Cpu, Io };
// How the work runs; everything that depends on it is in the strategy table (strategies/strategy.h).
enum class Strategy { Sequential, Threads, Processes, Async, Interpreters };
// A run is ok only when every item it was asked for was done; a failed or cancelled run never
// counts as a time (not in best, median, charts or speedups).
enum class RunStatus { Ok, Failed, Cancelled };
// How the processes strategy starts its children, as multiprocessing names it: spawn re-executes
// this binary, fork copies the running app, forkserver asks a small single-threaded server process
// (started once) to fork each one (Python 3.14's default on Linux).
enum class StartMethod { Spawn, Fork, ForkServer };
// What runs the work: the app's C++ emulation of CPython (its GIL, its threads), or the machine's
// real CPython running the lesson's scripts (python/), measured from outside the same way.
enum class Engine { Emulated, Python };

QString toString(Workload w);
QString toString(Strategy s);
QString toString(RunStatus s);
QString toString(StartMethod m);
QString toString(Engine e);
// The GIL switch as Python names its two builds, in the UI's language where a translator is
// installed: "GIL (default CPython)" or "free-threaded (3.13t, 3.14t)" (PEP 703, PEP 779), and the
// short forms for labels: "GIL" or "free-threaded".
QString gilModeName(bool gil);
QString gilModeShort(bool gil);
std::optional<Workload> workloadFromString(const QString &s);
std::optional<Strategy> strategyFromString(const QString &s);
std::optional<RunStatus> runStatusFromString(const QString &s);
std::optional<StartMethod> startMethodFromString(const QString &s);
std::optional<Engine> engineFromString(const QString &s);
QList<Strategy> allStrategies();

struct LatencySummary {
    double p50 = 0, p95 = 0, p99 = 0, max = 0; // milliseconds
    bool operator==(const LatencySummary &) const = default;
};
LatencySummary summarizeLatencies(QList<double> latenciesMs);

// What one run measured: the work its workers tallied, and what it cost.
struct RunResult : WorkTally {
    double wallS = 0; // the work's own time (CPython: the cell's, as %timeit measured it)
    double processS = 0; // CPython engine: the whole interpreter process, start-up and imports included (0: not one)
    double cpuUserS = 0; // the experiment's threads and child processes
    double cpuSysS = 0;
    qint64 peakMemBytes = 0; // peak RSS: the app's own peak during the run + each child's peak
    // The experiment's own memory: how far the app's resident set grew over where it stood when
    // the run started (threads' stacks, tasks' sockets and buffers) + each child process's PSS.
    qint64 memBytes = 0;
    RunStatus status = RunStatus::Ok;
    qint64 finishedAtMs = 0; // when it ended: wall-clock ms since the epoch (0: not known)
    qint64 startMonoMs = 0; // when it started on CLOCK_MONOTONIC, ms: lines it up with the CPU samples (this boot only)
    bool ok() const { return status == RunStatus::Ok; }
    // How long it held the machine from startMonoMs: the whole process for CPython, else the work.
    double occupiedS() const { return std::max(wallS, processS); }
    bool cancelled() const { return status == RunStatus::Cancelled; }
    bool operator==(const RunResult &) const = default;
};

inline constexpr int kDefaultDelayMs = 100;
inline constexpr int kDefaultSwitchIntervalUs = 5000;

struct ExperimentSpec {
    Workload workload = Workload::Cpu;
    Strategy strategy = Strategy::Sequential;
    int workers = 1; // threads, processes or async tasks (async IO: ignored, one task per request)
    qint64 steps = 10'000'000; // CPU
    qint64 requests = 100; // IO
    QString url; // IO
    bool gil = true;
    int switchIntervalUs = kDefaultSwitchIntervalUs;
    int connections = 100; // async IO: simultaneous connections, 0 = no limit
    int timeoutMs = 5000; // IO: per request
    QString caCert; // IO over HTTPS: a CA file to trust besides the system's
    bool insecure = false; // IO over HTTPS: do not verify the server's certificate
    bool keepAlive = false; // IO: reuse connections (off: a fresh one per request, like requests.get)
    int watchdogMs = 30'000; // processes: a worker silent this long (IO: plus timeoutMs) is killed
    int repeat = 3;
    StartMethod startMethod = StartMethod::Spawn; // processes
    // Keep the workers (threads, interpreters, processes) across repeats, like a
    // ThreadPoolExecutor or ProcessPoolExecutor: only the first run pays for starting them.
    bool pool = false;
    QString workerExecutable; // processes: the binary re-executed in worker mode (empty: this one)
    Engine engine = Engine::Emulated;
    QString python; // Engine::Python: the interpreter, a path or a name on PATH (empty: python3)

    qint64 items() const { return workload == Workload::Cpu ? steps : requests; }
    bool operator==(const ExperimentSpec &) const = default;
    int effectiveWorkers() const;
};

// Empty when the spec can run; otherwise a one-line reason.
QString validate(const ExperimentSpec &spec);
// What its IO requests ask for.
HttpOptions httpOptions(const ExperimentSpec &spec);
// How it runs beyond its strategy and workers, in the UI's language where a translator is
// installed: "GIL", "free-threaded, switch 20 ms", "GIL, forkserver, pool"; empty for a strategy
// the GIL, start methods and pools do not apply to.
QString runDetails(const ExperimentSpec &spec);

// One experiment: its repeats.
struct ExperimentResult {
    Strategy strategy = Strategy::Sequential;
    int workers = 1;
    bool gil = true;
    QList<RunResult> runs;
    // Over ok runs only; 0 when there is none (see hasOkRun()).
    double bestS() const;
    double medianS() const;
    bool hasOkRun() const;
    const RunResult *firstFailure() const; // the first failed run, if any
    const RunResult *bestRun() const; // the fastest ok run, if any
    qint64 itemsAsked = 0;
    Engine engine = Engine::Emulated;
    bool operator==(const ExperimentResult &) const = default;
};

// Splits total into parts that differ by at most one and sum to total (no `100 // 64` bug).
QList<qint64> splitEvenly(qint64 total, int parts);

} // namespace cl

#include <QMetaType>
Q_DECLARE_METATYPE(cl::ExperimentSpec)
Q_DECLARE_METATYPE(cl::RunResult)
Q_DECLARE_METATYPE(cl::ExperimentResult)

// Value types describing an experiment and what one run of it measured.
#pragma once

#include <QString>
#include <QStringList>
#include <QList>
#include <cstdint>
#include <optional>

namespace cl {

enum class Workload { Cpu, Io };
enum class Strategy { Sequential, Threads, Processes, Async };
enum class WorkerKind { Main, Thread, Process, Task };
enum class WorkerState { Starting, Running, WaitGil, WaitIo, Ready };
// A run is ok only when every item it was asked for was done; a failed or cancelled run never
// counts as a time (not in best, median, charts or speedups).
enum class RunStatus { Ok, Failed, Cancelled };

QString toString(Workload w);
QString toString(Strategy s);
QString toString(WorkerKind k);
QString toString(WorkerState s);
QString toString(RunStatus s);
std::optional<Workload> workloadFromString(const QString &s);
std::optional<Strategy> strategyFromString(const QString &s);
std::optional<WorkerKind> workerKindFromString(const QString &s);
std::optional<WorkerState> workerStateFromString(const QString &s);
std::optional<RunStatus> runStatusFromString(const QString &s);
QList<Strategy> allStrategies();

// A stretch of time one worker spent in one state; times are seconds from the run's start.
struct Span {
    int worker = 0;
    WorkerKind kind = WorkerKind::Thread;
    WorkerState state = WorkerState::Running;
    double t0 = 0;
    double t1 = 0;
    bool operator==(const Span &) const = default;
};

struct LatencySummary {
    double p50 = 0, p95 = 0, p99 = 0, max = 0; // milliseconds
    bool operator==(const LatencySummary &) const = default;
};
LatencySummary summarizeLatencies(QList<double> latenciesMs);

// What one run measured.
struct RunResult {
    double wallS = 0;
    double cpuUserS = 0;    // the experiment's threads and child processes
    double cpuSysS = 0;
    qint64 peakMemBytes = 0; // peak RSS: the app's own peak during the run + each child's peak
    qint64 items = 0;        // steps counted or requests answered with 200
    qint64 errors = 0;
    RunStatus status = RunStatus::Ok;
    QStringList errorMessages; // distinct messages, capped; the first is the first error seen
    QList<Span> spans;
    QList<double> latenciesMs; // IO only, one per successful request
    bool ok() const { return status == RunStatus::Ok; }
    bool cancelled() const { return status == RunStatus::Cancelled; }
    bool operator==(const RunResult &) const = default;
};

inline constexpr int kDefaultDelayMs = 100;
inline constexpr int kDefaultSwitchIntervalUs = 5000;

struct ExperimentSpec {
    Workload workload = Workload::Cpu;
    Strategy strategy = Strategy::Sequential;
    int workers = 1;            // threads, processes or async tasks (async IO: ignored, one task per request)
    qint64 steps = 10'000'000;  // CPU
    qint64 requests = 100;      // IO
    QString url;                // IO
    bool gil = true;
    int switchIntervalUs = kDefaultSwitchIntervalUs;
    int connections = 100;      // async IO: simultaneous connections, 0 = no limit
    int timeoutMs = 5000;       // IO: per request
    int watchdogMs = 30'000;    // processes: a worker silent this long (IO: plus timeoutMs) is killed
    int repeat = 3;
    QString workerExecutable;   // processes: the binary re-executed in worker mode (empty: this one)

    qint64 items() const { return workload == Workload::Cpu ? steps : requests; }
    int effectiveWorkers() const;
};

// Empty when the spec can run; otherwise a one-line reason.
QString validate(const ExperimentSpec &spec);

struct StrategyResult {
    Strategy strategy = Strategy::Sequential;
    int workers = 1;
    bool gil = true;
    QList<RunResult> runs;
    // Over ok runs only; 0 when there is none (see hasOkRun()).
    double bestS() const;
    double medianS() const;
    bool hasOkRun() const;
    const RunResult *firstFailure() const; // the first failed run, if any
    qint64 itemsAsked = 0;
};

// Splits total into parts that differ by at most one and sum to total (no `100 // 64` bug).
QList<qint64> splitEvenly(qint64 total, int parts);

} // namespace cl

#include <QMetaType>
Q_DECLARE_METATYPE(cl::ExperimentSpec)
Q_DECLARE_METATYPE(cl::RunResult)
Q_DECLARE_METATYPE(cl::StrategyResult)

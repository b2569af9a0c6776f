#include "experiment/experiment.h"

#include "strategies/strategy.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace cl {

namespace {
template <typename E, std::size_t N> std::optional<E> fromName(const QString &s, const std::array<const char *, N> &names)
{
    for (std::size_t i = 0; i < N; ++i)
        if (s.compare(QLatin1String(names[i]), Qt::CaseInsensitive) == 0)
            return static_cast<E>(i);
    return std::nullopt;
}
constexpr std::array<const char *, 2> kWorkloads{"cpu", "io"};
constexpr std::array<const char *, 5> kKinds{"main", "thread", "process", "task", "interpreter"};
constexpr std::array<const char *, 5> kStates{"starting", "running", "gil_wait", "io_wait", "ready"};
constexpr std::array<const char *, 3> kStatuses{"ok", "failed", "cancelled"};
constexpr std::array<const char *, 3> kStartMethods{"spawn", "fork", "forkserver"};
constexpr std::array<const char *, 2> kEngines{"emulated", "python"};
} // namespace

QString toString(Workload w)
{
    return QLatin1String(kWorkloads[std::size_t(w)]);
}
QString toString(WorkerKind k)
{
    return QLatin1String(kKinds[std::size_t(k)]);
}
QString toString(WorkerState s)
{
    return QLatin1String(kStates[std::size_t(s)]);
}
QString toString(RunStatus s)
{
    return QLatin1String(kStatuses[std::size_t(s)]);
}
QString toString(StartMethod m)
{
    return QLatin1String(kStartMethods[std::size_t(m)]);
}
QString toString(Engine e)
{
    return QLatin1String(kEngines[std::size_t(e)]);
}
QString gilModeName(bool gil)
{
    return gil ? QCoreApplication::translate("Gil", "GIL (default CPython)")
               : QCoreApplication::translate("Gil", "free-threaded (3.13t, 3.14t)");
}
QString gilModeShort(bool gil)
{
    return gil ? QCoreApplication::translate("Gil", "GIL") : QCoreApplication::translate("Gil", "free-threaded");
}
std::optional<Workload> workloadFromString(const QString &s)
{
    return fromName<Workload>(s, kWorkloads);
}
std::optional<WorkerKind> workerKindFromString(const QString &s)
{
    return fromName<WorkerKind>(s, kKinds);
}
std::optional<WorkerState> workerStateFromString(const QString &s)
{
    return fromName<WorkerState>(s, kStates);
}
std::optional<RunStatus> runStatusFromString(const QString &s)
{
    return fromName<RunStatus>(s, kStatuses);
}
std::optional<StartMethod> startMethodFromString(const QString &s)
{
    return fromName<StartMethod>(s, kStartMethods);
}
std::optional<Engine> engineFromString(const QString &s)
{
    return fromName<Engine>(s, kEngines);
}

LatencySummary summarizeLatencies(QList<double> v)
{
    if (v.isEmpty())
        return {};
    std::sort(v.begin(), v.end());
    auto at = [&](double q) { // nearest-rank percentile
        const auto rank = qsizetype(std::ceil(q * double(v.size())));
        return v[std::clamp<qsizetype>(rank - 1, 0, v.size() - 1)];
    };
    return {at(0.50), at(0.95), at(0.99), v.last()};
}

int ExperimentSpec::effectiveWorkers() const
{
    const StrategyDescriptor &d = describe(strategy);
    if (d.singleWorker)
        return 1;
    if (d.taskPerRequest && workload == Workload::Io)
        return int(std::min<qint64>(requests, std::numeric_limits<int>::max()));
    return workers;
}

QString validate(const ExperimentSpec &s)
{
    // Shown in the GUI: translated there (the command line has no translator and stays English).
    constexpr qint64 kMaxSteps = 100'000'000'000;
    constexpr qint64 kMaxRequests = 1'000'000;
    if (s.workload == Workload::Cpu && (s.steps < 1 || s.steps > kMaxSteps))
        return QCoreApplication::translate("Experiment", "steps must be between 1 and %1").arg(kMaxSteps);
    if (s.workload == Workload::Io && (s.requests < 1 || s.requests > kMaxRequests))
        return QCoreApplication::translate("Experiment", "requests must be between 1 and %1").arg(kMaxRequests);
    const StrategyDescriptor &strategy = describe(s.strategy);
    if (!strategy.singleWorker && (s.workers < 1 || s.workers > strategy.maxWorkers))
        return QCoreApplication::translate("Experiment", "%1 workers must be between 1 and %2")
            .arg(toString(s.strategy))
            .arg(strategy.maxWorkers);
    if (!strategy.singleWorker && s.workers > s.items())
        return QCoreApplication::translate("Experiment", "more workers (%1) than items (%2)").arg(s.workers).arg(s.items());
    if (s.watchdogMs < 100 || s.watchdogMs > 3'600'000)
        return QCoreApplication::translate("Experiment", "watchdog must be between 100 ms and 3600000 ms");
    if (s.repeat < 1 || s.repeat > 1000)
        return QCoreApplication::translate("Experiment", "repeat must be between 1 and 1000");
    if (s.switchIntervalUs < 1 || s.switchIntervalUs > 1'000'000)
        return QCoreApplication::translate("Experiment", "switch interval must be between 1 us and 1 s");
    if (s.engine == Engine::Python && s.pool)
        return QCoreApplication::translate("Experiment", "no pool with CPython: each run starts a fresh interpreter");
    if (s.engine == Engine::Python && s.switchIntervalUs != kDefaultSwitchIntervalUs)
        return QCoreApplication::translate("Experiment", "the CPython scripts run at Python's own switch interval (5 ms)");
    if (s.workload == Workload::Io) {
        if (!checkHttpUrl(s.url).isEmpty())
            return QCoreApplication::translate("Experiment", "not an http:// or https:// URL: '%1'").arg(s.url);
        if (!s.caCert.isEmpty() && !QFileInfo(s.caCert).isReadable())
            return QCoreApplication::translate("Experiment", "cannot read the CA certificate file '%1'").arg(s.caCert);
        if (s.timeoutMs < 1 || s.timeoutMs > 600'000)
            return QCoreApplication::translate("Experiment", "timeout must be between 1 ms and 600000 ms");
        if (s.connections < 0)
            return QCoreApplication::translate("Experiment", "connections must be 0 (no limit) or more");
    }
    return {};
}

HttpOptions httpOptions(const ExperimentSpec &s)
{
    return {s.url, s.timeoutMs, s.caCert, s.insecure, s.keepAlive};
}

QString runDetails(const ExperimentSpec &s)
{
    const StrategyDescriptor &strategy = describe(s.strategy);
    QStringList how;
    if (s.engine == Engine::Python)
        how << QCoreApplication::translate("Experiment", "CPython");
    if (strategy.gilApplies)
        how << gilModeShort(s.gil);
    if (strategy.gilApplies && s.switchIntervalUs != kDefaultSwitchIntervalUs)
        how << QCoreApplication::translate("Experiment", "switch %1 ms").arg(double(s.switchIntervalUs) / 1000.0);
    if (strategy.startsChildren)
        how << toString(s.startMethod);
    if (strategy.poolable && s.pool)
        how << QCoreApplication::translate("Experiment", "pool");
    return how.join(QStringLiteral(", "));
}

const RunResult *ExperimentResult::bestRun() const
{
    const RunResult *best = nullptr;
    for (const RunResult &run : runs)
        if (run.ok() && (!best || run.wallS < best->wallS))
            best = &run;
    return best;
}

double ExperimentResult::bestS() const
{
    double best = 0;
    for (const auto &r : runs)
        if (r.ok() && (best == 0 || r.wallS < best))
            best = r.wallS;
    return best;
}

bool ExperimentResult::hasOkRun() const
{
    return std::any_of(runs.begin(), runs.end(), [](const RunResult &r) { return r.ok(); });
}

const RunResult *ExperimentResult::firstFailure() const
{
    const auto it = std::find_if(runs.begin(), runs.end(), [](const RunResult &r) { return r.status == RunStatus::Failed; });
    return it == runs.end() ? nullptr : &*it;
}

double ExperimentResult::medianS() const
{
    QList<double> walls;
    for (const auto &r : runs)
        if (r.ok())
            walls.append(r.wallS);
    if (walls.isEmpty())
        return 0;
    std::sort(walls.begin(), walls.end());
    const auto n = walls.size();
    return n % 2 ? walls[n / 2] : (walls[n / 2 - 1] + walls[n / 2]) / 2;
}

QList<qint64> splitEvenly(qint64 total, int parts)
{
    QList<qint64> out;
    if (parts <= 0)
        return out;
    out.reserve(parts);
    const qint64 base = total / parts, extra = total % parts;
    for (int i = 0; i < parts; ++i)
        out.append(base + (i < extra ? 1 : 0));
    return out;
}

} // namespace cl

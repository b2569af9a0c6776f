#include "run/experimentrun.h"

#include <QDateTime>

#include "monitor/ownusage.h"
#include "python/pythonrun.h"
#include "strategies/strategy.h"
#include "util/clock.h"

#include <malloc.h>

namespace cl {

namespace {

RunStatus statusOf(const ExperimentSpec &spec, const RunResult &r, const std::stop_token &stop)
{
    const bool complete = r.items >= spec.items() && r.errors == 0;
    if (complete)
        return RunStatus::Ok;
    return stop.stop_requested() ? RunStatus::Cancelled : RunStatus::Failed;
}

// The CPython engine: its interpreter is found and its scripts written once per experiment.
RunResult runPython(
    const ExperimentSpec &spec, const std::stop_token &stop, std::atomic<qint64> *progress, SpanSink *live, RunResources *resources)
{
    if (!resources) {
        PythonSetup once(spec.python);
        return runPythonOnce(spec, once, stop, progress, live);
    }
    if (!resources->python)
        resources->python = std::make_unique<PythonSetup>(spec.python);
    return runPythonOnce(spec, *resources->python, stop, progress, live);
}

} // namespace

QString cannotStartThread(const QString &which, const std::system_error &e)
{
    return QStringLiteral("could not start %1: %2 (is the limit on processes and threads, ulimit -u, too low?)")
        .arg(which, QString::fromLocal8Bit(e.code().message().c_str()));
}

RunResult failedRun(const ExperimentSpec &spec, const QString &why)
{
    RunResult out;
    out.errors = spec.items();
    out.errorMessages = {why};
    out.status = RunStatus::Failed;
    out.finishedAtMs = QDateTime::currentMSecsSinceEpoch();
    return out;
}

RunResult runOnce(const ExperimentSpec &spec, std::stop_token stop, std::atomic<qint64> *progress, SpanSink *live, RunResources *resources)
{
    if (const QString why = validate(spec); !why.isEmpty())
        return failedRun(spec, why);
    if (spec.engine == Engine::Python)
        return runPython(spec, stop, progress, live, resources);
    const StrategyDescriptor &strategy = describe(spec.strategy);
    std::optional<HttpTarget> target;
    if (spec.workload == Workload::Io && !strategy.workersResolveUrl) {
        QString why;
        if (target = resolveHttpTarget(httpOptions(spec), &why); !target)
            return failedRun(spec, why);
    }
    malloc_trim(0); // give back what earlier runs freed, so this run's peak is its own
    resetPeakRss();
    const qint64 baseline = currentRssBytes();
    const std::int64_t origin = monotonicNs();
    if (live)
        live->beginRun(origin);
    Measured m = strategy.run({spec, target ? &*target : nullptr, origin, stop, progress, live, resources});
    RunResult out;
    out.wallS = double(monotonicNs() - origin) / 1e9;
    static_cast<WorkTally &>(out) = std::move(m.tally);
    out.cpuUserS = m.cpu.user;
    out.cpuSysS = m.cpu.sys;
    out.peakMemBytes = peakRssBytes() + m.childPeakRss;
    out.memBytes = std::max<qint64>(0, peakRssBytes() - baseline) + m.childPss;
    out.status = statusOf(spec, out, stop);
    out.finishedAtMs = QDateTime::currentMSecsSinceEpoch();
    out.startMonoMs = origin / 1'000'000;
    return out;
}

ExperimentResult runExperiment(const ExperimentSpec &spec, std::stop_token stop, std::atomic<qint64> *progress,
    const std::function<void(const RunResult &)> &onRun, SpanSink *live)
{
    ExperimentResult result{spec.strategy, spec.effectiveWorkers(), spec.gil, {}, spec.items(), spec.engine};
    RunResources kept;
    for (int r = 0; r < spec.repeat && !stop.stop_requested(); ++r) {
        RunResult run = runOnce(spec, stop, progress, live, &kept);
        const bool failed = run.status == RunStatus::Failed;
        if (onRun)
            onRun(run);
        result.runs.append(std::move(run));
        if (failed)
            break; // fail fast: repeating a broken experiment only delays the message
    }
    return result;
}

} // namespace cl

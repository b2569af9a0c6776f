#include "experimentrun.h"

#include "asyncwork.h"
#include "clock.h"
#include "cpuwork.h"
#include "ioworker.h"
#include "processpool.h"
#include "procstats.h"

#include <malloc.h>
#include <system_error>
#include <pthread.h>
#include <thread>
#include <vector>

namespace cl {

namespace {

struct Measured {
    WorkTally tally;
    CpuTimes cpu;
    qint64 childPeakRss = 0;
};

void setThreadName(const QString &name)
{
    pthread_setname_np(pthread_self(), name.left(15).toLatin1().constData()); // the kernel keeps 15 bytes
}

WorkerKind kindOf(Strategy s)
{
    return s == Strategy::Threads ? WorkerKind::Thread : s == Strategy::Async ? WorkerKind::Task : WorkerKind::Main;
}

auto counter(std::atomic<qint64> *progress)
{
    return [progress](qint64 delta) { if (progress) progress->fetch_add(delta, std::memory_order_relaxed); };
}

// One worker of the sequential or threads strategy: the lesson's worker(share) on this thread.
// What every strategy needs to know about the run it is part of.
struct RunContext {
    const ExperimentSpec &spec;
    const HttpTarget *target;
    std::int64_t origin;
    std::stop_token stop;
    std::atomic<qint64> *progress;
    SpanSink *live;
};

Measured blockingWorker(const RunContext &run, Gil &gil, int id, qint64 share)
{
    const ExperimentSpec &spec = run.spec;
    const CpuTimes before = threadCpuTimes();
    SpanRecorder spans(id, kindOf(spec.strategy), run.origin, run.live);
    Measured m;
    if (spec.workload == Workload::Cpu) {
        CpuWorkerContext ctx{gil, id, spans, run.stop, counter(run.progress)};
        m.tally.items = cpuWorker(share, ctx);
    } else {
        IoWorkerContext ctx{gil, id, spans, run.stop, counter(run.progress)};
        m.tally = ioWorker(share, *run.target, spec.timeoutMs, ctx);
    }
    m.tally.spans = spans.takeSpans();
    m.cpu = threadCpuTimes() - before;
    return m;
}

Measured runThreads(const RunContext &outer)
{
    const ExperimentSpec &spec = outer.spec;
    const QList<qint64> shares = splitEvenly(spec.items(), spec.workers);
    Gil gil(spec.gil, std::chrono::microseconds(spec.switchIntervalUs));
    std::stop_source abort; // stops the threads already started when the next cannot be created
    const std::stop_callback relay(outer.stop, [&abort] { abort.request_stop(); });
    const RunContext run{spec, outer.target, outer.origin, abort.get_token(), outer.progress, outer.live};
    std::vector<Measured> results(std::size_t(shares.size()));
    QString startError;
    {
        std::vector<std::jthread> threads; // like threading.Thread: fresh threads every run
        threads.reserve(results.size());
        for (int i = 0; i < shares.size() && startError.isEmpty(); ++i) {
            try {
                threads.emplace_back([&, i] {
                    setThreadName(QStringLiteral("worker-%1").arg(i)); // what the Processes page shows
                    results[std::size_t(i)] = blockingWorker(run, gil, i, shares[i]);
                });
            } catch (const std::system_error &e) {
                startError = cannotStartThread(QStringLiteral("thread %1 of %2").arg(i + 1).arg(shares.size()), e);
                abort.request_stop();
            }
        }
    } // join
    Measured all;
    for (Measured &m : results) {
        all.tally.merge(std::move(m.tally));
        all.cpu += m.cpu;
    }
    if (!startError.isEmpty())
        all.tally.addError(startError, spec.items() - all.tally.items);
    return all;
}

Measured runOnThisThread(const RunContext &run)
{
    const ExperimentSpec &spec = run.spec;
    if (spec.strategy == Strategy::Sequential) {
        Gil gil(spec.gil, std::chrono::microseconds(spec.switchIntervalUs));
        return blockingWorker(run, gil, 0, spec.items());
    }
    const CpuTimes before = threadCpuTimes();
    Measured m;
    if (spec.workload == Workload::Cpu)
        m.tally = runAsyncCpu(splitEvenly(spec.steps, spec.workers), run.origin, run.stop, run.progress, run.live);
    else
        m.tally = runAsyncGets({*run.target, spec.requests, spec.connections, spec.timeoutMs}, run.origin, run.stop, run.progress, run.live);
    m.cpu = threadCpuTimes() - before;
    return m;
}

Measured runChildren(const RunContext &run)
{
    const CpuTimes before = threadCpuTimes();
    const ExperimentSpec &spec = run.spec;
    ProcessPoolResult r = runProcesses(spec, splitEvenly(spec.items(), spec.workers), run.origin, run.stop, run.progress, run.live);
    Measured m{std::move(r.tally), threadCpuTimes() - before, r.peakRssSumBytes};
    m.cpu += CpuTimes{r.cpuUserS, r.cpuSysS};
    return m;
}

RunStatus statusOf(const ExperimentSpec &spec, const RunResult &r, const std::stop_token &stop)
{
    const bool complete = r.items >= spec.items() && r.errors == 0;
    if (complete)
        return RunStatus::Ok;
    return stop.stop_requested() ? RunStatus::Cancelled : RunStatus::Failed;
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
    return out;
}

RunResult runOnce(const ExperimentSpec &spec, std::stop_token stop, std::atomic<qint64> *progress, SpanSink *live)
{
    if (const QString why = validate(spec); !why.isEmpty())
        return failedRun(spec, why);
    std::optional<HttpTarget> target;
    if (spec.workload == Workload::Io && spec.strategy != Strategy::Processes) {
        QString why;
        if (target = resolveHttpTarget(spec.url, &why); !target)
            return failedRun(spec, why);
    }
    RunResult out;
    malloc_trim(0); // give back what earlier runs freed, so this run's peak is its own
    resetPeakRss();
    const std::int64_t origin = monotonicNs();
    if (live)
        live->beginRun(origin);
    const RunContext run{spec, target ? &*target : nullptr, origin, stop, progress, live};
    Measured m = spec.strategy == Strategy::Threads     ? runThreads(run)
               : spec.strategy == Strategy::Processes ? runChildren(run)
                                                      : runOnThisThread(run);
    out.wallS = double(monotonicNs() - origin) / 1e9;
    out.cpuUserS = m.cpu.user;
    out.cpuSysS = m.cpu.sys;
    out.peakMemBytes = peakRssBytes() + m.childPeakRss;
    out.items = m.tally.items;
    out.errors = m.tally.errors;
    out.errorMessages = m.tally.errorMessages;
    out.spans = std::move(m.tally.spans);
    out.latenciesMs = std::move(m.tally.latenciesMs);
    out.status = statusOf(spec, out, stop);
    return out;
}

StrategyResult runExperiment(const ExperimentSpec &spec, std::stop_token stop, std::atomic<qint64> *progress,
                             const std::function<void(const RunResult &)> &onRun, SpanSink *live)
{
    StrategyResult result{spec.strategy, spec.effectiveWorkers(), spec.gil, {}, spec.items()};
    for (int r = 0; r < spec.repeat && !stop.stop_requested(); ++r) {
        RunResult run = runOnce(spec, stop, progress, live);
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

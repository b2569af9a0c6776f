#include "strategies/blockingworker.h"

#include "run/spanrecorder.h"
#include "workloads/worker.h"

#include <pthread.h>

namespace cl {

Measured blockingWorker(const RunContext &run, Gil &gil, int id, qint64 share, std::int64_t startAskedNs)
{
    const ExperimentSpec &spec = run.spec;
    const CpuTimes before = threadCpuTimes();
    SpanRecorder spans(id, describe(spec.strategy).workerKind, run.origin, run.live);
    if (startAskedNs != 0)
        spans.addSpan(WorkerState::Starting, startAskedNs, monotonicNs());
    WorkerHooks hooks;
    if (run.progress)
        hooks.progress = [progress = run.progress](qint64 delta) { progress->fetch_add(delta, std::memory_order_relaxed); };
    Measured m;
    m.tally = runWorker({spec.workload, share, run.target}, gil, id, spans, run.stop, hooks);
    m.tally.spans = spans.takeSpans();
    m.cpu = threadCpuTimes() - before;
    return m;
}

void setThreadName(const QString &name)
{
    pthread_setname_np(pthread_self(), name.left(15).toLatin1().constData()); // the kernel keeps 15 bytes
}

} // namespace cl

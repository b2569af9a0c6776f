#include "workloads/worker.h"

#include "workloads/cpuwork.h"
#include "workloads/ioworker.h"

namespace cl {

bool takeGil(Gil &gil, int who, SpanRecorder &spans, std::stop_token stop)
{
    if (gil.tryAcquire(who))
        return true;
    spans.enter(WorkerState::WaitGil);
    return gil.acquire(who, std::move(stop));
}

WorkTally runWorker(const WorkerJob &job, Gil &gil, int who, SpanRecorder &spans, std::stop_token stop, const WorkerHooks &hooks)
{
    if (job.workload == Workload::Cpu) {
        CpuWorkerContext ctx{gil, who, spans, std::move(stop), hooks.progress};
        WorkTally tally;
        tally.items = cpuWorker(job.items, ctx);
        return tally;
    }
    IoWorkerContext ctx{gil, who, spans, std::move(stop), hooks.progress, hooks.onLatency};
    return ioWorker(job.items, *job.target, ctx);
}

} // namespace cl

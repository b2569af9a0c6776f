#include "workloads/ioworker.h"

#include "workloads/blockinghttp.h"

namespace cl {

WorkTally ioWorker(qint64 requests, const HttpTarget &target, int timeoutMs, IoWorkerContext &ctx)
{
    WorkTally tally;
    ctx.spans.enter(WorkerState::WaitGil);
    if (!ctx.gil.acquire(ctx.who, ctx.stop))
        return tally;
    ctx.spans.enter(WorkerState::Running);
    for (qint64 i = 0; i < requests && !ctx.stop.stop_requested(); ++i) {
        ctx.spans.enter(WorkerState::WaitIo);
        ctx.gil.release(ctx.who, ctx.stop); // Py_BEGIN_ALLOW_THREADS
        const RequestOutcome r = blockingGet(target, timeoutMs, ctx.stop);
        ctx.spans.enter(WorkerState::WaitGil);
        const bool haveGil = ctx.gil.acquire(ctx.who, ctx.stop); // Py_END_ALLOW_THREADS
        ctx.spans.enter(WorkerState::Running);
        if (r.ok) {
            ++tally.items;
            tally.latenciesMs.append(r.latencyMs);
            if (ctx.onLatency)
                ctx.onLatency(r.latencyMs);
            if (ctx.progress)
                ctx.progress(1);
        } else if (!ctx.stop.stop_requested()) {
            tally.addError(r.error);
        }
        if (!haveGil) {
            ctx.spans.finish();
            return tally;
        }
    }
    ctx.spans.finish();
    ctx.gil.release(ctx.who, ctx.stop);
    return tally;
}

} // namespace cl

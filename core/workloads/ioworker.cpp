#include "workloads/ioworker.h"

#include "workloads/blockinghttp.h"
#include "workloads/worker.h"

namespace cl {

WorkTally ioWorker(qint64 requests, const HttpTarget &target, IoWorkerContext &ctx)
{
    WorkTally tally;
    BlockingHttpClient client(target); // one handle for the worker's life, like a thread's requests
    if (!takeGil(ctx.gil, ctx.who, ctx.spans, ctx.stop))
        return tally;
    ctx.spans.enter(WorkerState::Running);
    for (qint64 i = 0; i < requests && !ctx.stop.stop_requested(); ++i) {
        ctx.spans.enter(WorkerState::WaitIo);
        ctx.gil.release(ctx.who, ctx.stop); // Py_BEGIN_ALLOW_THREADS
        const RequestOutcome r = client.get(ctx.stop);
        const bool haveGil = takeGil(ctx.gil, ctx.who, ctx.spans, ctx.stop); // Py_END_ALLOW_THREADS
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

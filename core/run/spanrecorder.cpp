#include "run/spanrecorder.h"

namespace cl {

std::int64_t SpanRecorder::enter(WorkerState state, std::int64_t now)
{
    if (open_ && state == state_)
        return now;
    finish(now);
    open_ = true;
    state_ = state;
    since_ = now;
    if (live_)
        live_->opened(worker_, kind_, state, now);
    return now;
}

void SpanRecorder::finish(std::int64_t now)
{
    if (!open_)
        return;
    open_ = false;
    addSpan(state_, since_, now);
    if (live_)
        live_->finished(worker_);
}

void SpanRecorder::addSpan(WorkerState state, std::int64_t t0, std::int64_t t1)
{
    if (t1 < t0)
        t1 = t0;
    spans_.append(Span{worker_, kind_, state, double(t0 - originNs_) / 1e9, double(t1 - originNs_) / 1e9});
    if (live_)
        live_->closed(spans_.last());
}

} // namespace cl

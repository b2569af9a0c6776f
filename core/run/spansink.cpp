#include "run/spansink.h"

#include "util/clock.h"

namespace cl {

void SpanSink::beginRun(std::int64_t originNs)
{
    std::lock_guard lock(mutex_);
    ++serial_;
    origin_ = originNs;
    closed_.clear();
    open_.clear();
}

void SpanSink::opened(int worker, WorkerKind kind, WorkerState state, std::int64_t sinceNs)
{
    std::lock_guard lock(mutex_);
    const double t0 = double(sinceNs - origin_) / 1e9;
    open_.insert(worker, Span{worker, kind, state, t0, t0});
}

void SpanSink::closed(const Span &span)
{
    std::lock_guard lock(mutex_);
    closed_.append(span);
}

void SpanSink::finished(int worker)
{
    std::lock_guard lock(mutex_);
    open_.remove(worker);
}

SpanSink::Snapshot SpanSink::take()
{
    std::lock_guard lock(mutex_);
    Snapshot s;
    s.serial = serial_;
    s.now = origin_ ? double(monotonicNs() - origin_) / 1e9 : 0;
    s.closed = std::exchange(closed_, {});
    for (Span span : std::as_const(open_)) {
        span.t1 = std::max(span.t0, s.now);
        s.open.append(span);
    }
    return s;
}

} // namespace cl

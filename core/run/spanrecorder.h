// Records the state changes of one worker as spans, cheaply: one clock read per change.
#pragma once

#include "experiment/experiment.h"
#include "run/spansink.h"
#include "util/clock.h"

namespace cl {

class SpanRecorder {
public:
    SpanRecorder(int worker, WorkerKind kind, std::int64_t originNs, SpanSink *live = nullptr)
        : worker_(worker), kind_(kind), originNs_(originNs), live_(live)
    {
    }

    // Ends the current span (if any) and begins one in `state`; returns the time used.
    std::int64_t enter(WorkerState state, std::int64_t nowNs = monotonicNs());
    // Ends the current span; the worker has finished.
    void finish(std::int64_t nowNs = monotonicNs());
    void addSpan(WorkerState state, std::int64_t t0Ns, std::int64_t t1Ns);

    const QList<Span> &spans() const { return spans_; }
    QList<Span> takeSpans()
    {
        finish();
        return std::move(spans_);
    }
    int worker() const { return worker_; }

private:
    int worker_;
    WorkerKind kind_;
    std::int64_t originNs_;
    SpanSink *live_;
    bool open_ = false;
    WorkerState state_ = WorkerState::Starting;
    std::int64_t since_ = 0;
    QList<Span> spans_;
};

} // namespace cl

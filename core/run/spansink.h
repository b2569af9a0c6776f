// Spans as they happen, for the live timeline: recorders report each closed span and each
// worker's current (open) state; the runner takes snapshots at the sampling rate.
#pragma once

#include "experiment/experiment.h"

#include <QHash>
#include <cstdint>
#include <mutex>

namespace cl {

class SpanSink {
public:
    struct Snapshot {
        int serial = 0; // which run: changes when a new run begins
        QList<Span> closed; // closed since the last snapshot
        QList<Span> open; // each worker's current state, from its start until now
        double now = 0; // seconds since the run began
    };

    void beginRun(std::int64_t originNs);
    void opened(int worker, WorkerKind kind, WorkerState state, std::int64_t sinceNs);
    void closed(const Span &span);
    void finished(int worker); // the worker has no open state any more
    Snapshot take();

private:
    std::mutex mutex_;
    int serial_ = 0;
    std::int64_t origin_ = 0;
    QList<Span> closed_;
    QHash<int, Span> open_;
};

} // namespace cl

// The model behind the worker timeline: lanes of state spans, grouping when there are too many,
// a zoomable time window, and what each pixel column of a lane shows. No widgets: tested headless.
#pragma once

#include "experiment/experiment.h"

#include <QPointF>
#include <optional>

namespace cl {

struct TimeWindow {
    double t0 = 0, t1 = 1; // seconds from the run's start
    double length() const { return t1 - t0; }
    // Zooms by `factor` (< 1 zooms in) keeping `anchor` where it is, inside [0, total].
    TimeWindow zoomed(double factor, double anchor, double total, double minLength = 1e-6) const;
    TimeWindow panned(double dt, double total) const;
    bool operator==(const TimeWindow &) const = default;
};

struct TimelineLane {
    QString label; // "thread 0", "process 3", "tasks 0–199"
    WorkerKind kind = WorkerKind::Thread;
    int firstWorker = 0, lastWorker = 0; // a group when they differ
    QList<Span> spans; // sorted by t0
    bool isGroup() const { return firstWorker != lastWorker; }
};

// Which state wins a pixel shared by several spans: running, then GIL, then IO, then the rest.
int statePriority(WorkerState s);

struct LaneColumn {
    int x0 = 0, x1 = 0; // pixel columns [x0, x1)
    WorkerState state = WorkerState::Running;
    bool operator==(const LaneColumn &) const = default;
};

class TimelineModel {
public:
    static constexpr int kDefaultMaxLanes = 256;
    TimelineModel() = default;
    // `duration`: the run's wall time (the spans may end earlier).
    TimelineModel(const QList<Span> &spans, double duration, int maxLanes = kDefaultMaxLanes);

    const QList<TimelineLane> &lanes() const { return lanes_; }
    double duration() const { return duration_; }
    qsizetype spanCount() const { return spanCount_; }
    // Requests in flight over time (async IO: one io_wait span per request), as steps.
    const QList<QPointF> &inFlight() const { return inFlight_; }
    int maxInFlight() const { return maxInFlight_; }

    // The span of `lane` under time t, if any (the highest-priority one in a group).
    std::optional<Span> spanAt(int lane, double t) const;
    // What `width` pixel columns showing `window` draw for `lane`: runs of one state, merged.
    QList<LaneColumn> columns(int lane, const TimeWindow &window, int width) const;

private:
    void buildInFlight(const QList<Span> &spans);
    QList<TimelineLane> lanes_;
    double duration_ = 0;
    qsizetype spanCount_ = 0;
    QList<QPointF> inFlight_;
    int maxInFlight_ = 0;
};

// Of the time at least one worker (any lane but the main thread) was running, the share in which
// two or more ran at once: near 0 under one GIL, near 1 for processes on free cores. 0 when none ran.
double parallelShare(const QList<Span> &spans);

struct Histogram {
    double lo = 0, hi = 0; // the range of the bins
    QList<int> counts;
    double binWidth() const { return counts.isEmpty() ? 0 : (hi - lo) / double(counts.size()); }
};
Histogram histogram(const QList<double> &values, int bins);
// At most `maxBins` bins (a single value: one) of a round width (1, 2 or 5 × 10^k) starting at a multiple of it, so an
// axis under them reads 0, 10, 20 … rather than 0, 2.4, 4.8 ….
Histogram roundHistogram(const QList<double> &values, int maxBins);

} // namespace cl

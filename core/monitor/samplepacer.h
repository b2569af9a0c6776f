// How often the CPU monitor reads. Every interval while anything moves or an experiment runs;
// once no core has been above 10 % for kQuietSamples readings, every 300 ms or so (three intervals
// at the default 10 Hz, none slower at 5 Hz and below): an idle machine then costs a third of the
// wake-ups of the monitor and of the window. A slow reading is delivered as one sample per interval,
// each with the reading's load — what a slower sampler would draw — so the graphs keep one column
// per interval.
#pragma once

#include "monitor/cpuload.h"

#include <QList>

#include <algorithm>

namespace cl {

class SamplePacer {
public:
    static constexpr int kQuietSamples = 10; // a second at the default rate
    static constexpr double kQuietBusy = 0.10;
    static constexpr int kSlowMs = 300;

    explicit SamplePacer(int intervalMs) : intervalMs_(intervalMs) { }
    void setInterval(int ms) { intervalMs_ = ms; }
    int intervalMs() const { return intervalMs_; }
    // An experiment runs: full rate from now on, whatever the cores show.
    void setActive(bool on);
    bool active() const { return active_; }
    // Notes a reading and returns how long to wait for the next one.
    int next(const CpuSample &reading);
    int slowFactor() const { return std::max(1, kSlowMs / std::max(1, intervalMs_)); } // intervals per slow reading
    int waitMs() const { return slow() ? slowFactor() * intervalMs_ : intervalMs_; }
    bool slow() const { return !active_ && quietFor_ >= kQuietSamples; }
    // The samples a reading over `elapsedMs` stands for: one per interval it spans (at most
    // slowFactor(): a monitor starved for seconds does not draw them), evenly spaced, ending at it.
    QList<CpuSample> columns(const CpuSample &reading, qint64 elapsedMs) const;

private:
    int intervalMs_;
    int quietFor_ = 0;
    bool active_ = false;
};

} // namespace cl

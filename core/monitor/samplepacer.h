// How often the CPU monitor reads. Every interval while anything moves or an experiment runs;
// once no core has been above 10 % for a second, a third as often: an idle machine then costs a
// third of the wake-ups of the monitor and of the window. A slow reading is delivered as one sample
// per interval, each with the reading's load — what a slower sampler would draw — so the graphs
// keep one column per interval.
#pragma once

#include "monitor/cpuload.h"

#include <QList>

namespace cl {

class SamplePacer {
public:
    static constexpr int kQuietSamples = 10; // a second at the default rate
    static constexpr double kQuietBusy = 0.10;
    static constexpr int kSlowFactor = 3;

    explicit SamplePacer(int intervalMs) : intervalMs_(intervalMs) { }
    void setInterval(int ms) { intervalMs_ = ms; }
    int intervalMs() const { return intervalMs_; }
    // An experiment runs: full rate from now on, whatever the cores show.
    void setActive(bool on);
    bool active() const { return active_; }
    // Notes a reading and returns how long to wait for the next one.
    int next(const CpuSample &reading);
    int waitMs() const { return slow() ? kSlowFactor * intervalMs_ : intervalMs_; }
    bool slow() const { return !active_ && quietFor_ >= kQuietSamples; }
    // The samples a reading over `elapsedMs` stands for: one per interval it spans (at most
    // kSlowFactor), evenly spaced and ending at the reading.
    QList<CpuSample> columns(const CpuSample &reading, qint64 elapsedMs) const;

private:
    int intervalMs_;
    int quietFor_ = 0;
    bool active_ = false;
};

} // namespace cl

#include "monitor/cpurecorder.h"

#include "monitor/processtree.h"
#include "monitor/treecpu.h"
#include "util/clock.h"

namespace cl {

namespace {

constexpr auto kSlice = std::chrono::milliseconds(10); // how soon the recorder notices its end

} // namespace

CpuRecorder::CpuRecorder(std::chrono::milliseconds interval) : thread_([this, interval](std::stop_token stop) { record(stop, interval); })
{
}

CpuRecorder::~CpuRecorder() = default; // jthread: stop, then join

QList<CpuSample> CpuRecorder::samples() const
{
    const std::lock_guard lock(mutex_);
    return samples_;
}

void CpuRecorder::record(std::stop_token stop, std::chrono::milliseconds interval)
{
    const CachingProcFs fs;
    CpuLoadSampler cpu(fs);
    cpu.next(monotonicNs() / 1'000'000); // the first readings
    auto next = std::chrono::steady_clock::now() + interval;
    while (!stop.stop_requested()) {
        if (std::chrono::steady_clock::now() < next) {
            std::this_thread::sleep_for(kSlice);
            continue;
        }
        next += interval;
        if (const auto sample = cpu.next(monotonicNs() / 1'000'000)) {
            const std::lock_guard lock(mutex_);
            samples_.append(*sample);
        }
    }
}

} // namespace cl

#include "monitor/cpurecorder.h"

#include "monitor/processtree.h"
#include "monitor/treecpu.h"
#include "util/clock.h"

#include <unistd.h>

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

// As the window's monitor does: each core's load, and the part of it this app's process tree used.
void CpuRecorder::record(std::stop_token stop, std::chrono::milliseconds interval)
{
    const CachingProcFs fs;
    TreeCpuSampler tree(getpid(), fs, sysconf(_SC_CLK_TCK));
    const auto readProcStat = [&fs] { return parseProcStat(fs.read(QStringLiteral("/proc/stat"))); };
    std::optional<ProcStat> previous = readProcStat();
    qint64 previousMs = monotonicNs() / 1'000'000;
    CpuSample first;
    tree.attribute(first, 0); // the first readings
    auto next = std::chrono::steady_clock::now() + interval;
    while (!stop.stop_requested()) {
        if (std::chrono::steady_clock::now() < next) {
            std::this_thread::sleep_for(kSlice);
            continue;
        }
        next += interval;
        const std::optional<ProcStat> now = readProcStat();
        const qint64 nowMs = monotonicNs() / 1'000'000;
        if (previous && now) {
            CpuSample sample = sampleBetween(*previous, *now, nowMs);
            tree.attribute(sample, double(nowMs - previousMs) / 1e3);
            const std::lock_guard lock(mutex_);
            samples_.append(sample);
        }
        previous = now;
        previousMs = nowMs;
    }
}

} // namespace cl

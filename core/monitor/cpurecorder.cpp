#include "monitor/cpurecorder.h"

#include "util/clock.h"

#include <QFile>

namespace cl {

namespace {

constexpr auto kSlice = std::chrono::milliseconds(10); // how soon the recorder notices its end

std::optional<ProcStat> readProcStat()
{
    QFile f(QStringLiteral("/proc/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    return parseProcStat(f.readAll()); // one read: /proc/stat is a snapshot
}

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
    std::optional<ProcStat> previous = readProcStat();
    auto next = std::chrono::steady_clock::now() + interval;
    while (!stop.stop_requested()) {
        if (std::chrono::steady_clock::now() < next) {
            std::this_thread::sleep_for(kSlice);
            continue;
        }
        next += interval;
        const std::optional<ProcStat> now = readProcStat();
        if (previous && now) {
            const CpuSample sample = sampleBetween(*previous, *now, monotonicNs() / 1'000'000);
            const std::lock_guard lock(mutex_);
            samples_.append(sample);
        }
        previous = now;
    }
}

} // namespace cl

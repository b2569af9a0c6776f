#include "monitor/samplepacer.h"

#include <algorithm>
#include <cmath>

namespace cl {

void SamplePacer::setActive(bool on)
{
    active_ = on;
    quietFor_ = 0;
}

int SamplePacer::next(const CpuSample &reading)
{
    bool quiet = reading.all.busy() <= kQuietBusy;
    for (const CpuLoad &core : reading.cores)
        quiet = quiet && core.busy() <= kQuietBusy;
    quietFor_ = quiet ? quietFor_ + 1 : 0;
    return waitMs();
}

QList<CpuSample> SamplePacer::columns(const CpuSample &reading, qint64 elapsedMs) const
{
    const int spans = std::clamp(int(std::lround(double(elapsedMs) / double(intervalMs_))), 1, slowFactor());
    QList<CpuSample> out(spans, reading);
    for (int i = 0; i < spans; ++i)
        out[i].tMs = reading.tMs - elapsedMs * (spans - 1 - i) / spans;
    return out;
}

} // namespace cl

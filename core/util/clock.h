// One clock for every timestamp: CLOCK_MONOTONIC, shared by the app and its child processes.
#pragma once
#include <cstdint>
#include <ctime>

namespace cl {
inline std::int64_t monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}
} // namespace cl

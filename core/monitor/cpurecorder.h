// Each core's load from /proc/stat and this app's part of it, sampled on a thread of its own while the recorder lives: the
// CPU beside a command-line run (its trace, its recorded session), where no window samples it.
#pragma once

#include "monitor/cpuload.h"

#include <chrono>
#include <mutex>
#include <thread>

namespace cl {

class CpuRecorder {
public:
    explicit CpuRecorder(std::chrono::milliseconds interval = std::chrono::milliseconds(100));
    ~CpuRecorder();
    CpuRecorder(const CpuRecorder &) = delete;
    CpuRecorder &operator=(const CpuRecorder &) = delete;

    QList<CpuSample> samples() const; // so far, oldest first

private:
    void record(std::stop_token stop, std::chrono::milliseconds interval);
    mutable std::mutex mutex_;
    QList<CpuSample> samples_;
    std::jthread thread_;
};

} // namespace cl

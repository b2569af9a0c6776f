// CPU time and peak memory, read from the kernel (getrusage, /proc/self/status).
#pragma once

#include <QtGlobal>

namespace cl {

struct CpuTimes {
    double user = 0, sys = 0; // seconds
    CpuTimes operator-(const CpuTimes &o) const { return {user - o.user, sys - o.sys}; }
    CpuTimes &operator+=(const CpuTimes &o)
    {
        user += o.user;
        sys += o.sys;
        return *this;
    }
};

CpuTimes threadCpuTimes(); // the calling thread (RUSAGE_THREAD)
CpuTimes processCpuTimes(); // the whole process (RUSAGE_SELF)
qint64 peakRssBytes(); // VmHWM: the process's peak resident set since start or last reset
qint64 currentRssBytes(); // VmRSS
bool resetPeakRss(); // writes 5 to /proc/self/clear_refs (Linux 4.0+)

} // namespace cl

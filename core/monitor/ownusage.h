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
// The process's proportional set size: its private pages plus its share of every page it shares
// with other processes (the Qt libraries, the pages a fork shares with its parent), from
// /proc/self/smaps_rollup (Linux 4.14+); VmRSS where that file is missing.
qint64 pssBytes();
// The Pss: line of smaps_rollup text, in bytes; -1 when there is none.
qint64 parsePss(const QByteArray &smapsRollup);

} // namespace cl

// How much of each core this app's own process tree used: every thread of the app and of its
// descendants (worker processes, the fork server), its utime and stime since the previous reading
// from /proc/PID/task/TID/stat, put on the core it last ran on (field 39). A thread that moved
// between cores within one interval is counted on the last one, as `top -H` shows it.
#pragma once

#include "monitor/cpuload.h"
#include "monitor/processtree.h"

#include <QHash>

#include <optional>

namespace cl {

class TreeCpuSampler {
public:
    TreeCpuSampler(qint64 rootPid, const ProcFs &fs, long ticksPerSecond);
    // Fills ownUser and ownSystem of `sample`'s cores and of its total, for the `seconds` since
    // the previous call (the first call only takes the readings). Never more than a core's busy
    // time. A thread that started since the previous call counts from zero, so a run's fresh
    // workers are not grey for their first interval. `bootTicks`: now, in clock ticks since
    // boot (read from CLOCK_BOOTTIME when negative).
    void attribute(CpuSample &sample, double seconds, qint64 bootTicks = -1);
    // The root and every descendant: through /proc/PID/task/TID/children where the kernel has
    // it, else by every process's parent; looked for again only when a process or thread was
    // created anywhere since the last time.
    QList<qint64> tree();

private:
    struct Ticks {
        quint64 user = 0, system = 0;
    };
    QList<qint64> treeByChildren() const;
    QList<qint64> treeByParents() const;
    std::optional<qint64> lastPid() const;

    qint64 root_;
    const ProcFs &fs_;
    long ticksPerSecond_;
    bool childrenFiles_;
    struct Process {
        quint64 total = 0; // utime + stime of the whole process
        QList<qint64> tids;
    };
    QHash<qint64, Ticks> ticks_; // by thread id
    QHash<qint64, Process> processes_; // by process id
    QList<qint64> tree_;
    std::optional<qint64> treeLastPid_;
    qint64 lastBootTicks_ = -1; // when the previous readings were taken
};

// Each core's load since the previous reading of /proc/stat, with the part this app's process
// tree used: what the window's monitor and the command line's recorder both sample.
class CpuLoadSampler {
public:
    explicit CpuLoadSampler(const ProcFs &fs);
    // The interval since the previous call ending at `nowMs`; nullopt on the first reading, or when
    // /proc/stat cannot be read (then the previous reading stays).
    std::optional<CpuSample> next(qint64 nowMs);
    bool started() const { return previous_.has_value(); }
    qint64 previousMs() const { return previousMs_; }

private:
    const ProcFs &fs_;
    TreeCpuSampler tree_;
    std::optional<ProcStat> previous_;
    qint64 previousMs_ = 0;
};

} // namespace cl

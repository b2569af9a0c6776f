// A timeline of real threads and processes, sampled from outside: every thread of a process tree
// (a child of this app and its descendants), what /proc says it is doing, turned into the same
// spans the emulated runs draw. /proc/PID/task/TID/stat gives the state (R: running or about to),
// /proc/PID/task/TID/syscall the system call a sleeping thread is blocked in (readable for this
// app's own descendants): a futex with a timeout is a lock wait as CPython waits for its GIL (an
// untimed futex is a join or a queue, not drawn), poll, select, epoll, connect and reads on
// sockets are IO.
#pragma once

#include "experiment/span.h"
#include "monitor/ownusage.h"
#include "run/spansink.h"
#include "util/uniquefd.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <thread>
#include <unordered_map>

namespace cl {

// What one sleeping or running thread is doing; nothing for a sleep the timeline does not draw
// (waiting for a child, a join, a pipe). `syscall`: the text of /proc/…/syscall ("running", or the
// number and arguments; empty when unreadable). `isSocket(fd)` tells reads on sockets from others.
std::optional<WorkerState> classifyThread(char state, const QByteArray &syscall, const std::function<bool(int)> &isSocket);

struct SamplerReport {
    QList<Span> spans; // seconds from the origin given to the sampler
    qint64 sweeps = 0;
    double seconds = 0; // sampled for
    double ownCpuS = 0; // the sampler thread's own CPU time
    bool syscallsReadable = true; // false: running / not running only
    int threads = 0, processes = 0; // seen in all
    qint64 peakRssBytes = 0; // the most the tree held at once, summed over its processes
    qint64 peakPssBytes = 0;
    CpuTimes treeCpu; // utime and stime of every thread seen, as last read (10 ms ticks)
    double hz() const { return seconds > 0 ? double(sweeps) / seconds : 0; }
};

struct SamplerOptions {
    std::chrono::microseconds minInterval{1000}; // 1 kHz at most
    double budget = 0.05; // of one core: the interval grows with the tree so the sampler costs no more
};

class ThreadSampler {
public:
    using Options = SamplerOptions;
    // Starts sampling `root` and its descendants at once, on a thread of its own. Span times count
    // from `originNs` (monotonicNs()); `live` (optional) sees them as they happen.
    ThreadSampler(pid_t root, std::int64_t originNs, SpanSink *live = nullptr, Options options = {});
    ~ThreadSampler();
    ThreadSampler(const ThreadSampler &) = delete;
    ThreadSampler &operator=(const ThreadSampler &) = delete;
    // Stops, closes every open span now, and reports. Once.
    SamplerReport stop();

private:
    struct Lane {
        int worker = 0;
        WorkerKind kind = WorkerKind::Thread;
        std::optional<WorkerState> state;
        double since = 0;
        quint64 ticks[2] = {0, 0};
        qint64 seenAt = 0; // the sweep that last saw it
        UniqueFd statFile, syscallFile; // kept open while few threads are sampled
    };
    void loop();
    void sweep(std::int64_t nowNs);
    QList<pid_t> processes(std::int64_t nowNs);
    void sampleThread(pid_t pid, pid_t tid, double t);
    void moveTo(Lane &lane, std::optional<WorkerState> state, double t);
    QByteArray readKept(UniqueFd &fd, const QByteArray &path, bool *denied = nullptr);
    void sampleMemory(const QList<pid_t> &pids);
    void closeAll(double t);

    pid_t root_;
    std::int64_t origin_;
    SpanSink *live_;
    Options options_;
    std::unordered_map<pid_t, Lane> lanes_; // by thread id
    int nextWorker_ = 1; // 0 is the root's main thread
    qint64 sweep_ = 0;
    double lastT_ = 0; // when the previous sweep was taken
    std::int64_t lastMemoryNs_ = 0;
    std::int64_t lastTreeNs_ = 0;
    QList<pid_t> pids_; // the tree as last looked for
    quint64 exitedTicks_[2] = {0, 0}; // the utime and stime of threads gone
    SamplerReport report_;
    std::atomic<bool> stopping_{false};
    std::jthread thread_; // last: it stops before the rest goes
};

} // namespace cl

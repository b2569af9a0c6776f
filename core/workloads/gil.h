// An emulated global interpreter lock with CPython 3.2+ semantics (Python/ceval_gil.h).
//
// A thread runs interpreter steps only while it holds the lock. A thread that wants it waits at
// most one switch interval; if the holder has not changed meanwhile it sets `drop_request`. The
// holder checks that flag between steps, releases the lock and then waits until another thread
// has actually taken it (FORCE_SWITCHING). Blocking IO releases it around the call.
// One Gil object stands for one interpreter: the threads of a run share one; every child
// process has its own. When disabled every call is a no-op, and threads run in parallel.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <stop_token>

namespace cl {

class Gil {
public:
    explicit Gil(bool enabled, std::chrono::microseconds interval = std::chrono::microseconds(5000));
    Gil(const Gil &) = delete;
    Gil &operator=(const Gil &) = delete;

    bool enabled() const { return enabled_; }
    std::chrono::microseconds interval() const { return interval_; }

    // take_gil(): false only when `stop` was requested while waiting.
    bool acquire(int who, std::stop_token stop = {});
    // take_gil()'s fast path: takes the lock only if nobody holds it, without waiting.
    bool tryAcquire(int who);
    // drop_gil(): when another thread asked for the lock, waits until it has taken it.
    void release(int who, std::stop_token stop = {});
    // Between two steps: is anyone asking for the lock? (one relaxed atomic load)
    bool dropRequested() const { return dropRequest_.load(std::memory_order_relaxed); }
    // How many times the lock passed from one thread to another.
    std::uint64_t switches() const;

private:
    void take(int who); // with mutex_ held and the lock free

    const bool enabled_;
    const std::chrono::microseconds interval_;
    mutable std::mutex mutex_; // gil_mutex
    std::condition_variable cond_; // gil_cond
    std::mutex switchMutex_; // switch_mutex
    std::condition_variable switchCond_; // switch_cond
    bool locked_ = false;
    int lastHolder_ = -1;
    std::uint64_t switchNumber_ = 0;
    std::atomic<bool> dropRequest_{false};
};

} // namespace cl

// Threads kept across the repeats of an experiment, like a ThreadPoolExecutor's: the threads and
// interpreters strategies with `pool`. Thread i always runs worker i, so the timeline's lanes stay.
#pragma once

#include "strategies/strategy.h"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cl {

class KeptThreads : public KeptWorkers {
public:
    // Thread i is named `namePattern.arg(i)` (15 bytes at most).
    explicit KeptThreads(QString namePattern) : namePattern_(std::move(namePattern)) { }
    ~KeptThreads() override;

    // Runs job(i, startAskedNs) on thread i for every i < n and returns when all are done. Threads
    // missing are started first; only their job gets startAskedNs (when it was asked for), the
    // others 0. When a thread cannot be started, `abort` is requested, the started ones finish
    // and the message says why.
    using Job = std::function<void(int worker, std::int64_t startAskedNs)>;
    QString runOnAll(int n, const Job &job, std::stop_source &abort);

private:
    void serve(int i);

    QString namePattern_;
    std::mutex mutex_;
    std::condition_variable wake_, done_;
    Job job_;
    quint64 round_ = 0;
    int active_ = 0; // threads taking part in this round
    int pending_ = 0; // of them, still working
    std::vector<std::int64_t> startAsked_; // per thread: when it was asked to start, until its first job
    bool quit_ = false;
    std::vector<std::jthread> threads_; // last: joined before the rest goes
};

} // namespace cl

#include "workloads/race.h"

#include "run/experimentrun.h"
#include "util/clock.h"
#include "workloads/gil.h"

#include <QString>

#include <atomic>
#include <latch>
#include <mutex>
#include <thread>
#include <vector>

namespace cl {

namespace {

struct Shared {
    std::latch started; // every thread begins counting together (threading.Barrier)
    std::atomic<qint64> count{0};
    std::mutex lock;
    Gil gil;
    bool useLock;
};

// One thread's `for _ in range(n): count += 1`, once every thread has started: the emulated loop
// is a thousand times faster than CPython's, so without the barrier the first thread could finish
// before the last one started and there would be no race to see.
void work(Shared &shared, int who, qint64 n, std::stop_token stop)
{
    shared.started.arrive_and_wait();
    if (!shared.gil.acquire(who, stop))
        return;
    for (qint64 i = 0; i < n; ++i) {
        if (shared.gil.dropRequested()) [[unlikely]] { // the backward jump: the only place a switch happens
            shared.gil.release(who, stop);
            if (stop.stop_requested() || !shared.gil.acquire(who, stop))
                return;
        }
        std::unique_lock guard(shared.lock, std::defer_lock);
        if (shared.useLock)
            guard.lock();
        const qint64 loaded = shared.count.load(std::memory_order_relaxed); // LOAD_GLOBAL count
        shared.count.store(loaded + 1, std::memory_order_relaxed); // BINARY_OP +=, STORE_GLOBAL count
        if ((i & 0xffff) == 0 && stop.stop_requested())
            break;
    }
    shared.gil.release(who, stop);
}

} // namespace

QString validate(const RaceSpec &spec)
{
    if (spec.workers < 1 || spec.workers > 1024)
        return QStringLiteral("workers must be 1 to 1024");
    if (spec.steps < spec.workers)
        return QStringLiteral("steps must be at least the number of workers");
    if (spec.switchIntervalUs < 1)
        return QStringLiteral("the switch interval must be at least 1 us");
    return {};
}

RaceResult runRace(const RaceSpec &spec, std::stop_token stop)
{
    Shared shared{std::latch(spec.workers), {}, {}, Gil(spec.gil, std::chrono::microseconds(spec.switchIntervalUs)), spec.lock};
    std::stop_source abort; // stops the threads already started when the next cannot be created
    const std::stop_callback relay(stop, [&abort] { abort.request_stop(); });
    RaceResult result;
    result.expected = spec.steps;
    const std::int64_t t0 = monotonicNs();
    {
        std::vector<std::jthread> threads;
        for (int w = 0; w < spec.workers && result.error.isEmpty(); ++w) {
            const qint64 share = spec.steps / spec.workers + (w < spec.steps % spec.workers ? 1 : 0);
            try {
                threads.emplace_back([&shared, w, share, token = abort.get_token()] { work(shared, w, share, token); });
            } catch (const std::system_error &e) {
                result.error = cannotStartThread(QStringLiteral("thread %1 of %2").arg(w + 1).arg(spec.workers), e);
                abort.request_stop();
                shared.started.count_down(spec.workers - w); // those that started must not wait for the rest
                break;
            }
        }
    } // join
    result.wallS = double(monotonicNs() - t0) / 1e9;
    result.got = shared.count.load();
    result.switches = shared.gil.switches();
    result.stopped = abort.stop_requested();
    return result;
}

} // namespace cl

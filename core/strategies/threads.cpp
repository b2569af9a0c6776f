// The "threads" strategy: like threading.Thread, fresh threads every run (or a pool's, kept),
// sharing one emulated GIL.
// The "interpreters" strategy runs the same threads with a GIL each (interpreters.cpp).
#include "strategies/blockingworker.h"

#include "run/experimentrun.h"
#include "strategies/keptthreads.h"
#include "util/clock.h"

#include <memory>
#include <thread>
#include <vector>

namespace cl {

Measured runThreads(const RunContext &outer)
{
    return runOnThreads(outer, GilPer::Run);
}

namespace {

QString threadNamePattern(GilPer gilPer)
{
    return gilPer == GilPer::Run ? QStringLiteral("worker-%1") : QStringLiteral("interp-%1"); // on the Processes page
}

// Fresh threads, one per worker, joined before it returns.
QString runOnFreshThreads(int n, GilPer gilPer, const KeptThreads::Job &job, std::stop_source &abort)
{
    std::vector<std::jthread> threads;
    threads.reserve(std::size_t(n));
    for (int i = 0; i < n; ++i) {
        const std::int64_t asked = monotonicNs();
        try {
            threads.emplace_back([&, i, asked] {
                setThreadName(threadNamePattern(gilPer).arg(i));
                job(i, asked);
            });
        } catch (const std::system_error &e) {
            abort.request_stop();
            return cannotStartThread(QStringLiteral("thread %1 of %2").arg(i + 1).arg(n), e);
        }
    }
    return {};
} // join

KeptThreads &keptThreads(RunResources &resources, GilPer gilPer)
{
    auto *kept = dynamic_cast<KeptThreads *>(resources.workers.get());
    if (!kept) {
        auto fresh = std::make_unique<KeptThreads>(threadNamePattern(gilPer));
        kept = fresh.get();
        resources.workers = std::move(fresh);
    }
    return *kept;
}

} // namespace

Measured runOnThreads(const RunContext &outer, GilPer gilPer)
{
    const ExperimentSpec &spec = outer.spec;
    const QList<qint64> shares = splitEvenly(spec.items(), spec.workers);
    const std::size_t gilCount = gilPer == GilPer::Run ? 1 : std::size_t(shares.size());
    std::vector<std::unique_ptr<Gil>> gils;
    for (std::size_t i = 0; i < gilCount; ++i)
        gils.push_back(std::make_unique<Gil>(spec.gil, std::chrono::microseconds(spec.switchIntervalUs)));
    std::stop_source abort; // stops the threads already started when the next cannot be created
    const std::stop_callback relay(outer.stop, [&abort] { abort.request_stop(); });
    const RunContext run{spec, outer.target, outer.origin, abort.get_token(), outer.progress, outer.live, outer.resources};
    std::vector<Measured> results(std::size_t(shares.size()));
    const KeptThreads::Job job = [&](int i, std::int64_t startAsked) {
        results[std::size_t(i)] = blockingWorker(run, *gils[std::size_t(i) % gilCount], i, shares[i], startAsked);
    };
    const QString startError = spec.pool && outer.resources ? keptThreads(*outer.resources, gilPer).runOnAll(int(shares.size()), job, abort)
                                                            : runOnFreshThreads(int(shares.size()), gilPer, job, abort);
    Measured all;
    for (Measured &m : results) {
        all.tally.merge(std::move(m.tally));
        all.cpu += m.cpu;
    }
    if (!startError.isEmpty())
        all.tally.addError(startError, spec.items() - all.tally.items);
    return all;
}

} // namespace cl

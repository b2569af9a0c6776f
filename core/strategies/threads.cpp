// The "threads" strategy: like threading.Thread, fresh threads every run, sharing one emulated GIL.
// The "interpreters" strategy runs the same threads with a GIL each (interpreters.cpp).
#include "strategies/blockingworker.h"

#include "run/experimentrun.h"

#include <memory>
#include <thread>
#include <vector>

namespace cl {

Measured runThreads(const RunContext &outer)
{
    return runOnThreads(outer, GilPer::Run);
}

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
    const RunContext run{spec, outer.target, outer.origin, abort.get_token(), outer.progress, outer.live};
    std::vector<Measured> results(std::size_t(shares.size()));
    QString startError;
    {
        std::vector<std::jthread> threads;
        threads.reserve(results.size());
        for (int i = 0; i < shares.size() && startError.isEmpty(); ++i) {
            try {
                threads.emplace_back([&, i] {
                    setThreadName((gilPer == GilPer::Run ? QStringLiteral("worker-%1") : QStringLiteral("interp-%1"))
                                      .arg(i)); // on the Processes page
                    results[std::size_t(i)] = blockingWorker(run, *gils[std::size_t(i) % gilCount], i, shares[i]);
                });
            } catch (const std::system_error &e) {
                startError = cannotStartThread(QStringLiteral("thread %1 of %2").arg(i + 1).arg(shares.size()), e);
                abort.request_stop();
            }
        }
    } // join
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

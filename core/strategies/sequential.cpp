// The "sequential" strategy: the lesson's worker on the runner's own thread, one after another.
#include "strategies/blockingworker.h"

namespace cl {

Measured runSequential(const RunContext &run)
{
    Gil gil(run.spec.gil, std::chrono::microseconds(run.spec.switchIntervalUs));
    return blockingWorker(run, gil, 0, run.spec.items());
}

} // namespace cl

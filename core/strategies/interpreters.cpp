// The "interpreters" strategy: Python 3.12+ subinterpreters (PEP 684: a GIL per interpreter;
// PEP 734, Python 3.14: concurrent.interpreters and InterpreterPoolExecutor). Like threads, the
// workers are threads of this one process, fresh every run; unlike threads, each runs its own
// interpreter with its own emulated GIL, so CPU-bound work runs in parallel inside one process and
// no worker ever waits for another's lock. A real subinterpreter also carries its own copy of
// every module it imports (a few MB each); this emulation does not model that memory.
#include "strategies/blockingworker.h"

namespace cl {

Measured runInterpreters(const RunContext &run)
{
    return runOnThreads(run, GilPer::Worker);
}

} // namespace cl

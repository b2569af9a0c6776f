#include <catch2/catch.hpp>

#include "run/experimentrun.h"
#include "workloads/gil.h"

#include "helpers.h"
#include <QSet>

#include <thread>

using namespace cl;

TEST_CASE("with the GIL on, threads never run at once", "[gil]")
{
    ExperimentSpec spec = test::smallSpec(Workload::Cpu, Strategy::Threads, 3, 600'000);
    spec.gil = true;
    spec.switchIntervalUs = 1000;
    const RunResult r = runOnce(spec);
    REQUIRE(r.items == spec.steps);
    int runningSpans = 0;
    QSet<int> workers;
    for (const Span &s : r.spans)
        if (s.state == WorkerState::Running) {
            ++runningSpans;
            workers.insert(s.worker);
        }
    CHECK(workers.size() == 3);
    CHECK(runningSpans > 3); // they took turns, not one after another
    CHECK(test::runningOverlap(r.spans) == 0.0);
}

TEST_CASE("with the GIL off, threads run in parallel", "[gil]")
{
    if (std::thread::hardware_concurrency() < 2) {
        WARN("needs two cores");
        return;
    }
    ExperimentSpec spec = test::smallSpec(Workload::Cpu, Strategy::Threads, 2, 2'000'000);
    spec.gil = false;
    const RunResult r = runOnce(spec);
    REQUIRE(r.items == spec.steps);
    CHECK(test::runningOverlap(r.spans) > 0.0);
}

TEST_CASE("subinterpreters have a GIL each: with the GIL on, no interpreter ever waits for one", "[gil][interpreters]")
{
    ExperimentSpec spec = test::smallSpec(Workload::Cpu, Strategy::Interpreters, 3, 600'000);
    spec.gil = true;
    spec.switchIntervalUs = 1000;
    const RunResult r = runOnce(spec);
    REQUIRE(r.items == spec.steps);
    QSet<int> workers;
    for (const Span &s : r.spans) {
        CHECK(s.kind == WorkerKind::Interpreter);
        CHECK(s.state != WorkerState::WaitGil);
        workers.insert(s.worker);
    }
    CHECK(workers.size() == 3);
    if (std::thread::hardware_concurrency() >= 2)
        CHECK(test::runningOverlap(r.spans) > 0.0); // in parallel inside one process, as free threads would
}

TEST_CASE("the GIL hands over after a switch interval and forces the switch", "[gil]")
{
    Gil gil(true, std::chrono::microseconds(1000));
    std::atomic<bool> holderSawRequest{false};
    REQUIRE(gil.acquire(1));
    std::jthread waiter([&] {
        gil.acquire(2); // blocks until thread 1 drops it on request
        gil.release(2);
    });
    while (!gil.dropRequested())
        std::this_thread::yield();
    holderSawRequest = true;
    gil.release(1); // FORCE_SWITCHING: returns only once thread 2 took it
    waiter.join();
    CHECK(holderSawRequest);
    CHECK(gil.switches() >= 1);
}

TEST_CASE("a disabled GIL never blocks", "[gil]")
{
    Gil gil(false);
    CHECK(gil.acquire(1));
    CHECK(gil.acquire(2));
    gil.release(1);
    gil.release(2);
    CHECK(gil.switches() == 0);
}

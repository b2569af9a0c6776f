#include <catch2/catch.hpp>

#include "workloads/race.h"

#include "helpers.h"

#include <thread>

using namespace cl;

TEST_CASE("count += 1 with the GIL loses no update, though the threads take turns", "[race][gil]")
{
    RaceSpec spec;
    spec.workers = 4;
    spec.steps = 2'000'000;
    spec.gil = true;
    spec.switchIntervalUs = 200; // many hand-overs, each at the loop's backward jump only
    const RaceResult r = runRace(spec);
    CHECK(r.expected == spec.steps);
    CHECK(r.got == spec.steps);
    CHECK(r.lost() == 0);
    CHECK(r.switches > 0);
    CHECK_FALSE(r.stopped);
}

TEST_CASE("count += 1 free-threaded with a lock loses no update", "[race]")
{
    RaceSpec spec;
    spec.workers = 3;
    spec.steps = 300'000;
    spec.gil = false;
    spec.lock = true;
    const RaceResult r = runRace(spec);
    CHECK(r.got == spec.steps);
    CHECK(r.switches == 0); // no GIL to pass around
}

TEST_CASE("count += 1 free-threaded never counts more than it was asked", "[race]")
{
    RaceSpec spec;
    spec.workers = 2;
    spec.steps = 1'000'000;
    spec.gil = false;
    const RaceResult r = runRace(spec);
    CHECK(r.got > 0);
    CHECK(r.got <= spec.steps); // how many are lost depends on the cores: measured, not asserted
    CHECK(r.lostPercent() >= 0.0);
}

TEST_CASE("a race stopped before it starts ends at once and says so", "[race]")
{
    std::stop_source stop;
    stop.request_stop();
    RaceSpec spec;
    spec.steps = 100'000'000'000;
    const RaceResult r = runRace(spec, stop.get_token());
    CHECK(r.stopped);
    CHECK(r.got < spec.steps);
}

TEST_CASE("a race with no sensible counts is refused before it runs", "[race]")
{
    RaceSpec spec;
    spec.workers = 0;
    CHECK_FALSE(validate(spec).isEmpty());
    spec.workers = 4;
    spec.steps = 3;
    CHECK_FALSE(validate(spec).isEmpty());
    spec.steps = 4;
    CHECK(validate(spec).isEmpty());
}

// The lost update: N threads each run `count += 1` on one shared counter, as in
//
//     def work(n):
//         global count
//         for _ in range(n):
//             count += 1
//
// `count += 1` is a load, an add and a store. CPython 3.10+ switches threads only at backward
// jumps and calls (the eval breaker), never between the load and the store, so with the GIL the
// count is exact; free-threaded (3.13t, 3.14t), two threads load the same value and one update is
// lost; with a lock around it the count is exact again, and slower. The emulation does the same:
// the GIL is offered up only at the loop's backward jump, and the shared counter is a relaxed
// atomic load and store — two separate operations, so the C++ has no data race while the
// emulated Python loses updates.
#pragma once

#include <QString>

#include <cstdint>
#include <stop_token>

namespace cl {

struct RaceSpec {
    int workers = 2;
    qint64 steps = 10'000'000; // increments in all, split evenly between the workers
    bool gil = true;
    bool lock = false; // `with lock: count += 1`
    int switchIntervalUs = 5000;
};

struct RaceResult {
    qint64 expected = 0;
    qint64 got = 0;
    double wallS = 0;
    std::uint64_t switches = 0; // times the GIL passed from one thread to another
    bool stopped = false; // Stop, or a thread that could not start: the count is not the lesson's
    QString error; // a thread that could not start
    qint64 lost() const { return expected - got; }
    double lostPercent() const { return expected > 0 ? 100.0 * double(lost()) / double(expected) : 0.0; }
};

// Empty when the spec can run; otherwise a one-line reason.
QString validate(const RaceSpec &spec);
RaceResult runRace(const RaceSpec &spec, std::stop_token stop = {});

} // namespace cl

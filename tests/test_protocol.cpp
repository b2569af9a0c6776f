#include <catch2/catch.hpp>

#include "child/workerprotocol.h"
#include "helpers.h"
#include "run/experimentrun.h"

#include <random>

using namespace cl;

TEST_CASE("the child protocol survives garbage, split lines and over-long lines", "[protocol]")
{
    WorkerLineParser parser;
    ChildReport r;
    std::mt19937 rng(42);
    QByteArray noise(20000, '\0');
    for (auto &c : noise)
        c = char(rng() % 256 == 10 ? 'x' : rng() % 256);
    parser.feed(noise, r); // one over-long line without a newline
    parser.feed("\nCLW1 hel", r);
    parser.feed("lo 123\nCLW1 span running 0.5 0.25\n", r); // t1 < t0: rejected
    parser.feed("CLW1 span running 0.1 0.2\nCLW1 progress abc\nCLW1 lat 12.5\n", r);
    parser.feed("CLW1 done 10 0 4096 0.5 0.1", r); // no trailing newline yet
    CHECK_FALSE(r.done);
    parser.finish(r);
    CHECK(r.hello);
    CHECK(r.pid == 123);
    CHECK(r.tally.spans.size() == 1);
    CHECK(r.tally.latenciesMs == QList<double>{12.5});
    CHECK(r.done);
    CHECK(r.tally.items == 10);
    CHECK(r.peakRssBytes == 4096);
    CHECK(r.garbageLines >= 3);
}

TEST_CASE("a worker that prints garbage and exits costs its items, with a message", "[protocol]")
{
    ExperimentSpec spec = test::smallSpec(Workload::Cpu, Strategy::Processes, 2, 1000);
    spec.workerExecutable = QStringLiteral("/bin/echo"); // prints its arguments, no protocol
    const RunResult r = runOnce(spec);
    CHECK(r.items == 0);
    CHECK(r.errors == 1000);
    REQUIRE_FALSE(r.errorMessages.isEmpty());
    CHECK(r.errorMessages.first().contains(QLatin1String("without a result")));
}

TEST_CASE("a worker that cannot start is reported", "[protocol]")
{
    ExperimentSpec spec = test::smallSpec(Workload::Cpu, Strategy::Processes, 2, 1000);
    spec.workerExecutable = QStringLiteral("/nonexistent/концurrency-lab");
    const RunResult r = runOnce(spec);
    CHECK(r.errors == 1000);
    REQUIRE_FALSE(r.errorMessages.isEmpty());
    CHECK(r.errorMessages.first().contains(QLatin1String("could not start")));
}

TEST_CASE("a worker that fails costs its items and leaves no process behind", "[protocol]")
{
    ExperimentSpec spec = test::smallSpec(Workload::Cpu, Strategy::Processes, 1, 1000);
    spec.workerExecutable = QStringLiteral("/bin/sh");
    // `sh worker ...` cannot open a script named "worker": it exits 2 and says why on stderr.
    const RunResult r = runOnce(spec);
    CHECK(r.errors == 1000);
    REQUIRE_FALSE(r.errorMessages.isEmpty());
    CHECK(r.errorMessages.first().contains(QLatin1String("code 2")));
    CHECK(test::childPids().isEmpty());
}

#include <catch2/catch.hpp>

#include "child/workerprotocol.h"
#include "helpers.h"
#include "monitor/ownusage.h"
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
    CHECK(r.pssBytes == 0); // an older worker's line: no PSS
    CHECK(r.garbageLines >= 3);
    ChildReport withPss;
    parser.feed("CLW1 done 10 0 4096 0.5 0.1 8192\n", withPss);
    CHECK(withPss.done);
    CHECK(withPss.pssBytes == 8192);
}

TEST_CASE("a run's own memory: the growth over its start for threads, each child's PSS for processes", "[protocol][memory]")
{
    CHECK(parsePss("Rss:     20000 kB\nPss:     12345 kB\nShared_Clean: 1 kB\n") == 12345 * 1024);
    CHECK(parsePss("garbage") == -1);
    CHECK(pssBytes() > 0);
    ExperimentSpec threads = test::smallSpec(Workload::Cpu, Strategy::Threads, 2, 200'000);
    ExperimentSpec processes = test::smallSpec(Workload::Cpu, Strategy::Processes, 2, 200'000);
    const RunResult t = runOnce(threads), p = runOnce(processes);
    REQUIRE(t.ok());
    REQUIRE(p.ok());
    CHECK(t.memBytes >= 0);
    CHECK(t.memBytes < t.peakMemBytes); // the growth, not the app's whole resident set
    CHECK(p.memBytes > 2 * 1024 * 1024); // two children, each a whole process
    CHECK(p.memBytes > t.memBytes);
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

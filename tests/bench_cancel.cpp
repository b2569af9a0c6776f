// Hidden benchmarks ([.bench]): run with `lab_tests "[bench]"`. They report, never assert timings.
#include <catch2/catch.hpp>

#include "helpers.h"
#include "run/runner.h"
#include "server/demoserver.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace cl;

TEST_CASE("cancel latency per strategy", "[.][bench]")
{
    DemoServer server;
    QString error;
    REQUIRE(server.start(0, 60'000, &error));
    for (Workload w : {Workload::Cpu, Workload::Io}) {
        for (Strategy s : allStrategies()) {
            ExperimentSpec spec = test::smallSpec(w, s, 4, w == Workload::Cpu ? 10'000'000'000 : 64, server.url());
            spec.timeoutMs = 120'000;
            Runner runner;
            QSignalSpy finished(&runner, &Runner::finished);
            runner.start({spec});
            QTest::qWait(500);
            QElapsedTimer t;
            t.start();
            runner.cancel();
            REQUIRE(finished.wait(10000));
            const double ms = double(t.nsecsElapsed()) / 1e6;
            WARN(toString(w).toStdString() << " " << toString(s).toStdString() << ": cancelled in " << ms
                                           << " ms, children left: " << test::childPids().size());
        }
    }
}

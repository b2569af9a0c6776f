// The convoy effect: every request of the IO thread is answered and timed, whatever runs beside
// it; with the GIL and a CPU-bound thread it waits for the GIL after its transfers, free-threaded
// or with the CPU work in processes it never does.
#include <catch2/catch.hpp>

#include "helpers.h"
#include "server/demoserver.h"
#include "workloads/convoy.h"

#include <thread>

using namespace cl;

namespace {

ConvoySpec convoy(const QString &url, int cpu, bool gil, ConvoySpec::CpuIn where = ConvoySpec::CpuIn::Threads)
{
    ConvoySpec s;
    s.url = url;
    s.cpuThreads = cpu;
    s.gil = gil;
    s.cpuIn = where;
    s.requests = 40;
    s.switchIntervalUs = 1000;
    s.workerExecutable = QStringLiteral(CL_APP_PATH);
    return s;
}

int gilWaits(const ConvoyResult &r, int worker)
{
    return int(std::count_if(
        r.spans.begin(), r.spans.end(), [worker](const Span &s) { return s.worker == worker && s.state == WorkerState::WaitGil; }));
}

} // namespace

TEST_CASE("convoy runs report a latency for every request, alone, beside threads and beside processes", "[convoy]")
{
    DemoServer server;
    QString error;
    REQUIRE(server.start(0, kConvoyServerDelayMs, &error)); // a CPU thread has a millisecond to take the GIL
    for (int cpu : {0, 1, 2})
        for (bool gil : {true, false})
            for (auto where : {ConvoySpec::CpuIn::Threads, ConvoySpec::CpuIn::Processes}) {
                INFO(cpu << " CPU " << toString(where).toStdString() << (gil ? " GIL" : " free-threaded"));
                const ConvoyResult r = runConvoy(convoy(server.url(), cpu, gil, where));
                REQUIRE(r.error.isEmpty());
                CHECK(r.io.items == 40);
                CHECK(r.io.errors == 0);
                CHECK(r.io.latenciesMs.size() == 40);
                CHECK(r.requestsPerS > 0);
                CHECK(r.latency.p50 > 0);
                CHECK(r.latency.p99 >= r.latency.p50);
                if (cpu == 0) // with CPU threads, how far they count before the IO ends is the scheduler's
                    CHECK(r.cpuSteps == 0);
            }
    CHECK(test::childPids().isEmpty()); // the CPU processes are killed and reaped
}

TEST_CASE("with the GIL the IO thread waits for it beside a CPU-bound thread, and never otherwise", "[convoy]")
{
    DemoServer server;
    QString error;
    REQUIRE(server.start(0, kConvoyServerDelayMs, &error)); // a CPU thread has a millisecond to take the GIL
    CHECK(gilWaits(runConvoy(convoy(server.url(), 1, true)), 0) > 0);
    CHECK(gilWaits(runConvoy(convoy(server.url(), 1, false)), 0) == 0);
    CHECK(gilWaits(runConvoy(convoy(server.url(), 1, true, ConvoySpec::CpuIn::Processes)), 0) == 0);
    CHECK(gilWaits(runConvoy(convoy(server.url(), 0, true)), 0) == 0);
}

TEST_CASE("a convoy against a closed port reports its errors and ends, and bad specs are refused", "[convoy]")
{
    ConvoySpec s = convoy(QStringLiteral("http://127.0.0.1:%1/").arg(test::closedPort()), 1, true);
    const ConvoyResult r = runConvoy(s);
    CHECK(r.error.isEmpty());
    CHECK(r.io.items == 0);
    CHECK(r.io.errors == 40);
    s.cpuThreads = 65;
    CHECK_FALSE(validate(s).isEmpty());
    CHECK_FALSE(runConvoy(s).error.isEmpty());
    s.cpuThreads = 1;
    s.url = QStringLiteral("ftp://example.org/");
    CHECK_FALSE(runConvoy(s).error.isEmpty());
}

TEST_CASE("a convoy stops at once when asked", "[convoy]")
{
    DemoServer server;
    QString error;
    REQUIRE(server.start(0, 50, &error));
    ConvoySpec s = convoy(server.url(), 2, true);
    s.requests = 100'000;
    std::stop_source stop;
    std::jthread stopper([&stop] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        stop.request_stop();
    });
    const ConvoyResult r = runConvoy(s, stop.get_token());
    CHECK(r.stopped);
    CHECK(r.io.items < 100'000);
}

#include <catch2/catch.hpp>

#include "experiment/experiment.h"
#include "workloads/cpuwork.h"

#include <numeric>

using namespace cl;

TEST_CASE("splitEvenly spreads the remainder: no `100 // 64` bug", "[split]")
{
    for (auto [total, parts] :
        std::vector<std::pair<qint64, int>>{{100, 64}, {100, 16}, {10'000'000, 2}, {7, 3}, {5, 5}, {1, 1}, {1'000'003, 7}}) {
        const QList<qint64> s = splitEvenly(total, parts);
        REQUIRE(s.size() == parts);
        CHECK(std::accumulate(s.begin(), s.end(), qint64(0)) == total);
        const auto [lo, hi] = std::minmax_element(s.begin(), s.end());
        CHECK(*hi - *lo <= 1);
    }
    CHECK(splitEvenly(100, 64).count(2) == 36);
}

TEST_CASE("the counting loop counts every step", "[cpu]")
{
    CHECK(interpretSteps(0) == 0);
    CHECK(interpretSteps(1) == 1);
    CHECK(interpretSteps(123'457) == 123'457);
}

TEST_CASE("cpuWorker stops early when asked and says how far it got", "[cpu]")
{
    Gil gil(true);
    SpanRecorder spans(0, WorkerKind::Thread, 0);
    std::stop_source source;
    source.request_stop();
    CpuWorkerContext ctx{gil, 0, spans, source.get_token()};
    CHECK(cpuWorker(1'000'000, ctx) < 1'000'000);
}

TEST_CASE("validate rejects bad input with a reason", "[spec]")
{
    ExperimentSpec s;
    CHECK(validate(s).isEmpty());
    s.steps = 0;
    CHECK(validate(s).contains(QLatin1String("steps")));
    s.steps = 3;
    s.strategy = Strategy::Threads;
    s.workers = 5;
    CHECK(validate(s).contains(QLatin1String("more workers")));
    s.workload = Workload::Io;
    s.requests = 10;
    s.url = QStringLiteral("ftp://example.org/");
    CHECK(validate(s).contains(QLatin1String("http://")));
    s.url = QStringLiteral("http://127.0.0.1:8000/");
    CHECK(validate(s).isEmpty());
    s.repeat = 0;
    CHECK(!validate(s).isEmpty());
}

TEST_CASE("latency percentiles use the nearest rank", "[stats]")
{
    QList<double> v;
    for (int i = 1; i <= 100; ++i)
        v.append(i);
    const LatencySummary l = summarizeLatencies(v);
    CHECK(l.p50 == 50);
    CHECK(l.p95 == 95);
    CHECK(l.p99 == 99);
    CHECK(l.max == 100);
    CHECK(summarizeLatencies({}).max == 0);
}

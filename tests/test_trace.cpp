// The trace export: the Trace Event Format's documented fields (the JSON Object Format with
// "traceEvents"; complete "X" events with ts and dur in microseconds; "M" metadata naming
// processes and threads; "s"/"f" flow events sharing an id; "C" counters with numeric args).
#include <catch2/catch.hpp>

#include "experiment/trace.h"
#include "helpers.h"
#include "monitor/cpurecorder.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <thread>

using namespace cl;

namespace {

QList<QJsonObject> eventsOf(const QJsonObject &trace, const char *phase)
{
    QList<QJsonObject> out;
    for (const QJsonValue &v : trace["traceEvents"].toArray())
        if (v.toObject()["ph"].toString() == QLatin1String(phase))
            out.append(v.toObject());
    return out;
}

// Every event carries what the format requires of its phase.
void checkWellFormed(const QJsonObject &trace)
{
    REQUIRE(trace["traceEvents"].isArray());
    for (const QJsonValue &v : trace["traceEvents"].toArray()) {
        const QJsonObject e = v.toObject();
        INFO(QJsonDocument(e).toJson(QJsonDocument::Compact).toStdString());
        const QString ph = e["ph"].toString();
        REQUIRE(QStringList{"X", "M", "s", "f", "C"}.contains(ph));
        CHECK(e["name"].isString());
        CHECK(e["pid"].isDouble());
        if (ph != QLatin1String("M")) {
            CHECK(e["ts"].isDouble());
            CHECK(e["ts"].toDouble() >= 0);
        }
        if (ph == QLatin1String("X")) {
            CHECK(e["tid"].isDouble());
            CHECK(e["dur"].toDouble() >= 0);
        }
        if (ph == QLatin1String("C"))
            for (const QJsonValue &arg : e["args"].toObject())
                CHECK(arg.isDouble());
    }
}

RunResult twoThreadsSharingTheGil()
{
    RunResult run;
    run.startMonoMs = 5000;
    run.wallS = 0.03;
    run.spans = {{0, WorkerKind::Thread, WorkerState::Running, 0.000, 0.010}, {1, WorkerKind::Thread, WorkerState::WaitGil, 0.000, 0.010},
        {1, WorkerKind::Thread, WorkerState::Running, 0.010, 0.020}, {0, WorkerKind::Thread, WorkerState::WaitGil, 0.010, 0.020},
        {0, WorkerKind::Thread, WorkerState::Running, 0.020, 0.030}};
    return run;
}

RunResult threeRequests()
{
    RunResult run;
    run.startMonoMs = 5100;
    run.wallS = 0.2;
    for (int i = 0; i < 3; ++i)
        run.spans.append({i, WorkerKind::Task, WorkerState::WaitIo, 0.0, 0.1 + 0.05 * i});
    return run;
}

} // namespace

TEST_CASE("a trace has a process per run, a named track per worker and a complete event per span", "[trace]")
{
    const QJsonObject trace
        = traceJson({{QStringLiteral("threads x2, GIL"), twoThreadsSharingTheGil()}, {QStringLiteral("async"), threeRequests()}});
    checkWellFormed(trace);
    const QList<QJsonObject> spans = eventsOf(trace, "X");
    CHECK(spans.size() == 5 + 3);
    QStringList names;
    for (const QJsonObject &m : eventsOf(trace, "M"))
        names << m["args"].toObject()["name"].toString();
    CHECK(names.contains(QStringLiteral("threads x2, GIL")));
    CHECK(names.contains(QStringLiteral("async")));
    CHECK(names.contains(QStringLiteral("thread 0")));
    CHECK(names.contains(QStringLiteral("task 2")));
    // Placed by when each run started: the second run 100 ms after the first, in microseconds.
    const auto firstOfRun = [&](int pid) {
        double ts = 1e18;
        for (const QJsonObject &e : spans)
            if (e["pid"].toInt() == pid)
                ts = std::min(ts, e["ts"].toDouble());
        return ts;
    };
    CHECK(firstOfRun(1) == Approx(0));
    CHECK(firstOfRun(2) == Approx(100'000));
    CHECK(spans.first()["name"].toString() == QLatin1String("running"));
    CHECK(spans.first()["dur"].toDouble() == Approx(10'000));
}

TEST_CASE("the GIL's hand-offs are flow arrows from the thread that let go to the one that took it", "[trace]")
{
    const QJsonObject trace = traceJson({{QStringLiteral("threads"), twoThreadsSharingTheGil()}});
    const QList<QJsonObject> starts = eventsOf(trace, "s"), ends = eventsOf(trace, "f");
    REQUIRE(starts.size() == 2);
    REQUIRE(ends.size() == 2);
    for (int i = 0; i < 2; ++i) {
        CHECK(starts[i]["id"] == ends[i]["id"]);
        CHECK(starts[i]["tid"] != ends[i]["tid"]);
        CHECK(ends[i]["bp"].toString() == QLatin1String("e"));
        CHECK(starts[i]["ts"].toDouble() <= ends[i]["ts"].toDouble());
    }
}

TEST_CASE("requests in flight and each core's load are counters", "[trace]")
{
    CpuSample sample;
    sample.tMs = 5200;
    sample.cores[0].user = 0.5;
    sample.cores[1].system = 0.25;
    const QJsonObject trace = traceJson({{QStringLiteral("async"), threeRequests()}}, {sample});
    checkWellFormed(trace);
    int peak = 0;
    QStringList counters;
    for (const QJsonObject &c : eventsOf(trace, "C")) {
        counters << c["name"].toString();
        if (c["name"].toString() == QLatin1String("requests in flight"))
            peak = std::max(peak, c["args"].toObject()["requests"].toInt());
        if (c["name"].toString() == QLatin1String("core 0 busy %"))
            CHECK(c["args"].toObject()["busy"].toDouble() == Approx(50));
    }
    CHECK(peak == 3);
    CHECK(counters.contains(QStringLiteral("core 1 busy %")));
    CHECK(eventsOf(trace, "C").last()["args"].toObject()["requests"].toInt() == 0);
}

TEST_CASE("the CPU recorder samples every core until it ends", "[trace][monitor]")
{
    QList<CpuSample> samples;
    {
        const CpuRecorder recorder(std::chrono::milliseconds(20));
        for (int i = 0; i < 500 && samples.isEmpty(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            samples = recorder.samples();
        }
    }
    REQUIRE_FALSE(samples.isEmpty());
    CHECK_FALSE(samples.first().cores.isEmpty());
}

TEST_CASE("run --trace writes a trace of every run", "[trace][cli]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trace.json"));
    REQUIRE(test::runSmallThreads({QStringLiteral("--trace"), path}) == 0);
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QJsonObject trace = QJsonDocument::fromJson(f.readAll()).object();
    checkWellFormed(trace);
    QStringList processes;
    for (const QJsonObject &m : eventsOf(trace, "M"))
        if (m["name"].toString() == QLatin1String("process_name"))
            processes << m["args"].toObject()["name"].toString();
    CHECK(processes.contains(QStringLiteral("threads x2, GIL, run 1 of 2")));
    CHECK(processes.contains(QStringLiteral("threads x2, GIL, run 2 of 2")));
    CHECK_FALSE(eventsOf(trace, "X").isEmpty());
    CHECK(test::runApp(
              {QStringLiteral("run"), QStringLiteral("cpu"), QStringLiteral("--trace"), dir.filePath(QStringLiteral("no/such/dir/t.json")),
                  QStringLiteral("--steps"), QStringLiteral("1000"), QStringLiteral("--repeat"), QStringLiteral("1")})
        != 0);
}

// Start methods (spawn, fork, forkserver) and pools: exact counts, start-up spans only where a
// worker started, nothing left behind after Stop, and a forkserver that dies never hangs a run.
#include <catch2/catch.hpp>

#include "child/forkserver.h"
#include "helpers.h"
#include "run/experimentrun.h"
#include "server/demoserver.h"
#include "strategies/strategy.h"

#include <QFile>
#include <QThread>

#include <csignal>
#include <future>
#include <unistd.h>

using namespace cl;

namespace {

const QList<StartMethod> kStartMethods{StartMethod::Spawn, StartMethod::Fork, StartMethod::ForkServer};

int startingSpans(const RunResult &r)
{
    return int(std::count_if(r.spans.begin(), r.spans.end(), [](const Span &s) { return s.state == WorkerState::Starting; }));
}

ExperimentSpec processes(StartMethod how, bool pool, qint64 steps = 300'000)
{
    ExperimentSpec spec = test::smallSpec(Workload::Cpu, Strategy::Processes, 2, steps);
    spec.startMethod = how;
    spec.pool = pool;
    spec.repeat = 3;
    return spec;
}

// Waits until this process has at least `n` descendants (workers, and a forkserver).
QList<pid_t> waitForDescendants(int n)
{
    for (int i = 0; i < 3000; ++i) {
        if (const QList<pid_t> pids = test::descendantPids(); pids.size() >= n)
            return pids;
        QThread::msleep(10);
    }
    return {};
}

// A process's state letter and parent, from /proc/PID/stat ("" when there is no such process).
std::pair<QByteArray, pid_t> stateOf(pid_t pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> fields = f.readAll().split(')').last().trimmed().split(' ');
    return fields.size() > 1 ? std::pair(fields[0], pid_t(fields[1].toInt())) : std::pair(QByteArray(), pid_t(0));
}

// Not running any more (within a few seconds: a killed process under the sanitizers takes a while
// to unmap its memory): no such process, or a zombie that is not ours to reap (an orphan of a
// forkserver killed by the test, waiting for init).
bool gone(pid_t pid)
{
    for (int i = 0; i < 500; ++i) {
        const auto [state, parent] = stateOf(pid);
        if (state.isEmpty() || (state == "Z" && parent != getpid()))
            return true;
        QThread::msleep(10);
    }
    return false;
}

} // namespace

TEST_CASE("every start method, pooled or not, counts exactly, and only a started worker has a starting span", "[startmethod]")
{
    for (StartMethod how : kStartMethods)
        for (bool pool : {false, true}) {
            INFO(toString(how).toStdString() << (pool ? " pool" : ""));
            const ExperimentResult r = runExperiment(processes(how, pool));
            REQUIRE(r.runs.size() == 3);
            for (int i = 0; i < 3; ++i) {
                const RunResult &run = r.runs[i];
                CHECK(run.ok());
                CHECK(run.items == 300'000);
                CHECK(run.errors == 0);
                CHECK(startingSpans(run) == (pool && i > 0 ? 0 : 2));
                CHECK(run.cpuUserS > 0);
            }
        }
    CHECK(test::descendantPids().isEmpty()); // pooled children and forkservers end with their experiment
}

TEST_CASE("every start method makes exactly the requests asked", "[startmethod][io]")
{
    DemoServer server;
    QString error;
    REQUIRE(server.start(0, 5, &error));
    for (StartMethod how : kStartMethods)
        for (bool pool : {false, true}) {
            INFO(toString(how).toStdString() << (pool ? " pool" : ""));
            ExperimentSpec spec = test::smallSpec(Workload::Io, Strategy::Processes, 4, 37, server.url());
            spec.startMethod = how;
            spec.pool = pool;
            spec.repeat = 2;
            const ExperimentResult r = runExperiment(spec);
            REQUIRE(r.runs.size() == 2);
            for (const RunResult &run : r.runs) {
                CHECK(run.items == 37);
                CHECK(run.errors == 0);
                CHECK(run.latenciesMs.size() == 37);
            }
        }
}

TEST_CASE("pooled threads and subinterpreters count exactly and start only once", "[startmethod][pool]")
{
    for (Strategy s : {Strategy::Threads, Strategy::Interpreters}) {
        INFO(toString(s).toStdString());
        ExperimentSpec spec = test::smallSpec(Workload::Cpu, s, 3, 300'001);
        spec.pool = true;
        spec.repeat = 3;
        const ExperimentResult r = runExperiment(spec);
        REQUIRE(r.runs.size() == 3);
        for (int i = 0; i < 3; ++i) {
            CHECK(r.runs[i].ok());
            CHECK(r.runs[i].items == 300'001);
            CHECK(startingSpans(r.runs[i]) == (i == 0 ? 3 : 0));
        }
        spec.pool = false; // fresh threads: every run starts them
        const ExperimentResult fresh = runExperiment(spec);
        for (const RunResult &run : fresh.runs)
            CHECK(startingSpans(run) == 3);
    }
}

TEST_CASE("no child is left behind after Stop, for every start method", "[startmethod][failures]")
{
    for (StartMethod how : kStartMethods)
        for (bool pool : {false, true}) {
            INFO(toString(how).toStdString() << (pool ? " pool" : ""));
            std::stop_source stop;
            auto result = std::async(std::launch::async,
                [spec = processes(how, pool, 50'000'000'000), token = stop.get_token()] { return runExperiment(spec, token); });
            const QList<pid_t> running = waitForDescendants(how == StartMethod::ForkServer ? 3 : 2);
            REQUIRE_FALSE(running.isEmpty());
            stop.request_stop();
            REQUIRE(result.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
            const ExperimentResult r = result.get();
            REQUIRE(r.runs.size() == 1);
            CHECK(r.runs.first().status == RunStatus::Cancelled);
            for (pid_t pid : running)
                CHECK(gone(pid));
        }
}

TEST_CASE("a forkserver that dies between runs is started again", "[startmethod][forkserver]")
{
    ExperimentSpec spec = processes(StartMethod::ForkServer, false);
    RunResources kept;
    REQUIRE(runOnce(spec, {}, nullptr, nullptr, &kept).ok());
    REQUIRE(kept.forkServer);
    const pid_t first = kept.forkServer->pid();
    REQUIRE(first > 0);
    ::kill(first, SIGKILL);
    for (int i = 0; i < 500 && stateOf(first).first != "Z"; ++i) // dead, not yet reaped: found by the next run
        QThread::msleep(10);
    const RunResult again = runOnce(spec, {}, nullptr, nullptr, &kept);
    CHECK(again.ok());
    CHECK(again.items == spec.steps);
    CHECK(kept.forkServer->starts() == 2);
    CHECK(kept.forkServer->pid() != first);
    CHECK(gone(first)); // reaped
}

TEST_CASE("a forkserver that dies mid-run fails the run with a message, and nothing is left", "[startmethod][forkserver]")
{
    std::stop_source stop;
    auto result
        = std::async(std::launch::async, [spec = processes(StartMethod::ForkServer, false, 50'000'000'000), token = stop.get_token()] {
              return runExperiment(spec, token);
          });
    const QList<pid_t> running = waitForDescendants(3);
    REQUIRE(running.size() >= 3);
    const QList<pid_t> direct = test::childPids(); // the forkserver: the workers are its children
    REQUIRE(direct.size() == 1);
    ::kill(direct.first(), SIGKILL);
    const bool ended = result.wait_for(std::chrono::seconds(30)) == std::future_status::ready;
    if (!ended)
        stop.request_stop();
    REQUIRE(ended);
    const ExperimentResult r = result.get();
    REQUIRE(r.runs.size() == 1);
    CHECK(r.runs.first().status == RunStatus::Failed);
    REQUIRE_FALSE(r.runs.first().errorMessages.isEmpty());
    CHECK(r.runs.first().errorMessages.first().contains(QLatin1String("forkserver")));
    for (pid_t pid : running)
        CHECK(gone(pid));
}

TEST_CASE("a pooled worker process that died between runs is replaced, and the run counts exactly", "[startmethod][pool]")
{
    for (StartMethod how : kStartMethods) {
        INFO(toString(how).toStdString());
        ExperimentSpec spec = processes(how, true);
        RunResources kept;
        REQUIRE(runOnce(spec, {}, nullptr, nullptr, &kept).ok());
        QList<pid_t> workers = test::descendantPids();
        if (how == StartMethod::ForkServer) // the server stays: kill only its workers
            workers.removeAll(kept.forkServer->pid());
        REQUIRE(workers.size() == 2);
        ::kill(workers.first(), SIGKILL);
        QThread::msleep(100);
        const RunResult again = runOnce(spec, {}, nullptr, nullptr, &kept);
        CHECK(again.ok());
        CHECK(again.items == spec.steps);
        CHECK(startingSpans(again) == 1); // the replacement's start-up only
    }
    CHECK(test::descendantPids().isEmpty());
}

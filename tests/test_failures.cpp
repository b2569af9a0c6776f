// Runs that go wrong: a worker process that dies or stops, a thread that cannot be created, a
// server that refuses, output that cannot be written. Each must end as a failed run with a
// message, never as a time, a hang or a crash.
#include <catch2/catch.hpp>

#include "experiment/resultjson.h"
#include "experiment/sweep.h"
#include "helpers.h"
#include "run/experimentrun.h"
#include "util/savefile.h"
#include "workloads/http.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>
#include <future>
#include <unistd.h>

namespace {

// A CPU experiment of two worker processes that would count for many minutes.
cl::ExperimentSpec endlessProcesses()
{
    cl::ExperimentSpec spec = test::smallSpec(cl::Workload::Cpu, cl::Strategy::Processes, 2, 50'000'000'000);
    spec.repeat = 3;
    return spec;
}

// Runs `spec` on another thread; gives up (stops it) after a minute so a regression fails, not hangs.
struct BackgroundRun {
    std::stop_source stop;
    std::future<cl::ExperimentResult> result;
    explicit BackgroundRun(const cl::ExperimentSpec &spec)
        : result(std::async(std::launch::async, [spec, token = stop.get_token()] { return cl::runExperiment(spec, token); }))
    {
    }
    cl::ExperimentResult get()
    {
        if (result.wait_for(std::chrono::seconds(60)) != std::future_status::ready)
            stop.request_stop();
        return result.get();
    }
};

QList<pid_t> waitForChildren(int n)
{
    for (int i = 0; i < 3000; ++i) {
        if (const QList<pid_t> pids = test::childPids(); pids.size() >= n)
            return pids;
        QThread::msleep(10);
    }
    return {};
}

QJsonObject runJson(const QStringList &args, int *exit, QByteArray *err = nullptr)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.json"));
    *exit = test::runApp(args + QStringList{QStringLiteral("--json"), path}, nullptr, err);
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace

TEST_CASE("a worker process that dies fails the run at once and stops the repeats", "[failures]")
{
    BackgroundRun run(endlessProcesses());
    const QList<pid_t> children = waitForChildren(2);
    REQUIRE(children.size() == 2);
    QThread::msleep(200);
    ::kill(children.first(), SIGKILL);
    const cl::ExperimentResult r = run.get();
    CHECK_FALSE(run.stop.stop_requested()); // it ended by itself, not by the test's safety stop
    REQUIRE(r.runs.size() == 1); // no more repeats after a failure
    CHECK(r.runs.first().status == cl::RunStatus::Failed);
    CHECK_FALSE(r.hasOkRun());
    CHECK(r.bestS() == 0);
    REQUIRE_FALSE(r.runs.first().errorMessages.isEmpty());
    CHECK(r.runs.first().errorMessages.first().contains(QLatin1String("signal 9")));
    CHECK(test::childPids().isEmpty());
}

TEST_CASE("a stopped worker process is killed by the watchdog and the run fails naming it", "[failures]")
{
    cl::ExperimentSpec spec = endlessProcesses();
    spec.watchdogMs = 500;
    BackgroundRun run(spec);
    const QList<pid_t> children = waitForChildren(2);
    REQUIRE(children.size() == 2);
    ::kill(children.last(), SIGSTOP);
    const cl::ExperimentResult r = run.get();
    CHECK_FALSE(run.stop.stop_requested());
    REQUIRE(r.runs.size() == 1);
    CHECK(r.runs.first().status == cl::RunStatus::Failed);
    REQUIRE_FALSE(r.runs.first().errorMessages.isEmpty());
    const QString message = r.runs.first().errorMessages.first();
    CHECK(message.contains(QLatin1String("worker process")));
    CHECK(message.contains(QLatin1String("reported nothing")));
    CHECK(test::childPids().isEmpty()); // the stopped one too: killed and reaped
}

TEST_CASE("a cancelled run is cancelled, not failed, and not a time", "[failures]")
{
    BackgroundRun run(endlessProcesses());
    REQUIRE(waitForChildren(2).size() == 2);
    run.stop.request_stop();
    const cl::ExperimentResult r = run.result.get();
    REQUIRE(r.runs.size() == 1);
    CHECK(r.runs.first().status == cl::RunStatus::Cancelled);
    CHECK_FALSE(r.hasOkRun());
}

// Not under ThreadSanitizer: its runtime creates threads past the user limit here.
TEST_CASE("a thread that cannot be created fails the run with a message (ulimit -u)", "[failures][ulimit]")
{
    const QString runuser = QStandardPaths::findExecutable(QStringLiteral("runuser"));
    if (::geteuid() != 0 || runuser.isEmpty()) {
        WARN("needs root and runuser to lower another user's thread limit; skipped");
        return;
    }
    // Long enough that the first threads still run when the limit is reached. `nobody` must be
    // able to execute the binary: copy it where it can.
    const QTemporaryDir dir;
    const QString app = test::appCopyForOtherUsers(dir);
    REQUIRE_FALSE(app.isEmpty());
    QProcess p;
    p.start(runuser,
        {QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"), QStringLiteral("bash"), QStringLiteral("-c"),
            QStringLiteral("ulimit -u 8; exec \"$0\" run cpu --strategy threads --workers 16 --steps 50000000 --repeat 1"), app});
    REQUIRE(p.waitForFinished(60000));
    const QByteArray err = p.readAllStandardError();
    INFO(err.toStdString());
    CHECK(p.exitStatus() == QProcess::NormalExit);
    CHECK(p.exitCode() == 1);
    CHECK(err.contains("could not start thread"));
    // The demo server's thread cannot start either: a message, not a call that waits forever.
    QProcess server;
    server.start(runuser,
        {QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"), QStringLiteral("bash"), QStringLiteral("-c"),
            QStringLiteral("ulimit -u 1; exec \"$0\" run io --strategy sequential --requests 1 --repeat 1"), app});
    REQUIRE(server.waitForFinished(60000));
    const QByteArray serverErr = server.readAllStandardError();
    INFO(serverErr.toStdString());
    CHECK(server.exitCode() == 1);
    CHECK(serverErr.contains("cannot start the server's thread"));
}

TEST_CASE("JSON says each run's status, best and median are null without an ok run", "[failures][json]")
{
    const QString url = QStringLiteral("http://127.0.0.1:%1/").arg(test::closedPort());
    int exit = 0;
    QByteArray err;
    const QJsonObject json = runJson({QStringLiteral("run"), QStringLiteral("io"), QStringLiteral("--strategy"),
                                         QStringLiteral("sequential,async"), QStringLiteral("--requests"), QStringLiteral("3"),
                                         QStringLiteral("--url"), url, QStringLiteral("--repeat"), QStringLiteral("2")},
        &exit, &err);
    CHECK(exit == 1);
    CHECK(err.contains("failed")); // one line per failed experiment on stderr
    const QJsonArray results = json[QLatin1String("results")].toArray();
    REQUIRE(results.size() == 2);
    for (const auto &v : results) {
        const QJsonObject r = v.toObject();
        CHECK(r[QLatin1String("best_s")].isNull());
        CHECK(r[QLatin1String("median_s")].isNull());
        const QJsonArray runs = r[QLatin1String("runs")].toArray();
        REQUIRE(runs.size() == 1); // failed fast
        CHECK(runs.first()[QLatin1String("status")].toString() == QLatin1String("failed"));
    }
}

TEST_CASE("an ok run says ok, and a results file round-trips the status", "[failures][json]")
{
    int exit = 0;
    const QJsonObject json
        = runJson({QStringLiteral("run"), QStringLiteral("cpu"), QStringLiteral("--strategy"), QStringLiteral("threads"),
                      QStringLiteral("--steps"), QStringLiteral("20000"), QStringLiteral("--repeat"), QStringLiteral("1")},
            &exit);
    CHECK(exit == 0);
    const QJsonObject r = json[QLatin1String("results")].toArray().first().toObject();
    CHECK(r[QLatin1String("best_s")].isDouble());
    CHECK(r[QLatin1String("runs")].toArray().first()[QLatin1String("status")].toString() == QLatin1String("ok"));
    QString error;
    const auto report = cl::reportFromJson(json, &error);
    REQUIRE(report);
    CHECK(report->results.first().runs.first().ok());
}

TEST_CASE("JSON that cannot be written is an error: a full disk, a closed pipe, an empty name", "[failures][cli]")
{
    const QStringList cpu{QStringLiteral("run"), QStringLiteral("cpu"), QStringLiteral("--strategy"), QStringLiteral("sequential"),
        QStringLiteral("--steps"), QStringLiteral("1000"), QStringLiteral("--repeat"), QStringLiteral("1")};
    QByteArray err;
    CHECK(test::runApp(cpu + QStringList{QStringLiteral("--json"), QStringLiteral("/dev/full")}, nullptr, &err) == 1);
    CHECK(err.contains("cannot write"));
    CHECK(test::runApp(cpu + QStringList{QStringLiteral("--json"), QString()}, nullptr, &err) == 2);
    CHECK(err.contains("needs a file name"));
    // The reader is gone before the JSON is written.
    QProcess p;
    p.start(QStringLiteral("bash"),
        QStringList{QStringLiteral("-c"), QStringLiteral("\"$0\" \"$@\" --json - | true; echo \"exit=${PIPESTATUS[0]}\""),
            QStringLiteral(CL_APP_PATH)}
            + cpu);
    REQUIRE(p.waitForFinished(60000));
    const QByteArray out = p.readAllStandardOutput();
    CHECK(out.contains("exit=1"));
    CHECK(p.readAllStandardError().contains("cannot write"));
}

TEST_CASE("the hidden worker checks its arguments before it says hello, and its own output", "[failures][protocol]")
{
    QByteArray out, err;
    CHECK(test::runApp({QStringLiteral("worker"), QStringLiteral("--id")}, &out, &err) == 2);
    CHECK_FALSE(out.contains("hello"));
    CHECK(err.contains("bad worker arguments"));
    CHECK(test::runApp(
              {QStringLiteral("worker"), QStringLiteral("--id"), QStringLiteral("0"), QStringLiteral("--bogus"), QStringLiteral("1")}, &out,
              &err)
        == 2);
    QProcess p;
    p.setStandardOutputFile(QStringLiteral("/dev/full"));
    p.start(QStringLiteral(CL_APP_PATH),
        {QStringLiteral("worker"), QStringLiteral("--id"), QStringLiteral("0"), QStringLiteral("--workload"), QStringLiteral("cpu"),
            QStringLiteral("--items"), QStringLiteral("1000"), QStringLiteral("--origin-ns"), QStringLiteral("0")});
    REQUIRE(p.waitForFinished(60000));
    CHECK(p.exitCode() == 1);
}

TEST_CASE("a sweep leaves failed points out of the chart and the fit", "[failures][sweep]")
{
    auto result = [](int workers, double wallS, cl::RunStatus status) {
        cl::RunResult run;
        run.wallS = wallS;
        run.status = status;
        return cl::ExperimentResult{cl::Strategy::Threads, workers, false, {run}, 100};
    };
    cl::ExperimentSpec base;
    base.strategy = cl::Strategy::Threads;
    const QList<cl::ExperimentResult> results{result(1, 1.0, cl::RunStatus::Ok), result(2, 0.5, cl::RunStatus::Ok),
        result(3, 0.001, cl::RunStatus::Failed), result(4, 0.002, cl::RunStatus::Cancelled)};
    const cl::SweepResult sweep = cl::sweepResult(base, results, 2);
    REQUIRE(sweep.points.size() == 1);
    CHECK(sweep.points.first().workers == 2);
    CHECK(sweep.points.first().speedup == Approx(2.0));
    // No baseline, no speedups at all.
    const cl::SweepResult none = cl::sweepResult(base, {result(1, 0.001, cl::RunStatus::Failed), result(2, 0.5, cl::RunStatus::Ok)}, 2);
    CHECK(none.points.isEmpty());
}

TEST_CASE("text that cannot reach stdout is an error, and a closed stdout is not reused", "[failures][cli]")
{
    const QString cpu = QStringLiteral("\"$0\" run cpu --strategy sequential --steps 1000 --repeat 1");
    QProcess full;
    full.start(QStringLiteral("bash"), {QStringLiteral("-c"), cpu + QStringLiteral(" > /dev/full"), QStringLiteral(CL_APP_PATH)});
    REQUIRE(full.waitForFinished(60000));
    CHECK(full.exitCode() == 1);
    CHECK(full.readAllStandardError().contains("cannot write to stdout"));
    // stdout closed: the JSON file opened later must not become descriptor 1 and get the text too.
    QTemporaryDir dir;
    const QString json = dir.filePath(QStringLiteral("r.json"));
    QProcess closed;
    closed.start(
        QStringLiteral("bash"), {QStringLiteral("-c"), cpu + QStringLiteral(" --json \"$1\" >&-"), QStringLiteral(CL_APP_PATH), json});
    REQUIRE(closed.waitForFinished(60000));
    CHECK(closed.exitCode() == 0);
    QFile f(json);
    REQUIRE(f.open(QIODevice::ReadOnly));
    QJsonParseError error{};
    QJsonDocument::fromJson(f.readAll(), &error);
    CHECK(error.error == QJsonParseError::NoError);
}

TEST_CASE("a file is saved whole or not at all, and a device or a pipe is never replaced", "[failures][files]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("results.json"));
    QString error;
    REQUIRE(cl::saveFile(path, "first", &error));
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == "first");
    f.close();
    // A write that fails half-way leaves the old contents in place.
    CHECK_FALSE(cl::saveWith(
        path,
        [](QIODevice &d) {
            d.write("partial");
            return false;
        },
        &error));
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == "first");
    f.close();
    CHECK_FALSE(cl::saveFile(dir.filePath(QStringLiteral("missing/x.json")), "x", &error));
    CHECK(error.contains(QLatin1String("cannot write")));
    CHECK_FALSE(cl::saveFile(QStringLiteral("/dev/full"), "x", &error)); // written in place: ENOSPC
    CHECK(QFileInfo(QStringLiteral("/dev/full")).isFile() == false); // and still the device
}

// The CPython engine: the lesson's scripts on the machine's real python3, measured from outside.
// Structural checks only: the right lanes and states, the printed count, failures that say why,
// and nothing left running after Stop. CL_TEST_PYTHON names the interpreter (default: python3).
#include <catch2/catch.hpp>

#include "charts/timingchart.h"
#include "experiment/timeline.h"
#include "helpers.h"
#include "models/resultsmodel.h"
#include "monitor/threadsampler.h"
#include "pages/experimentpanel.h"
#include "pages/timelinepage.h"
#include "python/interpreter.h"
#include "python/pythonrun.h"
#include "python/scripts.h"
#include "run/experimentrun.h"
#include "server/demoserver.h"
#include "window/mainwindow.h"
#include "window/pythoncontrol.h"
#include "window/settings.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTest>

#include <QDir>
#include <QFile>
#include <QThread>

#include <future>
#include <sys/syscall.h>

using namespace cl;

namespace {

QString testPython()
{
    const QString named = qEnvironmentVariable("CL_TEST_PYTHON");
    return named.isEmpty() ? QStringLiteral("python3") : named;
}

ExperimentSpec pythonSpec(Workload w, Strategy s, int workers, qint64 items, const QString &url = {})
{
    ExperimentSpec spec = test::smallSpec(w, s, workers, items, url);
    spec.engine = Engine::Python;
    spec.python = testPython();
    spec.repeat = 1;
    return spec;
}

QSet<int> lanesWith(const RunResult &r, WorkerKind kind, WorkerState state)
{
    QSet<int> out;
    for (const Span &s : r.spans)
        if (s.kind == kind && s.state == state)
            out.insert(s.worker);
    return out;
}

QSet<int> kindsOf(const RunResult &r)
{
    QSet<int> out;
    for (const Span &s : r.spans)
        out.insert(int(s.kind));
    return out;
}

// Live (not zombie) processes in process group `group`, from /proc.
QList<pid_t> liveInGroup(pid_t group)
{
    QList<pid_t> out;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile f(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> fields = f.readAll().split(')').last().trimmed().split(' ');
        if (fields.size() > 3 && fields[0] != "Z" && fields[2].toInt() == group)
            out.append(entry.toInt());
    }
    return out;
}

std::string text(const QStringList &messages)
{
    return messages.join(QStringLiteral(" | ")).toStdString();
}

} // namespace

TEST_CASE("A thread's state: running, the GIL (a timed futex), IO, or not drawn", "[python]")
{
    const auto never = [](int) { return false; };
    const auto always = [](int) { return true; };
    const QByteArray futex = QByteArray::number(SYS_futex);
    CHECK(classifyThread('R', "running\n", never) == WorkerState::Running);
    CHECK(classifyThread('R', {}, never) == WorkerState::Running); // no syscall file: running or not only
    CHECK(classifyThread('S', {}, never) == std::nullopt);
    CHECK(classifyThread('S', futex + " 0xa5b8f4 0x89 0x0 0x7fd7aaa5ba60 0x0 0xffffffff 0x7ffc 0x7fd7\n", never) == WorkerState::WaitGil);
    CHECK(classifyThread('R', futex + " 0xa5b8f4 0x89 0x0 0x7fd7aaa5ba60 0x0 0xffffffff 0x7ffc 0x7fd7\n", never) == WorkerState::WaitGil);
    CHECK(classifyThread('S', futex + " 0x9273cd0 0x189 0x0 0x0 0x0 0xffffffff 0x7ffc 0x7fd7\n", never) == std::nullopt); // a join
    CHECK(classifyThread('S', QByteArray::number(SYS_ppoll) + " 0x1 0x1 0x0 0x0 0x8 0x0 0x7ffc 0x7fd7\n", never) == WorkerState::WaitIo);
    CHECK(classifyThread('S', QByteArray::number(SYS_recvfrom) + " 0x3 0x1 0x0 0x0 0x0 0x0 0x7ffc 0x7fd7\n", never) == WorkerState::WaitIo);
    CHECK(classifyThread('S', QByteArray::number(SYS_read) + " 0x5 0x7f 0x4 0x0 0x0 0x0 0x7ffc 0x7fd7\n", always) == WorkerState::WaitIo);
    CHECK(classifyThread('S', QByteArray::number(SYS_read) + " 0x5 0x7f 0x4 0x0 0x0 0x0 0x7ffc 0x7fd7\n", never) == std::nullopt); // a pipe
    CHECK(classifyThread('S', QByteArray::number(SYS_wait4) + " 0x1 0x0 0x0 0x0 0x0 0x0 0x7ffc 0x7fd7\n", never) == std::nullopt);
    CHECK(classifyThread('Z', "running\n", never) == std::nullopt);
}

TEST_CASE("The share of time two workers ran at once", "[python]")
{
    const auto run = [](int w, double t0, double t1) { return Span{w, WorkerKind::Thread, WorkerState::Running, t0, t1}; };
    CHECK(parallelShare({}) == 0);
    CHECK(parallelShare({run(1, 0, 1), run(2, 1, 2)}) == 0); // taking turns
    CHECK(parallelShare({run(1, 0, 2), run(2, 0, 2)}) == Approx(1.0));
    CHECK(parallelShare({run(1, 0, 2), run(2, 1, 2)}) == Approx(0.5));
    CHECK(parallelShare({Span{0, WorkerKind::Main, WorkerState::Running, 0, 2}, run(1, 0, 2)}) == 0); // the main thread does not count
}

TEST_CASE("A bad interpreter is named with the reason", "[python]")
{
    CHECK(probePython(QStringLiteral("/nonexistent/python3")).error.contains(QStringLiteral("does not exist")));
    CHECK(probePython(QStringLiteral("no-such-python-here")).error.contains(QStringLiteral("not on PATH")));
    CHECK(probePython(QStringLiteral("/tmp")).error.contains(QStringLiteral("not an executable")));
    const PythonProbe notPython = probePython(QStringLiteral("/bin/true"));
    CHECK_FALSE(notPython.info);
    CHECK(notPython.error.contains(QStringLiteral("not a Python")));
    const PythonProbe python = probePython(testPython());
    REQUIRE(python.info);
    CHECK(python.info->implementation == QLatin1String("CPython"));
    CHECK(python.info->version.startsWith(QLatin1String("3.")));
    CHECK_FALSE(python.info->startMethod.isEmpty());
}

TEST_CASE("What an interpreter cannot run says why", "[python]")
{
    PythonInfo old{QStringLiteral("/usr/bin/python3"), QStringLiteral("3.11.2"), QStringLiteral("CPython"), false, true,
        QStringLiteral("fork"), {QStringLiteral("requests")}};
    CHECK(pythonUnavailable(pythonSpec(Workload::Cpu, Strategy::Threads, 2, 100), old).isEmpty());
    CHECK(pythonUnavailable(pythonSpec(Workload::Io, Strategy::Threads, 2, 100, QStringLiteral("http://127.0.0.1:1/")), old).isEmpty());
    CHECK(pythonUnavailable(pythonSpec(Workload::Io, Strategy::Async, 2, 100, QStringLiteral("http://127.0.0.1:1/")), old)
              .contains(QStringLiteral("no module 'aiohttp'")));
    CHECK(pythonUnavailable(pythonSpec(Workload::Cpu, Strategy::Interpreters, 2, 100), old).contains(QStringLiteral("3.14")));
    ExperimentSpec free = pythonSpec(Workload::Cpu, Strategy::Threads, 2, 100);
    free.gil = false;
    CHECK(pythonUnavailable(free, old).contains(QStringLiteral("free-threaded")));
    PythonInfo t314 = old;
    t314.freeThreadedBuild = true;
    t314.modules << QStringLiteral("concurrent.interpreters");
    CHECK(pythonUnavailable(free, t314).isEmpty());
    CHECK(pythonUnavailable(pythonSpec(Workload::Cpu, Strategy::Interpreters, 2, 100), t314).isEmpty());
    CHECK_FALSE(pythonUnavailable(pythonSpec(Workload::Io, Strategy::Interpreters, 2, 100, QStringLiteral("http://127.0.0.1:1/")), t314)
                    .isEmpty()); // no such script
}

TEST_CASE("Every lesson script is built in and each experiment names one", "[python]")
{
    const QStringList names = pythonScriptNames();
    for (const char *name : {"cpu_sequential.py", "cpu_threads.py", "cpu_processes.py", "cpu_async.py", "cpu_interpreters.py",
             "io_sequential.py", "io_threads.py", "io_processes.py", "io_async.py", "probe.py"})
        CHECK(names.contains(QLatin1String(name)));
    for (Strategy s : {Strategy::Sequential, Strategy::Threads, Strategy::Processes, Strategy::Async})
        for (Workload w : {Workload::Cpu, Workload::Io}) {
            const ScriptCall call = pythonScriptFor(pythonSpec(w, s, 2, 100, QStringLiteral("http://127.0.0.1:1/")));
            CHECK(names.contains(call.script));
        }
    const ScriptDir dir;
    REQUIRE(dir.ok());
    CHECK(QFile::exists(dir.file(QStringLiteral("io_sequential.py")))); // the others import it
}

TEST_CASE("Real CPython threads: lanes of one process, the count checked", "[python]")
{
    const RunResult r = runOnce(pythonSpec(Workload::Cpu, Strategy::Threads, 2, 3'000'000)); // long enough to be sampled many times
    INFO(text(r.errorMessages));
    REQUIRE(r.ok());
    CHECK(r.items == 3'000'000);
    CHECK(r.wallS > 0); // the cell's own time, printed by the script
    CHECK(r.processS >= r.wallS); // inside the whole process's
    CHECK(r.occupiedS() == r.processS); // the CPU strip under its lanes covers the whole process
    CHECK(r.cpuUserS + r.cpuSysS > 0);
    CHECK(r.memBytes > 0);
    CHECK(kindsOf(r) == QSet<int>{int(WorkerKind::Main), int(WorkerKind::Thread)}); // threads of one process
    CHECK(lanesWith(r, WorkerKind::Thread, WorkerState::Starting).size() >= 2);
    CHECK(lanesWith(r, WorkerKind::Main, WorkerState::Running).size() == 1);
}

TEST_CASE("Real CPython processes: a lane for each child process", "[python]")
{
    for (StartMethod how : {StartMethod::Fork, StartMethod::Spawn}) {
        ExperimentSpec spec = pythonSpec(Workload::Cpu, Strategy::Processes, 2, 3'000'000);
        spec.startMethod = how;
        const RunResult r = runOnce(spec);
        INFO(toString(how).toStdString() << ": " << text(r.errorMessages));
        REQUIRE(r.ok());
        CHECK(r.items == 3'000'000);
        CHECK(lanesWith(r, WorkerKind::Process, WorkerState::Starting).size() >= 2);
        CHECK(kindsOf(r).contains(int(WorkerKind::Process)));
    }
}

// The 2026 scripts run for real where the interpreter has what they need (CL_TEST_PYTHON naming a
// 3.14, or a 3.13t/3.14t), and are refused with the reason where it does not (Debian 12's 3.11).
TEST_CASE("Real CPython subinterpreters and free-threading where the interpreter has them", "[python]")
{
    const PythonProbe python = probePython(testPython());
    REQUIRE(python.info);
    ExperimentSpec interpreters = pythonSpec(Workload::Cpu, Strategy::Interpreters, 2, 3'000'000);
    ExperimentSpec freeThreads = pythonSpec(Workload::Cpu, Strategy::Threads, 2, 3'000'000);
    freeThreads.gil = false;
    for (const ExperimentSpec &spec : {interpreters, freeThreads}) {
        const RunResult r = runOnce(spec);
        const QString why = pythonUnavailable(spec, *python.info);
        INFO(toString(spec.strategy).toStdString()
            << " " << runDetails(spec).toStdString() << " on " << python.info->summary().toStdString() << ": " << text(r.errorMessages));
        if (!why.isEmpty()) {
            CHECK(r.status == RunStatus::Failed);
            CHECK(r.errorMessages.value(0) == why);
            continue;
        }
        REQUIRE(r.ok());
        CHECK(r.items == 3'000'000); // each interpreter's count came back to the main one
        CHECK(kindsOf(r) == QSet<int>{int(WorkerKind::Main), int(WorkerKind::Thread)}); // threads of one process
        CHECK(lanesWith(r, WorkerKind::Thread, WorkerState::Starting).size() >= 2);
    }
}

// [threaded-fork]: QProcess forks the probe while the demo server's thread runs, which ThreadSanitizer refuses.
TEST_CASE("Real CPython IO scripts get 100 answers from the demo server", "[python][threaded-fork]")
{
    DemoServer server;
    QString error;
    REQUIRE(server.start(0, 1, &error));
    const PythonProbe python = probePython(testPython());
    REQUIRE(python.info);
    for (const auto &[strategy, workers] : {std::pair(Strategy::Sequential, 1), std::pair(Strategy::Threads, 8),
             std::pair(Strategy::Processes, 2), std::pair(Strategy::Async, 2)}) {
        const ExperimentSpec spec = pythonSpec(Workload::Io, strategy, workers, 100, server.url());
        const RunResult r = runOnce(spec);
        INFO(toString(strategy).toStdString() << ": " << text(r.errorMessages));
        if (const QString why = pythonUnavailable(spec, *python.info); !why.isEmpty()) { // a module this python lacks
            CHECK(r.status == RunStatus::Failed);
            CHECK(r.errorMessages.value(0) == why);
            continue;
        }
        REQUIRE(r.ok());
        CHECK(r.items == 100);
    }
}

TEST_CASE("A script that fails fails the run with its traceback", "[python]")
{
    const RunResult r
        = runOnce(pythonSpec(Workload::Io, Strategy::Sequential, 1, 3, QStringLiteral("http://127.0.0.1:%1/").arg(test::closedPort())));
    CHECK(r.status == RunStatus::Failed);
    CHECK(r.items == 0);
    CHECK(r.errors == 3);
    INFO(text(r.errorMessages));
    const PythonProbe python = probePython(testPython());
    REQUIRE(python.info);
    if (!python.info->has(QStringLiteral("requests"))) { // an interpreter without it fails before the script runs
        CHECK(r.errorMessages.value(0).contains(QStringLiteral("no module 'requests'")));
        return;
    }
    CHECK(r.errorMessages.join(QLatin1Char('\n')).contains(QStringLiteral("Traceback")));
    CHECK(r.errorMessages.value(0).contains(QStringLiteral("Error"))); // the traceback's last line
}

TEST_CASE("python FILE: the script's output, traceback and exit code come through", "[python][cli]")
{
    QTemporaryDir dir;
    QFile script(dir.filePath(QStringLiteral("boom.py")));
    REQUIRE(script.open(QIODevice::WriteOnly));
    script.write(
        "import threading\nprint('before')\nthreading.Thread(target=print, args=('in a thread',)).start()\nraise ValueError('boom')\n");
    script.close();
    QByteArray out, err;
    CHECK(test::runApp({QStringLiteral("python"), QStringLiteral("--python"), testPython(), script.fileName()}, &out, &err) == 1);
    CHECK(out.contains("before"));
    CHECK(out.contains("in a thread"));
    CHECK(err.contains("Traceback"));
    CHECK(err.contains("ValueError: boom"));
    CHECK(err.contains("sampled"));
    CHECK(test::runApp({QStringLiteral("python"), QStringLiteral("--python"), QStringLiteral("/nonexistent/python3"), script.fileName()},
              nullptr, &err)
        == 2);
    CHECK(err.contains("does not exist"));
    CHECK(test::runApp({QStringLiteral("python"), dir.filePath(QStringLiteral("missing.py"))}, nullptr, &err) == 2);
}

TEST_CASE("run --engine: a bad --python is a usage error, a missing module a failure", "[python][cli]")
{
    QByteArray out, err;
    CHECK(test::runApp({QStringLiteral("run"), QStringLiteral("cpu"), QStringLiteral("--engine"), QStringLiteral("python"),
                           QStringLiteral("--python"), QStringLiteral("/nonexistent/python3")},
              nullptr, &err)
        == 2);
    CHECK(err.contains("--python"));
    CHECK(test::runApp({QStringLiteral("run"), QStringLiteral("cpu"), QStringLiteral("--engine"), QStringLiteral("neither")}, nullptr, &err)
        == 2);
    // The same interpreter without its site packages (-S): no requests, no aiohttp.
    QTemporaryDir dir;
    QFile wrapper(dir.filePath(QStringLiteral("python-bare")));
    REQUIRE(wrapper.open(QIODevice::WriteOnly));
    wrapper.write(QStringLiteral("#!/bin/sh\nexec %1 -S \"$@\"\n").arg(testPython()).toUtf8());
    wrapper.close();
    wrapper.setPermissions(wrapper.permissions() | QFileDevice::ExeOwner);
    CHECK(test::runApp({QStringLiteral("run"), QStringLiteral("io"), QStringLiteral("--engine"), QStringLiteral("python"),
                           QStringLiteral("--strategy"), QStringLiteral("sequential"), QStringLiteral("--python"), wrapper.fileName(),
                           QStringLiteral("--requests"), QStringLiteral("2")},
              &out, &err)
        == 1);
    CHECK(err.contains("no module 'requests'"));
}

TEST_CASE("run --engine both: an emulated and a real result for each strategy", "[python][cli]")
{
    QTemporaryDir dir;
    const QString json = dir.filePath(QStringLiteral("both.json"));
    QByteArray out, err;
    REQUIRE(test::runApp({QStringLiteral("run"), QStringLiteral("cpu"), QStringLiteral("--engine"), QStringLiteral("both"),
                             QStringLiteral("--python"), testPython(), QStringLiteral("--strategy"), QStringLiteral("sequential,threads"),
                             QStringLiteral("--steps"), QStringLiteral("200000"), QStringLiteral("--repeat"), QStringLiteral("1"),
                             QStringLiteral("--json"), json},
                &out, &err)
        == 0);
    INFO(out.toStdString() << err.toStdString());
    CHECK(out.count("\nCPython: ") + int(out.startsWith("CPython: ")) == 2);
    QFile f(json);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    CHECK(bytes.count("\"engine\": \"emulated\"") == 2);
    CHECK(bytes.count("\"engine\": \"python\"") == 2);
}

TEST_CASE("Stop kills the script's whole process tree and the sampler with it", "[python]")
{
    const PythonProbe python = probePython(testPython());
    REQUIRE(python.info);
    const ScriptDir scripts;
    std::stop_source stop;
    auto running = std::async(std::launch::async, [&] {
        return runTree(python.info->program,
            pythonArguments(*python.info, true, scripts.file(QStringLiteral("cpu_processes.py")),
                {QStringLiteral("--steps"), QStringLiteral("10000000000")}),
            stop.get_token());
    });
    QThread::msleep(700);
    stop.request_stop();
    REQUIRE(running.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    const TreeRun run = running.get();
    CHECK(run.stopped);
    CHECK_FALSE(run.ok());
    REQUIRE(run.pid > 0);
    CHECK(run.sampler.processes >= 3); // python and its two children were seen
    QList<pid_t> left;
    for (int i = 0; i < 300 && !(left = liveInGroup(run.pid)).isEmpty(); ++i)
        QThread::msleep(10);
    CHECK(left.isEmpty());
}

TEST_CASE("The window runs both engines side by side, and a teacher's script onto the Timeline", "[python][window]")
{
    qputenv("CONCURRENCY_LAB_WORKER", CL_APP_PATH);
    QTemporaryDir dir;
    ui::Settings settings(dir.filePath(QStringLiteral("s.ini")));
    settings.setPythonInterpreter(testPython());
    settings.setEngines({Engine::Emulated, Engine::Python});
    ui::MainWindow w{std::move(settings)};
    w.show();
    auto *engine = w.findChild<QComboBox *>(QStringLiteral("engine"));
    REQUIRE(engine);
    auto *items = qobject_cast<QStandardItemModel *>(engine->model());
    REQUIRE(QTest::qWaitFor([&] { return items->item(2)->isEnabled(); }, 20000)); // the interpreter was probed
    CHECK(w.experimentPanel()->engines() == QList<Engine>{Engine::Emulated, Engine::Python});
    ExperimentSpec spec = test::smallSpec(Workload::Cpu, Strategy::Threads, 2, 300'000);
    spec.repeat = 1;
    w.experimentPanel()->setSpec(spec);
    QTest::mouseClick(w.findChild<QPushButton *>(QStringLiteral("runButton")), Qt::LeftButton);
    auto *progress = w.experimentPanel()->findChild<QProgressBar *>();
    REQUIRE(progress);
    bool sawBusy = false; // the CPython script reports only at its end: the bar says it is busy meanwhile
    REQUIRE(QTest::qWaitFor(
        [&] {
            sawBusy = sawBusy || progress->maximum() == 0;
            return !w.isRunning();
        },
        60000));
    CHECK(sawBusy);
    CHECK(progress->maximum() == 1000); // and then the batch's share done again: all of it
    CHECK(progress->value() == 1000);
    CHECK(w.resultsModel()->rowCount() == 2); // one run on each engine
    CHECK(w.timingChart()->barCount() == 2);

    QFile script(dir.filePath(QStringLiteral("two threads.py"))); // a space in the name
    REQUIRE(script.open(QIODevice::WriteOnly));
    script.write("import sys, threading\nts = [threading.Thread(target=sum, args=(range(300000),)) for _ in range(2)]\n"
                 "[t.start() for t in ts]\n[t.join() for t in ts]\nprint('done', sys.argv[1:])\n");
    script.close();
    const int before = w.timelinePage()->runCount();
    w.pythonControl()->runScriptFile(script.fileName(), {QStringLiteral("--n"), QStringLiteral("3")});
    CHECK(w.isRunning());
    CHECK(progress->maximum() == 0); // busy: a script says nothing of its progress
    REQUIRE(QTest::qWaitFor([&] { return !w.isRunning(); }, 30000));
    CHECK(progress->maximum() == 1000);
    CHECK(w.timelinePage()->runCount() == before + 1);
    auto *output = w.pythonControl()->outputWindow()->findChild<QPlainTextEdit *>();
    REQUIRE(output);
    CHECK(output->toPlainText().contains(QStringLiteral("done ['--n', '3']")));
    CHECK(output->toPlainText().contains(QStringLiteral("Finished")));
}

TEST_CASE("Opened results keep the emulated and the CPython run of a strategy apart", "[python][window]")
{
    QTemporaryDir dir;
    ui::MainWindow w{ui::Settings(dir.filePath(QStringLiteral("s.ini")))};
    RunResult ok;
    ok.wallS = 0.3;
    ok.items = 1000;
    w.loadResults({ExperimentResult{Strategy::Threads, 2, true, {ok}, 1000, Engine::Emulated},
                      ExperimentResult{Strategy::Threads, 2, true, {ok}, 1000, Engine::Python}},
        Workload::Cpu);
    CHECK(w.timingChart()->barCount() == 2);
    CHECK(w.resultsModel()->toText(QLatin1Char('\t')).contains(QStringLiteral("CPython")));
    // Two bar sets, told apart without reading the labels: the same colour, CPython's striped.
    const QAbstractBarSeries *series = test::barSeries(*w.timingChart());
    REQUIRE(series);
    REQUIRE(series->barSets().size() == 2);
    QBarSet *emulated = series->barSets()[0];
    QBarSet *real = series->barSets()[1];
    CHECK(real->label().endsWith(QStringLiteral(", CPython")));
    CHECK(emulated->brush().style() == Qt::SolidPattern);
    CHECK(real->brush().style() == Qt::TexturePattern);
    CHECK(emulated->borderColor() == real->borderColor());
}

// The CPython engine: a program (the machine's python3 running a lesson script, or any script of
// the teacher's) run as a child process tree and measured from outside, like the emulated runs:
// wall time, CPU of the tree, its memory, and a timeline of its real threads and processes.
#pragma once

#include "experiment/experiment.h"
#include "monitor/threadsampler.h"
#include "python/interpreter.h"
#include "python/scripts.h"
#include "run/spansink.h"

#include <atomic>
#include <functional>
#include <stop_token>

namespace cl {

struct TreeRun {
    QString startError; // it could not start
    pid_t pid = 0; // the program's process id, which is also its process group's
    std::int64_t originNs = 0; // monotonicNs() when it started: what its spans count from
    int exitCode = -1; // -1: killed by termSignal, or stopped
    int termSignal = 0;
    bool stopped = false; // Stop killed it
    QByteArray out, err;
    double wallS = 0;
    CpuTimes cpu; // the tree's: its own and its waited-for children's (wait4), or what the sampler saw, whichever is more
    SamplerReport sampler;
    bool ok() const { return startError.isEmpty() && !stopped && exitCode == 0; }
    // Why it failed, in one line: the start error, the traceback's last line, or the exit status.
    QString failure() const;
};

struct TreeRunOptions {
    std::int64_t originNs = 0; // monotonicNs() the spans count from (0: when it starts)
    SpanSink *live = nullptr;
    // Each piece of output as it arrives (`isError`: from stderr), on the calling thread.
    std::function<void(const QByteArray &bytes, bool isError)> onOutput;
    SamplerOptions sampler;
};

// Runs `program` in a process group of its own and waits for it, with an event loop of its own on
// the calling thread. Stop kills the whole group at once; anything the program leaves running when
// it exits is killed too, so nothing outlives the run.
TreeRun runTree(const QString &program, const QStringList &arguments, std::stop_token stop, const TreeRunOptions &options = {});

// The interpreter and the scripts, found and written once per experiment (RunResources::python).
struct PythonSetup {
    explicit PythonSetup(const QString &python) : probe(probePython(python)) { }
    PythonProbe probe;
    ScriptDir scripts;
};

// What a measured program tree gives any run: its times, CPU, memory, spans and start, and its
// status from how it ended (items and errors are the caller's).
RunResult measuredRun(const TreeRun &run);

// How the interpreter is started for a script: unbuffered, no .pyc files, and on a free-threaded
// build with the GIL as `gil` asks (-X gil=0|1).
QStringList pythonArguments(const PythonInfo &info, bool gil, const QString &script, const QStringList &scriptArguments);

// One run of `spec` (Engine::Python): its script on the interpreter `setup` found. The count the
// script prints is the run's items; a script that fails fails the run with its traceback.
RunResult runPythonOnce(
    const ExperimentSpec &spec, PythonSetup &setup, std::stop_token stop, std::atomic<qint64> *progress, SpanSink *live);

} // namespace cl

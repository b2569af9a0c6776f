// The child side of the "processes" strategy. The hidden `worker` mode (spawn) is decided from argv
// before any Qt application object exists, so a child starts in a few milliseconds; a forked child
// (fork, forkserver) runs the same `serveWorker` without executing anything.
#pragma once

#include "experiment/experiment.h"
#include "workloads/http.h"

#include <QStringList>

#include <cstdio>
#include <optional>

namespace cl {

inline constexpr const char *kWorkerCommand = "worker";

// One child's work, from its command line (spawn) or from the parent's memory (fork).
struct ChildJob {
    int id = 0;
    Workload workload = Workload::Cpu;
    qint64 items = 0;
    bool gil = true;
    int switchUs = kDefaultSwitchIntervalUs;
    std::int64_t originNs = 0;
    HttpOptions http; // IO
    bool serve = false; // pooled: after each job, wait on stdin for the next (see nextJobLine)
};

// The binary that runs in worker mode: `configured`, else $CONCURRENCY_LAB_WORKER (a host that is
// not concurrency-lab itself: the tests), else this process's own.
QString workerExecutable(const QString &configured);
// This process's own executable, symlinks resolved.
QString thisExecutable();

// The arguments (after the program name) that start child `id` of a run.
QStringList workerArguments(const ExperimentSpec &spec, int id, qint64 items, std::int64_t originNs);
// Those arguments read back (without the leading "worker"); nullopt and `error` when they are bad.
std::optional<ChildJob> parseWorkerArguments(const QStringList &args, QString *error);
// What the parent writes to a pooled child's stdin to give it one more job.
QByteArray nextJobLine(qint64 items, std::int64_t originNs);

// Does the job (and, when serving, every further one read from `in`), reporting each on `out` in
// the worker protocol. `target`: resolved by the parent (fork), or null to resolve job.url here.
// Returns the process's exit code.
int serveWorker(const ChildJob &job, const HttpTarget *target, std::FILE *out, std::FILE *in);

// Runs the worker mode; argv[1] is "worker". Returns the process exit code.
int runWorkerMode(int argc, char **argv);

// This process must not outlive its parent: the kernel kills it when the parent dies (exits with 3
// if the parent is already gone).
void dieWithParent();

// In a child just forked: dies with the parent that forked it, default signal handling, no
// descriptor of the parent's but 0-2 (its pipes).
void becomeForkedChild();

} // namespace cl

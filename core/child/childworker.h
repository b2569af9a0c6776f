// The hidden `worker` mode: the child of the "processes" strategy. It is decided from argv
// before any Qt application object exists, so a child starts in a few milliseconds.
#pragma once

#include "experiment/experiment.h"
#include "workloads/http.h"

#include <QStringList>

namespace cl {

inline constexpr const char *kWorkerCommand = "worker";

// The arguments (after the program name) that start child `id` of a run.
QStringList workerArguments(const ExperimentSpec &spec, int id, qint64 items, std::int64_t originNs);

// Runs the worker mode; argv[1] is "worker". Returns the process exit code.
int runWorkerMode(int argc, char **argv);

} // namespace cl

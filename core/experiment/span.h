// A stretch of time one worker spent in one state: what the timeline draws.
#pragma once

#include <QString>
#include <optional>

namespace cl {

enum class WorkerKind { Main, Thread, Process, Task, Interpreter };
enum class WorkerState { Starting, Running, WaitGil, WaitIo, Ready };

QString toString(WorkerKind k);
QString toString(WorkerState s);
std::optional<WorkerKind> workerKindFromString(const QString &s);
std::optional<WorkerState> workerStateFromString(const QString &s);

// Times are seconds from the run's start.
struct Span {
    int worker = 0;
    WorkerKind kind = WorkerKind::Thread;
    WorkerState state = WorkerState::Running;
    double t0 = 0;
    double t1 = 0;
    bool operator==(const Span &) const = default;
};

} // namespace cl

#pragma once

#include "experiment/experiment.h"
#include "experiment/resultjson.h"
#include "run/history.h"

#include <QStringList>
#include <optional>

namespace cl {
class CpuRecorder;
class DemoServer;
struct ConvoySpec;
struct ConvoyResult;
struct RaceSpec;
struct RaceResult;
} // namespace cl

namespace cli {

int runCommand(const QStringList &args);
// "threads x2, GIL (default CPython): best of 3: 1.43 s per loop, median 1.47 s, 10000000 steps"
QString describe(const cl::ExperimentSpec &spec, const cl::ExperimentResult &r);
// "convoy: IO thread beside 1 CPU threads, GIL (default CPython), switch 5 ms: p50 … ms, p99 … ms, … requests/s"
QString describeConvoy(const cl::ConvoySpec &spec, const cl::ConvoyResult &r);
QJsonObject convoyJson(const cl::ConvoySpec &spec, const cl::ConvoyResult &r);
// "race: 2 threads, free-threaded (3.13t, 3.14t), no lock: expected …, got …, lost … (… %), …"
QString describeRace(const cl::RaceSpec &spec, const cl::RaceResult &r);
QJsonObject raceJson(const cl::RaceSpec &spec, const cl::RaceResult &r);
// To FILE, or stdout for "-"; says why on stderr when it cannot.
bool writeJson(const QString &path, const QJsonObject &json);
// Every run of `results` as a Trace Event Format file (Perfetto, chrome://tracing), with the CPU
// `cpu` recorded meanwhile; says why on stderr when it cannot.
bool writeTrace(const QString &path, const QList<cl::ExperimentResult> &results, const cl::CpuRecorder &cpu);
// The experiments as a recorded session (open it with `concurrency-lab open FILE`); says why on
// stderr when it cannot.
bool writeRecording(const QString &path, QList<cl::HistoryEntry> experiments, const cl::CpuRecorder &cpu);
inline const char *kRecordHelp = "Record the session to FILE: every run, the CPU meanwhile and this machine, to open and replay "
                                 "in the window (concurrency-lab open FILE).";
inline const char *kTraceHelp = "Write every run as a trace to FILE, for Perfetto UI (ui.perfetto.dev) or chrome://tracing.";
// `url` when given, else the URL of `server` started on a free port (nullopt: it could not start).
std::optional<QString> startDemoServerIfNeeded(cl::DemoServer &server, QString url, int delayMs);

} // namespace cli

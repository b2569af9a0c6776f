// `concurrency-lab python [--python PATH] [--json FILE] FILE [ARGS...]`: any script, timed and
// sampled like the lesson's runs; its own output passes through as it comes.
#include "cli.h"
#include "cli_common.h"
#include "cli_run.h"

#include "experiment/resultjson.h"
#include "experiment/timeline.h"
#include "python/interpreter.h"
#include "python/pythonrun.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

namespace cli {

namespace {

struct PythonOptions {
    QString python;
    QString jsonPath;
    int minIntervalUs = 1000;
    int maxCpuPercent = 5;
    QString script;
    QStringList arguments;
};

constexpr char kPythonUsage[]
    = "Usage: concurrency-lab python [--python PATH] [--interval-us N] [--max-cpu PERCENT] [--json FILE] SCRIPT [ARGS...]\n"
      "Runs SCRIPT with the machine's CPython (python3 on PATH, or --python) and measures it from outside:\n"
      "wall time, CPU and memory of its process tree, and every thread and child process it starts,\n"
      "sampled from /proc at up to 1 kHz (--interval-us, at least 100), less often when a sweep of a large\n"
      "tree would cost the sampler more than --max-cpu % of a core (default 5). Its stdout and stderr pass through;\n"
      "the summary goes to stderr, and every span to --json. The exit code is the script's.\n";

// Options come before the script; everything after it is the script's own.
std::optional<PythonOptions> parsePythonOptions(const QStringList &args)
{
    PythonOptions o;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const bool hasValue = i + 1 < args.size();
        if ((a == QLatin1String("--python") || a == QLatin1String("--json") || a == QLatin1String("--interval-us")
                || a == QLatin1String("--max-cpu"))
            && !hasValue) {
            err() << "concurrency-lab python: " << a << " needs a value\n" << Qt::flush;
            return std::nullopt;
        }
        if (a == QLatin1String("--python")) {
            o.python = args[++i];
        } else if (a == QLatin1String("--json")) {
            o.jsonPath = args[++i];
        } else if (a == QLatin1String("--interval-us")) {
            bool ok = false;
            o.minIntervalUs = args[++i].toInt(&ok);
            if (!ok || o.minIntervalUs < 100 || o.minIntervalUs > 1'000'000) {
                err() << "concurrency-lab python: --interval-us must be between 100 and 1000000\n" << Qt::flush;
                return std::nullopt;
            }
        } else if (a == QLatin1String("--max-cpu")) {
            bool ok = false;
            o.maxCpuPercent = args[++i].toInt(&ok);
            if (!ok || o.maxCpuPercent < 1 || o.maxCpuPercent > 100) {
                err() << "concurrency-lab python: --max-cpu must be a percentage of one core, 1 to 100\n" << Qt::flush;
                return std::nullopt;
            }
        } else if (a.startsWith(QLatin1String("--")) && o.script.isEmpty()) {
            err() << "concurrency-lab python: unknown option " << a << "\n" << kPythonUsage << Qt::flush;
            return std::nullopt;
        } else {
            o.script = a;
            o.arguments = args.mid(i + 1);
            return o;
        }
    }
    err() << "concurrency-lab python: which script?\n" << kPythonUsage << Qt::flush;
    return std::nullopt;
}

QJsonObject treeRunJson(const PythonOptions &o, const cl::PythonInfo &python, const cl::TreeRun &run)
{
    const QJsonArray spans = cl::spansJson(run.sampler.spans);
    return QJsonObject{{"script", o.script}, {"arguments", QJsonArray::fromStringList(o.arguments)},
        {"python", QJsonObject{{"program", python.program}, {"version", python.version}, {"free_threaded", python.freeThreadedBuild}}},
        {"exit_code", run.exitCode}, {"signal", run.termSignal}, {"wall_s", run.wallS}, {"cpu_user_s", run.cpu.user},
        {"cpu_sys_s", run.cpu.sys}, {"peak_rss_bytes", run.sampler.peakRssBytes}, {"pss_bytes", run.sampler.peakPssBytes},
        {"threads", run.sampler.threads}, {"processes", run.sampler.processes},
        {"sampler",
            QJsonObject{{"sweeps", run.sampler.sweeps}, {"hz", run.sampler.hz()}, {"cpu_s", run.sampler.ownCpuS},
                {"syscalls_readable", run.sampler.syscallsReadable}}},
        {"parallel_share", cl::parallelShare(run.sampler.spans)}, {"spans", spans}};
}

QString summary(const PythonOptions &o, const cl::TreeRun &run)
{
    const double mib = 1024.0 * 1024.0;
    const cl::SamplerReport &s = run.sampler;
    QString line
        = QStringLiteral("%1: %2 wall, CPU %3 user + %4 sys, memory %5 MiB (PSS, peak RSS %6 MiB), %7 threads in %8 processes; "
                         "sampled %9 times at %10 Hz, the sampler's own CPU %11 % of a core")
              .arg(QFileInfo(o.script).fileName(), formatSeconds(run.wallS), formatSeconds(run.cpu.user), formatSeconds(run.cpu.sys))
              .arg(double(s.peakPssBytes) / mib, 0, 'f', 1)
              .arg(double(s.peakRssBytes) / mib, 0, 'f', 1)
              .arg(s.threads + s.processes)
              .arg(s.processes)
              .arg(s.sweeps)
              .arg(s.hz(), 0, 'f', 0)
              .arg(s.seconds > 0 ? 100.0 * s.ownCpuS / s.seconds : 0, 0, 'f', 1);
    line += QStringLiteral("; 2+ running at once %1 %").arg(100.0 * cl::parallelShare(s.spans), 0, 'f', 0);
    if (!s.syscallsReadable)
        line += QStringLiteral("\n(/proc/…/syscall was not readable: the timeline shows running and not running only)");
    return line;
}

} // namespace

int pythonCommand(const QStringList &commandLine)
{
    const QStringList args = commandLine.mid(1); // [0] is the program
    if (args.value(0) == QLatin1String("--help") || args.value(0) == QLatin1String("-h")) {
        out() << kPythonUsage << Qt::flush;
        return 0;
    }
    const auto o = parsePythonOptions(args);
    if (!o)
        return kExitUsage;
    if (!QFileInfo(o->script).isFile()) {
        err() << "concurrency-lab python: no such script: " << o->script << "\n" << Qt::flush;
        return kExitUsage;
    }
    const cl::PythonProbe python = cl::probePython(o->python);
    if (!python.info) {
        err() << "concurrency-lab python: --python: " << python.error << "\n" << Qt::flush;
        return kExitUsage;
    }
    cl::TreeRunOptions options;
    options.sampler.minInterval = std::chrono::microseconds(o->minIntervalUs);
    options.sampler.budget = o->maxCpuPercent / 100.0;
    options.onOutput = [](const QByteArray &bytes, bool isError) {
        std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), isError ? stderr : stdout);
        std::fflush(isError ? stderr : stdout);
    };
    const cl::TreeRun run = cl::runTree(python.info->program, QStringList{QStringLiteral("-u")} << o->script << o->arguments, {}, options);
    if (!run.startError.isEmpty()) {
        err() << "concurrency-lab python: " << run.startError << "\n" << Qt::flush;
        return kExitFailure;
    }
    err() << summary(*o, run) << "\n" << Qt::flush;
    if (!o->jsonPath.isEmpty() && !writeJson(o->jsonPath, treeRunJson(*o, *python.info, run)))
        return kExitFailure;
    return run.termSignal != 0 ? 128 + run.termSignal : run.exitCode;
}

} // namespace cli

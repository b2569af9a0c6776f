// `concurrency-lab run cpu|io [...]`: the strategies side by side, printed like %timeit.
#include "cli_run.h"
#include "cli.h"
#include "cli_common.h"

#include "experiment/resultjson.h"
#include "experiment/timeline.h"
#include "experiment/trace.h"
#include "guiloader.h"
#include "monitor/cpurecorder.h"
#include "python/interpreter.h"
#include "run/experimentrun.h"
#include "run/recording.h"
#include "server/demoserver.h"
#include "strategies/strategy.h"
#include "util/savefile.h"

#include <QFile>
#include <QJsonDocument>

namespace cli {

namespace {

struct RunOptions {
    cl::ExperimentSpec base;
    QList<cl::Strategy> strategies;
    bool allStrategies = false; // --strategy all: those CPython cannot run here are listed, not an error
    QList<cl::Engine> engines{cl::Engine::Emulated};
    std::optional<int> workers; // nullopt: the lesson's numbers
    int delayMs = cl::kDefaultDelayMs;
    QString jsonPath;
    QString chartPath;
    QString timelinePath;
    QString tracePath;
    QString recordPath;
};

void addRunOptions(QCommandLineParser &p)
{
    p.setApplicationDescription(QStringLiteral("Runs the lesson's worker with one or more strategies and prints %timeit-like lines."));
    p.addPositionalArgument(QStringLiteral("workload"), QStringLiteral("cpu (a counting loop) or io (HTTP GETs)."));
    p.addOptions({
        {QStringLiteral("strategy"), QStringLiteral("Comma-separated: %1, or all (default).").arg(cl::strategyKeys().join(u',')),
            QStringLiteral("list"), QStringLiteral("all")},
        {QStringLiteral("workers"),
            QStringLiteral("Threads, processes or async CPU tasks (default: the lesson's: cpu 2; io 64 threads, 16 processes)."),
            QStringLiteral("N")},
        {QStringLiteral("steps"), QStringLiteral("CPU: steps of the counting loop (default 10000000)."), QStringLiteral("N")},
        {QStringLiteral("requests"), QStringLiteral("IO: number of GETs (default 100)."), QStringLiteral("N")},
        {QStringLiteral("delay-ms"), QStringLiteral("IO: the demo server's delay per reply when no --url is given (default 100)."),
            QStringLiteral("N")},
        {QStringLiteral("url"), QStringLiteral("IO: what to GET (default: the demo server, started on a free port)."),
            QStringLiteral("URL")},
        {QStringLiteral("gil"), QStringLiteral("The emulated GIL: on (default) or off."), QStringLiteral("on|off"), QStringLiteral("on")},
        {QStringLiteral("switch-us"), QStringLiteral("The GIL's switch interval in microseconds (default 5000)."), QStringLiteral("N")},
        {QStringLiteral("connections"), QStringLiteral("Async IO: simultaneous connections, 0 for no limit (default 100)."),
            QStringLiteral("N")},
        {QStringLiteral("timeout-ms"), QStringLiteral("IO: per-request timeout (default 5000)."), QStringLiteral("N")},
        {QStringLiteral("cacert"),
            QStringLiteral("IO over HTTPS: also trust the CA certificate (PEM) in FILE, e.g. a self-signed server's."),
            QStringLiteral("FILE")},
        {QStringLiteral("insecure"), QStringLiteral("IO over HTTPS: do not verify the server's certificate.")},
        {QStringLiteral("keep-alive"),
            QStringLiteral("IO: reuse connections from one request to the next (default: a fresh connection per request, like "
                           "requests.get).")},
        {QStringLiteral("watchdog-ms"),
            QStringLiteral(
                "Processes: kill a worker that reports nothing for N ms (IO: plus the timeout) and fail the run (default 30000)."),
            QStringLiteral("N")},
        {QStringLiteral("repeat"), QStringLiteral("Runs per strategy, the best and median are reported (default 3)."), QStringLiteral("N")},
        {QStringLiteral("start-method"),
            QStringLiteral("Processes: how each child starts, as multiprocessing names it: spawn (re-execute this program, the "
                           "default), fork (copy the running program) or forkserver (a small server process, started once, forks "
                           "each one)."),
            QStringLiteral("spawn|fork|forkserver"), QStringLiteral("spawn")},
        {QStringLiteral("pool"),
            QStringLiteral("Keep the workers (threads, subinterpreters, processes) from one repeat to the next, like a "
                           "ThreadPoolExecutor or ProcessPoolExecutor: only the first run starts them.")},
        {QStringLiteral("engine"),
            QStringLiteral("What runs the work: emulated (the app's C++ model of CPython, the default), python (the lesson's "
                           "scripts on the machine's real CPython, measured from outside) or both, side by side."),
            QStringLiteral("emulated|python|both"), QStringLiteral("emulated")},
        {QStringLiteral("python"), QStringLiteral("The interpreter for --engine python|both (default: python3 on PATH)."),
            QStringLiteral("PATH")},
        {QStringLiteral("json"), QStringLiteral("Write every run as JSON to FILE, or - for stdout."), QStringLiteral("FILE")},
        {QStringLiteral("chart-png"), QStringLiteral("Render the timing chart of this run to a PNG (no display needed)."),
            QStringLiteral("FILE")},
        {QStringLiteral("trace"), QLatin1String(kTraceHelp), QStringLiteral("FILE")},
        {QStringLiteral("record"), QLatin1String(kRecordHelp), QStringLiteral("FILE")},
        {QStringLiteral("timeline-png"), QStringLiteral("Render each strategy's best run as a worker timeline to a PNG."),
            QStringLiteral("FILE")},
    });
}

std::optional<QList<cl::Strategy>> parseStrategies(const QString &text)
{
    if (text == QLatin1String("all"))
        return cl::allStrategies();
    QList<cl::Strategy> out;
    for (const QString &name : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto s = cl::strategyFromString(name.trimmed());
        if (!s)
            return std::nullopt;
        if (!out.contains(*s))
            out.append(*s);
    }
    return out.isEmpty() ? std::nullopt : std::optional(out);
}

std::optional<RunOptions> readRunOptions(const QCommandLineParser &p)
{
    const QStringList pos = p.positionalArguments();
    const auto workload = pos.size() == 1 ? cl::workloadFromString(pos.first()) : std::nullopt;
    if (!workload) {
        err() << "concurrency-lab run: say which workload: cpu or io\n" << Qt::flush;
        return std::nullopt;
    }
    RunOptions o;
    o.base.workload = *workload;
    const auto strategies = parseStrategies(p.value(QStringLiteral("strategy")));
    if (!strategies) {
        err() << "concurrency-lab run: unknown strategy in '" << p.value(QStringLiteral("strategy")) << "' ("
              << cl::strategyKeys().join(QStringLiteral(", ")) << " or all)\n"
              << Qt::flush;
        return std::nullopt;
    }
    o.strategies = *strategies;
    o.allStrategies = p.value(QStringLiteral("strategy")) == QLatin1String("all");
    const auto engines = engineOption(p, QStringLiteral("run"));
    if (!engines)
        return std::nullopt;
    o.engines = *engines;
    o.base.python = p.value(QStringLiteral("python"));
    const auto gil = gilOption(p, QStringLiteral("run"));
    if (!gil)
        return std::nullopt;
    o.base.gil = *gil;
    const auto startMethod = cl::startMethodFromString(p.value(QStringLiteral("start-method")));
    if (!startMethod) {
        err() << "concurrency-lab run: --start-method must be spawn, fork or forkserver, not '" << p.value(QStringLiteral("start-method"))
              << "'\n"
              << Qt::flush;
        return std::nullopt;
    }
    o.base.startMethod = *startMethod;
    o.base.pool = p.isSet(QStringLiteral("pool"));
    const auto workers = intOption(p, QStringLiteral("workers"), 0, 1, 100000);
    const auto steps = intOption(p, QStringLiteral("steps"), o.base.steps, 1, 100'000'000'000);
    const auto requests = intOption(p, QStringLiteral("requests"), o.base.requests, 1, 1'000'000);
    const auto delay = intOption(p, QStringLiteral("delay-ms"), cl::kDefaultDelayMs, 0, 600'000);
    const auto switchUs = intOption(p, QStringLiteral("switch-us"), cl::kDefaultSwitchIntervalUs, 1, 1'000'000);
    const auto connections = intOption(p, QStringLiteral("connections"), o.base.connections, 0, 1'000'000);
    const auto timeout = intOption(p, QStringLiteral("timeout-ms"), o.base.timeoutMs, 1, 600'000);
    const auto repeat = intOption(p, QStringLiteral("repeat"), o.base.repeat, 1, 1000);
    const auto watchdog = intOption(p, QStringLiteral("watchdog-ms"), o.base.watchdogMs, 100, 3'600'000);
    if (!workers || !steps || !requests || !delay || !switchUs || !connections || !timeout || !repeat || !watchdog)
        return std::nullopt;
    if (!fileOptionsNamed(p,
            {QStringLiteral("json"), QStringLiteral("chart-png"), QStringLiteral("timeline-png"), QStringLiteral("trace"),
                QStringLiteral("record")},
            QStringLiteral("run")))
        return std::nullopt;
    o.base.watchdogMs = int(*watchdog);
    if (p.isSet(QStringLiteral("workers")))
        o.workers = int(*workers);
    o.base.steps = *steps;
    o.base.requests = *requests;
    o.delayMs = int(*delay);
    o.base.switchIntervalUs = int(*switchUs);
    o.base.connections = int(*connections);
    o.base.timeoutMs = int(*timeout);
    o.base.repeat = int(*repeat);
    o.base.url = p.value(QStringLiteral("url"));
    o.base.caCert = p.value(QStringLiteral("cacert"));
    o.base.insecure = p.isSet(QStringLiteral("insecure"));
    o.base.keepAlive = p.isSet(QStringLiteral("keep-alive"));
    o.jsonPath = p.value(QStringLiteral("json"));
    o.chartPath = p.value(QStringLiteral("chart-png"));
    o.timelinePath = p.value(QStringLiteral("timeline-png"));
    o.tracePath = p.value(QStringLiteral("trace"));
    o.recordPath = p.value(QStringLiteral("record"));
    return o;
}

// Each strategy, and within it each engine: the emulated and the real run of one strategy follow
// each other.
QList<cl::ExperimentSpec> specsFor(const RunOptions &o)
{
    QList<cl::ExperimentSpec> specs;
    for (cl::Strategy s : o.strategies) {
        cl::ExperimentSpec spec = o.base;
        spec.strategy = s;
        const cl::StrategyDescriptor &strategy = cl::describe(s);
        spec.workers = strategy.singleWorker ? 1 : o.workers.value_or(strategy.defaultWorkers(spec.workload));
        if (!o.workers && spec.workload == cl::Workload::Io)
            spec.workers = int(std::min<qint64>(spec.workers, spec.requests));
        for (cl::Engine e : o.engines) {
            spec.engine = e;
            specs.append(spec);
        }
    }
    return specs;
}

// Drops the CPython runs this interpreter cannot do, saying why on stderr. Nullopt with the exit
// code when that is an error: a bad --python (2); a missing module, or a strategy named on the
// command line (1). With --strategy all, a strategy CPython lacks here is only listed.
std::optional<int> dropUnavailable(QList<cl::ExperimentSpec> &specs, const RunOptions &o)
{
    if (!o.engines.contains(cl::Engine::Python))
        return std::nullopt;
    const cl::PythonProbe python = cl::probePython(o.base.python);
    if (!python.info) {
        err() << "concurrency-lab run: --python: " << python.error << "\n" << Qt::flush;
        return kExitUsage;
    }
    err() << "CPython engine: " << python.info->summary() << "\n" << Qt::flush;
    std::optional<int> exit;
    for (qsizetype i = specs.size() - 1; i >= 0; --i) {
        if (specs[i].engine != cl::Engine::Python)
            continue;
        const QString why = cl::pythonUnavailable(specs[i], *python.info);
        if (why.isEmpty())
            continue;
        err() << "concurrency-lab run: " << cl::toString(specs[i].strategy) << " on CPython: " << why << "\n" << Qt::flush;
        if (!o.allStrategies || why.contains(QLatin1String("no module")))
            exit = kExitFailure;
        specs.removeAt(i);
    }
    return exit;
}

} // namespace

QString describe(const cl::ExperimentSpec &spec, const cl::ExperimentResult &r)
{
    const cl::StrategyDescriptor &strategy = cl::describe(r.strategy);
    QString name = cl::toString(r.strategy);
    if (strategy.taskPerRequest && spec.workload == cl::Workload::Io)
        name += spec.connections > 0 ? QStringLiteral(" (%1 connections)").arg(spec.connections) : QStringLiteral(" (no limit)");
    else if (!strategy.singleWorker)
        name += QStringLiteral(" x%1").arg(r.workers);
    QStringList how;
    if (strategy.startsChildren)
        how << cl::toString(spec.startMethod);
    if (spec.pool && strategy.poolable)
        how << QStringLiteral("pool");
    if (!how.isEmpty())
        name += QStringLiteral(" (%1)").arg(how.join(QStringLiteral(", ")));
    name += QStringLiteral(", ") + cl::gilModeName(r.gil);
    if (r.engine == cl::Engine::Python)
        name = QStringLiteral("CPython: ") + name; // the machine's interpreter ran the lesson's script
    qint64 items = 0, errors = 0;
    QStringList messages;
    for (const auto &run : r.runs) {
        items = run.items; // the last run's count, like %timeit's printed result
        errors += run.errors;
        for (const auto &m : run.errorMessages)
            if (!messages.contains(m))
                messages.append(m);
    }
    const QString unit = spec.workload == cl::Workload::Cpu ? QStringLiteral("steps") : QStringLiteral("requests");
    QString line = r.hasOkRun()
        ? QStringLiteral("%1: best of %2: %3 per loop, median %4, %5 %6")
              .arg(name)
              .arg(r.runs.size())
              .arg(formatSeconds(r.bestS()), formatSeconds(r.medianS()))
              .arg(items)
              .arg(unit)
        : QStringLiteral("%1: FAILED, no run completed (%2 of %3 %4 done)").arg(name).arg(items).arg(r.itemsAsked).arg(unit);
    if (errors > 0)
        line += QStringLiteral(", %1 errors (%2)").arg(errors).arg(messages.first());
    if (const cl::RunResult *best = r.bestRun(); best && best->processS > 0)
        line += QStringLiteral(" (whole process %1)").arg(formatSeconds(best->processS));
    if (const cl::RunResult *best = r.bestRun(); best && spec.workload == cl::Workload::Cpu && r.workers > 1)
        line += QStringLiteral(", 2+ running at once %1 %").arg(100.0 * cl::parallelShare(best->spans), 0, 'f', 0);
    return line;
}

bool writeJson(const QString &path, const QJsonObject &json)
{
    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Indented);
    if (path == QLatin1String("-")) { // every write and the flush checked: a reader gone is an error
        out().flush();
        QFile f;
        if (f.open(stdout, QIODevice::WriteOnly) && f.write(bytes) == bytes.size() && f.flush())
            return true;
        err() << "concurrency-lab: cannot write the JSON to stdout: " << f.errorString() << "\n" << Qt::flush;
        return false;
    }
    QString why;
    if (!cl::saveFile(path, bytes, &why)) {
        err() << "concurrency-lab: " << why << "\n" << Qt::flush;
        return false;
    }
    return true;
}

bool writeTrace(const QString &path, const QList<cl::ExperimentResult> &results, const cl::CpuRecorder &cpu)
{
    return writeJson(path, cl::traceJson(cl::traceRuns(results), cpu.samples()));
}

bool writeRecording(const QString &path, QList<cl::HistoryEntry> experiments, const cl::CpuRecorder &cpu)
{
    QString why;
    if (cl::saveRecording(path, cl::newRecording(std::move(experiments), cpu.samples()), &why))
        return true;
    err() << "concurrency-lab: " << why << "\n" << Qt::flush;
    return false;
}

std::optional<QString> startDemoServerIfNeeded(cl::DemoServer &server, QString url, int delayMs)
{
    if (!url.isEmpty())
        return url;
    QString error;
    if (!server.start(0, delayMs, &error)) {
        err() << "concurrency-lab: " << error << "\n" << Qt::flush;
        return std::nullopt;
    }
    return server.url();
}

int runCommand(const QStringList &args)
{
    QCommandLineParser parser;
    addRunOptions(parser);
    if (auto exit = parseOrExit(parser, args, QStringLiteral("run")))
        return *exit;
    auto options = readRunOptions(parser);
    if (!options)
        return kExitUsage;
    QList<cl::ExperimentSpec> specs = specsFor(*options);
    for (const auto &spec : specs) {
        // The URL is checked later (the demo server gives it); everything else now.
        cl::ExperimentSpec probe = spec;
        if (probe.url.isEmpty())
            probe.url = QStringLiteral("http://127.0.0.1:1/");
        if (const QString why = cl::validate(probe); !why.isEmpty()) {
            err() << "concurrency-lab run: " << why << "\n" << Qt::flush;
            return kExitUsage;
        }
    }
    const std::optional<int> unavailable = dropUnavailable(specs, *options);
    if (specs.isEmpty() || unavailable == kExitUsage)
        return unavailable.value_or(kExitFailure);
    cl::DemoServer server;
    QString url;
    if (options->base.workload == cl::Workload::Io) {
        const auto u = startDemoServerIfNeeded(server, options->base.url, options->delayMs);
        if (!u)
            return kExitFailure;
        url = *u;
    }
    QTextStream &lines = options->jsonPath == QLatin1String("-") ? err() : out();
    std::optional<cl::CpuRecorder> cpu; // the CPU beside the runs, for the trace and the recording
    if (!options->tracePath.isEmpty() || !options->recordPath.isEmpty())
        cpu.emplace();
    QList<cl::HistoryEntry> recorded;
    cl::Report report{specs.first(), {}};
    report.params.url = url;
    FailureSummary failures;
    for (cl::ExperimentSpec spec : specs) {
        spec.url = url;
        const cl::ExperimentResult r = cl::runExperiment(spec);
        lines << describe(spec, r) << "\n" << Qt::flush;
        failures.add(cl::toString(spec.strategy), r);
        report.results.append(r);
        recorded.append({spec, r});
    }
    failures.print(QStringLiteral("run"));
    if (!options->jsonPath.isEmpty() && !writeJson(options->jsonPath, cl::toJson(report)))
        return kExitFailure;
    if (!options->tracePath.isEmpty() && !writeTrace(options->tracePath, report.results, *cpu))
        return kExitFailure;
    if (!options->recordPath.isEmpty() && !writeRecording(options->recordPath, recorded, *cpu))
        return kExitFailure;
    QString why;
    if (!options->chartPath.isEmpty())
        why = cli::gui().renderTimingChartPng(report, options->chartPath, ui::kTimingChartPngSize);
    if (why.isEmpty() && !options->timelinePath.isEmpty())
        why = cli::gui().renderTimelinesPng(report, options->timelinePath, ui::kTimelinesPngWidth);
    if (!why.isEmpty()) {
        err() << "concurrency-lab run: " << why << "\n" << Qt::flush;
        return kExitFailure;
    }
    return failures.any() ? kExitFailure : unavailable.value_or(0);
}

} // namespace cli

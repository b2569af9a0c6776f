// `concurrency-lab sweep cpu|io --strategy S`: the speedup at 1..N workers, with Amdahl's fit.
#include "cli.h"
#include "cli_common.h"
#include "cli_run.h"

#include "experiment/sweep.h"
#include "guiloader.h"
#include "monitor/cpurecorder.h"
#include "run/experimentrun.h"
#include "server/demoserver.h"
#include "strategies/strategy.h"

#include <QThread>

namespace cli {

namespace {

std::optional<cl::ExperimentSpec> readSweepSpec(const QCommandLineParser &p, int *maxWorkers)
{
    const auto workload = p.positionalArguments().size() == 1 ? cl::workloadFromString(p.positionalArguments().first()) : std::nullopt;
    const auto strategy = cl::strategyFromString(p.value(QStringLiteral("strategy")));
    if (!workload || !strategy || !cl::describe(*strategy).sweepable()) {
        err() << "concurrency-lab sweep: say the workload (cpu or io) and --strategy " << cl::strategyKeys(true).join(QStringLiteral(", "))
              << "\n"
              << Qt::flush;
        return std::nullopt;
    }
    const QString gil = p.value(QStringLiteral("gil"));
    const auto max = intOption(p, QStringLiteral("max-workers"), std::max(2, 2 * QThread::idealThreadCount()), 1, 256);
    const auto steps = intOption(p, QStringLiteral("steps"), 10'000'000, 1, 100'000'000'000);
    const auto requests = intOption(p, QStringLiteral("requests"), 100, 1, 1'000'000);
    const auto repeat = intOption(p, QStringLiteral("repeat"), 3, 1, 100);
    if (!max || !steps || !requests || !repeat || (gil != QLatin1String("on") && gil != QLatin1String("off")))
        return std::nullopt;
    cl::ExperimentSpec s;
    s.workload = *workload;
    s.strategy = *strategy;
    s.gil = gil == QLatin1String("on");
    s.steps = *steps;
    s.requests = *requests;
    s.repeat = int(*repeat);
    s.url = p.value(QStringLiteral("url"));
    s.workers = int(*max);
    *maxWorkers = int(*max);
    return s;
}

} // namespace

int sweepCommand(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Runs one strategy at 1, 2, ... N workers and prints the speedup against sequential, "
                                               "the ideal and Amdahl's law fitted to it."));
    p.addPositionalArgument(QStringLiteral("workload"), QStringLiteral("cpu or io."));
    p.addOptions({{QStringLiteral("strategy"), QStringLiteral("One of %1.").arg(cl::strategyKeys(true).join(QStringLiteral(", "))),
                      QStringLiteral("S"), QStringLiteral("threads")},
        {QStringLiteral("max-workers"), QStringLiteral("Up to this many workers (default: twice the cores)."), QStringLiteral("N")},
        {QStringLiteral("steps"), QStringLiteral("CPU: steps (default 10000000)."), QStringLiteral("N")},
        {QStringLiteral("requests"), QStringLiteral("IO: GETs (default 100)."), QStringLiteral("N")},
        {QStringLiteral("delay-ms"), QStringLiteral("IO: the demo server's delay (default 100)."), QStringLiteral("N")},
        {QStringLiteral("url"), QStringLiteral("IO: what to GET (default: the demo server on a free port)."), QStringLiteral("URL")},
        {QStringLiteral("gil"), QStringLiteral("on (default) or off."), QStringLiteral("on|off"), QStringLiteral("on")},
        {QStringLiteral("repeat"), QStringLiteral("Runs per point (default 3)."), QStringLiteral("N")},
        {QStringLiteral("chart-png"), QStringLiteral("Render the speedup chart to a PNG."), QStringLiteral("FILE")},
        {QStringLiteral("json"), QStringLiteral("Write the sweep as JSON to FILE, or - for stdout."), QStringLiteral("FILE")},
        {QStringLiteral("trace"), QLatin1String(kTraceHelp), QStringLiteral("FILE")}});
    if (auto exit = parseOrExit(p, args, QStringLiteral("sweep")))
        return *exit;
    if (!fileOptionsNamed(p, {QStringLiteral("json"), QStringLiteral("chart-png"), QStringLiteral("trace")}, QStringLiteral("sweep")))
        return kExitUsage;
    int maxWorkers = 0;
    auto base = readSweepSpec(p, &maxWorkers);
    const auto delay = intOption(p, QStringLiteral("delay-ms"), cl::kDefaultDelayMs, 0, 600'000);
    if (!base || !delay)
        return kExitUsage;
    cl::DemoServer server;
    if (base->workload == cl::Workload::Io) {
        const auto url = startDemoServerIfNeeded(server, base->url, int(*delay));
        if (!url)
            return kExitFailure;
        base->url = *url;
    }
    if (const QString why = cl::validate(*base); !why.isEmpty()) {
        err() << "concurrency-lab sweep: " << why << "\n" << Qt::flush;
        return kExitUsage;
    }
    QTextStream &lines = p.value(QStringLiteral("json")) == QLatin1String("-") ? err() : out();
    QList<cl::ExperimentResult> results;
    FailureSummary failures;
    const QString tracePath = p.value(QStringLiteral("trace"));
    std::optional<cl::CpuRecorder> cpu; // the CPU beside the runs, for the trace
    if (!tracePath.isEmpty())
        cpu.emplace();
    for (const cl::ExperimentSpec &spec : cl::sweepBatch(*base, maxWorkers)) {
        results.append(cl::runExperiment(spec));
        lines << describe(spec, results.last()) << "\n" << Qt::flush;
        failures.add(QStringLiteral("%1 x%2").arg(cl::toString(spec.strategy)).arg(spec.workers), results.last());
    }
    failures.print(QStringLiteral("sweep"));
    const cl::SweepResult sweep = cl::sweepResult(*base, results, QThread::idealThreadCount());
    lines << QStringLiteral("serial fraction (Amdahl fit): %1; speedups:").arg(sweep.serialFraction, 0, 'f', 3);
    for (const cl::SweepPoint &pt : sweep.points)
        lines << QStringLiteral(" %1:%2x").arg(pt.workers).arg(pt.speedup, 0, 'f', 2);
    lines << "\n" << Qt::flush;
    if (const QString json = p.value(QStringLiteral("json")); !json.isEmpty() && !writeJson(json, cl::toJson(sweep)))
        return kExitFailure;
    if (!tracePath.isEmpty() && !writeTrace(tracePath, results, *cpu))
        return kExitFailure;
    if (const QString png = p.value(QStringLiteral("chart-png")); !png.isEmpty())
        if (const QString why = cli::gui().renderSweepPng(sweep, png, ui::kSweepPngSize); !why.isEmpty())
            return err() << "concurrency-lab sweep: " << why << "\n" << Qt::flush, kExitFailure;
    return failures.any() ? kExitFailure : 0;
}

} // namespace cli

// `concurrency-lab lesson --part beyond`: the lesson's second section, "Beyond the notebook
// (Python 3.12–3.14)", each experiment with what to watch for.
#include "cli.h"
#include "cli_common.h"
#include "cli_run.h"

#include "experiment/beyond.h"
#include "run/experimentrun.h"
#include "server/demoserver.h"

#include <QJsonArray>

#include <algorithm>

namespace cli {

namespace {

// The run's start-up: its longest starting span, or nothing when no worker started in it.
QString startUp(const cl::RunResult &run)
{
    double longest = -1;
    for (const cl::Span &s : run.spans)
        if (s.state == cl::WorkerState::Starting)
            longest = std::max(longest, s.t1 - s.t0);
    return longest < 0 ? QStringLiteral("no start-up") : QStringLiteral("start-up %1 ms").arg(longest * 1000, 0, 'f', 2);
}

// Each run of it: its time, its start-up and its own memory.
QString runsLine(const cl::ExperimentResult &r)
{
    QStringList runs;
    for (const cl::RunResult &run : r.runs)
        runs << QStringLiteral("%1 (%2, %3 MiB own)")
                    .arg(run.ok() ? formatSeconds(run.wallS) : cl::toString(run.status), startUp(run))
                    .arg(double(run.memBytes) / (1024.0 * 1024.0), 0, 'f', 1);
    return QStringLiteral("    runs: ") + runs.join(QStringLiteral(", "));
}

QJsonArray runExperiments(const cl::BeyondExperiment &e, int repeat, QTextStream &lines, FailureSummary &failures)
{
    QJsonArray results;
    for (const cl::ExperimentSpec &listed : e.runs) {
        const cl::ExperimentSpec spec = cl::withRepeats(listed, repeat);
        const cl::ExperimentResult r = cl::runExperiment(spec);
        failures.add(QString::fromUtf8(e.title), r);
        lines << "  " << describe(spec, r) << "\n" << runsLine(r) << "\n" << Qt::flush;
        results.append(cl::toJson(cl::Report{spec, {r}}));
    }
    return results;
}

QJsonArray runRaces(const cl::BeyondExperiment &e, QTextStream &lines, bool *failed)
{
    QJsonArray results;
    for (const cl::RaceSpec &spec : e.races) {
        const cl::RaceResult r = cl::runRace(spec);
        *failed = *failed || !r.error.isEmpty();
        lines << "  " << (r.error.isEmpty() ? describeRace(spec, r) : r.error) << "\n" << Qt::flush;
        results.append(raceJson(spec, r));
    }
    return results;
}

QJsonArray runConvoys(const cl::BeyondExperiment &e, QTextStream &lines, bool *failed)
{
    QJsonArray results;
    for (const cl::ConvoySpec &spec : e.convoys) {
        const cl::ConvoyResult r = cl::runConvoy(spec);
        *failed = *failed || !r.error.isEmpty() || r.io.errors > 0;
        lines << "  " << (r.error.isEmpty() ? describeConvoy(spec, r) : r.error) << "\n" << Qt::flush;
        results.append(convoyJson(spec, r));
    }
    return results;
}

} // namespace

int runBeyondPart(int repeat, const QString &jsonPath)
{
    cl::DemoServer server, fast; // the lesson's 100 ms replies, and the convoy's 1 ms ones
    const auto url = startDemoServerIfNeeded(server, {}, cl::kDefaultDelayMs);
    const auto fastUrl = url ? startDemoServerIfNeeded(fast, {}, cl::kConvoyServerDelayMs) : std::nullopt;
    if (!url || !fastUrl)
        return kExitFailure;
    QTextStream &lines = jsonPath == QLatin1String("-") ? err() : out();
    lines << "Beyond the notebook (Python 3.12-3.14)\n" << Qt::flush;
    FailureSummary failures;
    bool failed = false;
    QJsonArray sections;
    for (const cl::BeyondExperiment &e : cl::beyondExperiments(*url, *fastUrl)) {
        lines << "\n" << e.title << " [" << e.python << "]\n  watch for: " << e.watchFor << "\n" << Qt::flush;
        using K = cl::BeyondExperiment::Kind;
        const QJsonArray results = e.kind == K::Runs ? runExperiments(e, repeat, lines, failures)
            : e.kind == K::Race                      ? runRaces(e, lines, &failed)
                                                     : runConvoys(e, lines, &failed);
        sections.append(
            QJsonObject{{QStringLiteral("title"), QString::fromUtf8(e.title)}, {QStringLiteral("python"), QString::fromUtf8(e.python)},
                {QStringLiteral("kind"),
                    e.kind == K::Runs       ? QStringLiteral("runs")
                        : e.kind == K::Race ? QStringLiteral("race")
                                            : QStringLiteral("convoy")},
                {QStringLiteral("results"), results}});
    }
    failures.print(QStringLiteral("lesson --part beyond"));
    if (!jsonPath.isEmpty()
        && !writeJson(jsonPath, QJsonObject{{QStringLiteral("part"), QStringLiteral("beyond")}, {QStringLiteral("sections"), sections}}))
        return kExitFailure;
    return failures.any() || failed ? kExitFailure : 0;
}

} // namespace cli

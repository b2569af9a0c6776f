// `concurrency-lab run race`: N threads each do `count += 1` on one shared counter; prints how
// many updates were lost with the GIL, free-threaded, and with a lock.
#include "cli.h"
#include "cli_common.h"
#include "cli_run.h"

#include "experiment/experiment.h"
#include "workloads/race.h"

#include <QJsonObject>

namespace cli {

namespace {

std::optional<cl::RaceSpec> readRaceSpec(const QCommandLineParser &p)
{
    const auto gil = gilOption(p, QStringLiteral("run race"));
    if (!gil)
        return std::nullopt;
    const auto workers = intOption(p, QStringLiteral("workers"), 2, 1, 1024);
    const auto steps = intOption(p, QStringLiteral("steps"), 10'000'000, 1, 100'000'000'000);
    const auto switchUs = intOption(p, QStringLiteral("switch-us"), cl::kDefaultSwitchIntervalUs, 1, 1'000'000);
    if (!workers || !steps || !switchUs)
        return std::nullopt;
    cl::RaceSpec s;
    s.workers = int(*workers);
    s.steps = *steps;
    s.gil = *gil;
    s.lock = p.isSet(QStringLiteral("lock"));
    s.switchIntervalUs = int(*switchUs);
    if (const QString why = cl::validate(s); !why.isEmpty()) {
        err() << "concurrency-lab run race: " << why << "\n" << Qt::flush;
        return std::nullopt;
    }
    return s;
}

} // namespace

QJsonObject raceJson(const cl::RaceSpec &s, const cl::RaceResult &r)
{
    return {{QStringLiteral("workers"), s.workers}, {QStringLiteral("gil"), s.gil}, {QStringLiteral("lock"), s.lock},
        {QStringLiteral("switch_interval_us"), s.switchIntervalUs}, {QStringLiteral("expected"), r.expected},
        {QStringLiteral("got"), r.got}, {QStringLiteral("lost"), r.lost()}, {QStringLiteral("wall_s"), r.wallS}};
}

QString describeRace(const cl::RaceSpec &spec, const cl::RaceResult &r)
{
    return QStringLiteral("race: %1 threads, %2, %3: expected %4, got %5, lost %6 (%7 %), %8")
        .arg(spec.workers)
        .arg(cl::gilModeName(spec.gil), spec.lock ? QStringLiteral("with a lock") : QStringLiteral("no lock"))
        .arg(r.expected)
        .arg(r.got)
        .arg(r.lost())
        .arg(r.lostPercent(), 0, 'f', 2)
        .arg(formatSeconds(r.wallS));
}

int raceCommand(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("N threads each run `count += 1` on one shared counter: with the GIL the count is "
                                               "exact, free-threaded updates are lost, with a lock it is exact again."));
    p.addOptions({{QStringLiteral("workers"), QStringLiteral("Threads (default 2)."), QStringLiteral("N")},
        {QStringLiteral("steps"), QStringLiteral("Increments in all, split between the threads (default 10000000)."), QStringLiteral("N")},
        {QStringLiteral("gil"), QStringLiteral("on: GIL (default CPython); off: free-threaded (3.13t, 3.14t)."), QStringLiteral("on|off"),
            QStringLiteral("on")},
        {QStringLiteral("lock"), QStringLiteral("Take a lock around each `count += 1`.")},
        {QStringLiteral("switch-us"), QStringLiteral("The GIL's switch interval, sys.setswitchinterval (default 5000)."),
            QStringLiteral("N")},
        {QStringLiteral("json"), QStringLiteral("Write the result as JSON to FILE, or - for stdout."), QStringLiteral("FILE")}});
    if (auto exit = parseOrExit(p, args, QStringLiteral("run race")))
        return *exit;
    if (!fileOptionsNamed(p, {QStringLiteral("json")}, QStringLiteral("run race")))
        return kExitUsage;
    const auto spec = readRaceSpec(p);
    if (!spec)
        return kExitUsage;
    const cl::RaceResult r = cl::runRace(*spec);
    if (!r.error.isEmpty()) {
        err() << "concurrency-lab run race: " << r.error << "\n" << Qt::flush;
        return kExitFailure;
    }
    const QString line = describeRace(*spec, r);
    const QString json = p.value(QStringLiteral("json"));
    if (json != QLatin1String("-"))
        out() << line << "\n" << Qt::flush;
    return json.isEmpty() || writeJson(json, raceJson(*spec, r)) ? 0 : kExitFailure;
}

} // namespace cli

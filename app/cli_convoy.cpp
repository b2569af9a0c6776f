// `concurrency-lab run convoy`: one thread making requests one after another beside K CPU-bound
// threads; prints the IO thread's latency p50/p99 and its requests per second.
#include "cli.h"
#include "cli_common.h"
#include "cli_run.h"

#include "server/demoserver.h"
#include "workloads/convoy.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cli {

namespace {

struct ConvoyOptions {
    cl::ConvoySpec spec;
    int delayMs = 0;
};

std::optional<ConvoyOptions> readConvoyOptions(const QCommandLineParser &p)
{
    const auto gil = gilOption(p, QStringLiteral("run convoy"));
    if (!gil)
        return std::nullopt;
    const auto cpuIn = cl::cpuInFromString(p.value(QStringLiteral("cpu-in")));
    if (!cpuIn) {
        err() << "concurrency-lab run convoy: --cpu-in must be threads or processes, not '" << p.value(QStringLiteral("cpu-in")) << "'\n"
              << Qt::flush;
        return std::nullopt;
    }
    const auto cpuThreads = intOption(p, QStringLiteral("cpu-threads"), 1, 0, 64);
    const auto requests = intOption(p, QStringLiteral("requests"), 200, 1, 1'000'000);
    const auto switchUs = intOption(p, QStringLiteral("switch-us"), cl::kDefaultSwitchIntervalUs, 1, 1'000'000);
    const auto delay = intOption(p, QStringLiteral("delay-ms"), cl::kConvoyServerDelayMs, 0, 600'000);
    const auto timeout = intOption(p, QStringLiteral("timeout-ms"), 5000, 1, 600'000);
    if (!cpuThreads || !requests || !switchUs || !delay || !timeout)
        return std::nullopt;
    ConvoyOptions o;
    o.spec.cpuThreads = int(*cpuThreads);
    o.spec.requests = *requests;
    o.spec.gil = *gil;
    o.spec.cpuIn = *cpuIn;
    o.spec.switchIntervalUs = int(*switchUs);
    o.spec.timeoutMs = int(*timeout);
    o.spec.url = p.value(QStringLiteral("url"));
    o.delayMs = int(*delay);
    return o;
}

} // namespace

QJsonObject convoyJson(const cl::ConvoySpec &s, const cl::ConvoyResult &r)
{
    QJsonArray latencies;
    for (double ms : r.io.latenciesMs)
        latencies.append(ms);
    return {{QStringLiteral("cpu_threads"), s.cpuThreads}, {QStringLiteral("cpu_in"), cl::toString(s.cpuIn)},
        {QStringLiteral("gil"), s.gil}, {QStringLiteral("switch_interval_us"), s.switchIntervalUs}, {QStringLiteral("url"), s.url},
        {QStringLiteral("requests"), s.requests}, {QStringLiteral("answered"), r.io.items}, {QStringLiteral("errors"), r.io.errors},
        {QStringLiteral("error_messages"), QJsonArray::fromStringList(r.io.errorMessages)}, {QStringLiteral("wall_s"), r.wallS},
        {QStringLiteral("requests_per_s"), r.requestsPerS}, {QStringLiteral("p50_ms"), r.latency.p50},
        {QStringLiteral("p99_ms"), r.latency.p99}, {QStringLiteral("max_ms"), r.latency.max}, {QStringLiteral("cpu_steps"), r.cpuSteps},
        {QStringLiteral("latencies_ms"), latencies}};
}

QString describeConvoy(const cl::ConvoySpec &s, const cl::ConvoyResult &r)
{
    const QString where = s.cpuIn == cl::ConvoySpec::CpuIn::Threads
        ? (s.cpuThreads == 1 ? QStringLiteral("thread") : QStringLiteral("threads"))
        : (s.cpuThreads == 1 ? QStringLiteral("process") : QStringLiteral("processes"));
    const QString beside
        = s.cpuThreads == 0 ? QStringLiteral("alone") : QStringLiteral("beside %1 CPU-bound %2").arg(s.cpuThreads).arg(where);
    QString line = QStringLiteral("convoy: IO thread %1, %2, switch %3 ms: p50 %4 ms, p99 %5 ms, %6 requests/s (%7 of %8 answered)")
                       .arg(beside, cl::gilModeName(s.gil))
                       .arg(double(s.switchIntervalUs) / 1000.0, 0, 'g', 3)
                       .arg(r.latency.p50, 0, 'f', 2)
                       .arg(r.latency.p99, 0, 'f', 2)
                       .arg(r.requestsPerS, 0, 'f', 0)
                       .arg(r.io.items)
                       .arg(s.requests);
    if (r.io.errors > 0)
        line += QStringLiteral(", %1 errors (%2)").arg(r.io.errors).arg(r.io.errorMessages.join(QStringLiteral("; ")));
    return line;
}

int convoyCommand(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("The convoy effect: one thread makes requests one after another while K CPU-bound threads "
                                               "run beside it. With the GIL its latency grows by up to a switch interval per request."));
    p.addOptions({{QStringLiteral("cpu-threads"), QStringLiteral("CPU-bound workers beside the IO thread, 0 to 64 (default 1)."),
                      QStringLiteral("K")},
        {QStringLiteral("requests"), QStringLiteral("The IO thread's GETs, one after another (default 200)."), QStringLiteral("N")},
        {QStringLiteral("gil"), QStringLiteral("on: GIL (default CPython); off: free-threaded (3.13t, 3.14t)."), QStringLiteral("on|off"),
            QStringLiteral("on")},
        {QStringLiteral("cpu-in"), QStringLiteral("Where the CPU work runs: threads of this process (default) or child processes."),
            QStringLiteral("threads|processes"), QStringLiteral("threads")},
        {QStringLiteral("switch-us"), QStringLiteral("The GIL's switch interval, sys.setswitchinterval (default 5000)."),
            QStringLiteral("N")},
        {QStringLiteral("url"), QStringLiteral("What to GET (default: the demo server, started on a free port)."), QStringLiteral("URL")},
        {QStringLiteral("delay-ms"), QStringLiteral("The demo server's delay per reply when no --url is given (default 1)."),
            QStringLiteral("N")},
        {QStringLiteral("timeout-ms"), QStringLiteral("Per-request timeout (default 5000)."), QStringLiteral("N")},
        {QStringLiteral("json"), QStringLiteral("Write the result as JSON to FILE, or - for stdout."), QStringLiteral("FILE")}});
    if (auto exit = parseOrExit(p, args, QStringLiteral("run convoy")))
        return *exit;
    if (!fileOptionsNamed(p, {QStringLiteral("json")}, QStringLiteral("run convoy")))
        return kExitUsage;
    auto options = readConvoyOptions(p);
    if (!options)
        return kExitUsage;
    cl::ConvoySpec &spec = options->spec;
    if (const QString why = cl::validate(spec); !why.isEmpty()) {
        err() << "concurrency-lab run convoy: " << why << "\n" << Qt::flush;
        return kExitUsage;
    }
    cl::DemoServer server;
    const auto url = startDemoServerIfNeeded(server, spec.url, options->delayMs);
    if (!url)
        return kExitFailure;
    spec.url = *url;
    const cl::ConvoyResult r = cl::runConvoy(spec);
    if (!r.error.isEmpty()) {
        err() << "concurrency-lab run convoy: " << r.error << "\n" << Qt::flush;
        return kExitFailure;
    }
    const QString json = p.value(QStringLiteral("json"));
    (json == QLatin1String("-") ? err() : out()) << describeConvoy(spec, r) << "\n" << Qt::flush;
    if (!json.isEmpty() && !writeJson(json, convoyJson(spec, r)))
        return kExitFailure;
    return r.io.errors > 0 ? kExitFailure : 0;
}

} // namespace cli

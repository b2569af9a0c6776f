#include "workloads/convoy.h"

#include "child/childworker.h"
#include "child/spawnedprocess.h"
#include "run/experimentrun.h"
#include "run/spanrecorder.h"
#include "util/clock.h"
#include "workloads/blockinghttp.h"
#include "workloads/worker.h"

#include <memory>
#include <thread>
#include <vector>

namespace cl {

namespace {

constexpr qint64 kEndless = 1'000'000'000'000'000; // the CPU threads count until the IO thread is done

// The IO thread: `for _ in range(n): requests.get(url)`, the GIL released around each transfer.
// A request's latency runs from the call to the moment the thread holds the GIL again.
void ioThread(const ConvoySpec &spec, const HttpTarget &target, Gil &gil, SpanRecorder &spans, std::stop_token stop, ConvoyResult &out)
{
    if (!takeGil(gil, 0, spans, stop))
        return;
    spans.enter(WorkerState::Running);
    BlockingHttpClient client(target);
    const std::int64_t first = monotonicNs();
    for (qint64 i = 0; i < spec.requests && !stop.stop_requested(); ++i) {
        const std::int64_t t0 = spans.enter(WorkerState::WaitIo);
        gil.release(0, stop); // Py_BEGIN_ALLOW_THREADS
        const RequestOutcome r = client.get(stop);
        const bool haveGil = takeGil(gil, 0, spans, stop); // Py_END_ALLOW_THREADS: the convoy waits here
        const std::int64_t t1 = spans.enter(WorkerState::Running);
        if (r.ok) {
            ++out.io.items;
            out.io.latenciesMs.append(double(t1 - t0) / 1e6);
        } else if (!stop.stop_requested()) {
            out.io.addError(r.error);
        }
        if (!haveGil)
            break;
    }
    out.wallS = double(monotonicNs() - first) / 1e9;
    spans.finish();
    gil.release(0, stop);
}

// K child processes counting, each with a GIL of its own, their reports unread; killed and reaped
// when it goes.
class CpuProcesses {
public:
    QString start(const ConvoySpec &spec)
    {
        ExperimentSpec worker;
        worker.gil = spec.gil;
        worker.switchIntervalUs = spec.switchIntervalUs;
        for (int i = 0; i < spec.cpuThreads; ++i) {
            auto &p = children_.emplace_back(std::make_unique<SpawnedProcess>());
            if (!p->startDiscardingOutput(workerExecutable(spec.workerExecutable), workerArguments(worker, i + 1, kEndless, monotonicNs())))
                return QStringLiteral("could not start CPU process %1: %2").arg(i + 1).arg(p->errorString());
        }
        return {};
    }

private:
    std::vector<std::unique_ptr<SpawnedProcess>> children_;
};

} // namespace

QString toString(ConvoySpec::CpuIn where)
{
    return where == ConvoySpec::CpuIn::Threads ? QStringLiteral("threads") : QStringLiteral("processes");
}

std::optional<ConvoySpec::CpuIn> cpuInFromString(const QString &s)
{
    if (s == QLatin1String("threads"))
        return ConvoySpec::CpuIn::Threads;
    if (s == QLatin1String("processes"))
        return ConvoySpec::CpuIn::Processes;
    return std::nullopt;
}

QString validate(const ConvoySpec &spec)
{
    if (spec.cpuThreads < 0 || spec.cpuThreads > 64)
        return QStringLiteral("CPU threads must be 0 to 64");
    if (spec.requests < 1 || spec.requests > 1'000'000)
        return QStringLiteral("requests must be 1 to 1000000");
    if (spec.switchIntervalUs < 1 || spec.switchIntervalUs > 1'000'000)
        return QStringLiteral("the switch interval must be between 1 us and 1 s");
    if (spec.timeoutMs < 1 || spec.timeoutMs > 600'000)
        return QStringLiteral("timeout must be between 1 ms and 600000 ms");
    return {};
}

ConvoyResult runConvoy(const ConvoySpec &spec, std::stop_token stop, SpanSink *live)
{
    ConvoyResult out;
    if (out.error = validate(spec); !out.error.isEmpty())
        return out;
    HttpOptions http;
    http.url = spec.url;
    http.timeoutMs = spec.timeoutMs;
    const auto target = resolveHttpTarget(http, &out.error);
    if (!target)
        return out;
    Gil gil(spec.gil, std::chrono::microseconds(spec.switchIntervalUs));
    std::stop_source cpuStop; // the CPU work ends with the IO thread, or at Stop
    const std::stop_callback relay(stop, [&cpuStop] { cpuStop.request_stop(); });
    const std::int64_t origin = monotonicNs();
    out.startMonoMs = origin / 1'000'000;
    if (live)
        live->beginRun(origin);
    CpuProcesses processes;
    std::vector<SpanRecorder> cpuSpans;
    std::vector<WorkTally> cpuTallies(std::size_t(spec.cpuThreads));
    {
        std::vector<std::jthread> threads;
        if (spec.cpuIn == ConvoySpec::CpuIn::Processes) {
            out.error = processes.start(spec);
        } else {
            for (int i = 0; i < spec.cpuThreads; ++i)
                cpuSpans.emplace_back(i + 1, WorkerKind::Thread, origin, live);
            for (int i = 0; i < spec.cpuThreads && out.error.isEmpty(); ++i) {
                try {
                    threads.emplace_back([&, i] {
                        cpuTallies[std::size_t(i)]
                            = runWorker({Workload::Cpu, kEndless, nullptr}, gil, i + 1, cpuSpans[std::size_t(i)], cpuStop.get_token());
                    });
                } catch (const std::system_error &e) {
                    out.error = cannotStartThread(QStringLiteral("CPU thread %1 of %2").arg(i + 1).arg(spec.cpuThreads), e);
                }
            }
        }
        if (out.error.isEmpty()) {
            SpanRecorder ioSpans(0, WorkerKind::Thread, origin, live);
            ioThread(spec, *target, gil, ioSpans, stop, out);
            out.spans = ioSpans.takeSpans();
        }
        cpuStop.request_stop();
    } // join
    for (std::size_t i = 0; i < cpuSpans.size(); ++i) {
        out.spans.append(cpuSpans[i].takeSpans());
        out.cpuSteps += cpuTallies[i].items;
    }
    out.latency = summarizeLatencies(out.io.latenciesMs);
    out.requestsPerS = out.wallS > 0 ? double(out.io.items) / out.wallS : 0;
    out.stopped = stop.stop_requested();
    return out;
}

} // namespace cl

#include "experiment/trace.h"

#include "strategies/strategy.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cl {

namespace {

constexpr double kHandOffToleranceS = 0.002; // a GIL wait that ends within 2 ms of another worker's run: a hand-off
constexpr qint64 kGapBetweenUnknownRunsMs = 10;

QString stateName(WorkerState s)
{
    switch (s) {
    case WorkerState::Starting:
        return QStringLiteral("starting");
    case WorkerState::Running:
        return QStringLiteral("running");
    case WorkerState::WaitGil:
        return QStringLiteral("waiting for the GIL");
    case WorkerState::WaitIo:
        return QStringLiteral("waiting for IO");
    case WorkerState::Ready:
        return QStringLiteral("ready, waiting for the loop");
    }
    return {};
}

QString workerName(WorkerKind kind, int worker)
{
    return kind == WorkerKind::Main ? QStringLiteral("main") : QStringLiteral("%1 %2").arg(toString(kind)).arg(worker);
}

double micros(double seconds)
{
    return std::round(seconds * 1e9) / 1e3; // µs, to the nanosecond
}

QJsonObject metadata(const char *name, int pid, int tid, const QJsonObject &args)
{
    return {{"ph", "M"}, {"name", name}, {"pid", pid}, {"tid", tid}, {"args", args}};
}

class TraceWriter {
public:
    void addRun(int pid, const TraceRun &r, double offsetS)
    {
        events_.append(metadata("process_name", pid, 0, {{"name", r.label}}));
        events_.append(metadata("process_sort_index", pid, 0, {{"sort_index", pid}}));
        QList<Span> spans = r.run.spans;
        std::sort(spans.begin(), spans.end(), [](const Span &a, const Span &b) { return a.t0 < b.t0; });
        QList<int> named;
        for (const Span &s : spans) {
            if (!named.contains(s.worker)) {
                named.append(s.worker);
                events_.append(metadata("thread_name", pid, s.worker + 1, {{"name", workerName(s.kind, s.worker)}}));
                events_.append(metadata("thread_sort_index", pid, s.worker + 1, {{"sort_index", s.worker}}));
            }
            events_.append(QJsonObject{{"ph", "X"}, {"name", stateName(s.state)}, {"cat", "state"}, {"pid", pid}, {"tid", s.worker + 1},
                {"ts", micros(offsetS + s.t0)}, {"dur", micros(s.t1 - s.t0)}, {"args", QJsonObject{{"state", toString(s.state)}}}});
        }
        addHandOffs(pid, spans, offsetS);
        addInFlight(pid, spans, offsetS);
    }

    void addCpu(int pid, const QList<CpuSample> &cpu, qint64 baseMs)
    {
        if (cpu.isEmpty())
            return;
        events_.append(metadata("process_name", pid, 0, {{"name", QStringLiteral("CPU load")}}));
        events_.append(metadata("process_sort_index", pid, 0, {{"sort_index", -1}}));
        qint64 intervalStart = cpu.first().tMs - (cpu.size() > 1 ? cpu[1].tMs - cpu[0].tMs : 100);
        for (const CpuSample &sample : cpu) {
            const double ts = std::max(0.0, double(intervalStart - baseMs) * 1e3);
            for (auto it = sample.cores.cbegin(); it != sample.cores.cend(); ++it)
                events_.append(QJsonObject{{"ph", "C"}, {"name", QStringLiteral("core %1 busy %").arg(it.key())}, {"pid", pid}, {"tid", 0},
                    {"ts", ts}, {"args", QJsonObject{{"busy", std::round(it.value().busy() * 1000) / 10}}}});
            intervalStart = sample.tMs;
        }
    }

    QJsonArray take() { return std::move(events_); }

private:
    // The GIL's hand-offs: a worker's wait ends as another's running ends (it dropped the GIL).
    void addHandOffs(int pid, const QList<Span> &spans, double offsetS)
    {
        for (const Span &wait : spans) {
            if (wait.state != WorkerState::WaitGil)
                continue;
            const auto from = std::find_if(spans.cbegin(), spans.cend(), [&](const Span &s) {
                return s.worker != wait.worker && s.state == WorkerState::Running && std::abs(s.t1 - wait.t1) <= kHandOffToleranceS;
            });
            if (from == spans.cend())
                continue;
            const double releasedAt = std::max(from->t0, from->t1 - 1e-6); // inside the slice it leaves
            const int id = ++flowId_;
            events_.append(QJsonObject{{"ph", "s"}, {"name", "GIL"}, {"cat", "gil"}, {"id", id}, {"pid", pid}, {"tid", from->worker + 1},
                {"ts", micros(offsetS + releasedAt)}});
            events_.append(QJsonObject{{"ph", "f"}, {"bp", "e"}, {"name", "GIL"}, {"cat", "gil"}, {"id", id}, {"pid", pid},
                {"tid", wait.worker + 1}, {"ts", micros(offsetS + wait.t1)}});
        }
    }

    // How many workers wait for IO at each moment: the requests in flight.
    void addInFlight(int pid, const QList<Span> &spans, double offsetS)
    {
        QList<std::pair<double, int>> changes;
        for (const Span &s : spans)
            if (s.state == WorkerState::WaitIo)
                changes << std::pair{s.t0, 1} << std::pair{s.t1, -1};
        if (changes.isEmpty())
            return;
        std::sort(changes.begin(), changes.end());
        int inFlight = 0;
        for (qsizetype i = 0; i < changes.size(); ++i) {
            inFlight += changes[i].second;
            if (i + 1 < changes.size() && changes[i + 1].first == changes[i].first)
                continue; // one event per moment
            events_.append(QJsonObject{{"ph", "C"}, {"name", "requests in flight"}, {"pid", pid}, {"tid", 0},
                {"ts", micros(offsetS + changes[i].first)}, {"args", QJsonObject{{"requests", inFlight}}}});
        }
    }

    QJsonArray events_;
    int flowId_ = 0;
};

QString traceLabel(const ExperimentResult &r)
{
    QString label = QStringLiteral("%1 x%2").arg(toString(r.strategy)).arg(r.workers);
    if (describe(r.strategy).gilApplies)
        label += r.gil ? QStringLiteral(", GIL") : QStringLiteral(", free-threaded");
    if (r.engine == Engine::Python)
        label += QStringLiteral(", CPython");
    return label;
}

} // namespace

QList<TraceRun> traceRuns(const QList<ExperimentResult> &results)
{
    QList<TraceRun> out;
    for (const ExperimentResult &result : results) {
        const QString label = traceLabel(result);
        for (qsizetype i = 0; i < result.runs.size(); ++i)
            out.append({result.runs.size() > 1 ? QStringLiteral("%1, run %2 of %3").arg(label).arg(i + 1).arg(result.runs.size()) : label,
                result.runs[i]});
    }
    return out;
}

QJsonObject traceJson(const QList<TraceRun> &runs, const QList<CpuSample> &cpu)
{
    qint64 baseMs = std::numeric_limits<qint64>::max();
    for (const TraceRun &r : runs)
        if (r.run.startMonoMs > 0)
            baseMs = std::min(baseMs, r.run.startMonoMs);
    if (!cpu.isEmpty())
        baseMs = std::min(baseMs, cpu.first().tMs);
    if (baseMs == std::numeric_limits<qint64>::max())
        baseMs = 0;
    TraceWriter writer;
    qint64 nextFreeMs = baseMs;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const RunResult &run = runs[i].run;
        const qint64 startMs = run.startMonoMs > 0 ? run.startMonoMs : nextFreeMs;
        writer.addRun(int(i) + 1, runs[i], double(startMs - baseMs) / 1e3);
        nextFreeMs = std::max(nextFreeMs, startMs + qint64(std::ceil(run.occupiedS() * 1e3)) + kGapBetweenUnknownRunsMs);
    }
    writer.addCpu(int(runs.size()) + 1, cpu, baseMs);
    return {{"traceEvents", writer.take()}, {"displayTimeUnit", "ms"},
        {"otherData", QJsonObject{{"generator", QStringLiteral("concurrency-lab " CL_VERSION)}}}};
}

} // namespace cl

#include "experiment/resultjson.h"

#include <QDateTime>
#include <QJsonArray>

namespace cl {

namespace {

QJsonObject paramsJson(const ExperimentSpec &s)
{
    QJsonObject p{{"gil", s.gil}, {"switch_interval_us", s.switchIntervalUs}, {"repeat", s.repeat}, {"pool", s.pool},
        {"start_method", toString(s.startMethod)}};
    if (s.workload == Workload::Cpu) {
        p.insert("steps", s.steps);
    } else {
        p.insert("requests", s.requests);
        p.insert("url", s.url);
        p.insert("connections", s.connections);
        p.insert("timeout_ms", s.timeoutMs);
        p.insert("keep_alive", s.keepAlive);
        if (!s.caCert.isEmpty())
            p.insert("cacert", s.caCert);
        if (s.insecure)
            p.insert("insecure", true);
    }
    return p;
}

// A time that exists only when some run was ok: null otherwise, never a 0 that reads as "instant".
QJsonValue okTime(const ExperimentResult &sr, double seconds)
{
    return sr.hasOkRun() ? QJsonValue(seconds) : QJsonValue(QJsonValue::Null);
}

QJsonObject runJson(const RunResult &r, Workload w)
{
    const QJsonArray spans = spansJson(r.spans);
    QJsonObject o{{"wall_s", r.wallS}, {"cpu_user_s", r.cpuUserS}, {"cpu_sys_s", r.cpuSysS}, {"peak_mem_bytes", r.peakMemBytes},
        {"mem_bytes", r.memBytes}, {"items", r.items}, {"errors", r.errors},
        {"error_messages", QJsonArray::fromStringList(r.errorMessages)}, {"status", toString(r.status)}, {"spans", spans}};
    if (r.processS > 0)
        o.insert("process_s", r.processS);
    if (r.startMonoMs > 0) // lines the run up with a recorded session's CPU samples
        o.insert("start_mono_ms", r.startMonoMs);
    if (r.finishedAtMs > 0)
        o.insert("finished_at", QDateTime::fromMSecsSinceEpoch(r.finishedAtMs, Qt::UTC).toString(Qt::ISODateWithMs));
    if (w == Workload::Io) {
        const LatencySummary l = summarizeLatencies(r.latenciesMs);
        o.insert("latency_ms", QJsonObject{{"p50", l.p50}, {"p95", l.p95}, {"p99", l.p99}, {"max", l.max}});
        QJsonArray all;
        for (double ms : r.latenciesMs)
            all.append(ms);
        o.insert("latencies_ms", all);
    }
    return o;
}

RunResult runFromJson(const QJsonObject &o)
{
    RunResult r;
    r.wallS = o["wall_s"].toDouble();
    r.processS = o["process_s"].toDouble();
    r.cpuUserS = o["cpu_user_s"].toDouble();
    r.cpuSysS = o["cpu_sys_s"].toDouble();
    r.peakMemBytes = o["peak_mem_bytes"].toInteger();
    r.memBytes = o["mem_bytes"].toInteger();
    r.items = o["items"].toInteger();
    r.errors = o["errors"].toInteger();
    r.startMonoMs = o["start_mono_ms"].toInteger();
    if (const QDateTime at = QDateTime::fromString(o["finished_at"].toString(), Qt::ISODateWithMs); at.isValid())
        r.finishedAtMs = at.toMSecsSinceEpoch();
    // "status" since 0.2; older files said "cancelled": true/false.
    r.status = runStatusFromString(o["status"].toString())
                   .value_or(o["cancelled"].toBool() ? RunStatus::Cancelled
                           : r.errors > 0            ? RunStatus::Failed
                                                     : RunStatus::Ok);
    for (const auto &m : o["error_messages"].toArray())
        r.errorMessages.append(m.toString());
    for (const auto &v : o["spans"].toArray()) {
        const QJsonObject s = v.toObject();
        r.spans.append(Span{s["worker"].toInt(), workerKindFromString(s["kind"].toString()).value_or(WorkerKind::Thread),
            workerStateFromString(s["state"].toString()).value_or(WorkerState::Running), s["t0_s"].toDouble(), s["t1_s"].toDouble()});
    }
    for (const auto &v : o["latencies_ms"].toArray())
        r.latenciesMs.append(v.toDouble());
    return r;
}

} // namespace

QJsonArray spansJson(const QList<Span> &spans)
{
    QJsonArray out;
    for (const Span &s : spans)
        out.append(
            QJsonObject{{"worker", s.worker}, {"kind", toString(s.kind)}, {"state", toString(s.state)}, {"t0_s", s.t0}, {"t1_s", s.t1}});
    return out;
}

QJsonObject toJson(const Report &report)
{
    QJsonArray results;
    for (const ExperimentResult &sr : report.results) {
        QJsonArray runs;
        for (const RunResult &r : sr.runs)
            runs.append(runJson(r, report.params.workload));
        results.append(QJsonObject{{"engine", toString(sr.engine)}, {"strategy", toString(sr.strategy)}, {"workers", sr.workers},
            {"gil", sr.gil}, {"items_asked", sr.itemsAsked}, {"best_s", okTime(sr, sr.bestS())}, {"median_s", okTime(sr, sr.medianS())},
            {"runs", runs}});
    }
    return QJsonObject{{"workload", toString(report.params.workload)}, {"params", paramsJson(report.params)}, {"results", results}};
}

std::optional<Report> reportFromJson(const QJsonObject &json, QString *error)
{
    const auto workload = workloadFromString(json["workload"].toString());
    if (!workload || !json["params"].isObject() || !json["results"].isArray()) {
        *error = QStringLiteral("not a Concurrency Lab results document");
        return std::nullopt;
    }
    Report rep;
    ExperimentSpec &p = rep.params;
    const QJsonObject params = json["params"].toObject();
    p.workload = *workload;
    p.gil = params["gil"].toBool(true);
    p.switchIntervalUs = params["switch_interval_us"].toInt(kDefaultSwitchIntervalUs);
    p.pool = params["pool"].toBool(false);
    p.startMethod = startMethodFromString(params["start_method"].toString()).value_or(StartMethod::Spawn);
    p.repeat = params["repeat"].toInt(1);
    p.steps = params["steps"].toInteger(p.steps);
    p.requests = params["requests"].toInteger(p.requests);
    p.url = params["url"].toString();
    p.connections = params["connections"].toInt(p.connections);
    p.timeoutMs = params["timeout_ms"].toInt(p.timeoutMs);
    p.keepAlive = params["keep_alive"].toBool(false);
    p.caCert = params["cacert"].toString();
    p.insecure = params["insecure"].toBool(false);
    for (const auto &v : json["results"].toArray()) {
        const QJsonObject o = v.toObject();
        const auto strategy = strategyFromString(o["strategy"].toString());
        if (!strategy) {
            *error = QStringLiteral("unknown strategy '%1'").arg(o["strategy"].toString());
            return std::nullopt;
        }
        ExperimentResult sr{*strategy, o["workers"].toInt(), o["gil"].toBool(), {}, o["items_asked"].toInteger(),
            engineFromString(o["engine"].toString()).value_or(Engine::Emulated)};
        for (const auto &r : o["runs"].toArray())
            sr.runs.append(runFromJson(r.toObject()));
        rep.results.append(sr);
    }
    return rep;
}

} // namespace cl
